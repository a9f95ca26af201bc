"""Offset order: no agent processes a record past one it never saw on the same partition.

Found by the chaos suite (kill -9 three times in a row, 2026-12-05). Faust's fetch loop
sometimes delivers a partition's records with a jump (offset 151, then 193):
`Consumer.getmany` cuts a batch short when the flow stops or the consumer generation changes,
with the consumer's position already past the batch, and a record can also die between the
fetch loop and the agent when a rebalance clears the queues. Faust records such a jump as a
*gap* (what compaction or transaction markers leave) and commits over it. Seen on the broker:
ten articles on `news.normalized` never classified, the group's offset committed past them.
Every successor of a killed worker logged such jumps on most of its partitions. Processing
past a hole and coming back to it later is no cure either: a stage whose state depends on
order (a fold's identity is its first report) can then diverge from the run it replays.

The gate sits between each agent and its stream: a record is processed only if its offset is
at most the next one expected on its partition (the committed offset right after an
assignment, then the last admitted + 1). A record past a hole is refused: not processed and,
through `streams.acks`, never acked, so the commit stays below the hole. A refusal asks for a
re-read of that partition from the hole (`reread`): paused, sought on the consumer's thread,
resumed. Records the gate admits below the expected offset (after a rebalance's seek to the
committed offset) were processed before and are processed again: at-least-once, made
harmless by the offset-stamped state and deterministic ids.

A hole that survives `MAX_REREADS` re-reads is skipped: logged at ERROR, counted in
`wirewatch_offsets_skipped_total` and recorded as absent so commits pass it. On `news.raw`
that is a producer writing with transactions (a commit marker at one offset per
transaction). Elsewhere it is what Faust did on every jump before the gate, now after three
tries and never silently. In the kill -9 runs of 2026-12-05 every hole was filled by its
first or second re-read, except on `news.alerts.escalation`, where the broker had deleted
the records (its time retention against the wires' own timestamps: fixed in streams.shell.topology);
a hole deleted by the broker is skipped at once (`_past_retention`).
"""

from __future__ import annotations

import asyncio
import itertools
import logging
import time
from collections import defaultdict
from collections.abc import Callable
from typing import Any

from faust.transport.consumer import ThreadDelegateConsumer
from faust.types import TP

from streams import metrics

log = logging.getLogger("wirewatch")

MAX_REREADS = 3
# How long a hole waits before its re-read: a worker that has just joined sees holes on many
# partitions at once while its group settles and its tables recover, and one re-read then
# serves them all. (Until 2026-12-06 the app waited its session timeout and 2 s, 12 s, for a
# kill's second rebalance to fill them: every partition a worker took over from one that left
# sat 12 s in the chaos runs, and a re-read a rebalance takes over now costs nothing.)
HOLE_SECONDS = 2.0
# A partition with records waiting that has delivered nothing for this long lost its last
# records inside the consumer, with no later record to show the hole. Past the commit
# interval (1 s) and the lag timer (2 s), so a partition just drained is not taken for one;
# a false alarm re-reads from the next offset, which re-processes nothing. (10 s until
# 2026-12-06: the tail a leaver's partitions lost cost the worker left alone 9-12 s.)
TAIL_SECONDS = 5.0
# A tail that `MAX_REREADS` re-reads did not bring back is asked for again this often while
# more than one record waits: one may be a transaction's last commit marker, never delivered,
# but a worker must never sit idle for good with records waiting (it did until the next
# rebalance before 2026-12-06).
TAIL_RETRY_SECONDS = 60.0
# The longest a re-read waits for a fetch in flight (`Consumer._drain_messages` fetches with
# a 1 s timeout) before its seek.
FETCH_WAIT_SECONDS = 5.0
# The longest the seeks may take (they queue on the consumer's thread).
SEEK_SECONDS = 10.0
_getmany = ThreadDelegateConsumer._getmany


