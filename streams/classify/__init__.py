"""The event coder: NormalizedArticle in, CAMEO-coded events out. Pure: no Faust, no Kafka.

Rules are data (`data/*.yaml`, `data/cameo_eventcodes.tsv`), loaded once at import; the
coder version goes into every event so a record always says which rules made it.
"""

from __future__ import annotations

from datetime import UTC, datetime

from schemas import ClassifiedArticle, NormalizedArticle
from streams.classify.coder import CODER_VERSION, code_events
from streams.languages import CODED_LANGUAGES

__all__ = ["CODER_VERSION", "classify_article", "code_events", "codes_language"]


def codes_language(language: str | None) -> bool:
    """Whether the coder reads this language; an unknown language is read (as English)."""
    return language is None or language in CODED_LANGUAGES


def classify_article(
    article: NormalizedArticle, *, now: datetime | None = None
) -> ClassifiedArticle:
    """One ClassifiedArticle per article, with its events (possibly none: also when the
    coder does not read the article's language, rather than misreading it as English)."""
    events = code_events(article) if codes_language(article.language) else []
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
        events=events,
        coder_version=CODER_VERSION,
        classified_at=now or datetime.now(UTC),
        ingest_ts_ms=article.ingest_ts_ms,
        language=article.language,
    )
