"""The coder's article-level checks as per-language data (issues 11, 12): every word coder.py's
checks read is in `data/article.yaml` (English) or a language folder's `article.yaml`, checked
at load. For each coded language, one wire the checks keep out (each coded an event or an
alert before the language had its lists) and one real event in the same language that they
leave standing."""

from __future__ import annotations

import shutil
from functools import cache
from pathlib import Path

import pytest
import yaml

from streams.classify.loader import Coder, CoderConfigError, load_coder
from tests.unit.classify.langkit import classify, language_coder

DATA = Path(__file__).resolve().parents[3] / "streams" / "classify" / "data"


@cache
def _coder(code: str) -> Coder:
    return language_coder(code)


def _evidence(code: str, body: str, headline: str | None = None) -> tuple[list[str], set[str]]:
    """The evidence sentences of the wire's events, and its alert kinds."""
    events, alerts = classify(_coder(code), body, headline)
    return [e.evidence.text for e in events], alerts


# --- the checks fire ------------------------------------------------------------------------

def test_russian_drill_led_story_codes_no_launch() -> None:
    # led by an exercise ("учения"): the fighters' launch is the exercise's
    evidence, alerts = _evidence(
        "ru", "Корабли Черноморского флота провели учения в Черном море, сообщили в Минобороны"
        " России. Истребители Су-30 нанесли ракетный удар по морской цели. Экипажи отработали"
        " перехват крылатых ракет.", "Черноморский флот провел учения в Черном море")
    assert evidence == [] and alerts == set()


def test_ukrainian_background_paragraph_dated_to_march_is_not_news() -> None:
    # read on June 20: a strike "in March" (the locative "у березні") is background
    evidence, alerts = _evidence(
        "uk", "Уночі російські дрони атакували енергетичну інфраструктуру Одеси, повідомив"
        " голова ОВА. У березні російська ракета влучила в підстанцію в Одесі, загинули"
        " п'ятеро людей.")
    assert evidence and not any(text.startswith("У березні") for text in evidence)
    assert alerts == {"infrastructure_attack"}


def test_german_verdict_for_an_attack_of_an_earlier_year_is_no_attack() -> None:
    evidence, alerts = _evidence(
        "de", "Ein Gericht in Kiew verurteilte am Donnerstag einen russischen Offizier in"
        " Abwesenheit zu 15 Jahren Haft wegen des Raketenangriffs auf Dnipro 2023, bei dem 46"
        " Menschen getötet wurden.")
    assert evidence == [] and alerts == set()


def test_french_claim_refuted_in_the_next_sentence_is_taken_back() -> None:
    evidence, alerts = _evidence(
        "fr", "Des comptes sur les réseaux sociaux ont affirmé jeudi qu'un drone ukrainien avait"
        " frappé la centrale nucléaire de Zaporijjia. L'exploitant a déclaré que ces"
        " informations étaient fausses.")
    assert evidence == [] and alerts == set()


def test_spanish_accident_story_codes_no_violence() -> None:
    evidence, alerts = _evidence(
        "es", "La explosión en un depósito de municiones del ejército en Bogotá se debió a un"
        " accidente laboral, informó el jueves la fiscalía. La explosión destruyó el depósito y"
        " dejó tres heridos.")
    assert evidence == [] and alerts == set()


def test_arabic_depot_fire_the_article_puts_down_to_negligence_is_no_attack() -> None:
    evidence, alerts = _evidence(
        "ar", "اندلع حريق في مستودع ذخيرة للجيش في عدن يوم الخميس. وقال مسؤول إن الانفجار نجم"
        " عن إهمال في التخزين. ودمر الانفجار المستودع.")
    assert evidence == [] and alerts == set()


# --- the same languages' real events stand ----------------------------------------------------

def test_russian_real_strike_is_coded() -> None:
    evidence, alerts = _evidence(
        "ru", "Российские войска нанесли ракетный удар по порту Одессы в пятницу, погибли пять"
        " человек, сообщил глава области. Фрегат выпустил крылатые ракеты «Калибр» по порту.",
        "Российские войска нанесли ракетный удар по Одессе")
    assert evidence and "infrastructure_attack" in alerts


def test_ukrainian_toll_of_the_night_is_coded() -> None:
    evidence, _ = _evidence(
        "uk", "Уночі російські дрони атакували енергетичну інфраструктуру Одеси, повідомив"
        " голова ОВА. Внаслідок удару по підстанції в Одесі загинули п'ятеро людей.")
    assert any(text.startswith("Внаслідок удару") for text in evidence)


def test_german_strike_with_a_court_building_hit_is_coded() -> None:
    # "Gericht" is a court word, but the sentence dates the violence to this week
    _, alerts = _evidence(
        "de", "Bei einem russischen Raketenangriff auf Kiew sind am Donnerstag mindestens zwölf"
        " Menschen getötet worden. Das Gericht der Stadt wurde beschädigt.")
    assert alerts == {"mass_casualty"}