class Gate:
    """Per partition, the next offset an agent may process. One gate serves every agent of
    a worker: a partition is read by exactly one agent."""

    def __init__(self, committed: Callable[[Any], int | None],
                 absent: Callable[[Any, int, int], None],
                 may_have_markers: Callable[[Any], bool] = lambda tp: False) -> None:
        """`committed(tp)`: the consumer's committed offset; `absent(tp, start, end)`: tell
        the offset bookkeeping that offsets start..end-1 are not in the partition;
        `may_have_markers(tp)`: whether a producer outside Wirewatch writes the partition
        (and could write it with transactions); it only names the likely cause when a hole
        is skipped."""
        self._committed = committed
        self._absent = absent
        self._may_have_markers = may_have_markers
        self._next: dict[Any, int] = {}
        # Offsets refused and not yet admitted on a re-read: `streams.acks` never acks them.
        self.refused: defaultdict[Any, set[int]] = defaultdict(set)
        # Partition -> [offset of the hole, re-reads made since it was first seen].
        self.holes: dict[Any, list[int]] = {}
        self.wanted = asyncio.Event()
        self._admitted_at: dict[Any, float] = {}
        self._reset_at = time.monotonic()
        # Partition -> its first offset, for partitions with no committed offset yet (a new
        # group, a new topic): what the consumer reads first (`auto_offset_reset`
        # earliest). Without it the first record delivered set the expectation, and records
        # dropped inside the consumer before it were never missed (see `start_of`).
        self.starts: dict[Any, int] = {}

    def start_of(self, tp: Any) -> int | None:
        """The next offset expected on `tp` right after an assignment: the committed offset,
        else the partition's first offset when the group never committed there."""
        committed = self._committed(tp)
        return committed if committed is not None else self.starts.get(tp)

    def admit(self, tp: Any, offset: int) -> bool:
        """Whether the record at `offset` of `tp` may be processed now."""
        expected = self._next.get(tp)
        if expected is None:
            expected = self.start_of(tp)
        if expected is not None and offset > expected:
            hole = self._hole(tp, expected)
            if hole[1] < MAX_REREADS:
                self.refused[tp].add(offset)
                self.wanted.set()
                return False
            log.error("%s[%d]: offsets %d-%d never came back in %d re-reads and are skipped"
                      "%s", tp.topic, tp.partition, expected, offset - 1, hole[1],
                      " (transaction markers?)" if self._may_have_markers(tp) else "")
            metrics.OFFSETS_SKIPPED.labels(topic=tp.topic).inc(offset - expected)
            self._absent(tp, expected, offset)
        hole = self.holes.get(tp)
        if hole is not None and offset >= hole[0]:
            del self.holes[tp]
        self._next[tp] = offset + 1
        self._admitted_at[tp] = time.monotonic()
        refused = self.refused.get(tp)
        if refused:
            refused.discard(offset)
        return True

    def _hole(self, tp: Any, expected: int) -> list[int]:
        """The hole of `tp` at `expected`, its re-read count kept while it stays there."""
        hole = self.holes.get(tp)
        if hole is None or hole[0] != expected:
            hole = self.holes[tp] = [expected, 0]
        return hole

    def is_refused(self, tp: Any, offset: int) -> bool:
        refused = self.refused.get(tp)
        return bool(refused) and offset in refused

    def reset(self) -> None:
        """After an assignment: the consumer was sought to the committed offsets, so those
        are what comes next; an offset remembered from an earlier assignment may be stale."""
        self._next.clear()
        self.starts.clear()
        self.refused.clear()
        self.holes.clear()
        self.wanted.clear()
        self._admitted_at.clear()
        self._reset_at = time.monotonic()

    def check_tail(self, tp: Any, committed: int, behind: int, now: float) -> bool:
        """Ask for a re-read of `tp` when records wait past `committed` and none has reached
        an agent for `TAIL_SECONDS`: they were dropped inside the consumer with nothing after
        them to show the hole (the gate only sees a hole from the record past it)."""
        idle = now - self._admitted_at.get(tp, self._reset_at)
        if behind <= 0 or idle < TAIL_SECONDS:
            return False
        hole = self._hole(tp, self._next.get(tp, committed))
        if hole[1] >= MAX_REREADS and (behind <= 1 or idle < TAIL_RETRY_SECONDS):
            return False
        self._admitted_at[tp] = now  # one request per TAIL_SECONDS
        self.wanted.set()
        return True

    def skip_deleted(self, tp: Any, start: int, first: int) -> None:
        """Offsets start..first-1 of `tp` were deleted by retention: expect `first` next."""
        self._absent(tp, start, first)
        self._next[tp] = first
        hole = self.holes.get(tp)
        if hole is not None:
            hole[0] = first

    def reread_made(self, holes: dict[Any, list[int]]) -> None:
        """A re-read of these holes was made (sought and resumed): count it against each.
        Only one made counts: a re-read a rebalance took over did nothing, and counting it
        spent a tail's re-reads with none made (see `TAIL_RETRY_SECONDS`). Refused offsets
        stay refused until admitted: an ack of one that slipped through before the seek would
        let a commit pass it once the hole below is filled."""
        for tp, hole in holes.items():
            hole[1] += 1
            metrics.REREADS.labels(topic=tp.topic).inc()


