"""Agents process each partition in offset order or not at all (streams/order.py)."""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from types import SimpleNamespace

import pytest
from aiokafka import TopicPartition
from faust.types import TP

from streams import order

A = TP("t.news.alerts.fold", 0)
B = TP("t.news.alerts.fold", 1)


@pytest.fixture
def committed() -> dict[TP, int]:
    return {A: 146, B: 10}


@pytest.fixture
def absent() -> list[tuple[TP, int, int]]:
    return []


@pytest.fixture
def gate(committed: dict[TP, int], absent: list[tuple[TP, int, int]]) -> order.Gate:
    return order.Gate(committed=committed.get,
                      absent=lambda tp, start, end: absent.append((tp, start, end)))


def test_records_in_order_from_the_committed_offset_are_admitted(gate: order.Gate) -> None:
    assert [gate.admit(A, o) for o in (146, 147, 148)] == [True, True, True]
    assert not gate.wanted.is_set()


def test_a_record_past_a_hole_is_refused_and_asks_for_a_re_read(gate: order.Gate) -> None:
    """The kill -9 run's fold partition: 146-150 dropped inside the consumer, 151 delivered.
    Folding 151 first would start a fold under another report's id."""
    assert not gate.admit(A, 151)
    assert not gate.admit(A, 152)
    assert gate.is_refused(A, 151) and gate.is_refused(A, 152)
    assert gate.wanted.is_set()
    assert gate.holes == {A: [146, 0]}
    # other partitions are not held up
    assert gate.admit(B, 10)


def test_the_re_read_admits_the_hole_then_what_was_refused(gate: order.Gate) -> None:
    gate.admit(A, 146)
    assert not gate.admit(A, 149)  # 147, 148 skipped
    gate.reread_made(gate.holes)
    assert gate.is_refused(A, 149)  # still never acked until processed
    for offset in (146, 147, 148, 149):  # the seek goes back to the committed offset
        assert gate.admit(A, offset)
    assert not gate.is_refused(A, 149)
    assert gate.holes == {}


def test_a_re_read_of_records_already_processed_is_admitted(gate: order.Gate) -> None:
    """After a rebalance's seek the records from the committed offset come again: at-least-
    once, harmless through the offset-stamped state."""
    for offset in (146, 147, 148, 149):
        gate.admit(A, offset)
    assert gate.admit(A, 146)
    assert gate.admit(A, 147)


def test_a_partition_never_committed_takes_its_first_record(
    gate: order.Gate, committed: dict[TP, int]
) -> None:
    del committed[A]
    assert gate.admit(A, 0)
    assert not gate.admit(A, 2)


def test_a_never_committed_partition_expects_its_first_offset_once_known(
    gate: order.Gate, committed: dict[TP, int]
) -> None:
    """The kill -9 run's new re-key partition: its first records were dropped inside the
    consumer and the first one delivered (offset 8) set the expectation; with the partition's
    first offset known at the assignment, 8 is a hole's far side and waits for a re-read."""
    del committed[A]
    gate.starts[A] = 0
    assert not gate.admit(A, 8)
    assert gate.holes == {A: [0, 0]}
    assert [gate.admit(A, o) for o in range(9)] == [True] * 9
    gate.reset()
    assert gate.starts == {}


def test_an_assignment_forgets_offsets_of_an_earlier_one(
    gate: order.Gate, committed: dict[TP, int]
) -> None:
    """The partition was elsewhere and came back with its committed offset far ahead."""
    gate.admit(A, 146)
    committed[A] = 900
    gate.reset()
    assert gate.admit(A, 900)


def test_a_hole_in_news_raw_that_stays_after_every_re_read_is_recorded_absent(
    committed: dict[TP, int], absent: list[tuple[TP, int, int]]
) -> None:
    """A transactional producer's commit marker is an offset no re-read ever delivers."""
    gate = order.Gate(committed=committed.get,
                      absent=lambda tp, start, end: absent.append((tp, start, end)),
                      may_have_markers=lambda tp: True)
    gate.admit(A, 146)
    for _ in range(order.MAX_REREADS):
        assert not gate.admit(A, 148)
        gate.reread_made(gate.holes)
        assert gate.admit(A, 146)  # the re-read starts at the committed offset again
    assert gate.admit(A, 148)
    assert absent == [(A, 147, 148)]
    assert gate.admit(A, 149)
    assert gate.holes == {}


