"""The content hash: equal for exact re-sends, whatever their casing, spacing or id.

Duplicate detection and the fallback `article_id` both key on it, so it folds what a feeder's
re-send may change without changing the story (letter case, runs of whitespace, line breaks,
Unicode composition) and nothing else.
"""

from __future__ import annotations

import hashlib
import unicodedata


def fold(text: str | None) -> str:
    """Case- and whitespace-folded NFC text: the form that is hashed."""
    if not text:
        return ""
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    # Fast path, same result: when the only whitespace left after flattening lines is single
    # ASCII spaces (any other whitespace character is not printable), splitting is a no-op.
    flat = text.replace("\n", " ")
    if flat.isprintable() and "  " not in flat:
        return flat.strip().casefold()
    return " ".join(text.split()).casefold()


def content_hash(headline: str | None, body: str) -> str:
    """sha256 hex of the folded headline, a newline, and the folded body.

    The newline keeps the two fields apart, so moving words between headline and body changes
    the hash; a missing headline hashes like an empty one.
    """
    payload = f"{fold(headline)}\n{fold(body)}"
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()
