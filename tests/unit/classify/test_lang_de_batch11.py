"""German classes the blind `961`-`995` tune batch (natively written agency copy) found, each
pinned here in new words (no sentence is a corpus wire's):

- the dead remembered at a Gedenkminute, a Schweigeminute or a Trauerfeier are not reported
  (German `commemoration`, English "minute of silence");
- prosecutors investigating "fahrlässige Tötung" call a blast an accident;
- an attack warned of in the Perfekt ("hat ... vor einem Angriff ... gewarnt") or by
  "warnen" is no attack;
- reports of an attack denied in the Perfekt ("hat Berichte über ... zurückgewiesen",
  "hat ... dementiert") are no attack, while a draft "zurückgewiesen" stays a rejection;
- a "nicht provozierter" breach is a breach (English "unprovoked");
- a live blog's day total ("im Laufe des Tages", "seit dem Morgen") is an aggregate;
- an oil loading terminal written with a hyphen ("Öl-Verladeterminal") is a refinery asset,
  and "vereinbaren" in a present-tense headline agrees a truce.
"""

from __future__ import annotations

import pytest

from streams.classify.loader import Coder
from tests.unit.classify.langkit import classify


def _types(de: Coder, body: str) -> tuple[set[str], set[str]]:
    events, alerts = classify(de, body)
    return {e.type for e in events}, alerts


# --- remembered, not reported ------------------------------------------------------------------

def test_a_minute_of_silence_for_old_victims_is_no_attack(de: Coder) -> None:
    types, alerts = _types(de, "Mit einer Schweigeminute haben Überlebende in Butscha an die "
                               "Opfer des Luftangriffs auf das Krankenhaus vor drei Jahren "
                               "erinnert.")
    assert not types and not alerts


def test_a_hospital_strike_told_as_news_is_still_an_attack(de: Coder) -> None:
    types, alerts = _types(de, "Bei einem Luftangriff auf das Krankenhaus in Butscha sind am "
                               "Morgen 14 Menschen getötet worden.")
    assert {"attack.aerial", "casualties.reported"} <= types
    assert "mass_casualty" in alerts


# --- negligent homicide is an accident ---------------------------------------------------------

def test_a_blast_under_a_negligence_inquiry_is_an_accident(de: Coder) -> None:
    types, alerts = _types(de, "Bei einer Explosion in einer Papierfabrik bei Ulm sind elf "
                               "Arbeiter ums Leben gekommen. Die Staatsanwaltschaft ermittelt "
                               "wegen fahrlässiger Tötung.")
    assert not types and not alerts


# --- an attack warned of -----------------------------------------------------------------------

def test_an_attack_warned_of_in_the_perfekt_is_no_attack(de: Coder) -> None:
    types, alerts = _types(de, "Die Regierung hat Moskau vor einem Angriff auf die Staudämme am "
                               "Dnipro gewarnt.")
    assert not types & {"attack.military_target", "attack.infrastructure", "attack.aerial"}
    assert not alerts


def test_experts_warning_of_missile_strikes_report_none(de: Coder) -> None:
    types, alerts = _types(de, "Fachleute warnen vor Raketenangriffen auf Umspannwerke.")
    assert not types and not alerts


def test_a_dam_attacked_in_the_perfekt_is_still_an_attack(de: Coder) -> None:
    types, _ = _types(de, "Russische Truppen haben den Staudamm am Dnipro mit Raketen "
                          "angegriffen.")
    assert "attack.infrastructure" in types


# --- reports denied in the Perfekt -------------------------------------------------------------

@pytest.mark.parametrize("verb", ["zurückgewiesen", "dementiert"])
def test_reports_of_a_strike_denied_in_the_perfekt_are_no_attack(de: Coder, verb: str) -> None:
    types, alerts = _types(de, f"Die Küstenwache hat Berichte über einen Drohnenangriff auf den "
                               f"Ölhafen {verb}.")
    assert not types and not alerts


def test_a_draft_zurueckgewiesen_is_still_a_rejection(de: Coder) -> None:
    types, alerts = _types(de, "Die Rebellen haben den Entwurf für eine Waffenruhe "
                               "zurückgewiesen.")
    assert "ceasefire.rejected" in types
    assert "truce_rejected" in alerts


# --- an unprovoked breach ----------------------------------------------------------------------

def test_an_unprovoked_breach_is_a_breach(de: Coder) -> None:
    types, alerts = _types(de, "Die Armee sprach von einem nicht provozierten Bruch der "
                               "Waffenruhe durch die Rebellen.")
    assert "ceasefire.violated" in types
    assert "ceasefire_violation" in alerts


