"""The figures `make bench` reports are read the way its README says: per-round medians."""

from __future__ import annotations

from bench.run import latency_rounds, longest_gap_ms


def _round(cold_p99: float, warm_p99: float) -> dict:
    def part(p99: float) -> dict:
        return {"new_alerts": 10, "median_ms": p99 / 4, "p99_ms": p99, "max_ms": p99 + 1}
    return {"rate_per_s": 50.0, "warmup_s": 10.0, "cold": part(cold_p99), "warm": part(warm_p99)}


def test_a_disturbed_round_does_not_set_the_p99() -> None:
    summary = latency_rounds([_round(140, 20), _round(900, 70), _round(160, 30)])
    assert summary["cold"]["p99_ms"] == 160 and summary["warm"]["p99_ms"] == 30
    assert summary["cold"]["p99_rounds_ms"] == [140, 900, 160]
    assert summary["cold"]["new_alerts"] == 30 and summary["rate_per_s"] == 50.0


def test_a_round_with_no_new_alerts_is_left_out_of_the_median() -> None:
    empty = _round(0, 0)
    empty["cold"] = {"new_alerts": 0}
    summary = latency_rounds([empty, _round(100, 10), _round(300, 30)])
    assert summary["cold"]["p99_ms"] == 200 and summary["cold"]["new_alerts"] == 20
    assert summary["warm"]["p99_ms"] == 10


def test_the_longest_gap_is_between_consecutive_outputs_in_time_order() -> None:
    assert longest_gap_ms([1000, 1010, 1400, 1030]) == 370
    assert longest_gap_ms([5]) == 0
