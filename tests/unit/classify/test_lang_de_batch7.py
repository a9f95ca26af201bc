"""German classes the blind `601`-`650` tune batch of 2026-12-07 (German translations of
English tune wires) found, each pinned here in new words (no sentence is a corpus wire's):

- refusing and dismissing ("weigerte sich", "verweigert", "als Propaganda abgetan") are
  rejections, and "nicht an den Verhandlungen teilnehmen" refuses to attend with the talks
  between "nicht an" and the verb;
- halting attacks is a truce as a verb phrase with words between ("ihre Angriffe auf die
  Stadt für eine Woche einzustellen"), when the infinitive closes its clause;
- suicide bombers are bombing (as English "suicide bomb*"), a siege or a hostage-taking is the
  violence of its toll, arson ("in Brand gesteckt", "angezündet") and "zum Einsturz gebracht"
  are attacks and damage;
- an army camp ("Armeelager") is a military post, a road crossing over a river a bridge;
- "töteten dabei mehr als ein Dutzend": "dabei" stands between the verb and its figure;
- one word in parentheses, an abbreviation ("(RSF)", "(UNSMIL)"), is an aside in a clause,
  not its end: the asset before a verb-final verb and a separable term's particle are read
  past it;
- number words 21-99 are one word ("dreiundzwanzig");
- precision: a war's toll so far in the Präteritum ("wurden in dem Konflikt bisher ...
  getötet") is no incident's; reports that "sind ... falsch" are refuted; talks on forming a
  government are another sense; "ein Jahr, nachdem" dates its clause a year back.
"""

from __future__ import annotations

import pytest

from streams.classify.loader import Coder
from tests.unit.classify.langkit import classify, killed_tolls
from tests.unit.classify.langkit import types as _types

# --- refusing, dismissing, staying away --------------------------------------------------------

@pytest.mark.parametrize("body", [
    "Die Rebellen weigerten sich am Montag, einer Waffenruhe zuzustimmen.",
    "Die Rebellen verweigerten am Montag die Teilnahme an den Gesprächen in Nairobi.",
    "Die Miliz hat das Angebot einer Feuerpause am Sonntag als Propaganda abgetan.",
    "Die Junta verweigerte am Mittwoch jede Waffenruhe mit den Aufständischen.",
])
def test_refusing_and_dismissing_reject(de: Coder, body: str) -> None:
    events, alerts = classify(de, body)
    assert "ceasefire.rejected" in {e.type for e in events} and "truce_rejected" in alerts


def test_not_attending_with_the_talks_in_between(de: Coder) -> None:
    events, alerts = classify(de, "Die Opposition erklärte, sie werde nicht an den "
                                  "Verhandlungen in Genf teilnehmen.")
    assert "ceasefire.rejected" in {e.type for e in events} and "truce_rejected" in alerts


def test_attending_talks_is_no_refusal(de: Coder) -> None:
    assert "ceasefire.rejected" not in _types(de, "Die Opposition erklärte, sie werde an den "
                                                  "Verhandlungen in Genf teilnehmen.")


# --- halting attacks as a verb phrase ------------------------------------------------------------

def test_halting_attacks_with_words_between_is_a_truce(de: Coder) -> None:
    events, _ = classify(de, "Der Sondergesandte rief die Armee am Dienstag auf, ihre "
                             "Angriffe auf die Hafenstadt für eine Woche einzustellen.")
    assert "ceasefire.proposed" in {e.type for e in events}


def test_attacks_going_on_are_no_truce(de: Coder) -> None:
    types = _types(de, "Die Angriffe der Miliz auf die Hafenstadt gingen am Dienstag weiter, "
                       "ohne dass jemand einschritt.")
    assert not {"ceasefire.proposed", "ceasefire.agreed", "ceasefire.rejected"} & types


# --- violence words --------------------------------------------------------------------------

def test_suicide_bombers_are_violence_for_their_toll(de: Coder) -> None:
    tolls, alerts = killed_tolls(de, "Selbstmordattentäter töten 15 Menschen auf Busbahnhof "
                                     "in Maiduguri")
    assert tolls == [15] and "mass_casualty" in alerts


def test_a_siege_is_violence_for_its_toll(de: Coder) -> None:
    tolls, alerts = killed_tolls(de, "Bei der Belagerung eines Einkaufszentrums wurden am "
                                     "Samstag mindestens 15 Menschen getötet.")
    assert tolls == [15] and "mass_casualty" in alerts


def test_deaths_with_no_violence_named_stay_uncoded(de: Coder) -> None:
    """the near miss: a toll with nothing violent named is an accident's or a disaster's"""
    assert _types(de, "Bei dem Unglück im Einkaufszentrum wurden am Samstag 15 Menschen "
                      "getötet.") == set()


