"""Language: given codes are read, missing ones detected, uncoded languages named as such."""

from __future__ import annotations

from datetime import UTC, datetime

import orjson
import pytest

from streams.languages import DEFAULT_LANGUAGES, OPT_IN_LANGUAGES
from streams.normalize import normalize_message
from streams.normalize.language import detect_language, given_language

NOW = datetime(2025, 3, 4, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("value", "code"),
    [("en", "en"), ("EN", "en"), ("en-GB", "en"), ("pt_BR", "pt"), (" uk ", "uk"),
     ("English", None), ("eng", None), ("", None), (None, None), ("e1", None)],
)
def test_given_codes_are_read_as_iso_639_1(value: str | None, code: str | None) -> None:
    assert given_language(value) == code


# Flashes and ledes of a dozen words: the hard case for detection. Written for this test.
SHORT = {
    "en": ["URGENT: Houthi rebels claim drone attack on tanker off Hodeidah",
           "Sudan army says talks with RSF in Jeddah have been suspended"],
    "ru": ["СРОЧНО: Минобороны заявило об ударе по складу боеприпасов под Херсоном",
           "Кремль назвал предложение о прекращении огня неприемлемым"],
    "uk": ["ТЕРМІНОВО: окупанти вдарили по підстанції на Дніпропетровщині",
           "Сили оборони знищили склад боєприпасів ворога поблизу Мелітополя"],
    "fr": ["URGENT: le Hezbollah dit avoir visé une caserne dans le nord d'Israël",
           "Les pourparlers de Doha suspendus après le départ de la délégation"],
    "es": ["URGENTE: el ELN ataca con explosivos un tramo del oleoducto en Arauca",
           "Las conversaciones de paz quedan suspendidas tras el ataque"],
    "ar": ["عاجل: غارات إسرائيلية على جنوب لبنان ومقتل ثلاثة أشخاص",
           "الجيش السوداني يعلن تعليق المفاوضات مع قوات الدعم السريع"],
    "de": ["EILMELDUNG: Russische Drohnen treffen Umspannwerk bei Charkiw",
           "Die Gespräche über eine Waffenruhe sind nach Angaben aus Kairo gescheitert"],
}


@pytest.mark.parametrize(("lang", "text"), [(k, t) for k, v in SHORT.items() for t in v])
def test_short_wires_in_every_coded_language(lang: str, text: str) -> None:
    assert detect_language(text) == lang


def test_uncoded_languages_are_named_not_forced_into_a_coded_one() -> None:
    assert detect_language("Il governo italiano ha condannato l'attacco contro la nave") == "it"
    assert detect_language("O exército anunciou que as negociações foram suspensas") == "pt"
    assert not {"it", "pt"} & (DEFAULT_LANGUAGES | OPT_IN_LANGUAGES)


def test_no_letters_no_language() -> None:
    assert detect_language("2025-03-04 12:00 +++ 1234", None, "") is None


def test_the_headline_is_read_with_the_body_and_the_given_code_wins() -> None:
    raw = {"headline": "Кремль отверг перемирие", "body": "Москва заявила, что не примет план."}
    detected = normalize_message(orjson.dumps(raw), received_at=NOW)
    assert detected.language == "ru"
    given = normalize_message(orjson.dumps({**raw, "language": "uk-UA"}), received_at=NOW)
    assert given.language == "uk"


def test_wire_text_is_detected() -> None:
    text = "BERLIN (dpa) - Die Bundesregierung hat den Angriff auf das Kraftwerk verurteilt."
    assert normalize_message(text.encode(), received_at=NOW).language == "de"
