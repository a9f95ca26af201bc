"""German classes the blind `501`-`530` tune batch of 2026-12-06 found, each pinned here in
new words (no sentence is a corpus wire's):

- Swiss Standard German (Keystone-SDA, NZZ) writes "ss" for "ß": every term with "ß" is
  matched in both spellings (language.yaml `spellings`), and «…» are quotation marks;
- a swarm of drones is the weapon, not an attack ("Ein Drohnenschwarm summt");
- "jedoch", "aber", "doch" inside a clause and the preposition "während" end no clause, so
  a separable verb's particle after them is found and a condition opened by "Sollte" keeps
  its scope ("Sollte die Miliz jedoch ... angreifen");
- a week or a month ago dates the clause it stands in, not the whole sentence ("die vor einem
  Monat ausgehandelte Feuerpause gebrochen": the breach is news);
- the rockets of a ground launcher named with them are not aerial ("Raketen des
  Mehrfachraketenwerfers HIMARS", "HIMARS-Raketen");
- a base overrun ("überrannt") is an attack on it; "ein berechtigtes Ziel" is a legitimate
  target; "schmerzhafte Schläge" are vowed force;
- a post "unter Mörserbeschuss" is what was hit, also in a ticker flash whose dash opens a
  second clause ("wirft ... vor – Stützpunkt ... unter Raketenbeschuss +++");
- a statement in indirect speech writes the Konjunktiv I ("Österreich fordere", "lehne ...
  ab"); Austria and Switzerland are actors;
- talks thought possible ("hält ... für möglich"), announced ("kündigt ... an") or set for a
  coming weekday, or whose taking place is open ("Ob ...") are not held;
- spaceflight (a launcher, a launch attempt) is no attack;
- violence "seit fast drei Jahren" is a pattern, and a month without a day two or more months
  back ("im Februar", "Ende März") sets a sentence in the past;
- "zwei Dutzend" are 24;
- a separable verb is read at its particle too, and past a relative clause inside its clause
  ("schlug Anwar, der ..., eine Waffenruhe vor").
"""

from __future__ import annotations

import pytest

from streams.classify.loader import Coder
from tests.unit.classify.langkit import classify, killed_tolls
from tests.unit.classify.langkit import types as _types

# --- Swiss spelling ------------------------------------------------------------------------

def test_swiss_ss_spelling_reads_as_sharp_s(de: Coder) -> None:
    events, alerts = classify(de, "Die Delegation der Rebellen verliess am Abend die "
                                  "Verhandlungen in Montreux.")
    assert "negotiation.stalled" in {e.type for e in events} and "talks_collapse" in alerts


def test_swiss_number_words_with_ss(de: Coder) -> None:
    tolls, alerts = killed_tolls(de, "Bei dem Luftangriff auf den Busbahnhof wurden am "
                                     "Dienstag dreissig Menschen getötet.")
    assert tolls == [30] and "mass_casualty" in alerts


def test_swiss_guillemets_are_quotation_marks(de: Coder) -> None:
    """«…» opens and closes a quotation: the next sentence starts after it."""
    spans = de.splitter.split("Die Wirte sprechen von «Verrat». «Eine Drohnenstaffel summt "
                              "bloss», sagt einer.")
    assert len(spans) == 2


# --- a drone swarm -------------------------------------------------------------------------

def test_a_drone_swarm_alone_is_no_attack(de: Coder) -> None:
    assert _types(de, "Ein Drohnenschwarm malte am Samstagabend Sterne über den Hafen.") == set()


def test_a_drone_swarm_that_attacks_is_one(de: Coder) -> None:
    assert "attack.aerial" in _types(de, "Ein Drohnenschwarm griff in der Nacht den "
                                         "Militärflugplatz bei Engels an.")


# --- adverbs inside a clause -----------------------------------------------------------------