def test_a_hole_no_re_read_fills_is_skipped_counted_and_never_silent(
    gate: order.Gate, absent: list[tuple[TP, int, int]]
) -> None:
    """Three tries, then what Faust did on every jump before the gate, but counted."""
    from streams import metrics

    before = metrics.OFFSETS_SKIPPED.labels(topic=A.topic)._value.get()
    gate.admit(A, 146)
    for _ in range(order.MAX_REREADS):
        assert not gate.admit(A, 150)
        gate.reread_made(gate.holes)
    assert gate.admit(A, 150)
    assert absent == [(A, 147, 150)]
    assert metrics.OFFSETS_SKIPPED.labels(topic=A.topic)._value.get() == before + 3


async def test_in_order_yields_only_admitted_events(gate: order.Gate) -> None:
    def event(offset: int) -> SimpleNamespace:
        return SimpleNamespace(message=SimpleNamespace(tp=A, offset=offset))

    class Stream:
        async def events(self) -> AsyncIterator[SimpleNamespace]:
            for offset in (146, 147, 150, 151):
                yield event(offset)

    seen = [e.message.offset async for e in order.in_order(gate, Stream())]
    assert seen == [146, 147]


async def test_serve_re_reads_the_partition_from_its_hole_once_the_fetch_in_flight_returns(
    gate: order.Gate,
) -> None:
    """Only the partition with the hole is paused and sought, to the hole itself (what this
    worker already processed is not processed again), on the consumer's thread, after the
    fetch begun before the pause has returned."""
    calls: list[str] = []
    read_offset: dict[TP, int | None] = {A: 170, B: 12}

    class Client:
        def seek(self, tp: TP, offset: int) -> None:
            calls.append(f"seek {tp.partition}:{offset}")

    class Thread:
        def _ensure_consumer(self) -> Client:
            return Client()

        async def call_thread(self, fun: Callable[..., Awaitable[None]], *args: object) -> None:
            calls.append("on thread")
            await fun(*args)

    class Consumer:
        def __init__(self) -> None:
            self._thread = Thread()
            self._read_offset = read_offset
            self.__dict__["_wirewatch_fetches"] = {7}

        def assignment(self) -> set[TP]:
            return {A, B}

        async def earliest_offsets(self, *tps: TP) -> dict[TP, int]:
            return {tp: 0 for tp in tps}

        def pause_partitions(self, tps: list[TP]) -> None:
            assert all(type(tp) is TP for tp in tps)  # Faust asserts it in its sets
            calls.append(f"pause {sorted(tp.partition for tp in tps)}")

        def resume_partitions(self, tps: list[TP]) -> None:
            assert all(type(tp) is TP for tp in tps)
            calls.append(f"resume {sorted(tp.partition for tp in tps)}")

    consumer = Consumer()
    app = SimpleNamespace(consumer=consumer, rebalancing=False)
    task = asyncio.create_task(order.serve(app, gate, lambda tp: True, settle=0))
    client_tp = TopicPartition(A.topic, A.partition)  # what a message carries
    try:
        gate.admit(client_tp, 146)
        gate.admit(client_tp, 148)
        gate.admit(client_tp, 149)
        await asyncio.sleep(0.1)
        assert calls == ["pause [0]"]  # fetch 7 began before the pause: no seek yet
        consumer.__dict__["_wirewatch_fetches"] = {8}  # 7 returned; 8 began after the pause
        for _ in range(100):
            if calls[-1].startswith("resume"):
                break
            await asyncio.sleep(0.01)
        assert calls == ["pause [0]", "on thread", "seek 0:147", "resume [0]"]
        assert read_offset == {A: 147, B: 12}
        assert gate.holes == {A: [147, 1]}
        app.rebalancing = True  # the rebalance's own seek re-reads: none of ours
        calls.clear()
        gate.admit(client_tp, 150)
        await asyncio.sleep(0.3)
        assert calls == []
    finally:
        task.cancel()