def test_a_breach_negated_is_still_none(de: Coder) -> None:
    types, _ = _types(de, "Die Waffenruhe wurde nach Angaben der Beobachter nicht gebrochen.")
    assert "ceasefire.violated" not in types


# --- a day's total -----------------------------------------------------------------------------

@pytest.mark.parametrize("body", [
    "Bei verschiedenen Angriffen im Gazastreifen sind seit dem Morgen insgesamt 23 Menschen "
    "getötet worden.",
    "Behörden melden 23 Tote im Laufe des Tages",
])
def test_a_day_total_is_no_incident_toll(de: Coder, body: str) -> None:
    types, alerts = _types(de, body)
    assert "casualties.reported" not in types
    assert "mass_casualty" not in alerts


# --- assets and agreements in flashes ----------------------------------------------------------

def test_drones_setting_an_oil_loading_terminal_ablaze_hit_infrastructure(de: Coder) -> None:
    types, alerts = _types(de, "Ukrainische Drohnen setzen Öl-Verladeterminal in Noworossijsk "
                               "in Brand")
    assert {"attack.aerial", "attack.infrastructure"} <= types
    assert "infrastructure_attack" in alerts


def test_a_truce_agreed_in_the_present_plural_is_agreed(de: Coder) -> None:
    types, _ = _types(de, "Äthiopien und Eritrea vereinbaren sofortige Waffenruhe")
    assert "ceasefire.agreed" in types


# --- attendance refused, not talks called off --------------------------------------------------

def test_attendance_called_off_is_a_rejection_not_a_stall(de: Coder) -> None:
    types, alerts = _types(de, "Die Rebellen sagten ihre Teilnahme an den Gesprächen in "
                               "Dschidda ab.")
    assert "ceasefire.rejected" in types
    assert "negotiation.stalled" not in types and "talks_collapse" not in alerts


def test_talks_called_off_are_still_a_stall(de: Coder) -> None:
    types, alerts = _types(de, "Die Regierung hat die Gespräche in Dschidda abgesagt.")
    assert "negotiation.stalled" in types
    assert "talks_collapse" in alerts


# --- vows whose verb closes the clause ---------------------------------------------------------

def test_a_conditional_vow_to_knock_out_batteries_is_a_threat(de: Coder) -> None:
    types, _ = _types(de, "„Sollte Russland die Angriffe fortsetzen, werden wir die Batterien, "
                          "von denen sie feuern, ausschalten“, schrieb der ukrainische "
                          "Armeesprecher.")
    assert "threat.military" in types


def test_refineries_vowed_as_targets_of_our_drones_are_a_threat(de: Coder) -> None:
    types, _ = _types(de, "„Sollte Russland unsere Häfen angreifen, wird jede seiner "
                          "Raffinerien zum Ziel unserer Drohnen“, sagte der ukrainische "
                          "Armeechef.")
    assert "threat.military" in types


def test_a_report_of_switched_off_power_is_no_threat(de: Coder) -> None:
    types, _ = _types(de, "Der Netzbetreiber hat in Charkiw wegen der Reparaturen den Strom "
                          "ausgeschaltet.")
    assert "threat.military" not in types


# --- a list inside a separable verb's clause ---------------------------------------------------

def test_a_call_to_a_list_of_parties_is_a_proposal(de: Coder) -> None:
    events, _ = classify(de, "Die EU rief Russland, die Ukraine und alle Verbündeten zu einer "
                             "sofortigen Waffenruhe auf.")
    proposed = [e for e in events if e.type == "ceasefire.proposed"]
    assert proposed and proposed[0].actor is not None and proposed[0].actor.code == "EUR"


def test_a_truce_proposed_for_a_list_of_domains_is_a_proposal(de: Coder) -> None:
    types, _ = _types(de, "Finnland schlug eine Waffenruhe an Land, zu Wasser und in der Luft "
                          "vor.")
    assert "ceasefire.proposed" in types


def test_a_call_closed_before_the_comma_is_still_read(de: Coder) -> None:
    types, _ = _types(de, "Die EU rief Russland zu einer Waffenruhe auf, die Ukraine und Polen "
                          "begrüßten das.")
    assert "ceasefire.proposed" in types


# --- agreed at talks ---------------------------------------------------------------------------

def test_parties_agreeing_at_talks_held_them(de: Coder) -> None:
    types, _ = _types(de, "Die Delegationen haben sich bei Gesprächen in Genf auf einen "
                          "Austausch von Gefangenen verständigt.")
    assert "negotiation.held" in types


def test_talks_in_which_a_topic_is_to_come_up_are_not_held(de: Coder) -> None:
    types, _ = _types(de, "Bei den Gesprächen in Wien soll es nach Angaben des Ministeriums "
                          "auch um Hilfen für Flüchtlinge gehen.")
    assert "negotiation.held" not in types
