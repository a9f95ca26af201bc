"""The coder and alert rules on the held-out corpus: the issues' bars, enforced as they stand.

Alert micro-F1 must reach 0.90 (issue 3's bar, issue 11 aims at 0.95) and event micro-F1
0.90 on the held-out part (191 wires since the blind `h4-*` batch in real-reporting styles).
Measured at coder 1.2.0 with the precision work of issue 11 (branch `prec`): alert micro-F1
0.8996 (P 0.873, R 0.928), event micro-F1 0.905 (P 0.896, R 0.915). The alert bar is not yet
met: `test_heldout_alert_micro_f1` fails by one error (before the precision work, with the h4
batch, it measured 0.862, P 0.805). Alert precision may not fall below what it
reached. Improve the coder by fixing rule classes found on `tune/`
(`python -m bench.eval --part tune --show-errors`) and the golden table, never by reading or
relabelling the held-out part.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.eval import evaluate, render  # noqa: E402

ALERT_F1_TARGET = 0.90  # issue 3's bar
EVENT_F1_TARGET = 0.90  # issue 11's bar
ALERT_F1_BAR = ALERT_F1_TARGET  # measured 0.8996 on the held-out part (191 wires): not met
EVENT_F1_BAR = EVENT_F1_TARGET  # measured 0.905
ALERT_PRECISION_BAR = 0.87  # measured 0.873 (0.805 before issue 11's precision work)


@pytest.fixture(scope="module")
def heldout() -> dict:
    return evaluate("heldout")


def test_no_fixture_raises(heldout: dict):
    broken = [item for item in heldout["errors"] if item["exception"]]
    assert broken == []


def test_heldout_alert_micro_f1(heldout: dict):
    f1 = heldout["alerts_micro"]["f1"]
    assert f1 >= ALERT_F1_BAR, f"alert micro-F1 {f1:.3f} < {ALERT_F1_BAR}\n{render(heldout)}"


def test_heldout_event_micro_f1(heldout: dict):
    f1 = heldout["events_micro"]["f1"]
    assert f1 >= EVENT_F1_BAR, f"event micro-F1 {f1:.3f} < {EVENT_F1_BAR}\n{render(heldout)}"


def test_heldout_alert_precision(heldout: dict):
    precision = heldout["alerts_micro"]["precision"]
    assert precision >= ALERT_PRECISION_BAR, (
        f"alert precision {precision:.3f} < {ALERT_PRECISION_BAR}\n{render(heldout)}")


def test_the_bars_are_the_issues():
    """Never lower the bars to make a change pass."""
    assert ALERT_F1_BAR >= 0.90 and EVENT_F1_BAR >= 0.90 and ALERT_PRECISION_BAR >= 0.87


def test_evaluate_shape():
    """`evaluate` scores every type and kind, on both parts together as well."""
    result = evaluate("all")
    assert result["articles"] >= 150
    assert set(result["events"]) >= {"ceasefire.rejected", "attack.military_target"}
    assert "escalation_surge" not in result["alerts"]
    for score in (*result["events"].values(), result["alerts_micro"]):
        assert 0.0 <= score["precision"] <= 1.0 and 0.0 <= score["recall"] <= 1.0
