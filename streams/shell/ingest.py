"""The article stage: normalize, dedup, classify and alert each wire in one pass, keyed by
article id; its alerts go on to the fold and escalation hops (`streams.shell.alerts`).

Two consumed hops from `news.raw` to `news.alerts` (issue 9): the article stage, then the
fold (or escalation) stage. Every piece of the article stage's state (exact-dedup marks,
revisions) is keyed by article id, so a message is processed where its article id's
partition is. A wire fed keyed by its article id with Kafka's default partitioner (murmur2:
the Java client, aiokafka, `wirewatch feed`, kcat with `-X partitioner=murmur2_random`)
already sits there and is processed in place; any other wire (no key, another key, another
partitioner) is normalized and re-keyed once through `news.normalize.dedup`, as Kafka
Streams repartitions a stream whose key changed. Both topics have the same partition count,
so Faust's co-partitioning assignor gives partition p of both to one worker, and the state
for one article id always lands on one changelog partition.

`news.normalized` and `news.events` are written for subscribers (their contract is
unchanged); no stage of the worker reads them any more.

The pure work (normalize, near-duplicate signature, coder) runs in the work process
(`streams.workproc`) for the messages waiting in each agent's queue, ahead of the one the
agent is on; the agent keeps every decision that reads or writes state, in offset order.
While the work process is not up (being started again after a budget kill or a crash, or
it could not be started) and with `WIREWATCH_WORK_PROCESS=0`, the agent does that work
itself, under the guard's budget: the same outputs, one process's speed.
"""

from __future__ import annotations

import asyncio
import itertools
import logging
import time
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from faust.types import StreamT

from schemas import NormalizedArticle
from streams import metrics, order
from streams.classify import codes_language
from streams.classify.loader import article_record
from streams.normalize import band_index, exact, neardup, normalize_message
from streams.normalize.band_index import BandIndex, Entry, encode
from streams.replica import IndexReplica
from streams.shell.alerts import Alerts
from streams.shell.coding import Coding
from streams.shell.context import Context, parse_article, text_size
from streams.shell.guard import emit
from streams.shell.state_table import partition_of
from streams.shell.topology import index_horizon_ms, latest
from streams.workproc import KEYED as KEYED_WORK
from streams.workproc import RAW as RAW_WORK
from streams.workproc import Failed, Work

log = logging.getLogger("wirewatch")

# The source tags stamped into offset-stamped state: a record's offset is only unique in its
# topic, and the article stage reads two.
RAW, KEYED = "r", "k"
# How long a looked-up partition count of `news.raw` is trusted (partitions can be added).
PARTITIONS_TTL_SECONDS = 10.0


