"""Builders shared by the coder's unit tests."""

from __future__ import annotations

from datetime import UTC, datetime

from schemas import Event, NormalizedArticle
from streams.classify import code_events

PUBLISHED = datetime(2025, 6, 5, 8, 30, tzinfo=UTC)  # a Thursday


def article(
    body: str,
    *,
    headline: str | None = None,
    caption: str | None = None,
    published: datetime | None = PUBLISHED,
    article_id: str = "t-1",
) -> NormalizedArticle:
    return NormalizedArticle(
        article_id=article_id,
        content_hash="0" * 64,
        format="text",
        headline=headline,
        body=body,
        caption=caption,
        published_at=published,
        received_at=PUBLISHED,
    )


def code(body: str, **kwargs: object) -> list[Event]:
    return code_events(article(body, **kwargs))  # type: ignore[arg-type]


def types(body: str, **kwargs: object) -> set[str]:
    return {e.type for e in code(body, **kwargs)}


VIOLENT = frozenset({"attack.aerial", "attack.infrastructure", "attack.military_target",
                     "casualties.reported"})


def violent(body: str, **kwargs: object) -> set[str]:
    """The violent event types coded from `body` (attacks and tolls)."""
    return types(body, **kwargs) & VIOLENT


def one(events: list[Event], type_: str) -> Event:
    found = [e for e in events if e.type == type_]
    assert len(found) == 1, [e.type for e in events]
    return found[0]
