"""The work process (streams/workproc.py): a real child, the worker's side of the pipe, and
the article stage run through it against the same stage run in one process."""

from __future__ import annotations

import asyncio
import dataclasses
import json
import os
import re
import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from typing import Any

import pytest
import pytest_asyncio

from streams.budget import Budget
from streams.classify import CoderConfigError, default_coder
from streams.normalize import language, neardup, normalize_message
from streams.shell.coding import Coding
from streams.shell.guard import Guard
from streams.workproc import KEYED, RAW, Failed, Work, WorkProcess, spawn
from tests.unit.shell.test_stages_in_memory import (
    OTHER,
    FakeStream,
    Message,
    context,
    partition_of,
    rekeyed,
    stage,
    wire,
)

pytestmark = pytest.mark.asyncio(loop_scope="module")

NOW = datetime(2026, 3, 2, 7, tzinfo=UTC)
# Past a few seconds of the coder's work even on a loaded machine: 1 MB without a full stop.
HUGE = json.dumps({"id": "huge-1", "headline": "Long", "source": "Test Agency",
                   "body": "drones hit the depot and " * 40_000}).encode()
UKRAINIAN = json.dumps({
    "id": "uk-1", "headline": "Дрони атакували ТЕЦ у Харкові", "source": "Укрінформ",
    "body": "Російські дрони вночі атакували ТЕЦ у Харкові, повідомив голова обласної "
            "військової адміністрації. Унаслідок удару загинули двоє працівників станції, "
            "ще п'ятеро дістали поранення. Частина міста залишилася без світла.",
    "published_at": "2026-03-02T05:00:00Z"}).encode()


@pytest_asyncio.fixture(loop_scope="module", scope="module")
async def child() -> AsyncIterator[WorkProcess]:
    work = WorkProcess(budget=30.0)
    await work.start()
    yield work
    await work.close()


async def answer(work: WorkProcess, key: Any, *args: Any) -> Work | Failed:
    work.submit(key, *args)
    return await work.result(key)


@pytest.mark.parametrize("value", [wire("a-1"), wire("b-2", OTHER), UKRAINIAN],
                         ids=["english", "english-2", "ukrainian"])
async def test_the_child_makes_the_article_signature_and_events_the_worker_would(
        child: WorkProcess, value: bytes) -> None:
    got = await answer(child, ("t", 0, hash(value)), RAW, value, NOW, 123, 1 << 20, (1, 0))
    assert isinstance(got, Work)
    article = normalize_message(value, received_at=NOW, ingest_ts_ms=123)
    assert got.article == article
    assert got.signature == neardup.signature(
        neardup.article_text(article.headline, article.body))
    events = default_coder().classify_article(article).events
    assert got.events == events
    assert events  # every one of these wires reports a strike
    if value is UKRAINIAN:
        assert {(e.type, e.actor.code if e.actor else None) for e in events} >= {
            ("attack.infrastructure", "RUSMIL")}


async def test_a_value_normalize_refuses_comes_back_with_its_dead_letter_reason(
        child: WorkProcess) -> None:
    assert (await answer(child, ("t", 0, 1), RAW, b"\xff\xfe not json", NOW, None, 1 << 20,
                         (1, 0))).reason == "invalid_utf8"
    assert (await answer(child, ("t", 0, 2), RAW, b"", NOW, None, 1 << 20,
                         (1, 0))).reason == "empty"
    too_big = await answer(child, ("t", 0, 3), RAW, wire("a-9"), NOW, None, 100, (1, 0))
    assert isinstance(too_big, Failed) and too_big.reason == "oversized"


async def test_a_rekeyed_article_is_parsed_and_worked_on(child: WorkProcess) -> None:
    article = normalize_message(wire("a-1"), received_at=NOW)
    got = await answer(child, ("k", 0, 1), KEYED, article.model_dump_json().encode())
    assert isinstance(got, Work) and got.article == article
    assert [e.type for e in got.events or []] == [
        e.type for e in default_coder().classify_article(article).events]
    bad = await answer(child, ("k", 0, 2), KEYED, b'{"article_id": 7}')
    assert isinstance(bad, Failed) and bad.reason == "invalid_field"