class Ingest:
    def __init__(self, ctx: Context, coding: Coding, alerts: Alerts) -> None:
        self.ctx = ctx
        self.coding = coding
        self.alerts = alerts
        settings = ctx.settings
        # band hash -> earlier originals: every worker's own copy of the index topic
        self.near_index = BandIndex(max_age_ms=index_horizon_ms(settings.duplicate_days))
        self.replica = IndexReplica(self.near_index, ctx.topics.index.get_topic_name(),
                                    settings.kafka_client_kwargs())
        self.first_sight = order.FirstSight()
        # (when looked up, (news.raw's partitions, the re-key topic's))
        self._partitions: tuple[float, tuple[int | None, int | None]] = (0.0, (None, None))

    def install(self) -> None:
        app, topics = self.ctx.app, self.ctx.topics
        app.agent(topics.raw, name="ingest")(self.from_raw)
        app.agent(topics.dedup, name="ingest-keyed")(self.from_keyed)
        app.task(self.follow_index)

    async def ready(self) -> None:
        """Copies of stories the index holds must be caught, and the coder built."""
        await self.replica.caught_up.wait()
        await self.coding.ready.wait()

    def in_place(self, article_id: str, partition: int) -> bool:
        """Whether a raw record already sits on its article id's partition: where the re-key
        topic would put it, in a `news.raw` with as many partitions (Faust co-partitions only
        equal counts, and a changed count moves every key)."""
        raw = self.raw_partitions()
        return raw is not None and partition_of(article_id.encode(), raw) == partition

    def raw_partitions(self) -> int | None:
        """news.raw's partition count while the re-key topic has as many, else None."""
        checked, counts = self._partitions
        if time.monotonic() - checked > PARTITIONS_TTL_SECONDS:
            counts = (self.partition_count(self.ctx.topics.raw),
                      self.partition_count(self.ctx.topics.dedup))
            self._partitions = (time.monotonic(), counts)
        raw, keyed = counts
        return raw if raw and raw == keyed else None

    def partition_count(self, topic: Any) -> int | None:
        """A topic's partitions as the consumer's metadata knows them, else as declared (an
        in-memory stage has no consumer)."""
        consumer = getattr(self.ctx.app, "consumer", None)
        if consumer is None:
            return topic.partitions
        try:
            return consumer.topic_partitions(topic.get_topic_name())
        except Exception:
            return None

    async def from_raw(self, stream: StreamT) -> None:
        ctx = self.ctx
        guarded = ctx.guard
        await self.ready()
        work = self.coding.work
        waiting = stream.channel.queue._queue  # the agent's next events, in offset order
        max_bytes = ctx.settings.max_message_bytes
        async for event in order.in_order(ctx.gate, stream):
            msg = event.message
            started = time.perf_counter()
            now = datetime.now(UTC)
            ingest_ts_ms = int(msg.timestamp * 1000) if msg.timestamp else None
            done: Work | None = None
            result = None
            if work is not None and work.ready.is_set():
                result = await self.worked(event, waiting, lambda m, now=now: (
                    RAW_WORK, m.value, now, int(m.timestamp * 1000) if m.timestamp else None,
                    max_bytes, self.place(m.partition)))
            if isinstance(result, Failed):
                await ctx.guard.dead_letter(event, "normalize", result.reason, result.error)
                article = None
            elif result is not None:
                done, article = result, result.article
            else:  # alone: no work process, or none up
                await self.coding.local_coder()  # built (and warm) outside the budget
                article = await guarded(
                    event, "normalize", normalize_message, msg.value,
                    size=len(msg.value or b""), received_at=now, ingest_ts_ms=ingest_ts_ms,
                    max_bytes=max_bytes,
                )
            if article is None:
                metrics.ARTICLES_RECEIVED.labels(format="invalid").inc()
                continue
            metrics.STAGE_DURATION.labels(stage="normalize").observe(
                time.perf_counter() - started
            )
            # Counted once per record in this process, as the rest of its way is: a record
            # delivered again (a seek back to the committed offset) is processed again but
            # moves no counter twice. A re-keyed one is counted every time, as is the copy it
            # forwards (a new offset: an exact duplicate), so the two balance.
            in_place = self.in_place(article.article_id, msg.partition)
            counts = not in_place or self.first_sight(msg.topic, msg.partition, msg.offset)
            if counts:
                metrics.ARTICLES_RECEIVED.labels(format=article.format).inc()
            if in_place:
                await self.process(event, article, RAW, counts, done)
                continue
            await guarded(
                event, "normalize", emit, ctx.topics.dedup,
                article.article_id.encode(), article.model_dump_json().encode(),
            )

    async def from_keyed(self, stream: StreamT) -> None:
        ctx = self.ctx
        await self.ready()
        work = self.coding.work
        waiting = stream.channel.queue._queue
        async for event in order.in_order(ctx.gate, stream):
            msg = event.message
            counts = self.first_sight(msg.topic, msg.partition, msg.offset)
            result = None
            if work is not None and work.ready.is_set():
                result = await self.worked(event, waiting, lambda m: (KEYED_WORK, m.value))
            if isinstance(result, Failed):
                await ctx.guard.dead_letter(event, "normalize", result.reason, result.error)
            elif result is not None:
                await self.process(event, result.article, KEYED, counts, result)
            else:  # alone: no work process, or none up
                article = await ctx.guard(event, "normalize", parse_article, msg.value)
                if article is not None:
                    await self.process(event, article, KEYED, counts)

    async def worked(self, event: Any, waiting: Any,
                     args: Callable[[Any], tuple]) -> Work | Failed | None:
        """The work process's result for this event, having handed it the events waiting
        behind it in the agent's queue (`args(message)`: what it works on); None when no
        child could be started again to work on it."""
        work = self.coding.work
        assert work is not None
        msg = event.message
        key = (msg.topic, msg.partition, msg.offset)
        work.submit(key, *args(msg))
        work.prefetch(itertools.islice(waiting, work.ahead), args)
        return await work.result(key)

    def place(self, partition: int) -> tuple[int, int] | None:
        """What the work process needs to tell whether a raw record sits on its article
        id's partition (see `in_place`): news.raw's partition count and the record's."""
        raw = self.raw_partitions()
        return None if raw is None else (raw, partition)

    async def process(self, event: Any, article: NormalizedArticle, source: str,
                      counts: bool, done: Work | None = None) -> None:
        """Dedup, classify and alert one article, on its article id's partition.

        Exact re-sends stop here; another agency's copy or a lightly edited reprint is
        marked `duplicate_of` its original and never re-alerted. A revision (same article id)
        is never a copy.

        Each exact mark records the offset that wrote it: a replay after a crash meets its
        own mark and goes on (what the crashed run sent may have died with the process),
        where a real re-send meets another offset's mark and stops. The near-duplicate index
        only matches articles before this one in (raw timestamp, id) order, and the revisions
        replay what the crashed run sent, so a replay decides and sends as the first run did.
        """
        ctx = self.ctx
        guarded = ctx.guard
        msg = event.message
        key = exact.key(article)
        mark = latest(ctx.tables.seen_hashes, key, ctx.settings.duplicate_days)
        if exact.is_duplicate(mark, msg.partition, msg.offset, source):
            if counts:
                metrics.ARTICLES_DUPLICATE.inc()
            return
        # The signature is the costly part (a MinHash over every shingle): off the loop
        # for a large text.
        sig = done.signature if done is not None else None
        if sig is None:
            sig = await guarded(event, "normalize", neardup.article_signature, article,
                                size=text_size(article))
        if sig is None:
            return
        article, item = self.mark_near_duplicate(article, sig, msg)
        ctx.tables.seen_hashes[key] = exact.mark(article.article_id, msg.partition, msg.offset,
                                                 source)
        sent = await guarded(event, "normalize", emit, ctx.topics.normalized,
                             article.article_id.encode(), article.model_dump_json().encode())
        if not sent:
            return
        if item is not None:
            await self.send_index_entry(item)
        if counts:  # delivered again in this process: processed again, counted once
            if article.duplicate_of is not None:
                metrics.ARTICLES_DUPLICATE.inc()
            else:
                metrics.ARTICLES_NORMALIZED.inc()
        await self.classify(event, article, source, counts, done)

    async def classify(self, event: Any, article: NormalizedArticle, source: str,
                       counts: bool, done: Work | None = None) -> None:
        ctx = self.ctx
        guarded = ctx.guard
        started = time.perf_counter()
        if done is not None and done.events is not None:
            classified = await guarded(event, "classify", article_record, article, done.events)
        else:
            coder = await self.coding.local_coder()
            classified = await guarded(event, "classify", coder.classify_article,
                                       article, size=text_size(article))
        if classified is None:
            return
        metrics.STAGE_DURATION.labels(stage="classify").observe(time.perf_counter() - started)
        sent = await guarded(event, "classify", emit, ctx.topics.events,
                             classified.article_id.encode(), classified.model_dump_json().encode())
        if not sent:
            return
        if counts:
            for coded in classified.events:
                metrics.EVENTS.labels(type=coded.type).inc()
            if not codes_language(classified.language):
                metrics.UNCODED_LANGUAGE.labels(language=classified.language).inc()
        if classified.duplicate_of is None:
            await guarded(event, "alert", self.alerts.alert_article, classified, event.message,
                          time.perf_counter(), source)

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