async def test_a_rebalance_begun_during_a_re_read_is_left_to_seek_and_resume() -> None:
    """Faust pauses the whole assignment on a rebalance and resumes it when its tables have
    recovered; a re-read that resumed its partitions in between left a worker that never
    moved again (CI, 2026-12-05). So once a rebalance begins, the re-read touches nothing."""
    calls: list[str] = []
    faust = SimpleNamespace(consumer_generation_id=4, rebalancing=False)

    class Thread:
        async def call_thread(self, fun: Callable[..., Awaitable[None]], *args: object) -> None:
            calls.append("on thread")

    class Consumer:
        app = faust
        _thread = Thread()
        def __init__(self) -> None:
            self._read_offset: dict[TP, int] = {}
            self.__dict__["_wirewatch_fetches"] = {7}

        def assignment(self) -> set[TP]:
            return {A, B}

        def pause_partitions(self, tps: list[TP]) -> None:
            calls.append(f"pause {sorted(tp.partition for tp in tps)}")

        def resume_partitions(self, tps: list[TP]) -> None:
            calls.append(f"resume {sorted(tp.partition for tp in tps)}")

    consumer = Consumer()
    task = asyncio.create_task(order.reread(consumer, {A: 146}))
    await asyncio.sleep(0.05)
    assert calls == ["pause [0]"]
    faust.rebalancing = True  # revoked: Faust will pause and resume the assignment
    consumer.__dict__["_wirewatch_fetches"] = set()
    assert not await asyncio.wait_for(task, 1)  # not made: not counted against the hole
    assert calls == ["pause [0]"]
    assert consumer._read_offset == {}

    # The same when the whole rebalance came and went while the fetch was waited for.
    calls.clear()
    faust.rebalancing = False
    consumer.__dict__["_wirewatch_fetches"] = {8}
    task = asyncio.create_task(order.reread(consumer, {A: 146}))
    await asyncio.sleep(0.05)
    faust.consumer_generation_id = 5
    consumer.__dict__["_wirewatch_fetches"] = set()
    assert not await asyncio.wait_for(task, 1)
    assert calls == ["pause [0]"]

    # No rebalance: sought and resumed.
    calls.clear()
    assert await asyncio.wait_for(order.reread(consumer, {A: 146}), 1)
    assert calls == ["pause [0]", "on thread", "resume [0]"]
    assert consumer._read_offset == {A: 146}


def test_records_dropped_at_the_tail_are_read_again(gate: order.Gate) -> None:
    """146-150 were dropped inside the consumer and nothing came after them: no later record
    shows the hole, so the lag that does not move asks for the re-read."""
    gate.admit(A, 145)
    now = time.monotonic()
    assert not gate.check_tail(A, 146, behind=5, now=now)  # delivered a moment ago
    later = now + order.TAIL_SECONDS + 1
    assert not gate.check_tail(A, 146, behind=0, now=later)  # nothing waits
    assert gate.check_tail(A, 146, behind=5, now=later)
    assert gate.wanted.is_set() and gate.holes == {A: [146, 0]}  # 145 admitted: 146 next
    assert not gate.check_tail(A, 146, behind=5, now=later + 1)  # once per TAIL_SECONDS
    assert gate.admit(A, 146)  # the re-read delivers it
    assert gate.holes == {}


def test_a_tail_that_never_comes_is_given_up_after_the_re_reads(gate: order.Gate) -> None:
    """A transaction's last commit marker counts in the end offset and is never delivered."""
    now = time.monotonic()
    asked = 0
    for i in range(order.MAX_REREADS + 2):
        if gate.check_tail(B, 10, behind=1, now=now + (i + 1) * (order.TAIL_SECONDS + 1)):
            asked += 1
            gate.reread_made(gate.holes)
    assert asked == order.MAX_REREADS


def test_a_worker_whose_source_partitions_faust_paused_is_busy() -> None:
    """Between an assignment and the end of its table recovery Faust holds the source
    partitions paused with `in_recovery` still False: no re-read may resume them early."""
    changelog = TP("t.alert-folds-changelog", 0)
    consumer = SimpleNamespace(_paused_partitions={changelog})
    app = SimpleNamespace(rebalancing=False, in_recovery=False, _consumer=consumer)
    source = lambda tp: "changelog" not in tp.topic  # noqa: E731
    assert not order.busy(app, source)  # a recovered changelog stays paused: normal
    consumer._paused_partitions.add(A)
    assert order.busy(app, source)
    app.in_recovery, consumer._paused_partitions = True, set()
    assert order.busy(app, source)


def test_a_hole_the_broker_deleted_by_retention_is_read_on_from_the_first_record(
    gate: order.Gate, absent: list[tuple[TP, int, int]]
) -> None:
    """A pipeline stopped for longer than the topic's retention: no re-read brings those
    records back."""
    gate.admit(A, 146)
    assert not gate.admit(A, 400)
    gate.skip_deleted(A, 147, 390)
    assert absent == [(A, 147, 390)]
    assert gate.holes == {A: [390, 0]}
    assert gate.admit(A, 390) and gate.admit(A, 391)
    assert gate.holes == {}


