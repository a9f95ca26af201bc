"""The coder and alert rules on the held-out corpus: issue 3's bars, enforced as they stand.

Alert micro-F1 must stay >= 0.90 and event micro-F1 >= 0.80 on the held-out part (131 wires,
written independently of the coder; measured 0.909 and 0.920). Improve the coder by fixing
rule classes found on `tune/` (`python -m bench.eval --part tune --show-errors`), never by
reading or relabelling the held-out part.
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
EVENT_F1_TARGET = 0.80
ALERT_F1_BAR = ALERT_F1_TARGET  # measured 0.909 on the held-out part (131 wires)
EVENT_F1_BAR = EVENT_F1_TARGET  # measured 0.920


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


def test_the_bars_are_the_issues():
    """Never lower the bars to make a change pass."""
    assert ALERT_F1_BAR >= 0.90 and EVENT_F1_BAR >= 0.80


def test_evaluate_shape():
    """`evaluate` scores every type and kind, on both parts together as well."""
    result = evaluate("all")
    assert result["articles"] >= 150
    assert set(result["events"]) >= {"ceasefire.rejected", "attack.military_target"}
    assert "escalation_surge" not in result["alerts"]
    for score in (*result["events"].values(), result["alerts_micro"]):
        assert 0.0 <= score["precision"] <= 1.0 and 0.0 <= score["recall"] <= 1.0
