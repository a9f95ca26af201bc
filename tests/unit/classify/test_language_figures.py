"""Figures grouped by thousands the language's way (`language.yaml`'s `digits`): "1,200"
in English, "1 200" (a space, a no-break or a narrow no-break space) and "1.200" in French,
"2.000" in Spanish. A figure read as its last group ("200") or as a year ("2.000") turns a
war's thousands into a handful, or a handful into nothing."""

from __future__ import annotations

import pytest

from streams.classify.figures import Figures

_LEXICON = {"numbers": {"deux": 2}, "multipliers": {}, "currencies": {},
            "roles": {"person_nouns": ["personnes", "civils", "people"]}}


def _before(figures: Figures, text: str, cue: str) -> int | None:
    count = figures.count_before(text, text.index(cue), 0)
    return None if count is None else count.value


def _after(figures: Figures, text: str, cue: str) -> int | None:
    pos = text.index(cue) + len(cue)
    count = figures.count_after(text, pos, len(text))
    return None if count is None else count.value


@pytest.mark.parametrize("space", [" ", "\u00a0", "\u202f"])
def test_a_space_grouped_figure_is_read_whole_before_its_cue(space: str) -> None:
    french = Figures(_LEXICON, (" ", "\u00a0", "\u202f", "."), ",")
    assert _before(french, f"Les combats ont fait 1{space}200 morts mardi.", "morts") == 1200
    assert _before(french, f"au moins 12{space}500 civils tués", "tués") == 12500


def test_a_dot_grouped_figure_is_a_count_not_a_year_nor_a_decimal() -> None:
    spanish = Figures(_LEXICON, (".", " "), ",")
    assert _before(spanish, "El ataque causó 2.000 muertos.", "muertos") == 2000
    assert _after(spanish, "the toll rose to 1.250.000 people", "toll") == 1250000
    # a year stays a year, a decimal a decimal
    assert _before(spanish, "En 2024 murieron", "murieron") is None
    assert _before(spanish, "unos 2.5 muertos", "muertos") == 2


def test_english_groups_with_commas_only() -> None:
    english = Figures(_LEXICON)
    assert _before(english, "Some 1,200 people were killed.", "were") == 1200
    assert _before(english, "In 2024 people were killed.", "were") is None
    # a space does not group an English figure: the count is its last number
    assert _before(english, "Of the 3 200 people killed", "killed") == 200
    assert r"\d{1,3}(?:,\d{3})+" in english.number_re.pattern  # "1,200", English's own form


def test_the_shipped_french_and_spanish_coders_read_their_thousands() -> None:
    from tests.unit.classify.langkit import language_coder

    for lang, text, cue in (("fr", "La guerre a fait plus de 150\u202f000 morts.", "morts"),
                            ("es", "La guerra ha causado más de 150.000 muertos.", "muertos")):
        figures = language_coder(lang).words.figures
        assert _before(figures, text, cue) == 150000


def test_a_number_of_several_words_is_read_whole_where_the_language_says_so() -> None:
    lexicon = {**_LEXICON, "numbers": {"cinco": 5, "treinta": 30, "treinta y cinco": 35}}
    spanish = Figures(lexicon, (".",), ",", compound_numbers=True)
    assert _before(spanish, "Treinta y cinco civiles murieron.", "murieron") == 35
    assert _before(spanish, "Murieron cinco civiles.", "civiles") == 5
    # without the setting (every language so far) the last word is read, as before
    assert _before(Figures(lexicon, (".",), ","), "Treinta y cinco civiles murieron.",
                   "murieron") == 5
