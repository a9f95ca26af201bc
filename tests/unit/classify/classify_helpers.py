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


def killed(body: str, **kwargs: object) -> list[int]:
    """The killed figures of every casualty event coded from `body`, sorted (0 for none)."""
    return sorted((e.casualties.killed or 0) for e in code(body, **kwargs)
                  if e.type == "casualties.reported" and e.casualties is not None)


def strategic(body: str, **kwargs: object) -> bool:
    """Whether any military target coded from `body` is on the strategic list."""
    return any(e.strategic for e in code(body, **kwargs) if e.type == "attack.military_target")
