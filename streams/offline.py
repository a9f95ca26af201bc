"""One wire through the pure core, without Kafka: normalize, classify, alert.

The offline `wirewatch classify`, the demo's expectations, the evaluation and the tests that
predict what a worker will raise all call this, so they run exactly the functions the agents
run, in the same order.
"""

from __future__ import annotations

from datetime import UTC, datetime

from schemas import Alert, ClassifiedArticle
from streams.alerting import alerts_for
from streams.classify import classify_article
from streams.normalize import normalize_message


def code_wire(
    value: bytes, *, now: datetime | None = None, published_at: datetime | None = None
) -> tuple[ClassifiedArticle, list[Alert]]:
    """The article's events and the alerts it raises on its own; `published_at` stands in
    when the wire carries no date. Raises `streams.normalize.Rejected` for unusable input."""
    now = now or datetime.now(UTC)
    article = normalize_message(value, received_at=now)
    if article.published_at is None and published_at is not None:
        article = article.model_copy(update={"published_at": published_at})
    classified = classify_article(article, now=now)
    return classified, alerts_for(classified, now=now)
