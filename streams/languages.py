"""The languages Wirewatch knows by name, apart from any library, so every stage can say them."""

from __future__ import annotations

# The languages the coder reads; an article in any other language (given or detected) is
# passed on with no events and counted in wirewatch_articles_uncoded_language_total.
# Each one besides English is a data folder, streams/classify/data/lang/<code>/ (its FORMAT.md).
CODED_LANGUAGES: frozenset[str] = frozenset({"en", "ru", "uk"})
# The languages detection tells apart: the coded ones, those the coder is to read next, and
# others wires often come in, so none is forced into its nearest coded neighbour.
DETECTED_LANGUAGES: frozenset[str] = frozenset(
    {"en", "ru", "uk", "fr", "es", "ar", "de", "it", "pt", "tr", "fa", "he", "pl", "zh", "ja"}
)

# English names for alert summaries, which stay English whatever the wire's language.
LANGUAGE_NAMES: dict[str, str] = {
    "en": "English", "ru": "Russian", "uk": "Ukrainian", "fr": "French", "es": "Spanish",
    "ar": "Arabic", "de": "German", "it": "Italian", "pt": "Portuguese", "tr": "Turkish",
    "fa": "Persian", "he": "Hebrew", "pl": "Polish", "zh": "Chinese", "ja": "Japanese",
}


def codes_language(language: str | None) -> bool:
    """Whether the coder reads this language; an unknown language is read (as English)."""
    return language is None or language in CODED_LANGUAGES
