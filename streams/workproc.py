"""The article stage's pure work in a second process: normalize, signature, code.

Why: a worker was one busy thread (the GIL). Its main thread spent about as much on the
Faust and aiokafka shell as on the work itself, while the machine's second core sat mostly
idle. Here the work for the messages waiting in an agent's queue runs ahead in a child
process while the main thread decides, writes state and sends for the message before them:
the two overlap.

Only pure work crosses: the raw value in; the article, its near-duplicate signature and its
events out (pickled: ~45 µs at both ends together, against ~700 µs of work per 3 KB wire).
Every decision that reads or writes state (dedup marks, the near-duplicate index, revisions,
alerts) stays in the agent, in offset order, so a result computed ahead changes nothing but
when it is ready. Results are keyed by (topic, partition, offset): a message delivered again
reuses its result, and one computed for a partition that moved away is dropped unread.

The child is also the message budget (`WIREWATCH_MESSAGE_BUDGET_SECONDS`) done the hard way:
a message whose work runs past it is a dead letter `timeout`, and the child is killed and
started again, where a thread (streams/budget.py) can only be asked to stop. A child that
dies (out of memory, a crash in a C extension) is started again and given what it had not
answered; the message it died on twice is a dead letter `processing_error`.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import logging
import os
import pickle
import struct
import subprocess
import sys
import time
from collections import OrderedDict
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any, NamedTuple

from pydantic import ValidationError

from schemas import NormalizedArticle
from streams.normalize import Rejected, neardup, normalize_message
from streams.shell.state_table import partition_of

log = logging.getLogger("wirewatch")

_LEN = struct.Struct("!I")
# How many messages the child may work on ahead of the agent: enough to keep it busy while
# the agent writes and sends, and to ride out the moments the OS gives its core to the
# broker; few enough that a rebalance wastes little (64 x ~0.6 ms of work).
AHEAD = 64
READY = "ready"
# The child's first frame when the coder's data is invalid: (REFUSED, file, rule, name,
# problem), the loader's error.
REFUSED = "refused"
# Dying on the same message this many times makes it a dead letter.
STRIKES = 2

RAW, KEYED = "raw", "keyed"
# `-P`: the child finds `streams` where the worker did (its install, PYTHONPATH), never in
# the current directory, which `-m` would put first: a source tree of another version
# there gave a worker a child that answered in another shape.
CHILD = [sys.executable, "-P", "-m", "streams.workproc"]


class Work(NamedTuple):
    """What the child made of one message."""

    article: Any  # NormalizedArticle
    signature: list[int] | None  # None: not worked on (the wire is re-keyed, not processed)
    events: list[Any] | None  # the coder's events (empty for an uncoded language)


class Failed(NamedTuple):
    """Why the child made no article of one message: a dead letter's reason and error."""

    reason: str
    error: str


# -- the child ----------------------------------------------------------------------------


def work(coder: Any, kind: str, value: bytes | None, received_at: datetime | None = None,
         ingest_ts_ms: int | None = None, max_bytes: int = 0,
         place: tuple[int, int] | None = None) -> Work | Failed:
    """One message's pure work: the article from a raw value (`RAW`) or from a re-keyed
    article (`KEYED`), its signature and its events. A raw wire whose article id does not
    hash to its partition (`place`: the partition count and the record's partition) is only
    normalized: it is re-keyed and worked on where it lands."""
    try:
        if kind == KEYED:
            article = NormalizedArticle.model_validate_json(value or b"")
        else:
            assert received_at is not None
            article = normalize_message(value, received_at=received_at,
                                        ingest_ts_ms=ingest_ts_ms, max_bytes=max_bytes)
            if place is None or partition_of(article.article_id.encode(), place[0]) != place[1]:
                return Work(article, None, None)
        signature = neardup.article_signature(article)
        reader = coder.for_language(article.language)
        # Only the events: the worker builds and serializes the records itself. Sending
        # them made here (the ClassifiedArticle and both JSON texts) cost the worker more
        # to unpickle than to make (make bench, same run: 793 against 850 articles/s).
        return Work(article, signature, reader.code_events(article) if reader else [])
    except Rejected as exc:
        return Failed(exc.reason, exc.error)
    except ValidationError as exc:
        return Failed("invalid_field", str(exc))
    except Exception as exc:
        return Failed("processing_error", repr(exc))


