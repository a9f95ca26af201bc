"""The Faust shell: topics, tables and agents that wire the pure core to Kafka.

Agents read raw bytes and (de)serialize with pydantic themselves: the dead-letter topic must
get the original bytes, and pydantic's JSON is faster than Faust's Record codec.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any, TypeVar

import faust
import orjson
from faust.types import StreamT
from pydantic import ValidationError

from schemas import Alert, ClassifiedArticle, NormalizedArticle, severity_rank
from schemas.deadletter import DeadLetterReason, Stage
from streams import config, metrics
from streams.alerting import AlertConfig, alerts_for, escalation, folding, revisions
from streams.classify import classify_article
from streams.deadletters import dead_letter
from streams.normalize import Rejected, neardup, normalize_message

log = logging.getLogger("wirewatch")
T = TypeVar("T")

DEDUP_TOPIC = "news.normalize.dedup"
NEARDUP_TOPIC = "news.normalize.neardup"
FOLD_TOPIC = "news.alerts.fold"
ESCALATION_TOPIC = "news.alerts.escalation"
LAG_INTERVAL_SECONDS = 5.0


def event_time(published_at: datetime | None, ingest_ts_ms: int | None) -> datetime:
    """When the story happened on the wire: publication time, else the raw message's time.

    Folding and escalation windows run on it, so a re-feed after an outage lands in the
    windows the live feed used."""
    if published_at is not None:
        return published_at
    if ingest_ts_ms:
        return datetime.fromtimestamp(ingest_ts_ms / 1000, UTC)
    return datetime.now(UTC)


DAY = 86_400.0


def _nothing() -> None:
    """Default of the daily tables: a missing key reads as None and is not stored."""
    return None


def latest(windows: Any, days: int) -> Any:
    """The newest value of a key in its daily windows over the last `days` days (event
    time of the message being processed), or None."""
    for age in range(days):
        value = windows.delta(age * DAY) if age else windows.current()
        if value is not None:
            return value
    return None


def every(windows: Any, days: int) -> list[Any]:
    """All values of a list-valued key in its daily windows over the last `days` days."""
    found: list[Any] = []
    for age in range(days):
        found.extend((windows.delta(age * DAY) if age else windows.current()) or [])
    return found


def parse_article(value: bytes) -> NormalizedArticle:
    return NormalizedArticle.model_validate_json(value)


def parse_contribution(value: bytes) -> escalation.Contribution:
    return escalation.Contribution(**orjson.loads(value))


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


def quiet_transport_logs() -> None:
    """aiokafka and Faust log a debug line per message sent; with their loggers left at
    DEBUG by the worker's log set-up, that was 7% of the worker's time (py-spy). Their
    warnings and errors still come through."""
    for name in ("aiokafka", "faust", "mode"):
        logger = logging.getLogger(name)
        logger.setLevel(max(logger.getEffectiveLevel(), logging.INFO))


def faust_options(settings: config.Settings) -> dict[str, Any]:
    """Faust settings shared by the worker and the pass-through benchmark (bench/run.py),
    so the benchmark measures the same transport the pipeline runs on."""
    return dict(
        broker=settings.broker,
        # TLS/SASL (streams/kafka_security.py); the password travels here, never in the URL.
        broker_credentials=settings.security.faust_credentials(),
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
        # Measured with bench/passthrough.py: +25-35% over 500/4096 on this machine;
        # producer_threaded, take_events batching and send_soon gave nothing beyond noise.
        broker_max_poll_records=2000,
        stream_buffer_maxsize=32768,
        broker_commit_every=1000,
        broker_commit_interval=1.0,
        broker_session_timeout=settings.session_timeout,
        broker_heartbeat_interval=min(3.0, settings.session_timeout / 3),
        stream_wait_empty=False,
        web_enabled=True,
        autodiscover=False,
    )


def create_app(settings: config.Settings) -> faust.App:
    """Build the app from settings; tests and the CLI build theirs from the environment."""
    app = faust.App(settings.app_id, **faust_options(settings))
    prefix = settings.topic
    parts = settings.topic_partitions
    raw_topic = _raw_topic(app, prefix(config.RAW), parts)
    dedup_topic = _raw_topic(app, prefix(DEDUP_TOPIC), parts)
    # One partition: near-duplicate candidates must all be in one place (LSH band keys are
    # not co-partitioned with anything). One worker carries the stage: a MinHash signature
    # and a few dozen lookups per article.
    neardup_topic = _raw_topic(app, prefix(NEARDUP_TOPIC), 1)
    normalized_topic = _raw_topic(app, prefix(config.NORMALIZED), parts)
    events_topic = _raw_topic(app, prefix(config.EVENTS), parts)
    fold_topic = _raw_topic(app, prefix(FOLD_TOPIC), parts)
    escalation_topic = _raw_topic(app, prefix(ESCALATION_TOPIC), parts)
    alerts_topic = _raw_topic(app, prefix(config.ALERTS), parts)
    critical_topic = _raw_topic(app, prefix(config.ALERTS_CRITICAL), parts)
    deadletter_topic = _raw_topic(app, prefix(config.DEADLETTER), parts)

    # Every table is keyed so that a key always arrives on the same partition of the table's
    # source topic: Faust writes a table change to the changelog partition of the event being
    # processed, and recovers that partition's keys with it after a restart or rebalance.
    table_prefix = settings.topic_prefix

    def table(name: str, partitions: int = parts, **kw: Any) -> Any:
        return app.Table(f"{table_prefix}{name}", partitions=partitions, key_type=str, **kw)

    # Tables that would grow with every article are kept in daily windows that Faust
    # expires, so a worker's state is bounded by days of wires (WIREWATCH_DUPLICATE_DAYS,
    # WIREWATCH_REVISION_DAYS), not by its uptime.
    def daily(name: str, days: int, partitions: int = parts) -> Any:
        return table(name, partitions=partitions, default=_nothing).tumbling(
            DAY, expires=timedelta(days=days + 1)
        )

    # content hash:version -> first article id (source: dedup topic, keyed by content hash)
    seen_hashes = daily("content-hashes", settings.duplicate_days)
    # LSH band key -> [[article id, sketch], ...] (source: the one-partition neardup topic)
    bands = daily("neardup-bands", settings.duplicate_days, partitions=1)
    # article id -> {"version", "seen", "alerts"} (source: news.events, keyed by article id)
    revision_state = daily("alert-revisions", settings.revision_days)
    # fold key (kind|dyad|place) -> fold state (source: fold topic, keyed by dyad)
    folds = table("alert-folds", default=None)
    # escalation key -> WindowState per 1 h bucket; 24 buckets make the hopping 24 h window
    # (source: escalation topic, keyed by escalation key)
    index_buckets = table("escalation-index", default=escalation.empty).tumbling(
        settings.escalation.step.total_seconds(),
        expires=settings.escalation.window * 2 + settings.escalation.step,
    )
    last_surge = table("escalation-last-surge", default=None)

    alert_config = AlertConfig(
        mass_casualty_killed=settings.mass_casualty_killed,
        mass_casualty_total=settings.mass_casualty_total,
    )
    esc_config = settings.escalation
    buckets_per_window = round(esc_config.window / esc_config.step)

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

    async def guarded(
        event: faust.EventT, stage: Stage, work: Callable[..., T], *args: Any, **kwargs: Any
    ) -> T | None:
        """`work(*args, **kwargs)` for one message; on any failure the message is
        dead-lettered with its reason and None returned, so one bad message never stops the
        partition (FAUST-NOTES.md)."""
        try:
            return work(*args, **kwargs)
        except Rejected as exc:
            await send_dead_letter(event, stage, exc.reason, exc.error)
        except ValidationError as exc:
            await send_dead_letter(event, stage, "invalid_field", str(exc))
        except Exception as exc:
            await send_dead_letter(event, stage, "processing_error", repr(exc))
        return None

    @app.agent(raw_topic, name="normalize")
    async def normalize(stream: StreamT) -> None:
        async for event in stream.events():
            msg = event.message
            started = time.perf_counter()
            article = await guarded(
                event, "normalize", normalize_message, msg.value,
                received_at=datetime.now(UTC),
                ingest_ts_ms=int(msg.timestamp * 1000) if msg.timestamp else None,
                max_bytes=settings.max_message_bytes,
            )
            if article is None:
                metrics.ARTICLES_RECEIVED.labels(format="invalid").inc()
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
        """Exact re-sends stop here; everything else goes on to the near-duplicate check."""
        async for event in stream.events():
            article = await guarded(event, "normalize", parse_article, event.message.value)
            if article is None:
                continue
            identity = dedup_identity(article)
            if latest(seen_hashes[identity], settings.duplicate_days) is not None:
                metrics.ARTICLES_DUPLICATE.inc()
                continue
            seen_hashes[identity] = article.article_id
            await neardup_topic.send(key=event.message.key, value=event.message.value)

    @app.agent(neardup_topic, name="neardup")
    async def near_duplicates(stream: StreamT) -> None:
        """Another agency's copy or a lightly edited reprint is marked and counted, and its
        classification is never re-alerted. A revision (same article id) is never a copy."""
        async for event in stream.events():
            parsed = await guarded(event, "normalize", parse_article, event.message.value)
            if parsed is None:
                continue
            article = await guarded(event, "normalize", mark_near_duplicate, parsed)
            if article is None:
                continue
            if article.duplicate_of is not None:
                metrics.ARTICLES_DUPLICATE.inc()
            else:
                metrics.ARTICLES_NORMALIZED.inc()
            await normalized_topic.send(
                key=article.article_id.encode(), value=article.model_dump_json().encode()
            )

    def reconcile(classified: ClassifiedArticle) -> revisions.RevisionOutcome:
        """This version's alerts against what earlier versions of the article published."""
        return revisions.revise_article(
            latest(revision_state[classified.article_id], settings.revision_days),
            alerts_for(classified, alert_config),
            version=classified.version, retracted=classified.retracted,
            now=datetime.now(UTC),
        )

    def mark_near_duplicate(article: NormalizedArticle) -> NormalizedArticle:
        sig = neardup.signature(neardup.article_text(article.headline, article.body))
        keys = neardup.band_keys(sig)
        candidates = [c for key in keys
                      for c in every(bands[key], settings.duplicate_days)]
        match = neardup.best_match(sig, candidates, exclude=article.article_id)
        if match is not None:
            original, similarity = match
            return article.model_copy(
                update={"duplicate_of": original, "similarity": round(similarity, 3)}
            )
        for key in keys:
            bands[key] = neardup.add_candidate(
                bands[key].current(), article.article_id, sig
            )
        return article

    @app.agent(normalized_topic, name="classify")
    async def classify(stream: StreamT) -> None:
        async for event in stream.events():
            started = time.perf_counter()
            article = await guarded(event, "classify", parse_article, event.message.value)
            if article is None:
                continue
            classified = await guarded(event, "classify", classify_article, article)
            if classified is None:
                continue
            metrics.STAGE_DURATION.labels(stage="classify").observe(time.perf_counter() - started)
            for coded in classified.events:
                metrics.EVENTS.labels(type=coded.type).inc()
            await events_topic.send(
                key=classified.article_id.encode(), value=classified.model_dump_json().encode()
            )

    @app.agent(events_topic, name="alert")
    async def alert(stream: StreamT) -> None:
        """Per-article alerts, reconciled with the article's earlier versions; then folded
        per event (fold topic) and counted towards the escalation index (escalation topic)."""
        async for event in stream.events():
            started = time.perf_counter()
            classified = await guarded(
                event, "alert", ClassifiedArticle.model_validate_json, event.message.value
            )
            if classified is None or classified.duplicate_of is not None:
                continue
            outcome = await guarded(event, "alert", reconcile, classified)
            if outcome is None:
                continue
            contributions = (
                escalation.contributions(classified, esc_config)
                if outcome.first_sighting and not classified.retracted else []
            )
            revision_state[classified.article_id] = outcome.state
            metrics.STAGE_DURATION.labels(stage="alert").observe(time.perf_counter() - started)
            when = event_time(classified.published_at, classified.ingest_ts_ms)
            for item in outcome.publish:
                await fold_topic.send(
                    key=(item.dyad or item.article_id).encode(),
                    value=item.model_dump_json().encode(),
                )
            for part in contributions:
                await escalation_topic.send(
                    key=part.key.encode(), value=orjson.dumps(part._asdict()),
                    timestamp=when.timestamp(),
                )

    @app.agent(fold_topic, name="fold")
    async def fold_alerts(stream: StreamT) -> None:
        """Reports of one event (same kind, country pair, place, within the window) become
        one alert that grows; keyed by country pair, so a pair's alerts stay in order."""
        async for event in stream.events():
            item = await guarded(event, "alert", Alert.model_validate_json, event.message.value)
            if item is None:
                continue
            key = folding.fold_key(item)
            folded = await guarded(
                event, "alert", folding.fold, folds.get(key), item,
                window=settings.fold_window,
                now=event_time(item.published_at, item.ingest_ts_ms),
            )
            if folded is None:
                continue
            published, state, _ = folded
            if state is not None:
                folds[key] = state
            if published is not None:
                await publish_alert(published)

    @app.agent(escalation_topic, name="escalation")
    async def escalation_index(stream: StreamT) -> None:
        """The rolling index per country pair and region: 1 h buckets in a windowed table,
        summed into the trailing window and the one before it on every contribution."""
        async for event in stream.events():
            part = await guarded(event, "alert", parse_contribution, event.message.value)
            if part is None:
                continue
            surge = await guarded(event, "alert", update_index, part, event)
            if surge is not None:
                last_surge[part.key] = surge.model_dump(mode="json")
                await publish_alert(surge)

    def update_index(part: escalation.Contribution, event: faust.EventT) -> Alert | None:
        buckets = index_buckets[part.key]
        index_buckets[part.key] = escalation.add(buckets.current(), part)
        step = esc_config.step.total_seconds()
        history = [buckets.delta(i * step) for i in range(2 * buckets_per_window)]
        now = datetime.fromtimestamp(event.message.timestamp, UTC)
        start, end = escalation.window_bounds(now, esc_config)
        return escalation.surge(
            escalation.combine(history[:buckets_per_window]),
            escalation.combine(history[buckets_per_window:]),
            esc_config, key=part.key, window_start=start, window_end=end, now=now,
            last=last_surge.get(part.key),
        )

    async def publish_alert(item: Alert) -> None:
        body = item.model_dump_json().encode()
        headers = [("kind", item.kind.encode()), ("severity", item.severity.encode())]
        # Keyed by country pair (else region key, else article) so that one pair's alerts
        # stay in order on one partition.
        key = (item.dyad or item.escalation_key or item.article_id).encode()
        await alerts_topic.send(key=key, value=body, headers=headers)
        if severity_rank(item.severity) >= severity_rank("critical"):
            await critical_topic.send(key=key, value=body, headers=headers)
        metrics.ALERTS.labels(kind=item.kind, severity=item.severity).inc()
        if item.ingest_ts_ms and item.revision == 0:
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

    all_topics = (raw_topic, dedup_topic, neardup_topic, normalized_topic, events_topic,
                  fold_topic, escalation_topic, alerts_topic, critical_topic, deadletter_topic)
    source_topics = {t.get_topic_name() for t in (raw_topic, dedup_topic, neardup_topic,
                     normalized_topic, events_topic, fold_topic, escalation_topic)}

    ready = {"up": False}

    @app.task
    async def declare_topics() -> None:
        """Subscribers (kcat, `wirewatch alerts`) may attach before the first message of a
        kind is written: every contract topic exists before /health says the worker is up."""
        for topic in all_topics:
            await topic.maybe_declare()
        quiet_transport_logs()
        ready["up"] = True
        metrics.WORKER_UP.set(1)

    return app


app = create_app(config.Settings.from_env())
