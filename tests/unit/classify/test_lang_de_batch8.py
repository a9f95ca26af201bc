"""German classes the blind `701`-`740` tune batch of 2026-12-07 (German translations of
English `dev2-*` tune wires) found, each pinned here in new words (no sentence is a corpus
wire's):

- a noun trigger before "würde", "könnte" is hypothetical (German `modals`, as English "a
  strike would trigger");
- in a verb-final clause, an asset before the active perfect's finite auxiliary ("die
  Luftabwehr habe ... Drohnen zerstört") is the subject of any verb, unless the weapons shot
  at are fronted before that auxiliary; a dash opens another clause ("Kampfjets bombardieren
  den Hafen – Speicher zerstört");
- an asset with a relative clause right after it is the subject of the passive after the
  clause ("Das Umspannwerk, das ... versorgt, wurde ... getroffen");
- bombs dropped ("Gleitbomben auf die Brücke abgeworfen") are an attack;
- precision: charges brought and plots ("angeklagt", "klagt ... an", "wegen eines geplanten
  Anschlags"), a court's sentence ("zu sechs Jahren Haft verurteilt"), the fight against
  terrorism, armed groups named as a kind of actor, mock attacks and role-played casualties
  in a drill, videos dismissed "als Fälschungen", damage "im vergangenen Jahrzehnt".
"""

from __future__ import annotations

import pytest

from streams.classify.loader import Coder
from tests.unit.classify.langkit import classify
from tests.unit.classify.langkit import types as _types

_CONTEXT = "Russland hat die Stadt in der Nacht mit Raketen und Drohnen angegriffen. "


# --- modals after a noun trigger ---------------------------------------------------------------

def test_a_strike_that_would_flood_is_hypothetical(de: Coder) -> None:
    events, alerts = classify(de, "Ein Drohnenangriff auf das Pumpspeicherwerk am Fluss würde "
                                  "nach Berechnungen der Behörde drei Dörfer überfluten.")
    assert not events and not alerts


def test_a_strike_that_hit_is_still_coded(de: Coder) -> None:
    events, alerts = classify(de, "Ein russischer Drohnenangriff hat in der Nacht das "
                                  "Umspannwerk der Stadt getroffen.")
    assert "attack.infrastructure" in {e.type for e in events}
    assert "infrastructure_attack" in alerts


# --- the subject of an active perfect, a dash --------------------------------------------------

def test_air_defence_before_the_perfect_auxiliary_is_the_shooter(de: Coder) -> None:
    events, alerts = classify(de, "Das Ministerium teilte mit, die Luftabwehr habe am Morgen "
                                  "über dem Gebiet 40 feindliche Drohnen zerstört.")
    assert "attack.military_target" not in {e.type for e in events}
    assert "strategic_strike" not in alerts


def test_fronted_drones_leave_the_air_defence_the_shooter(de: Coder) -> None:
    assert "attack.military_target" not in _types(
        de, "Fast alle Raketen habe die Luftabwehr über der Küste abgeschossen.")


def test_an_air_defence_after_the_auxiliary_is_the_object(de: Coder) -> None:
    events, alerts = classify(de, "Die russische Armee habe am Sonntag eine "
                                  "Flugabwehrstellung bei Sumy zerstört, erklärte das Ministerium.")
    assert "attack.military_target" in {e.type for e in events}
    assert "strategic_strike" in alerts


def test_jets_before_a_dash_are_not_what_was_destroyed(de: Coder) -> None:
    events, alerts = classify(de, "+++ Russische Kampfjets bombardieren den Hafen von Ismajil – "
                                  "zwei Getreidespeicher zerstört +++")
    types = {e.type for e in events}
    assert "attack.military_target" not in types and "strategic_strike" not in alerts
    assert "attack.infrastructure" in types


def test_a_jet_destroyed_on_the_ground_is_still_a_target(de: Coder) -> None:
    assert "attack.military_target" in _types(
        de, "Ukrainische Drohnen haben auf dem Flugplatz Morosowsk zwei Kampfjets zerstört.")


# --- a relative clause after the asset ---------------------------------------------------------

def test_asset_with_relative_clause_is_the_passive_subject(de: Coder) -> None:
    events, alerts = classify(de, _CONTEXT + "Das Umspannwerk, das den halben Stadtteil mit "
                                  "Strom versorgt, wurde nach Angaben des Betreibers dreimal "
                                  "getroffen.")
    assert "attack.infrastructure" in {e.type for e in events}
    assert "infrastructure_attack" in alerts


def test_relative_clause_with_no_attack_verb_codes_nothing(de: Coder) -> None:
    events, alerts = classify(de, "Die Brücke, über die täglich Tausende Pendler fahren, wurde "
                                  "nach Angaben der Polizei wegen Bauarbeiten gesperrt.")
    assert not events and not alerts


# --- bombs dropped ------------------------------------------------------------------------------

def test_glide_bombs_dropped_on_a_bridge(de: Coder) -> None:
    events, alerts = classify(de, "Russische Kampfflugzeuge haben am Morgen Gleitbomben auf "
                                  "eine Eisenbahnbrücke bei Isjum abgeworfen.")
    types = {e.type for e in events}
    assert {"attack.aerial", "attack.infrastructure"} <= types
    assert "infrastructure_attack" in alerts


def test_aid_dropped_is_no_attack(de: Coder) -> None:
    events, alerts = classify(de, "Transportflugzeuge der Luftwaffe haben über dem "
                                  "abgeschnittenen Tal Hilfsgüter abgeworfen.")
    assert not events and not alerts


