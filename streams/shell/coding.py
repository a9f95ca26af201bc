"""Classify: `news.normalized` -> `news.events`, one ClassifiedArticle per article."""

from __future__ import annotations

import asyncio
import logging
import time

from faust.types import StreamT

from streams import metrics, order
from streams.classify import CODER_VERSION, codes_language, load_coder
from streams.shell.context import Context, parse_article, text_size
from streams.shell.guard import emit

log = logging.getLogger("wirewatch")


class Coding:
    """The coder (automatons, actor dictionary, gazetteer, taxonomy: a few seconds) is built
    once when the worker starts, off the event loop; never on the first message, where it
    would count against that message's budget."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.ready = asyncio.Event()
        ctx.app.wirewatch_coder = None

    def install(self) -> None:
        self.ctx.app.task(self.build_coder)
        self.ctx.app.agent(self.ctx.topics.normalized, name="classify")(self.classify)

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
        log.info("coder %s built in %.2f s", CODER_VERSION, coder.build_seconds)
        self.ready.set()

    async def classify(self, stream: StreamT) -> None:
        ctx = self.ctx
        guarded = ctx.guard
        await self.ready.wait()
        coder = ctx.app.wirewatch_coder
        async for event in order.in_order(ctx.gate, stream):
            started = time.perf_counter()
            article = await guarded(event, "classify", parse_article, event.message.value)
            if article is None:
                continue
            classified = await guarded(
                event, "classify", coder.classify_article, article, size=text_size(article)
            )
            if classified is None:
                continue
            metrics.STAGE_DURATION.labels(stage="classify").observe(time.perf_counter() - started)
            sent = await guarded(
                event, "classify", emit, ctx.topics.events,
                classified.article_id.encode(), classified.model_dump_json().encode(),
            )
            if sent:
                for coded in classified.events:
                    metrics.EVENTS.labels(type=coded.type).inc()
                if not codes_language(classified.language):
                    metrics.UNCODED_LANGUAGE.labels(language=classified.language).inc()