def install(consumer: Any, gate: Gate) -> None:
    """Keep the gate on the consumer, where `streams.acks` looks for refused offsets."""
    consumer.__dict__["_wirewatch_gate"] = gate


def gate_of(consumer: Any) -> Gate | None:
    return consumer.__dict__.get("_wirewatch_gate")


async def in_order(gate: Gate, stream: Any) -> Any:
    """The stream's events, each only when its offset is next on its partition."""
    async for event in stream.events():
        message = event.message
        if gate.admit(message.tp, message.offset):
            yield event


_fetch_ids = itertools.count()


async def _counted_getmany(self: Any, active_partitions: Any, timeout: float) -> Any:
    """Faust's fetch, remembered while in flight so a re-read can wait for the fetches
    begun before it paused its partitions."""
    inflight = self.__dict__.setdefault("_wirewatch_fetches", set())
    call = next(_fetch_ids)
    inflight.add(call)
    try:
        return await _getmany(self, active_partitions, timeout)
    finally:
        inflight.discard(call)


def install_fetch_count() -> None:
    """Idempotent: called wherever the app is built."""
    ThreadDelegateConsumer._getmany = _counted_getmany  # type: ignore[method-assign]


async def _seek_on_thread(thread: Any, offsets: dict[Any, int]) -> None:
    """Runs on the consumer's thread, where the Kafka client lives: a client seek made from
    the app's event loop (`Consumer.seek`) sets the client's futures from the wrong loop, and
    the fetcher waiting on them is never woken (a first version of the re-read left a worker
    idle that way). No wait for positions either (`seek_wait` waits up to the broker request
    timeout, 90 s, holding the thread every other consumer call queues behind)."""
    client = thread._ensure_consumer()
    for tp, offset in offsets.items():
        try:
            client.seek(tp, offset)
        except Exception as exc:  # revoked meanwhile: the new owner reads it
            log.warning("%s[%d]: seek to %d failed: %r", tp.topic, tp.partition, offset, exc)


def _generation(consumer: Any) -> tuple[int, bool]:
    app = getattr(consumer, "app", None)
    return (getattr(app, "consumer_generation_id", 0), bool(getattr(app, "rebalancing", False)))


async def reread(consumer: Any, offsets: dict[Any, int]) -> bool:
    """Read each partition again from the offset given (its hole), the others untouched;
    whether that was done (sought and resumed).

    The partitions are paused (a batch in delivery drops their records, later fetches leave
    them out), the fetches begun before the pause are waited for (one may hold their
    records), then they are sought on the consumer's thread, the fetch loop's read offset set
    with them (else the re-read records are dropped as already read) and resumed. Seeking to
    the hole, not the committed offset, re-processes nothing this worker already processed,
    so its counters stay exact (`received = normalized + duplicates + dead-lettered`). An
    earlier version stopped the whole flow and sought every partition: stopping the flow
    drops the batch in delivery on every partition, and it made new holes elsewhere.

    A rebalance begun while the re-read waits owns the partitions from then on: Faust pauses
    the whole assignment, recovers its tables, seeks to the committed offsets and resumes the
    whole assignment itself. The re-read then neither seeks nor resumes, so it cannot set
    source partitions fetching while the tables still recover (once seen in a kill -9 run: 21
    partitions paused by Faust, the re-read's 4 active; the later "worker that never moved
    again" of the three-kills runs was a loss, found in `streams.acks.install`)."""
    # Faust's partition sets must hold its own TP (`_get_active_partitions` asserts it, and
    # `resume_partitions` adds what it is given): a message's tp is the client's type.
    offsets = {TP(tp.topic, tp.partition): offset for tp, offset in offsets.items()}
    tps = [tp for tp in offsets if tp in consumer.assignment()]
    if not tps:
        return False
    generation = _generation(consumer)
    made = False
    consumer.pause_partitions(tps)
    try:
        before = set(consumer.__dict__.get("_wirewatch_fetches", ()))
        deadline = time.monotonic() + FETCH_WAIT_SECONDS
        while before & consumer.__dict__.get("_wirewatch_fetches", set()):
            if time.monotonic() > deadline:
                break
            await asyncio.sleep(0.01)
        if _generation(consumer) != generation:
            return False
        wanted = {tp: offsets[tp] for tp in tps}
        await asyncio.wait_for(
            consumer._thread.call_thread(_seek_on_thread, consumer._thread, wanted), SEEK_SECONDS
        )
        if _generation(consumer) != generation:
            return False  # the rebalance seeks to the committed offsets after this seek
        for tp, offset in wanted.items():
            consumer._read_offset[tp] = offset if offset else None
        made = True
    except Exception as exc:  # the refused record is refused again and asks again
        log.warning("re-read failed: %r", exc)
    finally:
        if _generation(consumer) == generation:
            consumer.resume_partitions([tp for tp in tps if tp in consumer.assignment()])
            log.info("re-read of %d partitions under way", len(tps))
        else:
            made = False
            log.warning("a rebalance began during a re-read of %d partitions: it seeks and "
                        "resumes them itself", len(tps))
    return made


