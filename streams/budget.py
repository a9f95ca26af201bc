"""Run one message's pure work off the event loop, under a time budget.

The event loop serves `/health`, `/metrics`, heartbeats and SIGTERM; a message whose pure work
runs for minutes on it stops all of them (issue 10: a 1 MB text without full stops). Here the
work on a large input runs in a worker thread the loop awaits with a timeout. Past the budget
the caller gets `BudgetExceeded` and dead-letters the message; the thread is told to stop (an
asynchronous exception, which CPython delivers at the next bytecode the thread runs) and its
executor is abandoned, so a message that will not stop can never hold up the next one.

By default the article stage's work runs in the worker's work process instead
(`streams/workproc.py`), where the budget kills and restarts the process; this thread serves
the worker run with `WIREWATCH_WORK_PROCESS=0` (one process, e.g. a pod held to one core) and
any stage work handed to the guard with a size. The GIL hands the loop a turn at least every
`sys.getswitchinterval()` (5 ms), which keeps the web pages and the consumer's heartbeats
answering while the work runs.
"""

from __future__ import annotations

import asyncio
import ctypes
import logging
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

log = logging.getLogger("wirewatch.budget")
T = TypeVar("T")


class BudgetExceeded(Exception):
    """The work ran past its budget; raised in the caller, and injected into the thread."""


def _interrupt(thread_id: int) -> bool:
    """Ask CPython to raise BudgetExceeded in that thread at its next bytecode."""
    done = ctypes.pythonapi.PyThreadState_SetAsyncExc(
        ctypes.c_ulong(thread_id), ctypes.py_object(BudgetExceeded)
    )
    return done == 1


class _Run:
    """One piece of work, and whether its thread is still inside it."""

    def __init__(self, work: Callable[..., Any], args: tuple[Any, ...], kwargs: dict) -> None:
        self.work, self.args, self.kwargs = work, args, kwargs
        self.lock = threading.Lock()
        self.thread_id: int | None = None
        self.finished = False

    def __call__(self) -> Any:
        with self.lock:
            self.thread_id = threading.get_ident()
        try:
            return self.work(*self.args, **self.kwargs)
        finally:
            with self.lock:
                self.finished = True

    def stop(self) -> bool:
        """Interrupt the thread only while it still runs this work, never the next."""
        with self.lock:
            if self.finished or self.thread_id is None:
                return False
            return _interrupt(self.thread_id)


class Budget:
    """Runs pure work in one worker thread, at most `seconds` per call.

    Only inputs over `inline_max` go to the thread: handing work to a thread and back costs
    the event loop and Faust's consumer thread their turns at the GIL (make bench: a worker
    that sent every article there moved 103 articles/s against 165 on the loop), while the
    coder's linear cost bounds a small input's work to a few tens of milliseconds anyway.
    """

    def __init__(
        self, seconds: float, *, inline_max: int = 0, name: str = "wirewatch-work"
    ) -> None:
        self.seconds = seconds
        self.inline_max = inline_max
        self._name = name
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix=name)
        self.overruns = 0

    def offloads(self, size: int) -> bool:
        """Whether work on an input of `size` bytes or characters goes to the thread; a
        budget of 0 keeps all work on the loop."""
        return self.seconds > 0 and size > self.inline_max

    async def run(self, work: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """`work(*args, **kwargs)` in the worker thread; BudgetExceeded past the budget."""
        run = _Run(work, args, kwargs)
        future = asyncio.get_running_loop().run_in_executor(self._executor, run)
        try:
            return await asyncio.wait_for(asyncio.shield(future), self.seconds)
        except TimeoutError:
            self.overruns += 1
            stopped = run.stop()
            # The stuck thread may sit in one long C call the interrupt cannot enter: it gets a
            # new executor so that the next message never waits behind it.
            abandoned = self._executor
            self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix=self._name)
            abandoned.shutdown(wait=False, cancel_futures=True)
            future.add_done_callback(_swallow)
            log.warning(
                "%s ran past its %.1f s budget (%s)", getattr(work, "__name__", work),
                self.seconds, "interrupted" if stopped else "left to finish in the background",
            )
            raise BudgetExceeded(
                f"the message's processing ran past its {self.seconds:g} s budget"
            ) from None

    def close(self) -> None:
        self._executor.shutdown(wait=False, cancel_futures=True)


def _swallow(future: asyncio.Future) -> None:
    """The abandoned work's outcome (usually BudgetExceeded) is nobody's business now."""
    if not future.cancelled():
        future.exception()
