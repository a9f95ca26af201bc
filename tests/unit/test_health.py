"""Readiness from plain facts; lag from committed offsets; progress per partition."""

from __future__ import annotations

from streams.health import (
    BROKER_SILENCE_SECONDS,
    RECOVERY_STALL_SECONDS,
    STALL_SECONDS,
    Facts,
    Progress,
    RecoveryWatch,
    TopicPartition,
    lag,
    readiness,
)

RAW0 = TopicPartition("news.raw", 0)
RAW1 = TopicPartition("news.raw", 1)


def facts(**changes: object) -> Facts:
    base = dict(topics_declared=True, assigned=True, rebalancing=False, recovering=False,
                broker_silent_for=0.0)
    base.update(changes)
    return Facts(**base)


def test_a_settled_worker_is_ready() -> None:
    assert readiness(facts()) == (True, [])


def test_each_missing_condition_is_named() -> None:
    assert readiness(facts(topics_declared=False)) == (False, ["declaring topics"])
    assert readiness(facts(assigned=False))[1] == ["waiting for partitions (rebalance)"]
    assert readiness(facts(rebalancing=True))[1] == ["waiting for partitions (rebalance)"]
    assert readiness(facts(recovering=True))[1] == ["recovering tables from changelogs"]
    assert readiness(facts(index_loading=True))[1] == ["reading the near-duplicate index"]
    silent = readiness(facts(broker_silent_for=BROKER_SILENCE_SECONDS + 5))
    assert silent[0] is False and silent[1][0].startswith("broker unreachable for 20")
    assert readiness(facts(stalled=(RAW1,)))[1] == ["no progress on news.raw[1]"]


def test_lag_counts_from_the_committed_offset() -> None:
    assert lag(1_000, 600) == 400
    assert lag(1_000, None) == 1_000, "nothing committed yet: all of it is work to do"
    assert lag(None, 10) is None
    assert lag(5, 9) == 0


def test_a_partition_with_lag_and_no_movement_is_stalled_and_one_without_lag_is_not() -> None:
    progress = Progress()
    progress.update({RAW0: 10, RAW1: 50}, now=0.0)
    progress.update({RAW0: 10, RAW1: 80}, now=STALL_SECONDS - 1)
    assert progress.stalled({RAW0: 5, RAW1: 5}, now=STALL_SECONDS + 1) == [RAW0]
    assert progress.stalled({RAW0: 0, RAW1: 5}, now=STALL_SECONDS + 1) == []
    progress.update({RAW0: 11, RAW1: 80}, now=STALL_SECONDS + 2)
    assert progress.stalled({RAW0: 5}, now=STALL_SECONDS + 3) == []


def test_partitions_that_moved_away_are_forgotten() -> None:
    progress = Progress()
    progress.update({RAW0: 1, RAW1: 2}, now=0.0)
    progress.update({RAW1: 2}, now=1.0)
    assert set(progress.offsets) == {RAW1}


def test_a_recovery_whose_changelog_positions_stand_still_is_stalled_once_per_limit() -> None:
    """Faust's recovery that received no changelog record waited for the next rebalance
    (90 s in a chaos run): the worker starts it again, and again while it stays stuck."""
    watch = RecoveryWatch()
    assert not watch.stalled(True, 120, now=0.0)
    assert not watch.stalled(True, 120, now=RECOVERY_STALL_SECONDS - 1)
    assert watch.stalled(True, 120, now=RECOVERY_STALL_SECONDS + 1)
    assert not watch.stalled(True, 120, now=RECOVERY_STALL_SECONDS + 2)  # its own limit now
    assert watch.stalled(True, 120, now=2 * RECOVERY_STALL_SECONDS + 2)


def test_a_recovery_that_moves_or_ends_is_never_stalled() -> None:
    watch = RecoveryWatch()
    for second in range(0, 100, 5):  # a long replay, moving
        assert not watch.stalled(True, 1000 + second, now=float(second))
    assert not watch.stalled(False, 0, now=200.0)  # done: no recovery to watch
    assert not watch.stalled(True, 5, now=201.0)  # the next rebalance's recovery starts fresh
    assert not watch.stalled(True, 5, now=201.0 + RECOVERY_STALL_SECONDS - 1)