@pytest.mark.parametrize("body", [
    "Bewaffnete haben in der Nacht eine Eisenbahnbrücke bei Kidal in Brand gesteckt.",
    "Aufständische zündeten am Montag eine Straßenbrücke im Norden der Provinz an.",
    "Die Armee hat den Straßenübergang über den Fluss bei Kupjansk mit Raketen zum Einsturz "
    "gebracht.",
])
def test_arson_and_brought_down_hit_a_bridge(de: Coder, body: str) -> None:
    events, alerts = classify(de, body)
    assert "attack.infrastructure" in {e.type for e in events}
    assert "infrastructure_attack" in alerts


def test_an_army_camp_overrun_is_a_military_target(de: Coder) -> None:
    assert "attack.military_target" in _types(de, "Kämpfer der Miliz haben am Sonntag ein "
                                                  "Armeelager im Norden überrannt.")


# --- figures ----------------------------------------------------------------------------------

def test_dabei_between_the_verb_and_a_dozen(de: Coder) -> None:
    """"ein" before the verb, after "und", is no figure of the toll after it"""
    tolls, alerts = killed_tolls(de, "Die Angreifer stürmten ein Dorf bei Gao und töteten "
                                     "dabei mehr als ein Dutzend Bauern.")
    assert tolls == [12] and "mass_casualty" in alerts


@pytest.mark.parametrize("word, value", [("einundvierzig", 41), ("dreiundzwanzig", 23),
                                         ("siebenundachtzig", 87)])
def test_number_words_of_one_word(de: Coder, word: str, value: int) -> None:
    tolls, _ = killed_tolls(de, f"Bei dem Luftangriff auf den Markt wurden am Montag {word} "
                                "Menschen getötet.")
    assert tolls == [value]


# --- precision -----------------------------------------------------------------------------------

def test_a_wars_toll_so_far_is_no_incident(de: Coder) -> None:
    tolls, alerts = killed_tolls(de, "Nach Angaben der Vereinten Nationen wurden in dem "
                                     "Konflikt bisher mehr als 9.000 Menschen getötet.")
    assert tolls == [] and "mass_casualty" not in alerts


def test_an_incidents_toll_in_the_conflict_is_kept(de: Coder) -> None:
    tolls, _ = killed_tolls(de, "Bei einem Bombenanschlag auf einen Markt wurden am Montag "
                                "zwölf Menschen getötet.")
    assert tolls == [12]


def test_reports_called_false_are_refuted(de: Coder) -> None:
    events, alerts = classify(de, "Meldungen, wonach Milizen die Waffenruhe in der Stadt "
                                  "gebrochen hätten, sind nach Angaben der Beobachter falsch.")
    assert "ceasefire.violated" not in {e.type for e in events} and not alerts


def test_a_breach_reported_as_fact_is_coded(de: Coder) -> None:
    events, _ = classify(de, "Milizen haben nach Angaben der Beobachter die Waffenruhe in der "
                             "Stadt gebrochen.")
    assert "ceasefire.violated" in {e.type for e in events}


def test_talks_on_forming_a_government_are_another_sense(de: Coder) -> None:
    events, alerts = classify(de, "Die Gespräche über die Bildung einer neuen Regierung in "
                                  "Den Haag sind am Freitag gescheitert.")
    assert events == [] and not alerts


def test_talks_between_warring_parties_still_collapse(de: Coder) -> None:
    events, alerts = classify(de, "Die Gespräche zwischen der Armee und der RSF in Dschidda "
                                  "sind am Freitag gescheitert.")
    assert "negotiation.stalled" in {e.type for e in events} and "talks_collapse" in alerts


def test_a_year_after_a_strike_is_its_history(de: Coder) -> None:
    assert "attack.aerial" not in _types(de, "Die Schule wurde am Montag wiedereröffnet, ein "
                                             "Jahr, nachdem eine Rakete das Gebäude getroffen "
                                             "hatte.")


# --- one word in parentheses ---------------------------------------------------------------------

def test_an_abbreviation_in_parentheses_before_the_final_verb(de: Coder) -> None:
    events, alerts = classify(de, "Kampfjets der Armee haben am Sonntag einen Gefechtsstand der "
                                  "Miliz Forces Armées (FARDC) bei Goma bombardiert.")
    assert "attack.military_target" in {e.type for e in events} and "strategic_strike" in alerts


def test_an_aside_of_several_words_in_parentheses_still_ends_the_clause(de: Coder) -> None:
    hits = de.lexicon.scan("Die Berichte sind nach Angaben der Mission (die seit Mai dort "
                           "arbeitet) falsch.")
    assert not any(h.cat == "refuted" for h in hits)


def test_reports_called_false_past_an_abbreviation(de: Coder) -> None:
    events, alerts = classify(de, "Meldungen, wonach Milizen die Waffenruhe gebrochen hätten, "
                                  "sind nach Angaben der Mission (UNMISS) falsch.")
    assert "ceasefire.violated" not in {e.type for e in events} and not alerts
