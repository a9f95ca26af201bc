"""A sentence set in an earlier year by the words before the year (`year_before`, with the
month and the `year_links` between them: "en mars 2022", "en junio de 2025", "aquel 8 de
abril de 2022"): history, not news, as the language's `year_words` after a year ("в 2022
году") already made it. Sentences written for this test; wires are dated 20 June 2025."""

from __future__ import annotations

import pytest

from streams.classify.words import Words
from tests.unit.classify.langkit import language_coder
from tests.unit.classify.langkit import types as _types


@pytest.mark.parametrize(("lang", "text", "year"), [
    ("fr", "Les discussions avaient été rompues en novembre 2023 à Genève.", "2023"),
    ("fr", "Fin 2022, les frappes avaient visé la centrale.", "2022"),
    ("es", "Las conversaciones se suspendieron en julio de 2024 en Ginebra.", "2024"),
    ("es", "aquel 3 de marzo de 2022 murieron 40 personas", "2022"),
])
def test_the_year_after_its_words_is_read(lang: str, text: str, year: str) -> None:
    year_re = language_coder(lang).words.year_re
    assert year_re is not None
    assert [m.group(1) for m in year_re.finditer(text)] == [year]


@pytest.mark.parametrize(("lang", "text"), [
    ("fr", "Les combats ont fait plus de 2000 morts."),       # a figure, not a year
    ("fr", "la frappe la plus meurtrière depuis 2014"),         # "since": news
    ("es", "El ataque dejó más de 2000 muertos."),
    ("es", "el ataque más mortífero desde 2014"),
])
def test_a_figure_or_a_year_since_is_not_a_setting(lang: str, text: str) -> None:
    year_re = language_coder(lang).words.year_re
    assert year_re is not None and year_re.search(text) is None


@pytest.mark.parametrize(("lang", "text"), [
    ("fr", "Israël a frappé mardi le sud du Liban malgré la trêve conclue en novembre 2024."),
    ("fr", "Des frappes ont visé Tyr malgré le cessez-le-feu entré en vigueur en novembre 2024."),
    ("es", "Israel bombardeó el martes el sur del Líbano pese a la tregua firmada en noviembre "
           "de 2024."),
])
def test_a_year_that_dates_the_accord_does_not_date_the_sentence(lang: str, text: str) -> None:
    year_re = language_coder(lang).words.year_re
    assert year_re is not None and year_re.search(text) is None


def test_talks_broken_off_in_an_earlier_year_are_history() -> None:
    fr, es = language_coder("fr"), language_coder("es")
    assert "negotiation.stalled" not in _types(
        fr, "Les précédentes négociations avaient été suspendues en avril 2022 à Istanbul.")
    assert "negotiation.stalled" not in _types(
        es, "Las anteriores negociaciones quedaron suspendidas en abril de 2022 en Estambul.")
    # this year's stay news
    assert "negotiation.stalled" in _types(
        fr, "Les négociations ont été suspendues en juin 2025 à Istanbul, a annoncé Kiev.")


def test_year_words_alone_build_the_pattern_they_always_built() -> None:
    base = {"roles": {"agent_prep": [], "target_prep": [], "partner_prep": [],
                      "person_nouns": []},
            "assets": {"strategic": []}, "numbers": {}, "multipliers": {}, "currencies": {}}
    words = Words({**base, "year_words": ["год*"]})
    assert words.year_re is not None
    assert words.year_re.pattern == r"(?<!\d)((?:19|20)\d\d)\s*(?:год\w*)(?!\w)"
    assert Words(base).year_re is None


def test_modifiers_after_the_noun_may_stand_before_its_participle() -> None:
    """`modifiers_after` (French, Spanish: 2): "l'aérodrome militaire d'Engels visé par"
    and "un buque de guerra ruso alcanzado por" name the asset hit; English reads "hit by"
    right after the noun, as before."""
    from streams.classify.predicates import _hit_by
    from streams.classify.words import default_words

    fr, es = language_coder("fr").words, language_coder("es").words
    text = "l'aérodrome militaire d'Engels visé par des drones"
    assert _hit_by(fr).match(text, text.index(" d'Engels")) is not None
    text = "un buque de guerra ruso alcanzado por un misil"
    assert _hit_by(es).match(text, text.index(" ruso")) is not None
    # three words are too many: another clause
    text = "la frégate qui escortait le convoi visée par"
    assert _hit_by(fr).match(text, text.index(" qui")) is None
    english = _hit_by(default_words())
    # (and, since the golden table's third pass, "their patrol hit a roadside bomb")
    assert english.pattern.startswith(r"\s{0,2}(?:hit\s+by|")
    assert english.match(" hit a roadside bomb") is not None
