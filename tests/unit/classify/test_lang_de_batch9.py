"""German classes the blind `841`-`880` tune batch of 2026-12-07 (German translations of
English `dev6-*` tune wires) found, each pinned here in new words (no sentence is a corpus
wire's):

- verb-second with the subject after the finite verb: an air defence right after a shooter
  verb ("holte die Flugabwehr ... vom Himmel", "schoss die Luftabwehr ... ab") is the shooter,
  not a military target hit;
- parties of two countries that met ("sind in Genf zusammengekommen", "kamen zusammen"): the
  language's meeting verbs (`meet_verbs`), and a framework or plan to end a war ("Rahmenplan
  zur Beendigung des Krieges", English "framework for") as a proposal word;
- a truce yet to take effect ("solle ... in Kraft treten", the infinitive after a modal) is no
  agreement, as English "is to take effect";
- a bomber taking people with him ("elf Menschen mit in den Tod gerissen") is a toll;
- in a verb-final clause, talks before the rejection that closes it ("hat eine Rückkehr zu
  den Gesprächen ... ausgeschlossen") are rejected, and not held;
- railway depots and traction substations ("Bahnbetriebswerk", "Unterwerk") are
  infrastructure;
- talks of a length ("nach dreitägigen Gesprächen") were held.
"""

from __future__ import annotations

import pytest

from streams.classify.loader import Coder
from tests.unit.classify.langkit import classify, killed_tolls, language_coder


@pytest.fixture(scope="module")
def de() -> Coder:
    return language_coder("de")


def _types(coder: Coder, body: str) -> set[str]:
    return {e.type for e in classify(coder, body)[0]}


# --- the air defence as the inverted subject ---------------------------------------------------

def test_air_defence_after_the_finite_verb_is_the_shooter(de: Coder) -> None:
    events, alerts = classify(de, "Laut dem Generalstab holte die ukrainische Luftabwehr in der "
                                  "Nacht 38 der 52 russischen Drohnen vom Himmel.")
    assert "attack.military_target" not in {e.type for e in events}
    assert "strategic_strike" not in alerts


def test_air_defence_after_schoss_is_the_shooter(de: Coder) -> None:
    assert "attack.military_target" not in _types(
        de, "Über der Hafenstadt schoss die Flugabwehr am Morgen zwölf Marschflugkörper ab.")


def test_an_air_defence_battery_hit_is_still_a_military_target(de: Coder) -> None:
    events, alerts = classify(de, "Ukrainische Drohnen haben in der Nacht eine "
                                  "Flugabwehrstellung bei Belgorod zerstört.")
    assert "attack.military_target" in {e.type for e in events}
    assert "strategic_strike" in alerts


# --- parties that met --------------------------------------------------------------------------

def test_officials_of_two_countries_who_came_together_held_talks(de: Coder) -> None:
    events, _ = classify(de, "Unterhändler Russlands und der Ukraine sind am Mittwoch in "
                             "Istanbul zusammengekommen, um über einen Fahrplan zur Waffenruhe "
                             "zu beraten.")
    held = [e for e in events if e.type == "negotiation.held"]
    assert held and {held[0].actor and held[0].actor.code,
                     held[0].target and held[0].target.code} == {"RUSGOV", "UKRGOV"}


def test_a_plan_to_end_the_war_makes_a_meeting_read(de: Coder) -> None:
    assert "negotiation.held" in _types(
        de, "Gesandte der USA und Russlands kamen am Freitag in Genf zusammen, um über einen "
            "Rahmenplan zur Beendigung des Krieges zu sprechen.")


def test_a_family_that_came_together_holds_no_talks(de: Coder) -> None:
    assert _types(de, "Die Angehörigen der Opfer sind am Sonntag vor dem Rathaus "
                      "zusammengekommen.") == set()


# --- a truce yet to take effect ----------------------------------------------------------------

def test_a_truce_to_take_effect_once_accepted_is_no_agreement(de: Coder) -> None:
    types = _types(de, "Washington habe eine Feuerpause für die Häfen vorgeschlagen; sie solle "
                       "in Kraft treten, sobald beide Seiten zugestimmt hätten, sagte ein "
                       "Diplomat.")
    assert "ceasefire.proposed" in types
    assert "ceasefire.agreed" not in types


