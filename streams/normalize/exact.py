"""Exact re-sends, told apart from replays of the same message after a crash.

The dedup table maps an identity to the mark of the message that first carried it. A mark
names the source offset that wrote it, so the stage can tell "seen before, at another offset"
(a re-send: drop it) from "seen at this very offset" (the crashed run stored the mark but its
forward may have died with the process: forward again). Without the offset a kill -9 between
the table write and the send lost the article (issue 9).
"""

from __future__ import annotations

from typing import Any

from schemas.article import NormalizedArticle


def identity(article: NormalizedArticle) -> str:
    """The same text at the same version and status.

    A retraction or a new version can keep the text unchanged; it must still reach the
    alert stage, so version and retraction are part of the identity.
    """
    suffix = ":retracted" if article.retracted else ""
    return f"{article.content_hash}:v{article.version}{suffix}"


def key(article: NormalizedArticle) -> str:
    """The dedup table's key: the identity under the article's id, so that the mark lives on
    the partition every message of that article id is processed on (the article stage is
    keyed by article id). The same text under another id is another agency's copy: the
    near-duplicate index marks it `duplicate_of` the first."""
    return f"{article.article_id}|{identity(article)}"


def article_of(table_key: str) -> str:
    """The article id a dedup table key belongs to: what its partition follows.

    >>> article_of("reuters-123|9f2c:v2")
    'reuters-123'
    """
    return table_key.rsplit("|", 1)[0]


def mark(article_id: str, partition: int, offset: int, topic: str = "") -> dict[str, Any]:
    """What the table stores for an identity: who carried it first, and where (`topic`
    tells the stage's source topics apart: a record's offset is only unique in its topic)."""
    return {"id": article_id, "p": partition, "o": offset, "t": topic}


def is_duplicate(existing: Any, partition: int, offset: int, topic: str = "") -> bool:
    """Whether the message at (topic, partition, offset) repeats one seen before.

    No mark: new. A mark written by this very offset: a replay of ourselves, not a duplicate.
    Anything else (another offset's mark, or a bare article id written before marks carried
    offsets): a duplicate.
    """
    if existing is None:
        return False
    if isinstance(existing, dict):
        return (existing.get("p"), existing.get("o"), existing.get("t", "")) != (
            partition, offset, topic)
    return True