def test_a_stalled_worker_is_described_by_who_paused_what(gate: order.Gate) -> None:
    """The log line a stall leaves: enough to tell Faust's recovery from a re-read."""
    changelog = TP("t.alert-folds-changelog", 0)
    consumer = SimpleNamespace(_paused_partitions={changelog, A}, flow_active=True)
    app = SimpleNamespace(consumer_generation_id=7, rebalancing=False, in_recovery=False,
                          _consumer=consumer)
    assert not gate.admit(A, 150)
    text = order.describe(app, gate, lambda tp: "changelog" not in tp.topic)
    assert "generation=7" in text and "flow=True" in text
    assert "paused sources=['fold[0]']" in text
    assert "holes={'fold[0]': [146, 0]}" in text and "re-read asked=True" in text


def test_a_record_delivered_again_in_one_process_is_counted_once() -> None:
    first = order.FirstSight()
    assert [first("t", 0, o) for o in (0, 1, 2)] == [True, True, True]
    assert [first("t", 0, o) for o in (1, 2)] == [False, False], "a seek back re-delivers"
    assert first("t", 0, 3) and first("t", 1, 0), "new offsets, and other partitions, count"


def test_a_stalled_partition_is_described_as_the_client_holds_it() -> None:
    state = SimpleNamespace(paused=False, has_valid_position=True, position=320)
    assignment = SimpleNamespace(state_value=lambda tp: state)
    client = SimpleNamespace(_subscription=SimpleNamespace(
        subscription=SimpleNamespace(assignment=assignment)))
    consumer = SimpleNamespace(_active_partitions={A},
                               _thread=SimpleNamespace(_ensure_consumer=lambda: client))
    text = order.client_state(SimpleNamespace(_consumer=consumer), [A])
    assert text == "fold[0]: client paused=False position=320 fetched by Faust=True"
    assert "unavailable" in order.client_state(SimpleNamespace(), [A])


def test_a_tail_of_records_is_asked_for_again_after_the_re_reads_never_given_up(
    gate: order.Gate,
) -> None:
    """Records wait (more than a marker's one) and three re-reads brought none back: the
    worker keeps asking, at a slower pace, rather than sitting idle until the next rebalance
    (CI, 2026-12-06: the worker left alone carried nothing for 90 s)."""
    now = time.monotonic()
    for i in range(order.MAX_REREADS):
        assert gate.check_tail(B, 10, behind=40, now=now + (i + 1) * (order.TAIL_SECONDS + 1))
        gate.reread_made(gate.holes)
    spent = now + (order.MAX_REREADS + 1) * (order.TAIL_SECONDS + 1)
    assert not gate.check_tail(B, 10, behind=40, now=spent)  # not every 10 s any more
    assert gate.check_tail(B, 10, behind=40, now=spent + order.TAIL_RETRY_SECONDS)