async def _past_retention(consumer: Any, gate: Gate, holes: dict[Any, list[int]]) -> None:
    """Move each hole the broker has already deleted (retention, after a pipeline stopped
    for longer than a topic keeps its records) to the partition's first record: no re-read
    brings those back, and they are counted as skipped."""
    try:
        earliest = await asyncio.wait_for(
            consumer.earliest_offsets(*(TP(tp.topic, tp.partition) for tp in holes)),
            SEEK_SECONDS,
        )
    except Exception as exc:
        log.warning("could not read the partitions' first offsets: %r", exc)
        return
    for tp, hole in holes.items():
        first = earliest.get(TP(tp.topic, tp.partition))
        if first is not None and first > hole[0]:
            log.error("%s[%d]: offsets %d-%d were deleted by the broker's retention before "
                      "they were read; reading on from %d", tp.topic, tp.partition, hole[0],
                      first - 1, first)
            metrics.OFFSETS_SKIPPED.labels(topic=tp.topic).inc(first - hole[0])
            gate.skip_deleted(tp, hole[0], first)
            hole[0] = first


def busy(app: Any, sources: Callable[[Any], bool] = lambda tp: True) -> bool:
    """A rebalance or a table recovery holds source partitions back and seeks them itself.
    Faust pauses every source partition on an assignment and resumes them when its tables
    have recovered, with `in_recovery` still False in between: a re-read there resumed four
    partitions ahead of the recovery (kill -9 run)."""
    if getattr(app, "rebalancing", False) or getattr(app, "in_recovery", False):
        return True
    return bool(_paused_sources(app, sources))


def _paused_sources(app: Any, sources: Callable[[Any], bool]) -> list[Any]:
    """Source partitions Faust holds paused (an assignment's recovery, a re-read)."""
    consumer = getattr(app, "_consumer", None)
    return [tp for tp in getattr(consumer, "_paused_partitions", ()) if sources(tp)]


def _short(tp: Any) -> str:
    """A partition as the stall logs name it: `events[2]` for `<prefix>news.events`, 2."""
    return f"{tp.topic.rsplit('.', 1)[-1]}[{tp.partition}]"


def _client_view(client: Any, tp: Any) -> str:
    """What the Kafka client holds for one partition: paused, its position."""
    state = client._subscription.subscription.assignment.state_value(tp)
    position = state.position if state is not None and state.has_valid_position else None
    return f"client paused={getattr(state, 'paused', None)} position={position}"


def client_state(app: Any, tps: list[Any]) -> str:
    """What the Kafka client itself holds for stalled partitions: paused, position, whether
    Faust fetches it; Faust's own sets do not show a client that stopped fetching."""
    try:
        consumer = app._consumer
        client = consumer._thread._ensure_consumer()
        active = consumer._active_partitions or set()
        parts = []
        for tp in tps[:8]:
            parts.append(f"{_short(tp)}: {_client_view(client, tp)} "
                         f"fetched by Faust={TP(tp.topic, tp.partition) in active}")
        return "; ".join(parts)
    except Exception as exc:  # a diagnostic: never the failure itself
        return f"client state unavailable: {exc!r}"


