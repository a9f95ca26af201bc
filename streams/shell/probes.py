"""The worker's probes: lag and readiness on a timer, `/metrics`, `/health`, `/ready`, the
re-read of records skipped inside the consumer, and the topics declared before `/health`
says the worker is up."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from typing import Any

from aiokafka.admin import AIOKafkaAdminClient

from streams import health, metrics, order
from streams.replica import IndexReplica
from streams.shell.context import Context

log = logging.getLogger("wirewatch")

LAG_INTERVAL_SECONDS = 2.0
# A readiness probe that finds the worker not ready has its facts gathered afresh, at most
# this often: the timer's answer can be 2 s old, and a restarted worker should take traffic
# the moment it can, not at the timer's next turn.
RECHECK_SECONDS = 0.2


def quiet_transport_logs() -> None:
    """aiokafka and Faust log a debug line per message sent; with their loggers left at
    DEBUG by the worker's log set-up, that was 7% of the worker's time (py-spy). Their
    warnings and errors still come through."""
    for name in ("aiokafka", "faust", "mode"):
        logger = logging.getLogger(name)
        logger.setLevel(max(logger.getEffectiveLevel(), logging.INFO))


def producer_failure(app: Any) -> str | None:
    """Why the Kafka producer can send no more, if it cannot: aiokafka's sender task ends on
    a fatal error (an idempotent producer's out-of-order sequence, a fenced producer) and
    every later send fails. A restart cures that, so liveness reports it."""
    client = getattr(app.producer, "_producer", None)
    task = getattr(getattr(client, "_sender", None), "sender_task", None)
    if task is None or not task.done() or task.cancelled():
        return None
    return f"producer stopped: {task.exception()!r}"


class Probes:
    def __init__(self, ctx: Context, replica: IndexReplica, coder_ready: asyncio.Event) -> None:
        self.ctx = ctx
        self.replica = replica
        self.coder_ready = coder_ready
        self.sources = ctx.topics.sources()
        self.progress = health.Progress()
        self.admin: AIOKafkaAdminClient | None = None
        self.answered = time.monotonic()
        self.ready = False
        self.reasons = ["starting"]
        self.assigned = False
        self.lagging: set[health.TopicPartition] = set()
        self.told_stall = 0.0
        self.up = False
        self.checked = 0.0  # when check_health last finished (monotonic)
        self.checking = asyncio.Lock()
        self.recovery = health.RecoveryWatch()

    def is_source(self, tp: Any) -> bool:
        return tp.topic in self.sources

    def install(self) -> None:
        app, settings = self.ctx.app, self.ctx.settings
        app.on_partitions_assigned.connect(self.on_assigned)
        app.task(self.reread_holes)
        app.timer(LAG_INTERVAL_SECONDS)(self.tick)

        @app.page("/metrics")
        async def metrics_page(web: Any, request: Any) -> Any:
            return web.bytes(metrics.exposition(), content_type="text/plain; version=0.0.4")

        @app.page("/health")
        async def health_page(web: Any, request: Any) -> Any:
            """Liveness: the process and its event loop answer and its producer can send
            (a restart cures nothing more)."""
            if not self.up:
                return web.json({"status": "starting", "app_id": settings.app_id}, status=503)
            failure = producer_failure(app)
            if failure is not None:
                log.error("%s: /health fails until the worker is restarted", failure)
                return web.json({"status": "failed", "reason": failure,
                                 "app_id": settings.app_id}, status=503)
            return web.json({"status": "ok", "app_id": settings.app_id})

        @app.page("/ready")
        async def ready_page(web: Any, request: Any) -> Any:
            """Readiness: partitions held, tables recovered, broker reachable, progress
            made."""
            if not self.ready and self.up:
                await self.recheck()
            body = {"ready": self.ready, "reasons": self.reasons, "app_id": settings.app_id}
            return web.json(body, status=200 if self.ready else 503)

        app.task(self.declare_topics)

    async def on_assigned(self, sender: Any, assigned: Any, **kwargs: Any) -> None:
        self.assigned = True
        consumer = self.ctx.app.consumer
        order.install(consumer, self.ctx.gate)
        self.ctx.gate.reset()
        # A source partition the group never committed on starts at its first offset: the
        # gate and the commit then miss a record dropped inside the consumer before the first
        # one delivered, as they do after a committed offset. Found by the kill -9 chaos run
        # (2026-12-05): the first records of a new re-key partition were never delivered,
        # the first delivered one set the expectation, and the commit passed them.
        fresh = [tp for tp in assigned
                 if self.is_source(tp) and consumer._committed_offset.get(tp) is None]
        if fresh:
            try:
                starts = await consumer.earliest_offsets(*fresh)
            except Exception as exc:
                log.warning("first offsets of %d new partitions not read: %r", len(fresh), exc)
                return
            for tp, first in starts.items():
                if consumer._committed_offset.get(tp) is None and first is not None:
                    self.ctx.gate.starts[tp] = first

    async def reread_holes(self) -> None:
        # A rebalance that begins during a re-read seeks the partitions itself, and the re-read
        # is not counted against the hole (`order.reread`), so a hole need not wait out a
        # kill's second rebalance (the idle successors first blamed on that race were a loss:
        # see acks.install).
        await order.serve(self.ctx.app, self.ctx.gate, self.is_source)

    async def broker_answers(self) -> bool:
        """One metadata round trip for one topic: the consumer's own errors are retried out of
        sight. Not `list_topics`: that decodes every topic of the cluster, and on a broker
        holding ~4,500 topics py-spy put a fifth of the worker's CPU under it."""
        try:
            if self.admin is None:
                admin = AIOKafkaAdminClient(
                    request_timeout_ms=3_000, **self.ctx.settings.kafka_client_kwargs()
                )
                await asyncio.wait_for(admin.start(), 5)
                self.admin = admin
            await asyncio.wait_for(
                self.admin.describe_topics([self.ctx.topics.raw.get_topic_name()]), 5)
            return True
        except Exception:
            admin, self.admin = self.admin, None
            if admin is not None:
                with contextlib.suppress(Exception):
                    await admin.close()
            return False

    async def tick(self) -> None:
        async with self.checking:
            await self.check_health()

    async def recheck(self) -> None:
        """The facts gathered again for a probe, unless they are fresh or being gathered."""
        if time.monotonic() - self.checked < RECHECK_SECONDS:
            return
        async with self.checking:
            if time.monotonic() - self.checked >= RECHECK_SECONDS:
                await self.check_health()

    async def check_health(self) -> None:
        """Lag per assigned source partition from the committed offset (what is durably
        done), readiness from the group, recovery, broker and progress."""
        app, gate = self.ctx.app, self.ctx.gate
        consumer = app.consumer
        now = time.monotonic()
        if await self.broker_answers():
            self.answered = now
        committed: dict[health.TopicPartition, int] = {}
        behind: dict[health.TopicPartition, int] = {}
        self.watch_recovery(now)
        settled = not order.busy(app, self.is_source)
        for tp in list(consumer.assignment()):
            if not self.is_source(tp):  # changelogs and Faust's own topics
                continue
            key = health.TopicPartition(tp.topic, tp.partition)
            # Faust's record of what it committed: read locally, no broker round trip.
            done = consumer._committed_offset.get(tp)
            committed[key] = done if done is not None else -1
            value = health.lag(consumer.highwater(tp), done)
            if value is not None:
                behind[key] = value
                if settled and done is not None and gate.check_tail(tp, done, value, now):
                    log.warning("%s[%d]: %d behind and idle: tail re-read asked",
                                tp.topic, tp.partition, value)
                metrics.CONSUMER_LAG.labels(topic=tp.topic, partition=str(tp.partition)).set(
                    value
                )
        for gone in self.lagging - set(committed):  # moved to another worker
            with contextlib.suppress(KeyError):
                metrics.CONSUMER_LAG.remove(gone.topic, str(gone.partition))
        self.lagging = set(committed)
        self.progress.update(committed, now)
        facts = health.Facts(
            topics_declared=self.up,
            assigned=self.assigned,
            rebalancing=bool(getattr(app, "rebalancing", False)),
            recovering=bool(getattr(app, "in_recovery", False)),
            broker_silent_for=now - self.answered,
            stalled=tuple(self.progress.stalled(behind, now)),
            index_loading=not self.replica.caught_up.is_set(),
        )
        if facts.stalled and now - self.told_stall > health.STALL_SECONDS:
            self.told_stall = now
            log.warning("no progress on %d partitions with records waiting (%s...): %s",
                        len(facts.stalled), facts.stalled[0],
                        order.describe(app, gate, self.is_source))
            log.warning("stalled partitions in the client: %s",
                        order.client_state(app, list(facts.stalled)))
            log.warning("Faust's fetch, recovery and rebalance tasks: %s", order.flow_tasks(app))
            log.warning("producer, whose flush every commit and rebalance waits for: %s",
                        order.producer_state(app))
            if getattr(app, "in_recovery", False):
                log.warning("table recovery: %s", order.recovery_state(app))
        self.ready, self.reasons = health.readiness(facts)
        metrics.WORKER_READY.set(1 if self.ready else 0)
        self.checked = time.monotonic()

    def watch_recovery(self, now: float) -> None:
        """Start Faust's table recovery again when it has stalled (`health.RecoveryWatch`),
        the way a rebalance would: its own restart signal, so it re-reads where its tables
        stand, seeks its changelogs there and resumes them."""
        app = self.ctx.app
        in_recovery = bool(getattr(app, "in_recovery", False))
        recovery = app.tables.recovery if in_recovery else None
        progress = sum(o for o in recovery.active_offsets.values() if o is not None) if (
            recovery is not None) else 0
        if not self.recovery.stalled(in_recovery, progress, now):
            return
        assert recovery is not None
        log.warning("table recovery received nothing for %.0f s: starting it again (%s; "
                    "Faust's fetch and recovery tasks: %s)", self.recovery.limit,
                    order.recovery_state(app), order.flow_tasks(app))
        metrics.RECOVERY_RESTARTS.inc()
        recovery.signal_recovery_start.set()

    async def declare_topics(self) -> None:
        """Subscribers (kcat, `wirewatch alerts`) may attach before the first message of a
        kind is written: every contract topic exists before /health says the worker is up."""
        for topic in self.ctx.topics.all():
            await topic.maybe_declare()
        quiet_transport_logs()
        await self.coder_ready.wait()  # up means able to code, too
        self.up = True
        metrics.WORKER_UP.set(1)
