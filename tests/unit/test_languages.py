"""Languages through the core: every record says its language; uncoded ones are not misread."""

from __future__ import annotations

from datetime import UTC, datetime

import orjson
import pytest

from streams.alerting import alerts_for
from streams.classify import classify_article, codes_language
from streams.languages import DEFAULT_LANGUAGES, OPT_IN_LANGUAGES, coded_languages
from streams.normalize import normalize_message

NOW = datetime(2025, 3, 4, 12, 0, tzinfo=UTC)
ENGLISH = {
    "id": "lang-en-1",
    "headline": "Drones knock out power station in Kharkiv",
    "body": "KHARKIV, March 4 (Reuters) - Russian drones struck the city's main power station "
            "overnight, cutting electricity to 200,000 homes, the regional governor said.",
}


def test_english_events_and_alerts_carry_the_language() -> None:
    classified = classify_article(normalize_message(orjson.dumps(ENGLISH), received_at=NOW))
    assert classified.language == "en"
    assert classified.events and {e.language for e in classified.events} == {"en"}
    alerts = alerts_for(classified)
    assert {a.kind for a in alerts} >= {"infrastructure_attack"}
    assert all(a.language == "en" and "Reported in" not in a.summary for a in alerts)


def test_an_uncoded_language_yields_an_article_with_no_events() -> None:
    raw = {
        "id": "lang-it-1",
        "body": "KHARKIV, 4 marzo. I droni hanno colpito la centrale elettrica della città, "
                "lasciando senza corrente 200 mila case, ha detto il governatore della regione.",
    }
    classified = classify_article(normalize_message(orjson.dumps(raw), received_at=NOW))
    assert classified.language == "it"
    assert classified.article_id == "lang-it-1"
    assert classified.events == [] and not codes_language("it")


def test_a_coded_language_other_than_english_yields_events_in_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("WIREWATCH_LANGUAGES", raising=False)  # Russian is coded by default
    raw = {
        "id": "lang-ru-1",
        "body": "ХАРЬКОВ, 4 марта. Беспилотники атаковали электростанцию, без света остались "
                "200 тысяч домов, сообщил губернатор области.",
    }
    classified = classify_article(normalize_message(orjson.dumps(raw), received_at=NOW))
    assert classified.language == "ru" and codes_language("ru")
    assert "attack.infrastructure" in {e.type for e in classified.events}
    event = next(e for e in classified.events if e.type == "attack.infrastructure")
    assert event.language == "ru" and event.evidence.text.startswith("Беспилотники атаковали")
    alert = next(a for a in alerts_for(classified) if a.kind == "infrastructure_attack")
    assert alert.language == "ru" and "Reported in Russian." in alert.summary


def test_a_summary_names_the_language_of_a_non_english_report() -> None:
    classified = classify_article(normalize_message(orjson.dumps(ENGLISH), received_at=NOW))
    # As if a French wire had been coded: the title and summary stay English.
    french = classified.model_copy(update={"language": "fr"})
    alert = next(a for a in alerts_for(french) if a.kind == "infrastructure_attack")
    assert alert.language == "fr"
    assert "Reported in French." in alert.summary
    assert alert.title == "Attack on infrastructure (Kharkiv)"


def test_a_language_left_out_of_wirewatch_languages_is_not_coded(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A deployment that names its languages codes those alone: Russian, coded by default, is
    passed on uncoded by a worker told "uk,de", and coded again once named."""
    raw = {"id": "lang-ru-2", "body": "ХАРЬКОВ, 4 марта. Беспилотники атаковали электростанцию."}
    monkeypatch.setenv("WIREWATCH_LANGUAGES", "uk,de")
    unnamed = classify_article(normalize_message(orjson.dumps(raw), received_at=NOW))
    assert unnamed.language == "ru" and unnamed.events == [] and not codes_language("ru")
    monkeypatch.setenv("WIREWATCH_LANGUAGES", "uk, RU")
    named = classify_article(normalize_message(orjson.dumps(raw), received_at=NOW))
    assert codes_language("ru") and "attack.infrastructure" in {e.type for e in named.events}


def test_wirewatch_languages_is_read_strictly() -> None:
    assert coded_languages("") == DEFAULT_LANGUAGES and "en" in DEFAULT_LANGUAGES
    assert coded_languages("ru") == {"en", "ru"}  # English is always read
    assert coded_languages("en,fr,,de ") == {"en", "fr", "de"}
    assert {"es", "fr", "de", "ru"} <= DEFAULT_LANGUAGES and not OPT_IN_LANGUAGES
    with pytest.raises(ValueError, match="it, xx"):
        coded_languages("fr,xx,it")
