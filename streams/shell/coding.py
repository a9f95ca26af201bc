"""The coder the article stage classifies with (`streams.shell.ingest`)."""

from __future__ import annotations

import asyncio
import gc
import logging
from typing import Any

from streams.classify import CODER_VERSION, CoderConfigError, load_coder
from streams.shell.context import Context
from streams.workproc import WorkProcess, warm_up

log = logging.getLogger("wirewatch")


def _warm_coder() -> Any:
    coder = load_coder()
    warm_up(coder)
    return coder


class Coding:
    """The coder (automatons, actor dictionary, gazetteer, taxonomy: a few seconds) is built
    once, off the event loop; never on a first message, where it would count against that
    message's budget.

    With the work process on, the coder that codes is the child's, and the worker builds its
    own only when the stage first has to work alone (the child being started again): on the
    path to ready its build cost a restart 2-3 s of the worker's CPU while the child built
    the same coder on the other core."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.ready = asyncio.Event()
        self._building = asyncio.Lock()
        ctx.app.wirewatch_coder = None
        # The article stage's pure work, run ahead in a child process (streams/workproc.py)
        self.work: WorkProcess | None = (
            WorkProcess(ctx.settings.message_budget) if ctx.settings.work_process else None)

    @property
    def coder(self) -> Any:
        return self.ctx.app.wirewatch_coder

    def install(self) -> None:
        self.ctx.app.task(self.build_coder)

    async def local_coder(self) -> Any:
        """The worker's own coder, built on first need (the work process down or off),
        with the language model: the stage's work alone waits for this outside any
        message's budget (a wire normalized in the worker while its child was started again
        once loaded the language model inside its 0.3 s budget and was dead-lettered)."""
        if self.coder is not None:  # every article with no work process: no lock to take
            return self.coder
        async with self._building:
            if self.coder is None:
                loop = asyncio.get_running_loop()
                self.ctx.app.wirewatch_coder = await loop.run_in_executor(None, _warm_coder)
                gc.freeze()  # long-lived: no full collection walks it again
                log.info("coder %s built in the worker in %.2f s", CODER_VERSION,
                         self.coder.build_seconds)
        return self.coder

    async def build_coder(self) -> None:
        """`wirewatch worker` builds the coder before Faust starts when it has no work
        process (a bad data file stops it there, with the file, rule and name) and spawns
        the work process otherwise, whose coder is waited for here; an app started
        otherwise builds its coder here."""
        app = self.ctx.app
        started = False
        if self.work is not None:
            # The worker waits for its work process: ready without it, the first seconds'
            # wires were worked on in the worker's process while the child's build took the
            # other core (raw to first alert in the first 10 s, p99 at 50/s: 371 ms against
            # 147).
            spawned = getattr(app, "wirewatch_work_spawned", None)
            app.wirewatch_work_spawned = None
            try:
                await self.work.start(spawned)
                started = True
            except CoderConfigError as exc:
                log.critical("the coder's data is invalid: %s", exc)
                await app.crash(exc)
                return
            except Exception as exc:
                log.error("the work process could not be started (%s): the article stage "
                          "works in the worker's own process", exc)
        if not started:
            try:
                await self.local_coder()
            except Exception as exc:
                log.critical("the coder could not be built: %s", exc)
                await app.crash(exc)
                return
        log.info("coder %s ready (%s)", CODER_VERSION,
                 "work process" if started else "in the worker")
        self.ready.set()
