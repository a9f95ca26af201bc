"""The Faust shell: topics, tables and agents that wire the pure core to Kafka.

Agents read raw bytes and (de)serialize with pydantic themselves: the dead-letter topic must
get the original bytes, and pydantic's JSON is faster than Faust's Record codec.
"""

from __future__ import annotations

import logging
import time
from datetime import UTC, datetime
from typing import Any

import faust
from faust.types import StreamT
from pydantic import ValidationError

from schemas import Alert, ClassifiedArticle, NormalizedArticle, severity_rank
from schemas.deadletter import DeadLetterReason, Stage
from streams import config, metrics
from streams.alerting import AlertConfig, alerts_for
from streams.classify import classify_article
from streams.deadletters import dead_letter
from streams.normalize import Rejected, normalize_message

log = logging.getLogger("wirewatch")

DEDUP_TOPIC = "news.normalize.dedup"
LAG_INTERVAL_SECONDS = 5.0


def _raw_topic(app: faust.App, name: str, partitions: int) -> Any:
    """A bytes-in, bytes-out topic. Declared (`internal`) so the worker creates any missing
    topic at start: a consumer subscribed to a topic that does not exist yet ignores it."""
    return app.topic(
        name,
        key_type=bytes,
        value_type=bytes,
        key_serializer="raw",
        value_serializer="raw",
        partitions=partitions,
        internal=True,
    )


def dedup_identity(article: NormalizedArticle) -> str:
    """Exact-duplicate identity: the same text at the same version and status.

    A retraction or a new version can keep the text unchanged; it must still reach the
    alert stage, so version and retraction are part of the identity.
    """
    suffix = ":retracted" if article.retracted else ""
    return f"{article.content_hash}:v{article.version}{suffix}"