async def test_a_wire_off_its_article_ids_partition_is_only_normalized(
        child: WorkProcess) -> None:
    """It is re-keyed and worked on where it lands: no signature or coding here."""
    home = partition_of(b"a-1", 4)
    away = await answer(child, ("t", 0, 10), RAW, wire("a-1"), NOW, None, 1 << 20,
                        (4, (home + 1) % 4))
    assert isinstance(away, Work) and away.article.article_id == "a-1"
    assert away.signature is None and away.events is None
    there = await answer(child, ("t", 0, 11), RAW, wire("a-1"), NOW, None, 1 << 20, (4, home))
    assert isinstance(there, Work) and there.signature and there.events


async def test_messages_handed_ahead_are_answered_in_order_with_their_own_results(
        child: WorkProcess) -> None:
    events = [SimpleEvent(Message("t.raw", 0, i, wire(f"w-{i}"))) for i in range(40)]
    args = lambda m: (RAW, m.value, NOW, None, 1 << 20, (1, 0))  # noqa: E731
    got = []
    for i, event in enumerate(events):
        key = ("t.raw", 0, i)
        child.submit(key, *args(event.message))
        child.prefetch(events[i + 1:i + 1 + child.ahead], args)
        assert len(child._sent) <= child.ahead + 1
        got.append(await child.result(key))
    assert [g.article.article_id for g in got] == [f"w-{i}" for i in range(40)]
    assert child._futures == {}  # nothing left behind


class SimpleEvent:
    def __init__(self, message: Message) -> None:
        self.message = message


async def test_a_message_past_its_budget_is_a_timeout_and_the_next_is_still_answered() -> None:
    work = WorkProcess(budget=0.5)
    await work.start()
    try:
        first = work.proc
        work.submit(("t", 0, 0), RAW, HUGE, NOW, None, 1 << 21, (1, 0))
        work.submit(("t", 0, 1), RAW, wire("a-1"), NOW, None, 1 << 20, (1, 0))
        late = await work.result(("t", 0, 0))
        assert isinstance(late, Failed) and late.reason == "timeout"
        assert first is not None and await first.wait() == -signal.SIGKILL
        work.budget = 30.0
        after = await work.result(("t", 0, 1))
        assert isinstance(after, Work) and after.article.article_id == "a-1"
        assert work.restarts == 1 and work.proc is not first
    finally:
        await work.close()


async def test_the_budget_runs_from_when_the_child_takes_a_message_up() -> None:
    """The child is shared by the raw and re-keyed agents: a wire waiting behind another
    agent's huge one is not blamed for its cost. The huge one, which nobody awaits yet
    (computed ahead), is stopped by whoever waits, and fails with `timeout` when its own
    agent reaches it."""
    work = WorkProcess(budget=0.5)
    await work.start()
    try:
        first = work.proc
        work.submit(("raw", 0, 0), RAW, HUGE, NOW, None, 1 << 21, (1, 0))
        work.submit(("keyed", 0, 0), RAW, wire("a-1"), NOW, None, 1 << 20, (1, 0))
        waited = time.monotonic()
        small = await work.result(("keyed", 0, 0))
        assert isinstance(small, Work) and small.article.article_id == "a-1"
        assert time.monotonic() - waited > 0.5  # it waited out the huge one and a restart
        assert first is not None and await first.wait() == -signal.SIGKILL
        huge = await work.result(("raw", 0, 0))
        assert isinstance(huge, Failed) and huge.reason == "timeout"
        assert "0.5 s budget" in huge.error
        assert work.restarts == 1
    finally:
        await work.close()


async def test_a_child_that_cannot_be_started_again_leaves_the_work_to_the_stage() -> None:
    """None for what it had: the stage works on it alone, never a wait without end."""
    work = WorkProcess(budget=30.0)
    await work.start()
    try:
        work.submit(("t", 0, 0), RAW, HUGE, NOW, None, 1 << 21, (1, 0))
        work.submit(("t", 0, 1), RAW, wire("a-1"), NOW, None, 1 << 20, (1, 0))
        work.command = [sys.executable, "-c", "import sys; sys.exit(3)"]
        assert work.proc is not None
        work.proc.kill()
        assert await asyncio.wait_for(work.result(("t", 0, 0)), 30) is None
        assert await work.result(("t", 0, 1)) is None
        assert not work.ready.is_set()
    finally:
        await work.close()