async def test_serve_counts_only_a_re_read_made(
    gate: order.Gate, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A re-read a rebalance took over (or one of partitions no longer assigned) did nothing:
    counted, three of them spent a hole's re-reads with none made and the worker gave the
    partition up."""
    made: list[bool] = [False, True]
    calls: list[dict[TP, int]] = []

    async def reread(consumer: object, offsets: dict[TP, int]) -> bool:
        calls.append(offsets)
        return made.pop(0)

    monkeypatch.setattr(order, "reread", reread)
    consumer = SimpleNamespace(earliest_offsets=lambda *tps: asyncio.sleep(0, {}))
    app = SimpleNamespace(consumer=consumer, rebalancing=False)
    task = asyncio.create_task(order.serve(app, gate, lambda tp: True, settle=0))
    try:
        gate.admit(A, 146)
        assert not gate.admit(A, 150)
        for _ in range(100):
            if calls:
                break
            await asyncio.sleep(0.01)
        assert calls == [{A: 147}] and gate.holes == {A: [147, 0]}  # not made: not counted
        assert not gate.admit(A, 150)  # refused again: asks again
        for _ in range(100):
            if len(calls) == 2:
                break
            await asyncio.sleep(0.01)
        await asyncio.sleep(0.05)
        assert gate.holes == {A: [147, 1]}
    finally:
        task.cancel()


async def test_a_stalled_worker_s_log_says_where_faust_s_fetch_and_recovery_wait() -> None:
    """A recovery that never received a changelog record held a worker for 90 s: the log
    then needs where the fetch loop and the recovery wait, through mode's task wrappers."""

    async def _slurp_changelogs() -> None:
        await asyncio.Event().wait()

    async def _execute_task() -> None:  # as mode runs a service's task
        await _slurp_changelogs()

    task = asyncio.create_task(_execute_task())
    await asyncio.sleep(0.01)
    try:
        told = order.flow_tasks()
        assert told.startswith("[_execute_task:") and "> _slurp_changelogs:" in told
        assert "wait" in told
    finally:
        task.cancel()


async def test_the_await_chain_goes_into_the_async_generator_a_loop_iterates() -> None:
    """Faust's fetch loop waits in `async for ... in getmany(...)`: the chain must show
    where getmany itself waits, not stop at the generator's `asend`."""

    async def getmany() -> AsyncIterator[int]:
        await asyncio.Event().wait()
        yield 1

    async def _drain_messages() -> None:
        ait = getmany()
        async for _ in ait:
            pass

    task = asyncio.create_task(_drain_messages())
    await asyncio.sleep(0.01)
    try:
        told = order.flow_tasks()
        assert "_drain_messages:" in told and "> getmany:" in told and "wait" in told
    finally:
        task.cancel()


async def test_a_rebalance_that_never_rejoins_shows_where_the_client_thread_waits() -> None:
    """The Kafka client's coordinator runs on the consumer thread's own loop, where a
    rebalance that never rejoins the group waits; the main loop's revoke callback is there
    too. Both chains must reach the log."""
    import threading

    loop = asyncio.new_event_loop()
    ready = threading.Event()
    release = asyncio.Event()

    async def _coordination_routine() -> None:
        with contextlib.suppress(asyncio.CancelledError):
            await asyncio.sleep(3600)

    def run() -> None:
        asyncio.set_event_loop(loop)
        loop.call_soon(ready.set)
        loop.run_until_complete(_coordination_routine())

    async def _on_partitions_revoked() -> None:
        await release.wait()

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    ready.wait(5)
    revoke = asyncio.create_task(_on_partitions_revoked())
    await asyncio.sleep(0.01)
    app = SimpleNamespace(_consumer=SimpleNamespace(_thread=SimpleNamespace(thread_loop=loop)))
    try:
        told = order.flow_tasks(app)
        assert "[_on_partitions_revoked:" in told and "> wait:" in told
        assert "client [_coordination_routine:" in told and "> sleep:" in told
        assert "client" not in order.flow_tasks()  # without the app, the main loop only
    finally:
        revoke.cancel()
        for task in asyncio.all_tasks(loop):
            loop.call_soon_threadsafe(task.cancel)
        thread.join(5)
        loop.close()


def test_a_recovery_that_receives_nothing_is_described_partition_by_partition() -> None:
    changelog = TP("t.alert-folds-changelog", 2)
    done = TP("t.alert-folds-changelog", 1)
    state = SimpleNamespace(paused=False, has_valid_position=True, position=40,
                            awaiting_reset=False)
    fetcher = SimpleNamespace(_fetch_task=None, _in_flight={1}, _pending_tasks=set(),
                              _records={})
    client = SimpleNamespace(_subscription=SimpleNamespace(subscription=SimpleNamespace(
        assignment=SimpleNamespace(state_value=lambda tp: state))), _fetcher=fetcher)
    consumer = SimpleNamespace(_thread=SimpleNamespace(_ensure_consumer=lambda: client),
                               _active_partitions={changelog}, _paused_partitions=set(),
                               _read_offset={changelog: 40})
    recovery = SimpleNamespace(active_tps={changelog, done},
                               active_offsets={changelog: 39, done: 10},
                               active_highwaters={changelog: 120, done: 10},
                               active_remaining=lambda: {changelog: 81, done: 0})
    app = SimpleNamespace(tables=SimpleNamespace(recovery=recovery), _consumer=consumer)
    told = order.recovery_state(app)
    assert told.startswith("1 of 2 changelog partitions behind")
    assert "alert-folds-changelog[2] 39/120" in told and "position=40" in told
    assert "Faust active=True paused=False read offset=40" in told
    assert "in flight to nodes=[1]" in told


async def test_the_producer_state_names_each_batch_still_undelivered() -> None:
    """Faust's commit waits for the producer's flush: the stall log must say which
    partitions hold batches that never left, how old, and whether the sender still runs.
    A real, unstarted aiokafka producer, so a renamed internal fails here, not in a stall."""
    from aiokafka import AIOKafkaProducer

    producer = AIOKafkaProducer(bootstrap_servers="127.0.0.1:1")
    tp = TopicPartition("t.news.alerts.fold", 2)
    await producer._message_accumulator.add_message(tp, None, b"fold", timeout=1)
    told = order.producer_state(SimpleNamespace(producer=SimpleNamespace(_producer=producer)))
    assert told.startswith("sender done=False in flight to nodes=[] muted=0 pending batches=0")
    assert "undelivered: fold[2]: 1 batches, oldest 0.0 s, leader=None muted=False" in told
    assert "unavailable" not in told
    assert order.producer_state(SimpleNamespace()).startswith("producer state unavailable")
    await producer.stop()
