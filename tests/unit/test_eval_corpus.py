"""The coder and alert rules on the held-out corpus: the issue's bar (alert micro-F1 >= 0.90).

The held-out part is never used for tuning; if this fails, fix the coder on `tune/` errors
(`python -m bench.eval --part tune --show-errors`), never the held-out labels.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

_classify = pytest.importorskip("streams.classify", reason="the coder is not there yet")
if not hasattr(_classify, "classify_article"):
    pytest.skip("the coder is not there yet", allow_module_level=True)

from bench.eval import evaluate, render  # noqa: E402

ALERT_F1_BAR = 0.90
EVENT_F1_BAR = 0.80


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


def test_evaluate_shape():
    """`evaluate` scores every type and kind, on both parts together as well."""
    result = evaluate("all")
    assert result["articles"] >= 150
    assert set(result["events"]) >= {"ceasefire.rejected", "attack.military_target"}
    assert "escalation_surge" not in result["alerts"]
    for score in (*result["events"].values(), result["alerts_micro"]):
        assert 0.0 <= score["precision"] <= 1.0 and 0.0 <= score["recall"] <= 1.0