def producer_state(app: Any, limit: int = 6) -> str:
    """What the Kafka producer holds undelivered: Faust's commit waits for its flush, so a
    batch that never leaves stops every commit and rebalance behind it (a chaos run of
    2026-12-06 sat 113 s in that flush)."""
    try:
        producer = app.producer._producer
        if producer is None:
            return "no producer"
        sender = producer._sender
        task = sender.sender_task
        accumulator = producer._message_accumulator
        cluster = producer.client.cluster
        now = time.monotonic()
        waiting = []
        for tp, batches in list(accumulator._batches.items()):
            if batches:
                waiting.append(
                    f"{_short(tp)}: {len(batches)} batches, "
                    f"oldest {now - batches[0]._ctime:.1f} s, "
                    f"leader={cluster.leader_for_partition(tp)} "
                    f"muted={tp in sender._muted_partitions}")
        done = task is not None and task.done()
        return (f"sender done={done}"
                f"{' error=' + repr(task.exception()) if done and not task.cancelled() else ''} "
                f"in flight to nodes={sorted(sender._in_flight)} "
                f"muted={len(sender._muted_partitions)} "
                f"pending batches={len(accumulator._pending_batches)} "
                f"undelivered: {'; '.join(waiting[:limit]) or 'none'}")
    except Exception as exc:  # a diagnostic: never the failure itself
        return f"producer state unavailable: {exc!r}"


def recovery_state(app: Any, limit: int = 6) -> str:
    """The table recovery's changelog partitions still behind, each with what the Kafka
    client holds for it: a recovery that receives nothing sits there with Faust's
    `in_recovery` set and every source partition paused."""
    try:
        recovery = app.tables.recovery
        consumer = app._consumer
        client = consumer._thread._ensure_consumer()
        active = consumer._active_partitions or set()
        paused = consumer._paused_partitions
        state_value = client._subscription.subscription.assignment.state_value
        behind = sorted(tp for tp, left in recovery.active_remaining().items() if left > 0)
        parts = []
        for tp in behind[:limit]:
            parts.append(
                f"{tp.topic.rsplit('.', 1)[-1]}[{tp.partition}] "
                f"{recovery.active_offsets.get(tp)}/{recovery.active_highwaters.get(tp)}: "
                f"{_client_view(client, tp)} "
                f"reset={getattr(state_value(tp), 'awaiting_reset', None)} "
                f"Faust active={tp in active} paused={tp in paused} "
                f"read offset={consumer._read_offset.get(tp)}")
        fetcher = client._fetcher
        task = fetcher._fetch_task
        client_fetch = (f"client fetch task done={task.done() if task is not None else None} "
                        f"in flight to nodes={sorted(fetcher._in_flight)} "
                        f"pending={len(fetcher._pending_tasks)} "
                        f"buffered={sorted(_short(tp) for tp in fetcher._records)[:8]}")
        return (f"{len(behind)} of {len(recovery.active_tps)} changelog partitions behind"
                + (": " + "; ".join(parts) if parts else "") + f"; {client_fetch}")
    except Exception as exc:  # a diagnostic: never the failure itself
        return f"recovery state unavailable: {exc!r}"


def describe(app: Any, gate: Gate, sources: Callable[[Any], bool]) -> str:
    """What holds a worker back, for the log when its partitions stop moving: who paused what
    (Faust on an assignment, a re-read), the flow, the gate's holes."""
    consumer = getattr(app, "_consumer", None)
    paused = sorted(_short(tp) for tp in _paused_sources(app, sources))
    holes = {_short(tp): hole for tp, hole in gate.holes.items()}
    buffered = sorted(_short(tp) for tp in getattr(consumer, "_buffered_partitions", ())
                      if sources(tp))
    return (f"generation={getattr(app, 'consumer_generation_id', None)} "
            f"rebalancing={getattr(app, 'rebalancing', None)} "
            f"in_recovery={getattr(app, 'in_recovery', None)} "
            f"flow={getattr(consumer, 'flow_active', None)} "
            f"paused sources={paused} buffered={buffered} holes={holes} "
            f"re-read asked={gate.wanted.is_set()}")


# Faust's own tasks that move records: the fetch loop, the table recovery and its reader of
# the changelogs, and the rebalance callbacks its consumer thread hands to the main loop.
# Where each waits is what a stalled worker's log needs.
_FLOW_TASKS = ("_fetcher", "_drain_messages", "_restart_recovery", "_slurp_changelogs",
               "_on_partitions_revoked", "_on_partitions_assigned", "_sender_routine",
               "_send_produce_req")
# The Kafka client's own routines, on the consumer thread's loop: a rebalance that never
# rejoins the group waits in the coordination routine (a CI run of 2026-12-06 heartbeated
# "rebalancing" for 80 s with its sources paused).
_CLIENT_TASKS = ("_coordination_routine", "_fetch_requests_routine")