def test_a_separable_verb_after_jedoch(de: Coder) -> None:
    events, alerts = classify(de, "Die Regierung in Khartum wies das Angebot einer Feuerpause "
                                  "jedoch zurück.")
    assert "ceasefire.rejected" in {e.type for e in events} and "truce_rejected" in alerts


def test_a_condition_opened_by_sollte_reaches_past_jedoch(de: Coder) -> None:
    types = _types(de, "Sollte die Miliz jedoch weitere Umspannwerke angreifen, werde die "
                       "Armee hart reagieren, sagte der Minister.")
    assert "attack.infrastructure" not in types


# --- weeks and months ago ------------------------------------------------------------------

def test_a_truce_dated_weeks_ago_is_broken_today(de: Coder) -> None:
    events, alerts = classify(de, "Moskau warf Kiew vor, die vor einem Monat ausgehandelte "
                                  "Feuerpause für Häfen gebrochen zu haben.")
    assert "ceasefire.violated" in {e.type for e in events} and "ceasefire_violation" in alerts


def test_an_attack_weeks_ago_is_still_background(de: Coder) -> None:
    assert _types(de, "Vor drei Wochen wurden bei einem Drohnenangriff auf Cherson sieben "
                      "Menschen getötet.") == set()


# --- ground-launched rockets ---------------------------------------------------------------

@pytest.mark.parametrize("body", [
    "Die Armee hat ein Munitionsdepot bei Tokmak mit Raketen des Mehrfachraketenwerfers "
    "HIMARS zerstört.",
    "Die Truppen hätten mit HIMARS-Raketen ein Munitionsdepot bei Tokmak zerstört.",
])
def test_a_ground_launchers_rockets_are_not_aerial(de: Coder, body: str) -> None:
    types = _types(de, body)
    assert "attack.military_target" in types and "attack.aerial" not in types


def test_rockets_without_a_launcher_stay_aerial(de: Coder) -> None:
    assert "attack.aerial" in _types(de, "Russische Raketen haben ein Munitionsdepot bei "
                                         "Tokmak zerstört.")


# --- attack, threat and force words ----------------------------------------------------------

def test_a_base_overrun_is_an_attack_on_it(de: Coder) -> None:
    assert "attack.military_target" in _types(
        de, "Aufständische haben im Norden des Landes eine Kaserne der Armee überrannt.")


def test_a_legitimate_target_in_other_words_is_a_threat(de: Coder) -> None:
    events, _ = classify(de, "„Jeder Hafen, der solche Waffen verlädt, ist für unsere Marine "
                             "ein berechtigtes Ziel“, sagte der iranische Außenminister.")
    assert "threat.military" in {e.type for e in events}


def test_painful_blows_vowed_are_a_threat(de: Coder) -> None:
    events, _ = classify(de, "„Auf jede Rakete folgt eine schmerzhafte Antwort“, sagte der "
                             "israelische Verteidigungsminister.")
    assert "threat.military" in {e.type for e in events}


# --- under fire, in flashes -----------------------------------------------------------------

def test_a_post_under_mortar_fire_was_hit(de: Coder) -> None:
    assert "attack.military_target" in _types(
        de, "+++ Kontrollposten der Armee nahe Kidal unter Mörserfeuer +++")


def test_a_flash_after_a_dash_names_what_was_hit(de: Coder) -> None:
    events, alerts = classify(de, "+++ Armee wirft Rebellen Bruch der Feuerpause vor – "
                                  "Stützpunkt bei Gao unter Raketenbeschuss +++")
    types = {e.type for e in events}
    assert {"attack.military_target", "ceasefire.violated"} <= types
    assert "ceasefire_violation" in alerts


# --- Konjunktiv I and the DACH states --------------------------------------------------------

def test_a_demand_in_indirect_speech_is_a_proposal(de: Coder) -> None:
    events, _ = classify(de, "Die Schweiz fordere eine sofortige Feuerpause im Osten Kongos, "
                             "hieß es in einer Mitteilung aus Bern.")
    proposals = [e for e in events if e.type == "ceasefire.proposed"]
    assert proposals and proposals[0].actor is not None and proposals[0].actor.country == "CHE"


