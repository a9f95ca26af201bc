"""The coder the article stage classifies with (`streams.shell.ingest`)."""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from streams.classify import CODER_VERSION, load_coder
from streams.shell.context import Context
from streams.workproc import WorkProcess

log = logging.getLogger("wirewatch")


class Coding:
    """The coder (automatons, actor dictionary, gazetteer, taxonomy: a few seconds) is built
    once when the worker starts, off the event loop; never on the first message, where it
    would count against that message's budget."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.ready = asyncio.Event()
        ctx.app.wirewatch_coder = None
        # The article stage's pure work, run ahead in a child process (streams/workproc.py)
        self.work: WorkProcess | None = (
            WorkProcess(ctx.settings.message_budget) if ctx.settings.work_process else None)

    @property
    def coder(self) -> Any:
        return self.ctx.app.wirewatch_coder

    def install(self) -> None:
        self.ctx.app.task(self.build_coder)

    async def build_coder(self) -> None:
        """`wirewatch worker` builds the coder before Faust starts (a bad data file stops it
        there, with the file, rule and name); an app started otherwise builds it here."""
        app = self.ctx.app
        coder = app.wirewatch_coder
        if coder is None:
            try:
                coder = await asyncio.get_running_loop().run_in_executor(None, load_coder)
            except Exception as exc:
                log.critical("the coder could not be built: %s", exc)
                await app.crash(exc)
                return
            app.wirewatch_coder = coder
        if self.work is not None:
            # Started with the worker, it has built its coder beside the worker's own. The
            # worker waits for it: ready without it, the first seconds' wires were worked on
            # in the worker's process while the child's build took the other core (raw to
            # first alert in the first 10 s, p99 at 50/s: 371 ms against 147).
            spawned = getattr(app, "wirewatch_work_spawned", None)
            app.wirewatch_work_spawned = None
            try:
                await self.work.start(spawned)
            except Exception as exc:
                log.error("the work process could not be started (%s): the article stage "
                          "works in the worker's own process", exc)
        log.info("coder %s built in %.2f s", CODER_VERSION, coder.build_seconds)
        self.ready.set()