def test_french_strike_the_article_does_not_refute_is_coded() -> None:
    _, alerts = _evidence(
        "fr", "Une frappe russe a tué douze civils jeudi à Kharkiv, ont annoncé les autorités"
        " locales. Le bâtiment a été détruit.")
    assert alerts == {"mass_casualty"}


def test_spanish_drone_attack_on_a_depot_is_coded() -> None:
    _, alerts = _evidence(
        "es", "Un ataque con drones del ELN destruyó el jueves un depósito de municiones del"
        " ejército en Arauca y dejó tres heridos, informó el ejército.")
    assert "strategic_strike" in alerts


def test_arabic_drone_strike_on_a_port_is_coded() -> None:
    _, alerts = _evidence(
        "ar", "قصفت مسيرة حوثية ميناء جدة يوم الخميس ما أدى إلى اندلاع حريق، وفق السلطات"
        " السعودية.")
    assert alerts == {"infrastructure_attack"}


# --- the lists are checked at load ------------------------------------------------------------

def _english_lists() -> dict[str, list[str]]:
    return yaml.safe_load((DATA / "article.yaml").read_text(encoding="utf-8"))["lists"]


def _with_french_article(tmp: Path, article: dict[str, object]) -> Path:
    """The shipped data with the French folder's article.yaml replaced."""
    shutil.copytree(DATA, tmp / "data")
    (tmp / "data" / "lang" / "fr" / "article.yaml").write_text(
        yaml.safe_dump(article, allow_unicode=True), encoding="utf-8")
    return tmp / "data"


def _french_article(case: str) -> dict[str, object]:
    """A French article.yaml (every list empty) with one fault."""
    lists: dict[str, object] = {name: [] for name in _english_lists()}
    article: dict[str, object] = {"version": 1, "lists": lists}
    if case == "missing list":
        del lists["claim_determiners"]
    elif case == "unknown list":
        lists["no_such_list"] = []
    elif case == "not a list":
        lists["claim_nouns"] = "rumeur"
    elif case == "bad month":
        article["months"] = {"janvier": 13}
    elif case == "bad cue category":
        article["cues"] = {"truce": ["trêve"]}
    elif case == "bad flag":
        article["capitalized_months"] = "yes"
    elif case == "bad version":
        article["version"] = 2
    return article


@pytest.mark.parametrize(("case", "message"), [
    ("missing list", "claim_determiners"), ("unknown list", "no_such_list"),
    ("not a list", "claim_nouns"), ("bad month", "janvier"), ("bad cue category", "truce"),
    ("bad flag", "capitalized_months"), ("bad version", "version"),
])
def test_a_bad_language_article_file_fails_at_load_naming_what(
    tmp_path: Path, case: str, message: str
) -> None:
    with pytest.raises(CoderConfigError) as caught:
        load_coder(_with_french_article(tmp_path, _french_article(case)), languages=["fr"])
    assert message in str(caught.value) and "article.yaml" in str(caught.value)


def test_a_missing_article_file_fails_at_load(tmp_path: Path) -> None:
    shutil.copytree(DATA, tmp_path / "data")
    (tmp_path / "data" / "lang" / "fr" / "article.yaml").unlink()
    with pytest.raises(CoderConfigError, match=r"article\.yaml"):
        load_coder(tmp_path / "data", languages=["fr"])


def test_an_english_list_named_like_a_lexicon_list_fails_at_load() -> None:
    english = yaml.safe_load((DATA / "article.yaml").read_text(encoding="utf-8"))
    english["lists"]["judicial"] = ["trial"]  # a cue category of the lexicon
    with pytest.raises(CoderConfigError, match="judicial"):
        load_coder(article=english, languages=[])


def test_the_english_lists_build_the_english_patterns() -> None:
    """The lists reproduce what coder.py's English regexes matched (the refactor's English
    output is identical on every input the repo has; these are its sharpest cases)."""
    from streams.classify import coder as c

    words = load_coder(languages=[]).words
    assert c._past_month_re(words).search("talks collapsed in March") is not None
    assert c._past_month_re(words).search("the March 3 talks") is None
    assert c._past_month_re(words).search("the plan may fail") is None  # "may", not "May"
    assert c._past_month_re(words).search("the truce agreed in November ceasefire") is None
    assert c._past_year_re(words).search("in January 2023") is not None
    assert c._past_year_re(words).search("the 2024 truce") is None
    assert c._named_day(words).search("on Palm ") is not None
    assert c._named_day(words).search("on palm ") is None
    assert c._said_on(words).search("the U.N. told reporters on ") is not None
    assert c._civilian_before(words).search("two passenger ") is not None