def warm_up(coder: Any) -> None:
    """Load the language model and the coder's lazy parts now, not inside the first wire's
    budget (the language model alone takes ~0.6 s, twice a 0.3 s budget)."""
    work(coder, RAW, b'{"id": "warm-up", "headline": "Warm-up", "body": "Nothing here."}',
         datetime.now(UTC), None, 1 << 20, (1, 0))


def _read_exactly(fd: int, n: int) -> bytes:
    chunks, left = [], n
    while left:
        chunk = os.read(fd, left)
        if not chunk:
            raise EOFError
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def _write(fd: int, payload: bytes) -> None:
    data = memoryview(_LEN.pack(len(payload)) + payload)
    while data:
        data = data[os.write(fd, data):]


def serve() -> None:
    """The child: requests in on stdin, answers out on stdout, in order; it exits when
    stdin closes, which is when the worker is gone (kill -9 included)."""
    out = os.dup(1)
    os.dup2(2, 1)  # a stray print goes to the log, never into a frame
    from streams.classify import CoderConfigError, load_coder

    # As in the worker (streams/cli.py): the start-up heap is built with the cyclic collector
    # paused, then frozen, or every full collection walks the coder again (a pause of
    # 0.1-0.2 s in which the worker runs out of work handed ahead).
    gc.disable()
    try:
        coder = load_coder()
    except CoderConfigError as exc:  # the worker stops on it, with the file, rule and name
        _write(out, pickle.dumps((REFUSED, exc.file, exc.rule, exc.name, exc.problem)))
        sys.exit(2)
    warm_up(coder)
    gc.enable()
    gc.freeze()
    _write(out, pickle.dumps(READY))
    while True:
        try:
            (size,) = _LEN.unpack(_read_exactly(0, _LEN.size))
            ident, args = pickle.loads(_read_exactly(0, size))
        except EOFError:
            return
        _write(out, pickle.dumps((ident, work(coder, *args)), protocol=pickle.HIGHEST_PROTOCOL))


# -- the worker's side --------------------------------------------------------------------


def spawn() -> subprocess.Popen:
    """Start a child before the worker's event loop exists (`wirewatch worker` does, first
    thing), so that it builds its coder while the worker builds its own and recovers its
    tables: started from the app, its build competed with the recovery for the CPU and the
    restart with 20,000 articles of state took 11 s to ready instead of 8."""
    return subprocess.Popen(CHILD,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE)


class _Adopted:
    """A `spawn`ed child seen the way `asyncio.create_subprocess_exec` shows one."""

    def __init__(self, popen: subprocess.Popen, stdin: asyncio.StreamWriter,
                 stdout: asyncio.StreamReader) -> None:
        self.popen, self.stdin, self.stdout = popen, stdin, stdout
        self.pid = popen.pid

    @classmethod
    async def connect(cls, popen: subprocess.Popen) -> _Adopted:
        loop = asyncio.get_running_loop()
        reader = asyncio.StreamReader()
        await loop.connect_read_pipe(lambda: asyncio.StreamReaderProtocol(reader), popen.stdout)
        transport, protocol = await loop.connect_write_pipe(asyncio.streams.FlowControlMixin,
                                                            popen.stdin)
        return cls(popen, asyncio.StreamWriter(transport, protocol, None, loop), reader)

    @property
    def returncode(self) -> int | None:
        return self.popen.poll()

    def kill(self) -> None:
        self.popen.kill()

    async def wait(self) -> int:
        while self.popen.poll() is None:
            await asyncio.sleep(0.05)
        return self.popen.returncode


