"""From a format's reading to a `NormalizedArticle`: the steps every format shares.

Each format reader (project JSON, ninjs, wire text) only maps its fields onto a `Draft`; the
cleaning, dateline split, bulletin rule, emptiness check, hashing and id fallback happen here
once, so the three formats cannot drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from schemas.article import Dateline, InputFormat, NormalizedArticle
from streams.normalize.cleaning import clean_identifier, clean_line, clean_text
from streams.normalize.dateline import split_dateline
from streams.normalize.fingerprint import content_hash
from streams.normalize.language import language_of
from streams.normalize.rejected import Rejected

HASH_ID_PREFIX = "sha256:"
HASH_ID_HEX_CHARS = 32
# A bulletin is a single short line; longer all-caps text is shouting, not a headline.
_MAX_BULLETIN_CHARS = 300


@dataclass(slots=True)
class Draft:
    """What a format reader found, before the shared steps. Text fields are not yet cleaned."""

    format: InputFormat
    body: str
    headline: str | None = None
    caption: str | None = None
    article_id: str | None = None
    source: str | None = None
    url: str | None = None
    published_at: datetime | None = None
    language: str | None = None
    version: int = 1
    retracted: bool = False
    # Plain wire text is cleaned before its lines are read, so it need not be cleaned twice.
    cleaned: bool = False
    dateline: Dateline | None = None
    # Where the body came from, named in the "empty" error (e.g. "body_html").
    body_field: str = "body"


def is_bulletin(text: str) -> bool:
    """A one-line all-capitals flash (`PUTIN REJECTS TRUCE`), which is its own headline."""
    return "\n" not in text and len(text) <= _MAX_BULLETIN_CHARS and text.isupper()


def _optional_line(text: str | None) -> str | None:
    if text is None:
        return None
    return clean_line(text) or None


def finish(draft: Draft, *, received_at: datetime, ingest_ts_ms: int | None) -> NormalizedArticle:
    """Clean, split the dateline, apply the bulletin rule, hash, and build the article."""
    body = draft.body if draft.cleaned else clean_text(draft.body)
    headline = _optional_line(draft.headline)
    caption = _optional_line(draft.caption)
    dateline = draft.dateline
    if dateline is None:
        dateline, body = split_dateline(body)
    if not body and headline is None and caption is None:
        # a flash (a headline, maybe a caption, no body) is coded from what it has; a
        # message with no text in any of the three is a dead letter
        where = " after its dateline" if dateline is not None else ""
        raise Rejected(
            "empty",
            f"The {_FORMAT_NAMES[draft.format]} has no article text in '{draft.body_field}'{where} "
            "and no headline or caption once markup, control and invisible characters are "
            "removed; send the story's text.",
        )
    if headline is None and is_bulletin(body):
        headline = body
    digest = content_hash(headline, body)
    if received_at.tzinfo is None:
        received_at = received_at.replace(tzinfo=UTC)
    return NormalizedArticle(
        article_id=draft.article_id or HASH_ID_PREFIX + digest[:HASH_ID_HEX_CHARS],
        content_hash=digest,
        format=draft.format,
        headline=headline,
        body=body,
        caption=caption,
        dateline=dateline,
        source=_optional_line(draft.source) or (dateline.agency if dateline else None),
        url=clean_identifier(draft.url) or None if draft.url else None,
        published_at=draft.published_at,
        language=language_of(draft.language, headline, caption, body),
        version=draft.version,
        retracted=draft.retracted,
        received_at=received_at,
        ingest_ts_ms=ingest_ts_ms,
    )


_FORMAT_NAMES: dict[InputFormat, str] = {
    "json": "JSON article",
    "ninjs": "ninjs document",
    "text": "wire text",
}