def create_app(settings: config.Settings) -> faust.App:
    """Build the app from settings; tests and the CLI build theirs from the environment."""
    app = faust.App(
        settings.app_id,
        broker=settings.broker,
        web_port=settings.web_port,
        web_host=settings.web_host,
        web_bind=settings.web_host,
        datadir=str(settings.data_dir / "faust"),
        store="memory://",
        topic_partitions=settings.topic_partitions,
        topic_replication_factor=1,
        consumer_auto_offset_reset="earliest",
        # aiokafka's 16 KB default batch is too small for 3 KB wires (see FAUST-NOTES.md).
        producer_max_batch_size=262_144,
        producer_linger=0.005,
        producer_max_request_size=4_194_304,
        consumer_max_fetch_size=4_194_304,
        broker_max_poll_records=500,
        stream_buffer_maxsize=4096,
        broker_commit_every=1000,
        broker_commit_interval=1.0,
        stream_wait_empty=False,
        web_enabled=True,
        autodiscover=False,
    )
    prefix = settings.topic
    parts = settings.topic_partitions
    raw_topic = _raw_topic(app, prefix(config.RAW), parts)
    dedup_topic = _raw_topic(app, prefix(DEDUP_TOPIC), parts)
    normalized_topic = _raw_topic(app, prefix(config.NORMALIZED), parts)
    events_topic = _raw_topic(app, prefix(config.EVENTS), parts)
    alerts_topic = _raw_topic(app, prefix(config.ALERTS), parts)
    critical_topic = _raw_topic(app, prefix(config.ALERTS_CRITICAL), parts)
    deadletter_topic = _raw_topic(app, prefix(config.DEADLETTER), parts)
    # Exact duplicates: content hash -> article id of its first sighting. Keyed like its
    # source topic (dedup is keyed by content hash), so it survives restarts and rebalances.
    seen_hashes = app.Table(
        f"{settings.topic_prefix}content-hashes", default=None, partitions=parts,
        key_type=str, value_type=str,
    )
    alert_config = AlertConfig(
        mass_casualty_killed=settings.mass_casualty_killed,
        mass_casualty_total=settings.mass_casualty_total,
    )

    async def send_dead_letter(
        event: faust.EventT, stage: Stage, reason: DeadLetterReason, error: str
    ) -> None:
        msg = event.message
        letter = dead_letter(
            stage=stage, reason=reason, error=error, value=msg.value, key=msg.key,
            topic=msg.topic, partition=msg.partition, offset=msg.offset,
        )
        metrics.DEADLETTER.labels(stage=stage, reason=reason).inc()
        log.warning("dead letter %s/%s at %s[%d]@%d: %s", stage, reason, msg.topic,
                    msg.partition, msg.offset, error)
        await deadletter_topic.send(key=msg.key, value=letter.model_dump_json().encode())

    @app.agent(raw_topic, name="normalize")
    async def normalize(stream: StreamT) -> None:
        async for event in stream.events():
            msg = event.message
            started = time.perf_counter()
            try:
                article = normalize_message(
                    msg.value,
                    received_at=datetime.now(UTC),
                    ingest_ts_ms=int(msg.timestamp * 1000) if msg.timestamp else None,
                    max_bytes=settings.max_message_bytes,
                )
            except Rejected as exc:
                metrics.ARTICLES_RECEIVED.labels(format="invalid").inc()
                await send_dead_letter(event, "normalize", exc.reason, exc.error)
                continue
            except Exception as exc:  # one bad message must never stop the partition
                metrics.ARTICLES_RECEIVED.labels(format="invalid").inc()
                await send_dead_letter(event, "normalize", "processing_error", repr(exc))
                continue
            metrics.ARTICLES_RECEIVED.labels(format=article.format).inc()
            metrics.STAGE_DURATION.labels(stage="normalize").observe(
                time.perf_counter() - started
            )
            await dedup_topic.send(
                key=article.content_hash.encode(), value=article.model_dump_json().encode()
            )

    @app.agent(dedup_topic, name="dedup")
    async def dedup(stream: StreamT) -> None:
        async for event in stream.events():
            try:
                article = NormalizedArticle.model_validate_json(event.message.value)
            except ValidationError as exc:
                await send_dead_letter(event, "normalize", "invalid_field", str(exc))
                continue
            identity = dedup_identity(article)
            if seen_hashes.get(identity) is not None:
                metrics.ARTICLES_DUPLICATE.inc()
                continue
            seen_hashes[identity] = article.article_id
            metrics.ARTICLES_NORMALIZED.inc()
            await normalized_topic.send(
                key=article.article_id.encode(), value=event.message.value
            )

    @app.agent(normalized_topic, name="classify")
    async def classify(stream: StreamT) -> None:
        async for event in stream.events():
            started = time.perf_counter()
            try:
                article = NormalizedArticle.model_validate_json(event.message.value)
                classified = classify_article(article)
            except ValidationError as exc:
                await send_dead_letter(event, "classify", "invalid_field", str(exc))
                continue
            except Exception as exc:
                await send_dead_letter(event, "classify", "processing_error", repr(exc))
                continue
            metrics.STAGE_DURATION.labels(stage="classify").observe(time.perf_counter() - started)
            for coded in classified.events:
                metrics.EVENTS.labels(type=coded.type).inc()
            await events_topic.send(
                key=classified.article_id.encode(), value=classified.model_dump_json().encode()
            )

    @app.agent(events_topic, name="alert")
    async def alert(stream: StreamT) -> None:
        async for event in stream.events():
            started = time.perf_counter()
            try:
                classified = ClassifiedArticle.model_validate_json(event.message.value)
                raised = alerts_for(classified, alert_config)
            except ValidationError as exc:
                await send_dead_letter(event, "alert", "invalid_field", str(exc))
                continue
            except Exception as exc:
                await send_dead_letter(event, "alert", "processing_error", repr(exc))
                continue
            metrics.STAGE_DURATION.labels(stage="alert").observe(time.perf_counter() - started)
            for item in raised:
                await publish_alert(item)

    async def publish_alert(item: Alert) -> None:
        body = item.model_dump_json().encode()
        headers = [("kind", item.kind.encode()), ("severity", item.severity.encode())]
        # Keyed by country pair so one dyad's alerts stay in order on one partition.
        key = (item.dyad or item.article_id).encode()
        await alerts_topic.send(key=key, value=body, headers=headers)
        if severity_rank(item.severity) >= severity_rank("critical"):
            await critical_topic.send(key=key, value=body, headers=headers)
        metrics.ALERTS.labels(kind=item.kind, severity=item.severity).inc()
        if item.ingest_ts_ms:
            metrics.INGEST_TO_ALERT.observe(max(0.0, time.time() - item.ingest_ts_ms / 1000))

    @app.timer(LAG_INTERVAL_SECONDS)
    async def report_lag() -> None:
        """Lag per assigned partition: the broker's high-water mark minus our position."""
        consumer = app.consumer
        for tp in list(consumer.assignment()):
            if tp.topic not in source_topics:  # changelogs and Faust's own topics
                continue
            try:
                highwater = consumer.highwater(tp)
                position = await consumer.position(tp)
            except Exception:  # partition revoked mid-loop: report on the next tick
                continue
            if highwater is None or position is None:
                continue
            metrics.CONSUMER_LAG.labels(topic=tp.topic, partition=str(tp.partition)).set(
                max(0, highwater - position)
            )

    @app.page("/metrics")
    async def metrics_page(web: Any, request: Any) -> Any:
        return web.bytes(metrics.exposition(), content_type="text/plain; version=0.0.4")

    @app.page("/health")
    async def health_page(web: Any, request: Any) -> Any:
        if not ready["up"]:
            return web.json({"status": "starting", "app_id": settings.app_id}, status=503)
        return web.json({"status": "ok", "app_id": settings.app_id})

    all_topics = (raw_topic, dedup_topic, normalized_topic, events_topic, alerts_topic,
                  critical_topic, deadletter_topic)
    source_topics = {raw_topic.get_topic_name(), dedup_topic.get_topic_name(),
                     normalized_topic.get_topic_name(), events_topic.get_topic_name()}

    ready = {"up": False}

    @app.task
    async def declare_topics() -> None:
        """Subscribers (kcat, `wirewatch alerts`) may attach before the first message of a
        kind is written: every contract topic exists before /health says the worker is up."""
        for topic in all_topics:
            await topic.maybe_declare()
        ready["up"] = True
        metrics.WORKER_UP.set(1)

    return app


app = create_app(config.Settings.from_env())
