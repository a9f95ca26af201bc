"""Liveness and readiness, decided from plain facts the shell gathers every few seconds.

Liveness (`/health`) only says the process and its event loop answer and its producer can
still send (`probes.producer_failure`): a restart cures nothing else. Readiness (`/ready`)
says the worker is doing its job: its topics exist, it holds its partitions (no rebalance or
table recovery under way), it has read the near-duplicate index, it reaches the broker, and
every source partition with work waiting has moved forward lately. Tests and probes wait on
readiness.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import NamedTuple

# A source partition with lag whose committed offset has not moved for this long is stalled.
STALL_SECONDS = 60.0
# The broker counts as unreachable when the last successful probe is older than this.
BROKER_SILENCE_SECONDS = 15.0
# A table recovery whose changelog positions have not moved for this long is started again.
RECOVERY_STALL_SECONDS = 15.0


class TopicPartition(NamedTuple):
    topic: str
    partition: int


@dataclass
class Progress:
    """When each source partition's committed offset last moved (monotonic seconds)."""

    offsets: dict[TopicPartition, int] = field(default_factory=dict)
    moved_at: dict[TopicPartition, float] = field(default_factory=dict)

    def update(self, committed: Mapping[TopicPartition, int], now: float) -> None:
        for tp, offset in committed.items():
            if self.offsets.get(tp) != offset:
                self.offsets[tp] = offset
                self.moved_at[tp] = now
        for tp in set(self.offsets) - set(committed):  # moved to another worker
            self.offsets.pop(tp, None)
            self.moved_at.pop(tp, None)

    def stalled(
        self, lag: Mapping[TopicPartition, int], now: float, limit: float = STALL_SECONDS
    ) -> list[TopicPartition]:
        """Partitions with messages waiting whose committed offset has not moved in `limit`."""
        return sorted(
            tp for tp, behind in lag.items()
            if behind > 0 and now - self.moved_at.setdefault(tp, now) > limit
        )


@dataclass
class RecoveryWatch:
    """Whether Faust's table recovery has stalled: under way, and its changelog positions
    (`progress`: their sum) unmoved for `limit` seconds. Faust then waits for the changelogs
    forever: in about one rebalance in twenty of the two-worker chaos runs of 2026-12-06 the
    client's positions were already past the changelogs' ends while the tables stood at their
    starts, no changelog record came, and the worker carried nothing for 90 s until the next
    rebalance started the recovery again. Once stalled, the clock starts over, so a recovery
    started again gets its own `limit`."""

    limit: float = RECOVERY_STALL_SECONDS
    mark: tuple[int, float] | None = None

    def stalled(self, in_recovery: bool, progress: int, now: float) -> bool:
        if not in_recovery:
            self.mark = None
            return False
        if self.mark is None or self.mark[0] != progress:
            self.mark = (progress, now)
            return False
        if now - self.mark[1] < self.limit:
            return False
        self.mark = (progress, now)
        return True


@dataclass(frozen=True)
class Facts:
    topics_declared: bool
    assigned: bool  # the consumer has received an assignment from the group
    rebalancing: bool
    recovering: bool  # tables are being rebuilt from their changelogs
    broker_silent_for: float  # seconds since the broker last answered
    stalled: tuple[TopicPartition, ...] = ()
    index_loading: bool = False  # the near-duplicate index is not yet read to its end


def readiness(facts: Facts) -> tuple[bool, list[str]]:
    """(ready, the reasons it is not), in the order an operator would check them."""
    reasons: list[str] = []
    if not facts.topics_declared:
        reasons.append("declaring topics")
    if facts.broker_silent_for > BROKER_SILENCE_SECONDS:
        reasons.append(f"broker unreachable for {facts.broker_silent_for:.0f} s")
    if not facts.assigned or facts.rebalancing:
        reasons.append("waiting for partitions (rebalance)")
    if facts.recovering:
        reasons.append("recovering tables from changelogs")
    if facts.index_loading:
        reasons.append("reading the near-duplicate index")
    for tp in facts.stalled:
        reasons.append(f"no progress on {tp.topic}[{tp.partition}]")
    return not reasons, reasons


def lag(highwater: int | None, committed: int | None) -> int | None:
    """Messages on the partition not yet processed and committed; None when unknown.

    Measured from the committed offset, not the fetch position: fetched messages still
    waiting in the stream buffer are work not done."""
    if highwater is None:
        return None
    return max(0, highwater - (committed or 0))
