"""German classes the blind `401`-`430` tune batch of 2026-12-05 found, each pinned here in
new words (no sentence is a corpus wire's):

- a vow that the force goes on ("Diese Operationen werden fortgesetzt", „Unsere Einsätze
  gehen weiter“, sagte er): German words of the cue category `continued`, shared rule
  `force_continued`;
- retaliation or further strikes announced ("kündigte weitere Angriffe an"), "eine
  entschiedene Antwort", "einen höheren Preis bezahlen" are threats; announcing a troop
  deployment is not;
- how a war began ("Der Konflikt war durch ... ausgelöst worden, bei dem ...") is its
  history (German `war_origin`), and a toll "seither" is a war's;
- a sentence set in an earlier year ("im Mai 2021", "am 3. Juni 2022") is history
  (`year_before`, a day's ordinal dot allowed), unless the date names the event a
  comparison is made with ("seit dem Massaker am 7. Oktober 2023");
- a separable verb's clause runs over a figure's marks and a day's ordinal dot ("mehr als
  12.000 vertrieben worden"), so the Plusquamperfekt with "sein" is found there too;
- "Kontrollposten" are checkpoints; talks are held when something is agreed "nach
  Gesprächen".
"""

from __future__ import annotations

import pytest

from streams.classify.loader import Coder
from tests.unit.classify.langkit import classify, killed_tolls
from tests.unit.classify.langkit import types as _types


@pytest.mark.parametrize("body", [
    "„Unsere Operationen gehen weiter, bis der Feind aufgibt“, sagte ein Sprecher der Huthi.",
    "Die Angriffe würden fortgesetzt, bis die Stadt befreit sei, erklärte die russische Armee.",
])
def test_a_vow_that_the_force_goes_on_is_a_threat(de: Coder, body: str) -> None:
    events, _ = classify(de, body)
    assert [e.cameo_code for e in events if e.type == "threat.military"] == ["138"]


def test_fighting_that_goes_on_in_narrative_is_no_threat(de: Coder) -> None:
    """No one vows anything: the reporter says the attacks go on."""
    assert "threat.military" not in _types(de, "Die Angriffe auf die Stadt gehen weiter.")


def test_further_attacks_announced_are_a_threat(de: Coder) -> None:
    events, _ = classify(de, "Die syrische Armee kündigte weitere Angriffe an.")
    threats = [e for e in events if e.type == "threat.military"]
    assert threats and threats[0].actor is not None and threats[0].actor.code == "SYRMIL"


def test_a_troop_deployment_announced_is_no_threat(de: Coder) -> None:
    assert "threat.military" not in _types(
        de, "Der Minister kündigte an, weitere Soldaten und Panzer in die Region zu verlegen.")


@pytest.mark.parametrize("body", [
    "„Jeder Angriff auf unsere Schiffe wird eine entschiedene Antwort unserer Streitkräfte "
    "nach sich ziehen“, sagte der iranische Außenminister.",
    "Die Huthi würden für jede Rakete einen weit höheren Preis bezahlen, sagte der "
    "israelische Verteidigungsminister.",
])
def test_a_decided_answer_or_a_higher_price_is_a_threat(de: Coder, body: str) -> None:
    assert "threat.military" in _types(de, body)


def test_how_the_war_began_is_history(de: Coder) -> None:
    assert _types(de, "Der Konflikt war durch einen Überfall auf Grenzdörfer ausgelöst "
                      "worden, bei dem 40 Menschen getötet wurden.") == set()


def test_an_attack_today_is_still_news(de: Coder) -> None:
    tolls, alerts = killed_tolls(de, "Bei einem Überfall auf Grenzdörfer wurden am Montag 40 "
                                     "Menschen getötet.")
    assert tolls == [40] and "mass_casualty" in alerts


def test_a_toll_since_then_is_a_wars(de: Coder) -> None:
    assert _types(de, "Nach Angaben der Behörden sind in der Region seither mehr als 9.000 "
                      "Menschen getötet worden.") == set()


@pytest.mark.parametrize("body", [
    "Die Verhandlungen zwischen der Regierung und den Rebellen hatten im Mai 2021 in Oslo "
    "begonnen.",
    "Bei einem Raketenangriff auf Odessa am 3. Juni 2022 wurden 20 Menschen getötet.",
])
def test_a_sentence_set_in_an_earlier_year_is_history(de: Coder, body: str) -> None:
    assert _types(de, body) == set()


def test_a_comparison_with_a_dated_massacre_is_news(de: Coder) -> None:
    tolls, alerts = killed_tolls(de, "Bei dem schwersten Angriff seit dem Massaker am "
                                     "7. Oktober 2023 wurden am Montag 25 Menschen getötet.")
    assert tolls == [25] and "mass_casualty" in alerts


def test_the_pluperfect_reaches_over_a_figures_marks(de: Coder) -> None:
    body = ("Bei Gefechten im Grenzgebiet {} Dutzende Soldaten getötet und mehr als 12.000 "
            "Menschen vertrieben worden.")
    assert _types(de, body.format("waren")) == set()
    tolls, _ = killed_tolls(de, body.format("sind"))
    assert tolls == [12]


def test_a_checkpoint_of_the_army_is_a_military_target(de: Coder) -> None:
    assert "attack.military_target" in _types(
        de, "Rebellen haben in der Nacht einen Kontrollposten der Armee mit Granaten "
            "angegriffen.")


def test_talks_that_produced_an_extension_were_held(de: Coder) -> None:
    types = _types(de, "Nach Gesprächen in Kairo haben Israel und die Hamas ihre Feuerpause "
                       "verlängert.")
    assert {"negotiation.held", "ceasefire.agreed"} <= types
