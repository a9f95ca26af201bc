"""The event coder: NormalizedArticle in, CAMEO-coded events out. Pure: no Faust, no Kafka.

Rules are data (`data/*.yaml`, `data/cameo_eventcodes.tsv`), loaded once at import; the
coder version goes into every event so a record always says which rules made it.
"""

from __future__ import annotations

from datetime import UTC, datetime

from schemas import ClassifiedArticle, NormalizedArticle
from streams.classify.coder import CODER_VERSION, code_events

__all__ = ["CODER_VERSION", "classify_article", "code_events"]


def classify_article(
    article: NormalizedArticle, *, now: datetime | None = None
) -> ClassifiedArticle:
    """One ClassifiedArticle per article, with its events (possibly none)."""
    return ClassifiedArticle(
        article_id=article.article_id,
        content_hash=article.content_hash,
        version=article.version,
        retracted=article.retracted,
        duplicate_of=article.duplicate_of,
        headline=article.headline,
        source=article.source,
        url=article.url,
        published_at=article.published_at,
        events=code_events(article),
        coder_version=CODER_VERSION,
        classified_at=now or datetime.now(UTC),
        ingest_ts_ms=article.ingest_ts_ms,
    )