def test_a_rejection_in_indirect_speech(de: Coder) -> None:
    events, alerts = classify(de, "Die Junta lehne jede Waffenruhe mit den Rebellen ab, sagte "
                                  "ein Sprecher.")
    assert "ceasefire.rejected" in {e.type for e in events} and "truce_rejected" in alerts


def test_austria_is_an_actor(de: Coder) -> None:
    events, _ = classify(de, "Das österreichische Außenministerium forderte eine sofortige "
                             "Waffenruhe im Libanon.")
    proposals = [e for e in events if e.type == "ceasefire.proposed"]
    assert proposals and proposals[0].actor is not None and proposals[0].actor.country == "AUT"


# --- talks not held --------------------------------------------------------------------------

@pytest.mark.parametrize("body", [
    "Der Außenminister hält Verhandlungen in Wien noch in diesem Monat für möglich.",
    "EILMELDUNG: Kreml kündigt Gespräche mit der Ukraine für kommenden Freitag in Riad an",
    "Ob es Gespräche zwischen den Delegationen geben werde, sei unklar.",
])
def test_talks_possible_announced_or_open_are_not_held(de: Coder, body: str) -> None:
    assert "negotiation.held" not in _types(de, body)


def test_talks_taking_place_are_held(de: Coder) -> None:
    assert "negotiation.held" in _types(de, "Die Verhandlungen in Wien fanden am Montag statt.")


# --- spaceflight --------------------------------------------------------------------------

def test_a_failed_launch_is_no_attack(de: Coder) -> None:
    assert _types(de, "Beim ersten Startversuch explodierte die Rakete kurz nach dem Abheben "
                      "über dem Meer.") == set()


# --- patterns and past months ----------------------------------------------------------------

def test_strikes_over_years_are_a_pattern(de: Coder) -> None:
    assert _types(de, "Mit diesen Marschflugkörpern greift Russland seit fast drei Jahren "
                      "ukrainische Kraftwerke an.") == set()


def test_a_power_plant_hit_today_is_news(de: Coder) -> None:
    assert "attack.infrastructure" in _types(de, "Russische Marschflugkörper haben am Montag "
                                                 "ein Kraftwerk bei Lwiw getroffen.")


def test_a_month_long_past_sets_the_sentence_in_the_past(de: Coder) -> None:
    """Read on 20 June: February is four months back."""
    assert _types(de, "Als folgenschwerster Angriff gilt ein Luftangriff auf einen Markt im "
                      "Februar, bei dem 30 Menschen getötet wurden.") == set()


def test_the_same_attack_on_a_weekday_is_news(de: Coder) -> None:
    tolls, alerts = killed_tolls(de, "Bei einem Luftangriff auf einen Markt wurden am Montag "
                                     "30 Menschen getötet.")
    assert tolls == [30] and "mass_casualty" in alerts


# --- dozens ----------------------------------------------------------------------------------

def test_two_dozen_are_twenty_four(de: Coder) -> None:
    tolls, _ = killed_tolls(de, "Bei dem Angriff auf die Fähre wurden am Montag zwei Dutzend "
                                "Passagiere getötet.")
    assert tolls == [24]


# --- separable verbs ---------------------------------------------------------------------------

def test_a_separable_verb_past_a_relative_clause(de: Coder) -> None:
    events, _ = classify(de, "Der Präsident schlug in einem Schreiben an den Generalsekretär, "
                             "der die Gespräche leitet, eine Waffenruhe von dreißig Tagen vor.")
    assert "ceasefire.proposed" in {e.type for e in events}


def test_a_relative_clause_does_not_lend_its_verb_a_particle(de: Coder) -> None:
    """"wies" is not "wies ... zurück" when the particle closes no clause of it."""
    hits = de.lexicon.scan("Er wies auf den Bericht, den die Mission vorlegte, hin.")
    assert not any(h.cat == "reject" for h in hits)