def _await_chain(task: asyncio.Task) -> str:
    """Where a task waits: each coroutine in its chain of awaits, innermost last."""
    steps: list[str] = []
    coro: Any = task.get_coro()
    frame: Any = None
    while coro is not None and len(steps) < 16:
        code = getattr(coro, "cr_code", None) or getattr(coro, "ag_code", None) or getattr(
            coro, "gi_code", None)
        if code is None:
            # An async generator being iterated (`async for`) shows only as its `asend`:
            # continue into the one the awaiting frame holds.
            inner = [v for v in (frame.f_locals.values() if frame is not None else ())
                     if getattr(v, "ag_running", False)]
            if not inner:
                steps.append(type(coro).__name__)
                break
            coro = inner[0]
            continue
        frame = getattr(coro, "cr_frame", None) or getattr(coro, "ag_frame", None) or getattr(
            coro, "gi_frame", None)
        steps.append(f"{code.co_name}:{frame.f_lineno if frame is not None else '-'}")
        coro = (getattr(coro, "cr_await", None) or getattr(coro, "ag_await", None)
                or getattr(coro, "gi_yieldfrom", None))
    return " > ".join(steps)


def flow_tasks(app: Any = None) -> str:
    """Where Faust's fetch loop, table recovery and rebalance callbacks wait, and (given the
    app) the Kafka client's coordinator, for a stalled worker's log (a recovery that never
    received a changelog record held a worker 90 s in the chaos runs of 2026-12-06)."""
    found = _chains(asyncio.all_tasks(), _FLOW_TASKS)
    if app is not None:
        loop = getattr(getattr(getattr(app, "_consumer", None), "_thread", None),
                       "thread_loop", None)
        if loop is not None:
            for _ in range(3):  # the set belongs to another thread: it may change under us
                try:
                    tasks = list(asyncio.all_tasks(loop))
                except RuntimeError:
                    continue
                found += ["client " + c for c in _chains(tasks, _CLIENT_TASKS)]
                break
    return " ".join(found) or "no fetch or recovery task"


def _chains(tasks: Any, names: tuple[str, ...]) -> list[str]:
    found = []
    for task in tasks:
        chain = _await_chain(task)  # Faust's tasks run inside mode's wrappers
        if any(step.split(":", 1)[0] in names for step in chain.split(" > ")):
            found.append(f"[{chain}]")
    return found


async def serve(app: Any, gate: Gate, sources: Callable[[Any], bool],
                settle: float = HOLE_SECONDS) -> None:
    """Make a re-read when the gate asks for one, once the hole has waited `settle` seconds
    and no rebalance or recovery is under way (the rebalance's seek is a re-read itself, and
    its assignment resets the gate)."""
    while True:
        await gate.wanted.wait()
        await asyncio.sleep(settle)
        waited = 0.0
        while busy(app, sources):
            await asyncio.sleep(0.5)
            waited += 0.5
            if waited % 10 == 0:
                log.warning("a re-read waits %.0f s for the worker to settle (rebalancing=%s, "
                            "in_recovery=%s)", waited, getattr(app, "rebalancing", None),
                            getattr(app, "in_recovery", None))
        gate.wanted.clear()
        if not gate.holes:
            continue
        holes = dict(gate.holes)
        await _past_retention(app.consumer, gate, holes)
        if busy(app, sources):  # a rebalance began while the broker answered: ask again
            gate.wanted.set()
            continue
        for tp, (offset, made) in holes.items():
            level = logging.ERROR if made >= MAX_REREADS else logging.WARNING
            log.log(level, "%s[%d]: record at offset %d was skipped inside the consumer; "
                    "reading the partition again from it (re-read %d)",
                    tp.topic, tp.partition, offset, made + 1)
        if await reread(app.consumer, {tp: offset for tp, (offset, _) in holes.items()}):
            gate.reread_made(holes)


class FirstSight:
    """Whether this process meets a record for the first time: the highest offset it has
    counted per partition. A record the consumer delivers again (a rebalance or a broker
    restart seeks back to the committed offset) is processed again, at least once, but its
    counters must not move twice, or `received = normalized + duplicates + dead-lettered`
    stops holding on a worker that never restarted (the broker-restart chaos run, 2026-12-05:
    2,003 normalized of 2,000 received)."""

    def __init__(self) -> None:
        self._highest: dict[tuple[str, int], int] = {}

    def __call__(self, topic: str, partition: int, offset: int) -> bool:
        key = (topic, partition)
        if offset <= self._highest.get(key, -1):
            return False
        self._highest[key] = offset
        return True
