"""Normalize and dedup: `news.raw` -> the dedup hop (keyed by content hash) -> `news.normalized`
(keyed by article id), with the near-duplicate index every worker holds."""

from __future__ import annotations

import asyncio
import logging
import time
from datetime import UTC, datetime
from typing import Any

from faust.types import StreamT

from schemas import NormalizedArticle
from streams import metrics, order
from streams.normalize import band_index, exact, neardup, normalize_message
from streams.normalize.band_index import BandIndex, Entry, encode
from streams.replica import IndexReplica
from streams.shell.context import Context, parse_article, text_size
from streams.shell.guard import emit
from streams.shell.topology import index_horizon_ms, latest

log = logging.getLogger("wirewatch")


def article_signature(article: NormalizedArticle) -> list[int]:
    return neardup.signature(neardup.article_text(article.headline, article.body))


class Ingest:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        settings = ctx.settings
        # band hash -> earlier originals: every worker's own copy of the index topic
        self.near_index = BandIndex(max_age_ms=index_horizon_ms(settings.duplicate_days))
        self.replica = IndexReplica(self.near_index, ctx.topics.index.get_topic_name(),
                                    settings.kafka_client_kwargs())

    def install(self) -> None:
        app, topics = self.ctx.app, self.ctx.topics
        app.agent(topics.raw, name="normalize")(self.normalize)
        app.agent(topics.dedup, name="dedup")(self.dedup)
        app.task(self.follow_index)

    async def normalize(self, stream: StreamT) -> None:
        ctx = self.ctx
        guarded = ctx.guard
        async for event in order.in_order(ctx.gate, stream):
            msg = event.message
            started = time.perf_counter()
            article = await guarded(
                event, "normalize", normalize_message, msg.value, size=len(msg.value or b""),
                received_at=datetime.now(UTC),
                ingest_ts_ms=int(msg.timestamp * 1000) if msg.timestamp else None,
                max_bytes=ctx.settings.max_message_bytes,
            )
            if article is None:
                metrics.ARTICLES_RECEIVED.labels(format="invalid").inc()
                continue
            metrics.ARTICLES_RECEIVED.labels(format=article.format).inc()
            metrics.STAGE_DURATION.labels(stage="normalize").observe(
                time.perf_counter() - started
            )
            await guarded(
                event, "normalize", emit, ctx.topics.dedup,
                article.content_hash.encode(), article.model_dump_json().encode(),
            )

    async def dedup(self, stream: StreamT) -> None:
        """Exact re-sends stop here; another agency's copy or a lightly edited reprint is
        marked `duplicate_of` its original and never re-alerted. A revision (same article id)
        is never a copy.

        Each exact mark records the offset that wrote it: a replay after a crash meets its
        own mark and forwards again (the first forward may have died with the process), where
        a real re-send meets another offset's mark and stops. The near-duplicate index only
        matches articles before this one in (raw timestamp, id) order, so a replay decides
        as the first run did."""
        ctx = self.ctx
        guarded = ctx.guard
        await self.replica.caught_up.wait()  # copies of stories the index holds must be caught
        first_sight = order.FirstSight()
        async for event in order.in_order(ctx.gate, stream):
            msg = event.message
            counts = first_sight(msg.topic, msg.partition, msg.offset)
            article = await guarded(event, "normalize", parse_article, msg.value)
            if article is None:
                continue
            identity = exact.identity(article)
            mark = latest(ctx.tables.seen_hashes[identity], ctx.settings.duplicate_days)
            if exact.is_duplicate(mark, msg.partition, msg.offset):
                if counts:
                    metrics.ARTICLES_DUPLICATE.inc()
                continue
            # The signature is the costly part (a MinHash over every shingle): off the loop
            # for a large text.
            sig = await guarded(event, "normalize", article_signature, article,
                                size=text_size(article))
            if sig is None:
                continue
            article, item = self.mark_near_duplicate(article, sig, msg)
            sent = await guarded(event, "normalize", self.mark_and_forward, identity, article,
                                 msg)
            if not sent:
                continue
            if item is not None:
                await self.send_index_entry(item)
            if not counts:  # delivered again in this process: forwarded again, counted once
                continue
            if article.duplicate_of is not None:
                metrics.ARTICLES_DUPLICATE.inc()
            else:
                metrics.ARTICLES_NORMALIZED.inc()

    def mark_near_duplicate(
        self, article: NormalizedArticle, sig: list[int], msg: Any
    ) -> tuple[NormalizedArticle, Entry | None]:
        """The article marked as a copy of an earlier one, or the index entry it adds."""
        found, item = band_index.check(
            self.near_index, article.article_id,
            article.ingest_ts_ms or int((msg.timestamp or 0) * 1000), sig,
            revision=article.version > 1 or article.retracted,
        )
        if found is None:
            return article, item
        original, similarity = found
        return article.model_copy(
            update={"duplicate_of": original, "similarity": round(similarity, 3)}
        ), None

    async def mark_and_forward(self, identity: str, article: NormalizedArticle,
                               msg: Any) -> bool:
        self.ctx.tables.seen_hashes[identity] = exact.mark(
            article.article_id, msg.partition, msg.offset)
        return await emit(self.ctx.topics.normalized, article.article_id.encode(),
                          article.model_dump_json().encode())

    async def send_index_entry(self, item: Entry) -> None:
        """In this worker's index at once (the next article may be its copy), and on the
        index topic for every other worker. A failed send costs only a missed copy, whose
        alerts folding merges: logged, never a dead letter for an article already out."""
        self.near_index.add(item)
        try:
            await self.ctx.topics.index.send(key=item.article_id.encode(), value=encode(item))
        except asyncio.CancelledError:
            raise
        except Exception as exc:
            log.warning("near-duplicate index entry for %s not sent: %r", item.article_id, exc)

    async def follow_index(self) -> None:
        """Every worker reads the whole index topic, its own records included (they are
        already in its index: adding one again changes nothing)."""
        await self.replica.run()