def test_a_truce_that_took_effect_is_still_agreed(de: Coder) -> None:
    assert "ceasefire.agreed" in _types(
        de, "Die von Katar vermittelte Waffenruhe zwischen den beiden Milizen trat am Samstag "
            "um Mitternacht in Kraft.")


# --- taken with him to death -------------------------------------------------------------------

def test_a_bomber_who_took_twelve_with_him_killed_them(de: Coder) -> None:
    tolls, alerts = killed_tolls(de, "Ein Attentäter hat sich am Freitag auf einem Busbahnhof "
                                     "in Peschawar in die Luft gesprengt und zwölf Menschen mit "
                                     "in den Tod gerissen.")
    assert tolls == [12]
    assert "mass_casualty" in alerts


def test_a_bomber_who_riss_three_with_him(de: Coder) -> None:
    tolls, _ = killed_tolls(de, "Der Selbstmordattentäter riss vor der Moschee drei Wachleute "
                                "mit in den Tod.")
    assert tolls == [3]


def test_a_figure_of_speech_about_a_market_is_no_toll(de: Coder) -> None:
    tolls, alerts = killed_tolls(de, "Die Pleite der Bank hat im Frühjahr drei weitere "
                                     "Versicherer mit in den Abgrund gerissen.")
    assert tolls == [] and not alerts


# --- talks rejected in a verb-final clause -----------------------------------------------------

def test_ruling_out_a_return_to_talks_is_a_rejection(de: Coder) -> None:
    events, alerts = classify(de, "Die Miliz hat am Dienstag eine Rückkehr zu den "
                                  "Friedensverhandlungen mit der Übergangsregierung "
                                  "ausgeschlossen.")
    types = {e.type for e in events}
    assert "ceasefire.rejected" in types and "truce_rejected" in alerts
    assert "negotiation.held" not in types


def test_talks_rejected_at_the_end_of_the_clause_are_not_held(de: Coder) -> None:
    types = _types(de, "Die Rebellen haben direkte Gespräche mit der Armee abgelehnt.")
    assert "ceasefire.rejected" in types
    assert "negotiation.held" not in types


def test_talks_taken_up_at_the_end_of_the_clause_are_held(de: Coder) -> None:
    types = _types(de, "Die Rebellen haben am Montag direkte Gespräche mit der Armee in Nairobi "
                       "aufgenommen.")
    assert "negotiation.held" in types
    assert "ceasefire.rejected" not in types


def test_a_draft_rejected_after_talks_continued_rejects_no_talks(de: Coder) -> None:
    types = _types(de, "Die Gespräche in Kairo wurden fortgesetzt, nachdem die Miliz den "
                       "Entwurf zurückgewiesen hatte.")
    assert "negotiation.held" in types


# --- rail depots and traction substations ------------------------------------------------------

def test_a_rail_depot_and_a_substation_hit_are_infrastructure(de: Coder) -> None:
    events, alerts = classify(de, "Russische Drohnen haben am Abend ein Lokdepot und ein "
                                  "Unterwerk bei Poltawa getroffen.")
    infra = [e for e in events if e.type == "attack.infrastructure"]
    assert infra and set(infra[0].assets) == {"rail", "power"}
    assert "infrastructure_attack" in alerts


def test_a_rail_depot_visited_is_no_attack(de: Coder) -> None:
    events, alerts = classify(de, "Der Minister besuchte am Montag das neue Bahnbetriebswerk "
                                  "in Lwiw.")
    assert not events and not alerts


# --- talks of a length -------------------------------------------------------------------------

def test_days_of_talks_were_held(de: Coder) -> None:
    types = _types(de, "Regierung und Rebellen haben nach zweitägigen Verhandlungen in Nairobi "
                       "eine Waffenruhe vereinbart.")
    assert {"ceasefire.agreed", "negotiation.held"} <= types


def test_days_of_fighting_hold_no_talks(de: Coder) -> None:
    assert "negotiation.held" not in _types(
        de, "Nach dreitägigen Kämpfen haben die Rebellen die Stadt eingenommen.")
