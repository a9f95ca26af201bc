"""German classes the blind `931`-`960` tune batch (German translations of English `dev3-*`
tune wires) found, each pinned here in new words (no sentence is a corpus wire's):

- a report denied with German's comma before "wonach" ("wiesen ... Berichte zurück, wonach
  ...", "dementierte Berichte, wonach ...") is denied, as English "denied reports that";
- a claim dismissed "als falsch" or declared "für falsch" is refuted (English "as false");
- a war's toll framed by the war in the Perfekt or Präteritum ("sind im Krieg mehr als ...
  getötet worden") is an aggregate, no incident's toll.
"""

from __future__ import annotations

from streams.classify.loader import Coder
from tests.unit.classify.langkit import classify

# --- a report denied, comma before "wonach" ----------------------------------------------------

def test_a_walkout_report_rejected_before_wonach_is_denied(de: Coder) -> None:
    events, alerts = classify(de, "Beide Regierungen wiesen am Abend Meldungen zurück, wonach "
                                  "ihre Unterhändler die Verhandlungen in Genf abgebrochen "
                                  "hätten.")
    assert "negotiation.stalled" not in {e.type for e in events}
    assert "talks_collapse" not in alerts


def test_a_walkout_report_dementiert_before_wonach_is_denied(de: Coder) -> None:
    events, alerts = classify(de, "Das Außenministerium dementierte Berichte, wonach die "
                                  "Delegation die Gespräche in Wien verlassen habe.")
    assert "negotiation.stalled" not in {e.type for e in events}
    assert "talks_collapse" not in alerts


def test_a_walkout_told_as_news_is_still_a_stall(de: Coder) -> None:
    events, alerts = classify(de, "Die Delegation hat die Gespräche in Wien am Dienstag aus "
                                  "Protest verlassen.")
    assert "negotiation.stalled" in {e.type for e in events}
    assert "talks_collapse" in alerts


# --- dismissed as false ------------------------------------------------------------------------

def test_a_breach_report_dismissed_als_falsch_is_refuted(de: Coder) -> None:
    events, alerts = classify(de, "Meldungen über einen Bruch des Waffenstillstands im Norden "
                                  "wies die Armeeführung am Sonntag als falsch zurück.")
    assert not events and not alerts


def test_a_breach_reported_without_refutation_is_still_a_violation(de: Coder) -> None:
    events, alerts = classify(de, "Die Rebellen haben den Waffenstillstand im Norden am Sonntag "
                                  "mit einem Angriff auf einen Armeeposten gebrochen.")
    assert "ceasefire.violated" in {e.type for e in events}
    assert "ceasefire_violation" in alerts


# --- a war's toll framed by the war ------------------------------------------------------------

def test_a_war_toll_in_the_perfekt_is_an_aggregate(de: Coder) -> None:
    events, alerts = classify(de, "Nach Zählung der Vereinten Nationen sind im Krieg mehr als "
                                  "12.000 Zivilisten getötet worden.")
    assert "casualties.reported" not in {e.type for e in events}
    assert "mass_casualty" not in alerts


def test_a_strike_toll_in_the_perfekt_is_still_a_toll(de: Coder) -> None:
    events, alerts = classify(de, "Bei einem Raketenangriff auf den Bahnhof sind am Dienstag "
                                  "zwölf Menschen getötet worden.")
    assert "casualties.reported" in {e.type for e in events}
    assert "mass_casualty" in alerts