# --- precision: charges, plots, sentences ------------------------------------------------------

@pytest.mark.parametrize("headline", [
    "Litauen klagt zwei Männer wegen geplanten Anschlags auf Stromnetz für Ukraine-Hilfe an",
    "Tschechien klagt drei Männer wegen geplanter Sabotage an Bahnstrecke nach Polen an",
])
def test_charges_and_plots_are_no_attack(de: Coder, headline: str) -> None:
    events, alerts = classify(de, headline)
    assert "attack.infrastructure" not in {e.type for e in events} and not alerts


def test_a_sabotage_carried_out_is_still_coded(de: Coder) -> None:
    events, alerts = classify(de, "Unbekannte haben in der Nacht die Bahnstrecke bei Posen "
                                  "gesprengt, die Gleise wurden schwer beschädigt.")
    assert "attack.infrastructure" in {e.type for e in events}
    assert "infrastructure_attack" in alerts


@pytest.mark.parametrize("body", [
    "Ein Gericht in Paris hat zwei Algerier wegen Mitgliedschaft in einer terroristischen "
    "Vereinigung zu je sieben Jahren Haft verurteilt.",
    "Ein Gericht in Paris verurteilte zwei Tunesier wegen Mitgliedschaft in einer "
    "terroristischen Vereinigung zu je sieben Jahren Haft.",
])
def test_a_prison_sentence_is_no_accusation(de: Coder, body: str) -> None:
    assert "accusation.terrorism" not in _types(de, body)


def test_the_fight_against_terrorism_names_no_terror(de: Coder) -> None:
    hits = de.lexicon.scan("Die Sicherung der Grenzen sei die wichtigste Aufgabe im Kampf gegen "
                           "den Terrorismus, sagte Kenias Innenminister.")
    assert not [h for h in hits if h.cat == "terror"]
    assert [h for h in de.lexicon.scan("Terroristen haben das Dorf überfallen.")
            if h.cat == "terror"]


def test_a_terrorism_accusation_is_still_coded(de: Coder) -> None:
    events, _ = classify(de, "Das ukrainische Außenministerium bezeichnete den russischen "
                             "Raketenangriff auf den Bahnhof als Terrorakt.")
    assert "accusation.terrorism" in {e.type for e in events}


def test_armed_groups_named_as_actors_are_no_shooting(de: Coder) -> None:
    hits = de.lexicon.scan("Die Staaten wollen Daten über bewaffnete Gruppen teilen, die es "
                           "zunehmend auf Pipelines, Strommasten und Funktürme abgesehen haben.")
    assert not [h for h in hits if h.cat == "small_arms"]


def test_gunmen_attacking_a_substation_are_still_coded(de: Coder) -> None:
    events, alerts = classify(de, "Bewaffnete haben in der Nacht ein Umspannwerk im Norden des "
                                  "Landes angegriffen und in Brand gesetzt.")
    assert "attack.infrastructure" in {e.type for e in events}
    assert "infrastructure_attack" in alerts


# --- precision: drills, fakes, a decade --------------------------------------------------------

def test_a_mock_attack_in_a_drill_is_no_attack(de: Coder) -> None:
    events, alerts = classify(de, "Die Feuerwehr probt am Freitag den Einsatz nach einem "
                                  "fingierten Drohnenangriff auf das Kraftwerk.")
    assert not events and not alerts


def test_role_played_casualties_are_no_toll(de: Coder) -> None:
    events, alerts = classify(de, "Die Sanitäter versorgten mehr als zwanzig als Verletzte "
                                  "geschminkte Schüler, wie die Armee mitteilte.")
    assert "casualties.reported" not in {e.type for e in events} and not alerts


def test_real_wounded_are_still_a_toll(de: Coder) -> None:
    assert "casualties.reported" in _types(
        de, _CONTEXT + "Die Sanitäter versorgten mehr als zwanzig Verletzte, wie die Armee "
                       "mitteilte.")


def test_videos_dismissed_as_fakes_are_refuted(de: Coder) -> None:
    events, alerts = classify(de, "Aufnahmen, die angeblich einen Drohnenangriff auf einen "
                                  "Stützpunkt zeigen, wies die Armee als Fälschungen zurück.")
    assert not events and not alerts


def test_damage_over_a_decade_is_no_attack(de: Coder) -> None:
    events, alerts = classify(de, "Sabotage an Pipelines im Süden habe dem Staat im vergangenen "
                                  "Jahrzehnt Milliarden Euro gekostet, sagte der Minister.")
    assert "attack.infrastructure" not in {e.type for e in events} and not alerts


def test_a_report_called_untrue_is_refuted(de: Coder) -> None:
    """ "Berichte, sie habe den Plan verworfen, bezeichnete die Organisation als unzutreffend":
    the report is refuted ("als unzutreffend", as "als falsch"), no rejection; with the
    rejection rule reading the object before its verb (verb-final German, Russian object
    first), this is what keeps the refuted report out."""
    events, alerts = classify(de, "Die Vermittler legten einen Plan für eine Waffenruhe vor. "
                                  "Meldungen, die Miliz habe den Plan verworfen, bezeichnete "
                                  "ihr Sprecher als unzutreffend.")
    assert "truce_rejected" not in alerts
    assert "ceasefire.rejected" not in {e.type for e in events}