async def test_working_alone_loads_the_coder_and_language_model_outside_the_budget(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """With its child being started again, the stage works alone: the first wire it then
    normalizes must not pay for loading the language model (~0.6 s) inside a 0.3 s budget,
    or a good wire is dead-lettered `timeout`."""
    monkeypatch.setattr("streams.shell.coding.load_coder", default_coder)
    language.detector.cache_clear()
    ctx = context(partitions=1)
    ctx = dataclasses.replace(ctx, guard=Guard(ctx.topics.deadletter, Budget(0.3)))
    ingest = stage(ctx)
    ingest.coding.work = WorkProcess(budget=0.3)  # not up
    ctx.app.wirewatch_coder = None
    await ingest.from_raw(FakeStream([Message("t.raw", 0, 0, wire("a-1"))]))
    assert ctx.topics.deadletter.sent == []
    assert [json.loads(s.value)["article_id"] for s in ctx.topics.events.sent] == ["a-1"]
    assert language.detector.cache_info().currsize == 1


async def test_a_child_that_dies_is_replaced_and_gets_what_it_had_not_answered(
        child: WorkProcess) -> None:
    restarts = child.restarts
    child.submit(("t", 1, 0), RAW, HUGE, NOW, None, 1 << 21, (1, 0))
    child.submit(("t", 1, 1), RAW, wire("a-1"), NOW, None, 1 << 20, (1, 0))
    assert child.proc is not None
    child.proc.kill()
    big = await child.result(("t", 1, 0))
    small = await child.result(("t", 1, 1))
    assert isinstance(big, Work) and big.article.article_id == "huge-1"
    assert isinstance(small, Work) and small.article.article_id == "a-1"
    assert child.restarts == restarts + 1


async def test_a_message_the_child_dies_on_twice_is_a_processing_error(
        child: WorkProcess) -> None:
    child.submit(("t", 2, 0), RAW, HUGE, NOW, None, 1 << 21, (1, 0))
    child.submit(("t", 2, 1), RAW, wire("a-1"), NOW, None, 1 << 20, (1, 0))
    for _ in range(2):  # each time while it works on the huge message
        await child.ready.wait()
        await asyncio.sleep(0.2)
        proc = child.proc
        assert proc is not None
        proc.kill()
        # Until the handle has seen it die: a fixed 0.1 s was too short on a loaded machine,
        # and the second kill then met the first's restart under way.
        async with asyncio.timeout(30):
            while child.proc is proc:
                await asyncio.sleep(0.01)
    poisoned = await child.result(("t", 2, 0))
    assert isinstance(poisoned, Failed) and poisoned.reason == "processing_error"
    after = await child.result(("t", 2, 1))
    assert isinstance(after, Work) and after.article.article_id == "a-1"


async def test_a_child_spawned_before_the_event_loop_is_taken_on_and_closed() -> None:
    """`wirewatch worker` starts its work process first thing, before Faust's loop exists."""
    spawned = spawn()
    work = WorkProcess(budget=30.0)
    await work.start(spawned)
    try:
        got = await answer(work, ("t", 0, 0), RAW, wire("a-1"), NOW, None, 1 << 20, (1, 0))
        assert isinstance(got, Work) and got.article.article_id == "a-1"
        assert work.proc is not None and work.proc.pid == spawned.pid
    finally:
        await work.close()
    assert spawned.wait(10) == 0  # its stdin closed: it returned


async def test_the_child_exits_when_its_worker_is_killed(tmp_path: Any) -> None:
    """kill -9 of the worker leaves no child behind: its stdin closes and it returns."""
    script = tmp_path / "parent.py"
    script.write_text(textwrap.dedent("""
        import asyncio, sys
        from streams.workproc import WorkProcess

        async def main():
            work = WorkProcess(budget=5.0)
            await work.start()
            print(work.proc.pid, flush=True)
            await asyncio.sleep(600)

        asyncio.run(main())
    """))
    parent = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, text=True,
                              cwd=os.getcwd())
    try:
        assert parent.stdout is not None
        pid = int(parent.stdout.readline())
        os.kill(parent.pid, signal.SIGKILL)
        parent.wait(10)
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and alive(pid):
            await asyncio.sleep(0.05)
        assert not alive(pid)
    finally:
        if parent.poll() is None:
            parent.kill()


def alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False


async def test_the_article_stage_sends_the_same_through_the_work_process(
        child: WorkProcess, monkeypatch: pytest.MonkeyPatch) -> None:
    """The same wires (an original, junk, an exact resend, a copy, a wire off its
    partition) through the stage in one process, through the work process, and with a work
    process not up (the stage then works itself): the same records on every topic, the same
    dead letters. With a work process the worker has no coder of its own until it first
    works alone."""
    builds: list[object] = []

    def load_coder() -> object:
        builds.append(default_coder())
        return builds[-1]

    monkeypatch.setattr("streams.shell.coding.load_coder", load_coder)
    edited = wire("c-3").replace(b"on Tuesday", b"early on Tuesday")
    home = partition_of(b"a-1", 4)
    raw = [Message("t.raw", home, 0, wire("a-1")), Message("t.raw", home, 1, b"\xff junk"),
           Message("t.raw", home, 2, wire("a-1")),
           Message("t.raw", partition_of(b"c-3", 4), 0, edited),
           Message("t.raw", (partition_of(b"b-2", 4) + 1) % 4, 0, wire("b-2", OTHER)),
           Message("t.raw", partition_of(b"u-1", 4), 0,
                   UKRAINIAN.replace(b'"uk-1"', b'"u-1"'))]
    outputs, coders = [], []
    await child.ready.wait()
    sent_before = child._ident
    # in one process; through the child; with a child not up (starting, or started again)
    for work in (None, child, WorkProcess(budget=30.0)):
        ctx = context(partitions=4)
        ingest = stage(ctx)
        ingest.coding.work = work
        if work is not None:  # as `wirewatch worker` starts with a work process
            ctx.app.wirewatch_coder = None
        await ingest.from_raw(FakeStream(raw))
        await ingest.from_keyed(FakeStream(rekeyed(ctx)))
        outputs.append({name: [(s.key, comparable(s.value)) for s in topic.sent]
                        for name, topic in vars(ctx.topics).items()})
        coders.append(ctx.app.wirewatch_coder)
    alone, through, not_up = outputs
    assert child._ident - sent_before == len(raw) + 1  # the child did it: 6 raw, 1 re-keyed
    assert coders[1] is None  # the child coded: the worker built no coder
    assert len(builds) == 1 and coders[2] is builds[0]  # built once, when it worked alone
    assert through == alone
    assert not_up == alone
    assert [k for k, _ in through["events"]] == [b"a-1", b"c-3", b"u-1", b"b-2"]
    assert through["fold"]  # alerts raised
    assert [v["reason"] for _, v in through["deadletter"]] == ["invalid_utf8"]


def comparable(value: bytes) -> Any:
    """A record with the clock's fields blanked (each run reads the clock)."""
    try:
        doc = json.loads(value)
    except ValueError:
        return value
    if isinstance(doc, dict):
        for field in ("received_at", "classified_at", "failed_at", "raised_at", "updated_at"):
            doc.pop(field, None)
    return doc


async def test_an_answer_that_cannot_be_read_counts_as_the_child_dying(tmp_path: Any) -> None:
    """A child answering in a shape the worker cannot read (another version's, a corrupt
    frame) is replaced, as a dead one is: twice on one message makes it a dead letter,
    never a reader that stops and leaves every later message to time out."""
    garbled = tmp_path / "garbled.py"
    garbled.write_text(textwrap.dedent("""
        import os, pickle, struct
        def frame(payload):
            os.write(1, struct.pack("!I", len(payload)) + payload)
        frame(pickle.dumps("ready"))
        while True:
            size = os.read(0, 4)
            if not size:
                break
            left = struct.unpack("!I", size)[0]
            while left:
                left -= len(os.read(0, left))
            frame(b"not a pickle")
    """))
    work = WorkProcess(budget=30.0, command=[sys.executable, str(garbled)])
    await work.start()
    try:
        got = await answer(work, ("t", 0, 0), RAW, wire("a-1"), NOW, None, 1 << 20, (1, 0))
        assert isinstance(got, Failed) and got.reason == "processing_error"
        assert work.restarts == 2
    finally:
        await work.close()


