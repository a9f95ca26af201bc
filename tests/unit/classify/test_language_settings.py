"""Language settings that change how the engine reads (issue 12): figures written the
language's way (`digits`), separable verbs (`verb … particle` cue terms), verb-final clauses
(`verb_final`) and capitalised nouns (`nouns_capitalised`). Each is data in a language folder;
English, which sets none of them, reads exactly as before. Every sentence here was written for
this test, in new words."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from streams.classify.figures import Figures
from streams.classify.language_data import ENGLISH
from streams.classify.lexicon import Lexicon
from streams.classify.loader import CoderConfigError, load_coder

DATA = Path(__file__).resolve().parents[3] / "streams" / "classify" / "data"

_LEXICON: dict[str, Any] = {
    "numbers": {"zwei": 2, "dutzende": 12},
    "multipliers": {"tausend": 1000, "millionen": 1_000_000, "mio": 1_000_000, "тыс": 1000},
    "currencies": {},
    "roles": {"person_nouns": ["menschen", "человек"]},
    "qualifiers": ["mehr als", "более"],
}


def _value(figures: Figures, text: str) -> int | None:
    match = figures.number_re.search(text)
    assert match is not None, text
    return figures.number_value(match)


@pytest.mark.parametrize(("text", "value"), [
    ("2.000 Verletzte", 2000),
    ("mehr als 12.600 Menschen", 12600),
    ("1.250.000 Vertriebene", 1_250_000),
    ("2,5 Millionen Menschen", 2_500_000),
    ("3 Mio. Menschen", 3_000_000),
    ("um 21.45 Uhr", 21),        # a time: no thousands group
    ("im Jahr 2024", None),      # a year
])
def test_a_language_reads_its_own_digit_groups(text: str, value: int | None) -> None:
    assert _value(Figures(_LEXICON, (".",), ","), text) == value


def test_space_grouped_thousands_are_one_figure_before_their_cue() -> None:
    figures = Figures(_LEXICON, (" ", "\u00a0", "\u202f"), ",")
    text = "ранены более 1 200 человек"
    assert _value(figures, text) == 1200
    before = "В результате обстрела 1\u00a0200 человек ранены"
    count = figures.count_before(before, before.index(" ранены"), 0)
    assert count is not None and count.value == 1200
    assert _value(figures, "пострадали 1,5 тыс. человек") == 1500


def test_english_keeps_its_own_figures() -> None:
    """Without `digits`, "2.000" is 2.0 as it always was, and "1,200" is 1200."""
    figures = Figures(_LEXICON)
    assert _value(figures, "2.000 people") == 2
    assert _value(figures, "1,200 people") == 1200
    assert ENGLISH.thousands == () and not ENGLISH.verb_final and not ENGLISH.nouns_capitalised


def _scan(terms: list[str], text: str, clause_words: tuple[str, ...] = ("und",)) -> list[str]:
    lexicon = {"cues": {"reject": terms}, "figures": {},
               "assets": {"infrastructure": {}, "military": {}}}
    scan = Lexicon(lexicon, [], clause_words=clause_words)
    return [text[h.start : h.end] for h in scan.scan(text) if h.cat == "reject"]


@pytest.mark.parametrize(("text", "found"), [
    ("Der Kreml wies den Vorschlag einer Feuerpause zurück.", ["wies"]),
    ("Der Kreml wies den Vorschlag zurück und sprach von einem Ultimatum.", ["wies"]),
    ("Moskau wies darauf hin, dass die Feuerpause halte.", []),
    ("Moskau wies den Weg zurück zum Verhandlungstisch.", []),  # "zurück" does not close it
    ("Die Waffenruhe trat am Sonntag um Mitternacht in Kraft.", ["trat"]),
    ("Er trat in den Raum und sprach.", []),
])
def test_a_separable_verb_counts_only_with_its_particle_closing_the_clause(
    text: str, found: list[str]
) -> None:
    assert _scan(["wies … zurück", "trat … in kraft"], text) == found


def _data_dir(tmp: Path, language: dict[str, Any], lexicon: dict[str, Any]) -> Path:
    shutil.copytree(DATA, tmp / "data", ignore=shutil.ignore_patterns("lang"))
    english = yaml.safe_load((DATA / "lexicon.yaml").read_text(encoding="utf-8"))
    lexicon = {"version": 1, **lexicon, "phrases": {name: [] for name in english["phrases"]}}
    folder = tmp / "data" / "lang" / "xx"
    folder.mkdir(parents=True)
    article = yaml.safe_load((DATA / "article.yaml").read_text(encoding="utf-8"))
    for name, doc in (("language.yaml", {"version": 1, "code": "xx", "name": "Test",
                                         **language}),
                      ("lexicon.yaml", lexicon), ("actors.yaml", {"version": 1, "actors": []}),
                      ("article.yaml", {"version": 1,
                                        "lists": {name: [] for name in article["lists"]}})):
        (folder / name).write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    return tmp / "data"


@pytest.mark.parametrize(("language", "lexicon", "message"), [
    ({"digits": {"thousands": ["."], "decimal": "."}}, {}, "decimal mark"),
    ({"digits": {"thousands": ["_"], "decimal": ","}}, {}, "thousands"),
    ({}, {"cues": {"reject": ["wies … zurück …"]}}, "separable"),
    ({}, {"cues": {"reject": ["wies …"]}}, "separable"),
    ({}, {"qualifiers": ["mehr … als"]}, "separable"),
])
def test_a_bad_setting_fails_at_load_naming_it(
    tmp_path: Path, language: dict[str, Any], lexicon: dict[str, Any], message: str
) -> None:
    with pytest.raises(CoderConfigError) as caught:
        load_coder(_data_dir(tmp_path, language, lexicon), languages=["xx"])
    assert message in str(caught.value)


def test_the_settings_reach_the_language_coder(tmp_path: Path) -> None:
    language = {"digits": {"thousands": ["."], "decimal": ","}, "verb_final": True,
                "nouns_capitalised": True}
    built = load_coder(_data_dir(tmp_path, language, {}), languages=["xx"]).by_language["xx"]
    settings = built.words.settings
    assert settings.thousands == (".",) and settings.decimal == ","
    assert settings.verb_final and settings.nouns_capitalised


def test_a_dateline_ends_no_sentence() -> None:
    """The agency dateline ("ТУЛА, 3 мая. /ТАСС/.") is no sentence, so what the lede says
    (a trial, a drill) is read as the lede; without the setting it stands alone as one."""
    import re

    from streams.classify.sentences import Splitter

    text = "ТУЛА, 3 мая. /ТАСС/. Суд вынес приговор по делу о поджоге. Защита обжалует его."
    dated = Splitter([], dateline=re.compile(r"\s*[^\n.]{1,40},\s*\d{1,2}\s+\w+\.\s*/ТАСС/\."))
    assert [text[a:b] for a, b in dated.split(text)] == [
        "Суд вынес приговор по делу о поджоге.", "Защита обжалует его."]
    first, *_ = Splitter([]).split(text)
    assert text[first[0] : first[1]] == "ТУЛА, 3 мая. /ТАСС/."
    plain = "Суд вынес приговор. Защита обжалует его."
    assert len(dated.split(plain)) == 2


def test_a_dateline_that_is_no_regex_fails_at_load(tmp_path: Path) -> None:
    with pytest.raises(CoderConfigError, match="dateline"):
        load_coder(_data_dir(tmp_path, {"dateline": "(unclosed"}, {}), languages=["xx"])
