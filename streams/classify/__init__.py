"""The event coder: NormalizedArticle in, CAMEO-coded events out. Pure: no Faust, no Kafka.

Rules are data (`data/*.yaml`, `data/cameo_eventcodes.tsv`). `load_coder()` reads and checks
them and builds the scan automatons, actor dictionary and gazetteer once (a few seconds);
the `Coder` it returns codes articles. Importing this package builds nothing: the
module-level `classify_article` and `code_events` are conveniences over a process-wide
default coder, built on first use. The coder version goes into every event so a record
always says which rules made it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from streams.classify.version import CODER_VERSION
from streams.languages import codes_language

if TYPE_CHECKING:
    from datetime import datetime

    from schemas import ClassifiedArticle, Event, NormalizedArticle
    from streams.classify.loader import Coder, CoderConfigError, default_coder, load_coder

__all__ = ["CODER_VERSION", "Coder", "CoderConfigError", "classify_article", "code_events",
           "codes_language", "default_coder", "load_coder"]


def classify_article(
    article: NormalizedArticle, *, now: datetime | None = None
) -> ClassifiedArticle:
    """One ClassifiedArticle per article, with its events (possibly none), by the default
    coder."""
    from streams.classify.loader import default_coder

    return default_coder().classify_article(article, now=now)


def code_events(article: NormalizedArticle) -> list[Event]:
    """The article's events by the default coder."""
    from streams.classify.loader import default_coder

    return default_coder().code_events(article)


def __getattr__(name: str) -> object:
    """`Coder`, `CoderConfigError`, `load_coder`, `default_coder`, without importing the
    loader (and what it imports) until one is asked for."""
    if name in ("Coder", "CoderConfigError", "load_coder", "default_coder"):
        from streams.classify import loader

        return getattr(loader, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