class WorkProcess:
    """The worker's handle on its child: hands it messages ahead, gets their work back."""

    def __init__(self, budget: float, *, ahead: int = AHEAD,
                 command: list[str] | None = None) -> None:
        self.budget = budget
        self.ahead = ahead
        self.command = command or CHILD
        self.proc: Any = None  # asyncio's Process, or an `_Adopted` one
        self._futures: OrderedDict[Any, asyncio.Future] = OrderedDict()  # key -> its work
        self._sent: OrderedDict[int, tuple[Any, tuple]] = OrderedDict()  # in the child
        self._backlog: list[tuple[Any, tuple]] = []  # sent while no child is up
        self._strikes: dict[Any, int] = {}
        self._awaited: set[Any] = set()  # keys an agent waits for now
        self._ident = 0
        # When the child took up the oldest message it has not answered: it works on them
        # one at a time, in the order sent.
        self._busy_since = 0.0
        self._restarting: asyncio.Task | None = None
        self._reader: asyncio.Task | None = None
        self.ready = asyncio.Event()
        self.restarts = 0

    async def start(self, spawned: subprocess.Popen | None = None) -> None:
        """Start the child (or take on one `spawn` started before the event loop) and wait
        until it has built its coder; `CoderConfigError` if the coder's data is invalid."""
        from streams import metrics

        self.ready.clear()
        proc: Any
        if spawned is not None:
            proc = await _Adopted.connect(spawned)
        else:
            proc = await asyncio.create_subprocess_exec(
                *self.command, stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE)
        assert proc.stdout is not None
        try:
            hello = await self._frame(proc.stdout)
        except (asyncio.IncompleteReadError, ConnectionError) as exc:
            await proc.wait()
            raise RuntimeError(f"the work process exited ({proc.returncode}) before it was "
                               "ready: its log says why") from exc
        except BaseException:  # cancelled (the worker stops): no child left behind
            if proc.returncode is None:
                proc.kill()
            raise
        if hello != READY:
            proc.kill()
            await proc.wait()
            if isinstance(hello, tuple) and hello[:1] == (REFUSED,):
                from streams.classify import CoderConfigError

                raise CoderConfigError(*hello[1:])
            raise RuntimeError(f"the work process said {hello!r}")
        self.proc = proc
        self._reader = asyncio.create_task(self._read(proc, proc.stdout))
        metrics.WORK_PROCESS_UP.set(1)
        self.ready.set()

    @staticmethod
    async def _frame(stream: asyncio.StreamReader) -> Any:
        (size,) = _LEN.unpack(await stream.readexactly(_LEN.size))
        return pickle.loads(await stream.readexactly(size))

    async def _read(self, proc: Any, stream: asyncio.StreamReader) -> None:
        while True:
            try:
                ident, result = await self._frame(stream)
            except (asyncio.IncompleteReadError, ConnectionError):
                if proc is self.proc:  # not one this handle killed or closed
                    await proc.wait()
                    log.error("the work process exited (%s): starting another",
                              proc.returncode)
                    self._restart()
                return
            except Exception as exc:  # an answer that cannot be read: as if it had died
                if proc is self.proc:
                    log.error("the work process's answer could not be read (%r): starting "
                              "another", exc)
                    self._restart()
                return
            sent = self._sent.pop(ident, None)
            if sent is None:
                continue
            self._busy_since = time.monotonic()  # on to the next, if any
            future = self._futures.get(sent[0])
            if future is not None and not future.done():
                future.set_result(result)

    def _send(self, key: Any, args: tuple) -> None:
        if self.proc is None or self.proc.stdin is None:  # restarting: sent once it is up
            self._backlog.append((key, args))
            return
        self._ident += 1
        if not self._sent:  # idle: it takes this one up at once
            self._busy_since = time.monotonic()
        self._sent[self._ident] = (key, args)
        payload = pickle.dumps((self._ident, args), protocol=pickle.HIGHEST_PROTOCOL)
        self.proc.stdin.write(_LEN.pack(len(payload)) + payload)

    def submit(self, key: Any, *args: Any) -> None:
        """Hand the child the work for the message `key` (topic, partition, offset) unless
        it has it already: `args` are `work`'s after the coder."""
        if key in self._futures:
            # Wanted now: the newest, or the prefetch right behind it could drop it as stale
            # (an agent then met a KeyError, or a cancelled wait, after a rebalance).
            self._futures.move_to_end(key)
            return
        self._futures[key] = asyncio.get_running_loop().create_future()
        self._send(key, args)
        while len(self._futures) > 8 * self.ahead:  # computed for a partition that moved
            stale = next((k for k in self._futures if k not in self._awaited), None)
            if stale is None:
                break
            self._futures.pop(stale).cancel()

    def prefetch(self, waiting: Iterable[Any], args: Any) -> None:
        """Hand the child the messages next in an agent's queue (`waiting`: its events, in
        order), up to `ahead` unanswered; `args(message)` is what `submit` takes."""
        room = self.ahead - len(self._sent) - len(self._backlog)
        for event in waiting:
            if room <= 0:
                return
            msg = event.message
            key = (msg.topic, msg.partition, msg.offset)
            if key not in self._futures:
                self.submit(key, *args(msg))
                room -= 1

    async def result(self, key: Any) -> Work | Failed | None:
        """The work for `key`, submitted before. A message the child works on past the budget
        fails with `timeout`, and the child is killed and started again. None: no child
        could be started again to work on it.

        The budget runs from when the child takes a message up, not from when it is awaited:
        the child is shared by the stage's two agents (raw and re-keyed wires) and works in
        the order it was sent, so the time a message waits behind another agent's huge wire
        is not its own. Whoever waits enforces it on whatever the child is working on, so a
        message computed ahead for a partition that moved, which nobody awaits, is stopped
        too."""
        future = self._futures[key]
        if future.done():  # the usual case: no turn of the event loop, no timer
            del self._futures[key]
            self._strikes.pop(key, None)
            return future.result()
        self._awaited.add(key)  # never dropped as stale while an agent waits for it
        try:
            if self.budget <= 0:
                return await future
            while not future.done():
                try:
                    return await asyncio.wait_for(asyncio.shield(future), self._budget_left())
                except TimeoutError:
                    self._stop_overrun()
            return future.result()
        finally:
            self._awaited.discard(key)
            self._strikes.pop(key, None)
            future = self._futures.pop(key, None)
            if future is not None and not future.done():
                future.cancel()

    def _budget_left(self) -> float:
        """Seconds until the message the child is on runs past the budget (a full budget
        when it is on none, or is being started again: a wait, not work)."""
        if self.proc is None or not self._sent:
            return self.budget
        return max(0.0, self._busy_since + self.budget - time.monotonic())

    def _stop_overrun(self) -> None:
        """Kill the child if the message it is on has run past the budget: that message
        fails with `timeout`, the ones behind it go to the next child."""
        if self.proc is None or not self._sent:
            return
        if time.monotonic() - self._busy_since < self.budget:
            return
        head, _ = next(iter(self._sent.values()))
        future = self._futures.get(head)
        if future is not None and not future.done():
            future.set_result(Failed(
                "timeout", f"the message's processing ran past its {self.budget:g} s budget "
                           "(its work process was stopped and restarted)"))
        self._restart(drop=head)

    def _restart(self, drop: Any = None) -> None:
        """Kill the child (if alive) and start another in the background; what it had not
        answered goes to the new one, except `drop` and a message it has now died on
        `STRIKES` times."""
        from streams import metrics

        self.restarts += 1
        metrics.WORK_PROCESS_RESTARTS.inc()
        metrics.WORK_PROCESS_UP.set(0)
        self.ready.clear()
        old, self.proc = self.proc, None
        if old is not None and old.returncode is None:
            old.kill()
        unanswered = [sent for sent in self._sent.values() if sent[0] != drop]
        self._sent.clear()
        if unanswered and drop is None:  # it died on the first message it had not answered
            head = unanswered[0][0]
            self._strikes[head] = self._strikes.get(head, 0) + 1
            if self._strikes[head] >= STRIKES:
                unanswered.pop(0)
                future = self._futures.get(head)
                if future is not None and not future.done():
                    future.set_result(Failed(
                        "processing_error",
                        f"the work process died {STRIKES} times on this message"))
        if self._restarting is None or self._restarting.done():
            self._restarting = asyncio.create_task(self._start_again(unanswered))

    async def _start_again(self, unanswered: list[tuple[Any, tuple]]) -> None:
        started = time.monotonic()
        while True:
            try:
                await self.start()
                break
            except Exception as exc:
                log.error("the work process could not be started again: %s", exc)
                # What waits for it is answered None: the stage works on it alone, as on
                # every new message until a child is up.
                for key, _ in [*unanswered, *self._backlog]:
                    future = self._futures.get(key)
                    if future is not None and not future.done():
                        future.set_result(None)
                unanswered, self._backlog = [], []
                await asyncio.sleep(1.0)
        log.warning("work process started again in %.1f s", time.monotonic() - started)
        backlog, self._backlog = [*unanswered, *self._backlog], []
        for key, args in backlog:
            future = self._futures.get(key)
            if future is not None and not future.done():
                self._send(key, args)

    async def close(self) -> None:
        restarting = self._restarting
        if restarting is not None and not restarting.done():
            restarting.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await restarting
        proc, self.proc = self.proc, None
        if proc is None or proc.returncode is not None:
            return
        assert proc.stdin is not None
        proc.stdin.close()
        try:
            await asyncio.wait_for(proc.wait(), 5)
        except TimeoutError:
            proc.kill()


if __name__ == "__main__":
    # Through the imported module, so that what the child pickles names
    # `streams.workproc.Work`, which the worker can load, and not `__main__.Work`.
    from streams import workproc

    workproc.serve()
