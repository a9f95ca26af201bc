"""Windowed state read straight from the store: the same values as Faust's window sets."""

from __future__ import annotations

import weakref
from collections.abc import Iterator
from types import SimpleNamespace

import faust
import pytest
from faust import streams as faust_streams

from streams.shell.state_table import StateTable
from streams.shell.topology import DAY, latest, window_values

NOW = 1_767_225_600.0 + 5 * 3600  # 2026-01-01 05:00 UTC: the record being processed


class _Event:
    """What Faust's window reads ask of the current event: its message's timestamp."""

    def __init__(self, timestamp: float) -> None:
        self.message = SimpleNamespace(timestamp=timestamp)


@pytest.fixture
def event() -> Iterator[_Event]:
    ev = _Event(NOW)
    token = faust_streams._current_event.set(weakref.ref(ev))
    yield ev
    faust_streams._current_event.reset(token)


def _tables() -> tuple[object, object]:
    app = faust.App("window-values-test", store="memory://", Table=StateTable)
    daily = app.Table("daily", key_type=str, default=lambda: None).tumbling(
        DAY, expires=8 * DAY)
    hourly = app.Table("hourly", key_type=str, default=lambda: {"n": 0}).tumbling(3600.0)
    return daily, hourly


def test_the_values_are_faust_s_window_set_s(event: _Event) -> None:
    daily, hourly = _tables()
    for days_ago, value in ((0, {"o": 9}), (2, {"o": 5}), (6, {"o": 1})):
        at = daily.table.window.current(NOW - days_ago * DAY)
        daily.table.data[("w-1", at)] = value
    hourly.table.data[("k", hourly.table.window.current(NOW - 3 * 3600))] = {"n": 4}
    ages = [i * DAY for i in range(8)]
    windows = daily["w-1"]
    assert list(window_values(daily, "w-1", ages)) == [
        windows.current(), *(windows.delta(age) for age in ages[1:])]
    assert list(window_values(daily, "w-1", ages))[:3] == [{"o": 9}, None, {"o": 5}]
    hours = [i * 3600.0 for i in range(24)]
    got = list(window_values(hourly, "k", hours))
    assert got == [hourly["k"].current(), *(hourly["k"].delta(h) for h in hours[1:])]
    assert got[3] == {"n": 4} and got[0] == {"n": 0}, "an empty window is the table's default"


def test_latest_is_the_newest_window_within_the_days(event: _Event) -> None:
    daily, _ = _tables()
    daily.table.data[("w-2", daily.table.window.current(NOW - 3 * DAY))] = {"o": 2}
    assert latest(daily, "w-2", 7) == {"o": 2}
    assert latest(daily, "w-2", 3) is None, "older than the horizon"
    assert latest(daily, "nobody", 7) is None