async def test_a_child_refusing_the_coders_data_stops_the_worker_with_the_reason(
        tmp_path: Any) -> None:
    """Invalid coder data (an unknown code, category or predicate) is found by the child,
    which builds the coder: its start raises the loader's error, naming the file and the
    name, and does not fall back to a worker that would fail the same way."""
    refusing = tmp_path / "refusing.py"
    refusing.write_text(textwrap.dedent("""
        from streams.classify import loader
        from streams import workproc
        def load_coder():
            raise loader.CoderConfigError("rules.yaml", "x", "999", "is no CAMEO code")
        loader.load_coder = load_coder
        workproc.serve()
    """))
    work = WorkProcess(budget=30.0, command=[sys.executable, str(refusing)])
    with pytest.raises(CoderConfigError, match=re.escape("rules.yaml: x: '999' is no CAMEO code")):
        await work.start()
    assert work.proc is None and not work.ready.is_set()


async def test_the_worker_with_a_work_process_is_ready_on_the_childs_coder() -> None:
    """`build_coder` with a work process: ready once the child is, no coder in the worker;
    a child that refuses its data crashes the app with the loader's error."""
    ctx = context(work_process=True)
    crashed: list[BaseException] = []

    async def crash(exc: BaseException) -> None:
        crashed.append(exc)

    ctx.app.crash = crash
    coding = Coding(ctx)
    assert coding.work is not None
    try:
        await coding.build_coder()
        assert coding.ready.is_set() and coding.work.ready.is_set()
        assert coding.coder is None and not crashed
    finally:
        await coding.work.close()
    ctx = context(work_process=True)
    ctx.app.crash = crash
    coding = Coding(ctx)
    assert coding.work is not None
    coding.work.command = [sys.executable, "-c", (
        "from streams.classify import loader\n"
        "from streams import workproc\n"
        "def refuse():\n"
        "    raise loader.CoderConfigError('lexicon.yaml', 'cues', 'nope', 'is unknown')\n"
        "loader.load_coder = refuse\n"
        "workproc.serve()\n")]
    await coding.build_coder()
    assert not coding.ready.is_set() and coding.coder is None
    assert [type(e) for e in crashed] == [CoderConfigError]
    assert str(crashed[0]) == "lexicon.yaml: cues: 'nope' is unknown"


# -- the bookkeeping of results computed ahead, with no child (sends wait in the backlog) --


def _key(offset: int) -> tuple[str, int, int]:
    return ("news.raw", 0, offset)


async def test_a_message_wanted_again_is_not_dropped_by_the_prefetch_behind_it() -> None:
    """A message worked on ahead long ago (before a rebalance's re-read brought it back) is
    wanted again, then the agent hands ahead the ones behind it: the old result is the
    newest now, not the stale one the limit drops (the agent met a KeyError)."""
    work = WorkProcess(budget=0.0, ahead=2)  # keeps 16 results
    work.submit(_key(0), RAW, b"{}")
    work._futures[_key(0)].set_result(Failed("invalid_json", "first"))
    for offset in range(100, 115):  # others' results, computed ahead since
        work.submit(_key(offset), RAW, b"{}")
    work.submit(_key(0), RAW, b"{}")  # wanted again: reused
    for offset in range(1, 1 + work.ahead):  # the prefetch right behind it
        work.submit(_key(offset), RAW, b"{}")
    assert await work.result(_key(0)) == Failed("invalid_json", "first")
    assert _key(100) not in work._futures  # the stale ones went instead


async def test_a_result_an_agent_waits_for_is_never_dropped_as_stale() -> None:
    """The stage's two agents share the child: one waits while the other hands 20 messages
    ahead, past the limit. The wait ends with the work, not a cancelled future."""
    work = WorkProcess(budget=0.0, ahead=2)
    work.submit(_key(0), RAW, b"{}")
    waiting = asyncio.create_task(work.result(_key(0)))
    await asyncio.sleep(0)
    for offset in range(1, 21):
        work.submit(("news.normalize.dedup", 1, offset), KEYED, b"{}")
    assert _key(0) in work._futures and len(work._futures) == 16  # the others made room
    work._futures[_key(0)].set_result(Failed("invalid_json", "its own"))
    assert await asyncio.wait_for(waiting, 5) == Failed("invalid_json", "its own")
