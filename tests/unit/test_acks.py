"""Offsets a stream skipped around a rebalance are never committed over (streams/acks.py)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from types import SimpleNamespace

import pytest
from faust.transport.consumer import Consumer
from faust.transport.drivers.aiokafka import Consumer as AIOKafkaConsumer
from faust.types import TP
from intervaltree import IntervalTree

from streams import acks, order

TOPIC = TP("t.news.events", 0)


class Flow:
    def __init__(self) -> None:
        self.active = True

    def is_active(self) -> bool:
        return self.active


@pytest.fixture
def consumer() -> Consumer:
    acks.install()
    app = SimpleNamespace(
        consumer_generation_id=2, flow_control=Flow(),
        topics=SimpleNamespace(acks_enabled_for=lambda topic: True),
    )
    c = object.__new__(AIOKafkaConsumer)
    c.__dict__.update(
        app=app, _acked=defaultdict(list), _acked_index=defaultdict(set),
        _committed_offset=defaultdict(lambda: None), _gap=defaultdict(IntervalTree),
        _unacked_messages=set(), _n_acked=0, _waiting_for_ack=None,
    )
    c._committed_offset[TOPIC] = 17
    return c


@dataclass(eq=False)
class Message:
    """What Consumer.ack reads of a faust ConsumerMessage; hashable by identity like it."""

    offset: int
    generation_id: int
    tp: TP = TOPIC
    topic: str = TOPIC.topic
    acked: bool = False


def message(offset: int, generation: int = 2) -> Message:
    return Message(offset, generation)


def test_processed_messages_commit_as_faust_does(consumer: Consumer) -> None:
    for offset in (17, 18, 19):
        assert consumer.ack(message(offset)) is True
    assert consumer._new_offset(TOPIC) == 20


def test_a_message_of_an_earlier_generation_holds_the_commit_until_re_read(
    consumer: Consumer,
) -> None:
    # 17 was fetched before the rebalance and dropped by the stream; 18, 19 were processed.
    assert consumer.ack(message(17, generation=1)) is False
    consumer.ack(message(18))
    consumer.ack(message(19))
    assert consumer._new_offset(TOPIC) is None  # Faust alone would commit 20 here
    # The rebalance's seek re-reads 17 in this generation: now all three commit.
    assert consumer.ack(message(17)) is True
    assert consumer._new_offset(TOPIC) == 20


def test_a_message_dequeued_while_flow_control_is_off_is_not_acked(consumer: Consumer) -> None:
    consumer.app.flow_control.active = False
    assert consumer.ack(message(17)) is False
    consumer.app.flow_control.active = True
    consumer.ack(message(18))
    assert consumer._new_offset(TOPIC) is None


def test_a_skip_already_committed_past_by_another_owner_is_forgotten(
    consumer: Consumer,
) -> None:
    consumer.ack(message(17, generation=1))
    consumer._committed_offset[TOPIC] = 40  # the partition moved and came back
    consumer.ack(message(40))
    assert consumer._new_offset(TOPIC) == 41


def test_a_record_missing_at_the_head_holds_the_commit(consumer: Consumer) -> None:
    """Faust's own check (`min(acked) - committed > 1`) lets exactly this through: 17 is the
    next offset to read, 18 and 19 were processed, 17 vanished with a cleared queue."""
    consumer.ack(message(18))
    consumer.ack(message(19))
    assert consumer._new_offset(TOPIC) is None
    consumer.ack(message(17))
    assert consumer._new_offset(TOPIC) == 20


def test_a_never_committed_partition_holds_the_commit_below_its_first_offset(
    consumer: Consumer,
) -> None:
    """No committed offset yet: the gate's first offset of the partition is the head."""
    gate = order.Gate(committed=lambda tp: None, absent=lambda tp, start, end: None)
    order.install(consumer, gate)
    consumer._committed_offset[TOPIC] = None
    gate.starts[TOPIC] = 0
    consumer.ack(message(3))
    assert consumer._new_offset(TOPIC) is None
    for offset in (0, 1, 2):
        consumer.ack(message(offset))
    assert consumer._new_offset(TOPIC) == 4


async def test_a_jump_in_delivered_offsets_is_not_a_gap_to_commit_over(
    consumer: Consumer,
) -> None:
    """Faust records 18-21 as a gap when the fetch loop delivers 17 then 22 and commits 23;
    on our topics those records exist and were never processed."""
    await consumer._add_gap(TOPIC, 18, 22)
    consumer.ack(message(17))
    consumer.ack(message(22))
    assert consumer._new_offset(TOPIC) == 18


def test_a_record_the_gate_refused_is_never_acked(consumer: Consumer) -> None:
    gate = order.Gate(committed=consumer._committed_offset.get,
                      absent=lambda tp, start, end: acks.record_absent(consumer, tp, start, end))
    order.install(consumer, gate)
    assert gate.admit(TOPIC, 17)
    assert consumer.ack(message(17)) is True
    assert not gate.admit(TOPIC, 19)  # 18 never came
    assert consumer.ack(message(19)) is False
    assert consumer._new_offset(TOPIC) == 18
    consumer._committed_offset[TOPIC] = 18  # the commit made
    # the re-read brings 18, then 19 again: both processed, both acked, commit past them
    assert gate.admit(TOPIC, 18) and consumer.ack(message(18)) is True
    assert gate.admit(TOPIC, 19) and consumer.ack(message(19)) is True
    assert consumer._new_offset(TOPIC) == 20


def test_offsets_the_gate_gives_up_on_are_committed_over(consumer: Consumer) -> None:
    consumer.__dict__.pop("_wirewatch_gate", None)
    acks.record_absent(consumer, TOPIC, 18, 20)
    consumer.ack(message(17))
    consumer.ack(message(20))
    assert consumer._new_offset(TOPIC) == 21


async def test_streams_ack_through_the_patched_consumer_not_faust_s_compiled_iterator() -> None:
    """Faust's compiled stream iterator inlines `Consumer.ack`: with it, a refused record was
    acked the moment it was refused and 1,120 articles were lost in a kill -9 run. After
    `install`, every stream iterates in Python, whose acks reach `acks.ack`."""
    import faust

    acks.install()
    app = faust.App("wirewatch-test-acks", broker="kafka://127.0.0.1:1", store="memory://")
    stream = app.stream([1, 2, 3])
    iterator = stream.__aiter__()
    try:
        assert iterator.ag_code.co_name == "_py_aiter"  # type: ignore[attr-defined]
        assert [value async for value in iterator] == [1, 2, 3]
    finally:
        await iterator.aclose()  # type: ignore[attr-defined]
