"""What the per-language coder tests share: one language's coder, and a wire coded through
normalize, classify and alerting as the pipeline does it."""

from __future__ import annotations

from datetime import UTC, datetime

import orjson

from schemas import Event
from streams.alerting import alerts_for
from streams.classify.loader import Coder, load_coder
from streams.normalize import normalize_message

NOW = datetime(2025, 6, 20, 12, 0, tzinfo=UTC)


def language_coder(code: str) -> Coder:
    """The coder of one language folder, built alone (a test never pays for the others)."""
    coder = load_coder(languages=[code]).for_language(code)
    assert coder is not None and coder.language == code
    return coder


def classify(coder: Coder, body: str, headline: str | None = None) -> tuple[list[Event], set[str]]:
    """Events and alert kinds for a wire in the coder's language."""
    raw = {"id": f"{coder.language}-test", "headline": headline, "body": body,
           "language": coder.language, "published_at": "2025-06-20T09:00:00Z"}
    article = normalize_message(orjson.dumps(raw), received_at=NOW)
    classified = coder.classify_article(article, now=NOW)
    return classified.events, {a.kind for a in alerts_for(classified, now=NOW)}


def types(coder: Coder, body: str, headline: str | None = None) -> set[str]:
    """The event types of a wire in the coder's language."""
    return {e.type for e in classify(coder, body, headline)[0]}


def killed_tolls(coder: Coder, body: str) -> tuple[list[int], set[str]]:
    """The killed figure of every casualty event of the text, and its alert kinds."""
    events, alerts = classify(coder, body)
    tolls = [e.casualties.killed for e in events
             if e.type == "casualties.reported" and e.casualties is not None
             and e.casualties.killed is not None]
    return tolls, alerts
