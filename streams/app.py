"""The Faust shell: topics, tables and agents that wire the pure core to Kafka.

Agents read raw bytes and (de)serialize with pydantic themselves: the dead-letter topic must
get the original bytes, and pydantic's JSON is faster than Faust's Record codec.
"""

from __future__ import annotations

import asyncio
import contextlib
import inspect
import logging
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import faust
import orjson
from aiokafka.admin import AIOKafkaAdminClient
from aiokafka.errors import MessageSizeTooLargeError
from faust.types import StreamT
from pydantic import ValidationError

from schemas import Alert, ClassifiedArticle, NormalizedArticle, severity_rank
from schemas.deadletter import DeadLetterReason, Stage
from streams import acks, config, health, metrics, order, transport
from streams.alerting import AlertConfig, alerts_for, escalation, folding, revisions
from streams.budget import Budget, BudgetExceeded
from streams.classify import CODER_VERSION, codes_language, load_coder
from streams.deadletters import bounded_key, dead_letter
from streams.normalize import Rejected, band_index, exact, neardup, normalize_message
from streams.normalize.band_index import BandIndex, Entry, encode
from streams.replica import IndexReplica

log = logging.getLogger("wirewatch")

DEDUP_TOPIC = "news.normalize.dedup"
FOLD_TOPIC = "news.alerts.fold"
ESCALATION_TOPIC = "news.alerts.escalation"
LAG_INTERVAL_SECONDS = 2.0
# A dead letter is retried with backoff (0.25 s doubling, capped at 8 s): about 30 s in all,
# enough to ride out a leader election; then it is counted and logged, never an agent crash.
DEADLETTER_ATTEMPTS = 8


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


def parse_article(value: bytes) -> NormalizedArticle:
    return NormalizedArticle.model_validate_json(value)


def parse_contribution(value: bytes) -> escalation.Contribution:
    return escalation.Contribution(**orjson.loads(value))


# The escalation hop's records carry the event's time as their Kafka timestamp (the index's
# windows follow it), so a 7-day time retention deleted a re-fed archive's contributions
# before they were read (seen in the kill -9 runs: offsets 40-131 of one partition gone,
# their wires dated a year back). The hop keeps its records by size instead.
EVENT_TIME_TOPIC_CONFIG = {"retention.ms": "-1", "retention.bytes": str(1 << 30)}


def index_horizon_ms(duplicate_days: int) -> int:
    """How long the near-duplicate index remembers an original: the duplicate horizon and a
    day, in the worker's memory and on the index topic alike."""
    return int((duplicate_days + 1) * DAY * 1000)


def index_topic_config(duplicate_days: int) -> dict[str, str]:
    """The near-duplicate index keeps one record per original article (compacted by article
    id) for its horizon (deleted by age): what a restart re-reads."""
    return {"cleanup.policy": "compact,delete",
            "retention.ms": str(index_horizon_ms(duplicate_days))}


def _raw_topic(app: faust.App, name: str, partitions: int,
               config: dict[str, str] | None = None) -> Any:
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
        config=config,
    )


def text_size(article: NormalizedArticle) -> int:
    """What the coder's and the signature's cost grows with."""
    return len(article.body) + len(article.headline or "") + len(article.caption or "")


def article_signature(article: NormalizedArticle) -> list[int]:
    return neardup.signature(neardup.article_text(article.headline, article.body))


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
        store=settings.store,
        topic_partitions=settings.topic_partitions,
        topic_replication_factor=1,
        consumer_auto_offset_reset="earliest",
        # A topic created after the consumer subscribed (the worker declares its topics as it
        # starts) is only fetched once the consumer's metadata is refreshed: Faust's 300 s
        # default left a fresh worker deaf on a brand-new broker for five minutes.
        consumer_metadata_max_age_ms=5_000,
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
        # Faust's own pages would serve every state table and the partition map to anyone
        # who reaches the port (bound to 0.0.0.0 in containers): only /metrics, /health
        # and Faust's bare {"status": "OK"} index are served.
        web_router_enabled=False,
        web_tables_enabled=False,
        web_graph_enabled=False,
        web_stats_enabled=False,
        autodiscover=False,
    )


def create_app(settings: config.Settings) -> faust.App:
    """Build the app from settings; tests and the CLI build theirs from the environment."""
    transport.install()
    acks.install()
    order.install_fetch_count()
    app = faust.App(settings.app_id, **faust_options(settings))
    prefix = settings.topic
    parts = settings.topic_partitions
    raw_topic = _raw_topic(app, prefix(config.RAW), parts)
    dedup_topic = _raw_topic(app, prefix(DEDUP_TOPIC), parts)
    # Written by the dedup stage, read whole by every worker (streams/replica.py): the
    # near-duplicate check runs on every dedup partition, on whichever worker holds it.
    index_topic = _raw_topic(app, prefix(config.NEARDUP_INDEX), parts,
                             config=index_topic_config(settings.duplicate_days))
    normalized_topic = _raw_topic(app, prefix(config.NORMALIZED), parts)
    events_topic = _raw_topic(app, prefix(config.EVENTS), parts)
    fold_topic = _raw_topic(app, prefix(FOLD_TOPIC), parts)
    escalation_topic = _raw_topic(app, prefix(ESCALATION_TOPIC), parts,
                                  config=EVENT_TIME_TOPIC_CONFIG)
    alerts_topic = _raw_topic(app, prefix(config.ALERTS), parts)
    critical_topic = _raw_topic(app, prefix(config.ALERTS_CRITICAL), parts)
    deadletter_topic = _raw_topic(app, prefix(config.DEADLETTER), parts)
    # Every agent reads its partitions through the gate: in offset order, or not at all.
    raw_name = raw_topic.get_topic_name()
    gate = order.Gate(
        committed=lambda tp: app.consumer._committed_offset.get(tp),
        absent=lambda tp, start, end: acks.record_absent(app.consumer, tp, start, end),
        may_have_markers=lambda tp: tp.topic == raw_name,
    )

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

    # content hash:version -> mark {id, p, o}: the first carrier and the offset that wrote it
    # (source: dedup topic, keyed by content hash)
    seen_hashes = daily("content-hashes", settings.duplicate_days)
    # band hash -> earlier originals: every worker's own copy of the index topic
    near_index = BandIndex(max_age_ms=index_horizon_ms(settings.duplicate_days))
    replica = IndexReplica(near_index, index_topic.get_topic_name(),
                           settings.kafka_client_kwargs())
    app.wirewatch_replica = replica
    # article id -> {"version", "seen", "alerts", "src", "sent", "first"} (source: news.events,
    # keyed by article id); "src" is the offset that wrote it, "sent" what that run published
    revision_state = daily("alert-revisions", settings.revision_days)
    # fold key (kind|dyad|place) -> fold state (source: fold topic, keyed by fold key)
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

    budget = Budget(settings.message_budget, inline_max=settings.inline_max)

    async def send_dead_letter(
        event: faust.EventT, stage: Stage, reason: DeadLetterReason, error: str
    ) -> None:
        """Write the dead letter, retrying while the broker cannot take it; never raises,
        so a failing dead letter cannot crash the agent and take the partition down."""
        msg = event.message
        metrics.DEADLETTER.labels(stage=stage, reason=reason).inc()
        where = f"{msg.topic}[{msg.partition}]@{msg.offset}"
        log.warning("dead letter %s/%s at %s: %.300s", stage, reason, where, error)
        try:
            letter = dead_letter(
                stage=stage, reason=reason, error=error, value=msg.value, key=msg.key,
                topic=msg.topic, partition=msg.partition, offset=msg.offset,
            ).model_dump_json().encode()
        except Exception as exc:  # the builder itself failed: still account for the message
            metrics.DEADLETTER_SEND_FAILED.labels(stage=stage, reason=reason).inc()
            log.error("dead letter for %s could not be built: %r", where, exc)
            return
        for attempt in range(DEADLETTER_ATTEMPTS):
            try:
                await deadletter_topic.send(key=bounded_key(msg.key), value=letter)
                return
            except Exception as exc:
                if attempt + 1 == DEADLETTER_ATTEMPTS:
                    metrics.DEADLETTER_SEND_FAILED.labels(stage=stage, reason=reason).inc()
                    log.error("dead letter for %s not written after %d attempts: %r",
                              where, DEADLETTER_ATTEMPTS, exc)
                    return
                await asyncio.sleep(min(0.25 * 2**attempt, 8.0))

    async def guarded(
        event: faust.EventT, stage: Stage, work: Callable[..., Any], *args: Any,
        size: int = 0, **kwargs: Any,
    ) -> Any:
        """`work(*args, **kwargs)` for one message; on any failure the message is
        dead-lettered with its reason and None returned, so one bad message never stops the
        partition (FAUST-NOTES.md). Work on an input of more than `budget.inline_max`
        bytes or characters (`size`) runs off the event loop under the per-message budget
        (streams/budget.py); coroutines are awaited in place."""
        try:
            if budget.offloads(size):
                return await budget.run(work, *args, **kwargs)
            result = work(*args, **kwargs)
            if inspect.isawaitable(result):
                result = await result
            return result
        except Rejected as exc:
            await send_dead_letter(event, stage, exc.reason, exc.error)
        except ValidationError as exc:
            await send_dead_letter(event, stage, "invalid_field", str(exc))
        except BudgetExceeded as exc:
            await send_dead_letter(event, stage, "timeout", str(exc))
        except MessageSizeTooLargeError as exc:
            await send_dead_letter(
                event, stage, "oversized", f"the {stage} stage's output is too large: {exc!r}"
            )
        except asyncio.CancelledError:
            raise
        except Exception as exc:
            await send_dead_letter(event, stage, "processing_error", repr(exc))
        return None

    async def emit(topic: Any, key: bytes, value: bytes, **kw: Any) -> bool:
        """Send inside the guard's reach: the caller wraps it, so a failed send is a dead
        letter with its reason, never an agent crash."""
        await topic.send(key=key, value=value, **kw)
        return True

    @app.agent(raw_topic, name="normalize")
    async def normalize(stream: StreamT) -> None:
        async for event in order.in_order(gate, stream):
            msg = event.message
            started = time.perf_counter()
            article = await guarded(
                event, "normalize", normalize_message, msg.value, size=len(msg.value or b""),
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
            await guarded(
                event, "normalize", emit, dedup_topic,
                article.content_hash.encode(), article.model_dump_json().encode(),
            )

    @app.agent(dedup_topic, name="dedup")
    async def dedup(stream: StreamT) -> None:
        """Exact re-sends stop here; another agency's copy or a lightly edited reprint is
        marked `duplicate_of` its original and never re-alerted. A revision (same article id)
        is never a copy.

        Each exact mark records the offset that wrote it: a replay after a crash meets its
        own mark and forwards again (the first forward may have died with the process), where
        a real re-send meets another offset's mark and stops. The near-duplicate index only
        matches articles before this one in (raw timestamp, id) order, so a replay decides
        as the first run did."""
        await replica.caught_up.wait()  # copies of stories the index holds must be caught
        first_sight = order.FirstSight()
        async for event in order.in_order(gate, stream):
            msg = event.message
            counts = first_sight(msg.topic, msg.partition, msg.offset)
            article = await guarded(event, "normalize", parse_article, msg.value)
            if article is None:
                continue
            identity = exact.identity(article)
            mark = latest(seen_hashes[identity], settings.duplicate_days)
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
            article, item = mark_near_duplicate(article, sig, msg)
            sent = await guarded(event, "normalize", mark_and_forward, identity, article, msg)
            if not sent:
                continue
            if item is not None:
                await send_index_entry(item)
            if not counts:  # delivered again in this process: forwarded again, counted once
                continue
            if article.duplicate_of is not None:
                metrics.ARTICLES_DUPLICATE.inc()
            else:
                metrics.ARTICLES_NORMALIZED.inc()

    def mark_near_duplicate(
        article: NormalizedArticle, sig: list[int], msg: Any
    ) -> tuple[NormalizedArticle, Entry | None]:
        """The article marked as a copy of an earlier one, or the index entry it adds."""
        found, item = band_index.check(
            near_index, article.article_id,
            article.ingest_ts_ms or int((msg.timestamp or 0) * 1000), sig,
            revision=article.version > 1 or article.retracted,
        )
        if found is None:
            return article, item
        original, similarity = found
        return article.model_copy(
            update={"duplicate_of": original, "similarity": round(similarity, 3)}
        ), None

    async def mark_and_forward(identity: str, article: NormalizedArticle, msg: Any) -> bool:
        seen_hashes[identity] = exact.mark(article.article_id, msg.partition, msg.offset)
        return await emit(normalized_topic, article.article_id.encode(),
                          article.model_dump_json().encode())

    async def send_index_entry(item: Entry) -> None:
        """In this worker's index at once (the next article may be its copy), and on the
        index topic for every other worker. A failed send costs only a missed copy, whose
        alerts folding merges: logged, never a dead letter for an article already out."""
        near_index.add(item)
        try:
            await index_topic.send(key=item.article_id.encode(), value=encode(item))
        except asyncio.CancelledError:
            raise
        except Exception as exc:
            log.warning("near-duplicate index entry for %s not sent: %r", item.article_id, exc)

    @app.task
    async def follow_index() -> None:
        """Every worker reads the whole index topic, its own records included (they are
        already in its index: adding one again changes nothing)."""
        await replica.run()

    # The coder (automatons, actor dictionary, gazetteer, taxonomy: a few seconds) is built
    # once when the worker starts, off the event loop; never on the first message, where it
    # would count against that message's budget.
    coder_ready = asyncio.Event()
    app.wirewatch_coder = None

    @app.task
    async def build_coder() -> None:
        """`wirewatch worker` builds the coder before Faust starts (a bad data file stops it
        there, with the file, rule and name); an app started otherwise builds it here."""
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
        coder_ready.set()

    @app.agent(normalized_topic, name="classify")
    async def classify(stream: StreamT) -> None:
        await coder_ready.wait()
        coder = app.wirewatch_coder
        async for event in order.in_order(gate, stream):
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
                event, "classify", emit, events_topic,
                classified.article_id.encode(), classified.model_dump_json().encode(),
            )
            if sent:
                for coded in classified.events:
                    metrics.EVENTS.labels(type=coded.type).inc()
                if not codes_language(classified.language):
                    metrics.UNCODED_LANGUAGE.labels(language=classified.language).inc()

    @app.agent(events_topic, name="alert")
    async def alert(stream: StreamT) -> None:
        """Per-article alerts, reconciled with the article's earlier versions; then folded
        per event (fold topic) and counted towards the escalation index (escalation topic)."""
        async for event in order.in_order(gate, stream):
            started = time.perf_counter()
            classified = await guarded(
                event, "alert", ClassifiedArticle.model_validate_json, event.message.value
            )
            if classified is None or classified.duplicate_of is not None:
                continue
            await guarded(event, "alert", alert_article, classified, event.message, started)

    async def alert_article(classified: ClassifiedArticle, msg: Any, started: float) -> None:
        """Reconcile, store, then send. The state records the offset that wrote it: a replay
        of that offset after a crash re-sends what the crashed run sent (the same ids and
        revisions; folding absorbs a copy that did arrive) instead of finding nothing new."""
        previous = latest(revision_state[classified.article_id], settings.revision_days)
        replay = revisions.replayed(previous, msg.partition, msg.offset)
        if replay is not None:
            publish, first_sighting = replay
        else:
            outcome = revisions.revise_article(
                previous, alerts_for(classified, alert_config),
                version=classified.version, retracted=classified.retracted,
                now=datetime.now(UTC),
            )
            publish, first_sighting = outcome.publish, outcome.first_sighting
            revision_state[classified.article_id] = revisions.stamp(
                outcome.state, msg.partition, msg.offset, publish, first_sighting
            )
        contributions = (
            escalation.contributions(classified, esc_config)
            if first_sighting and not classified.retracted else []
        )
        metrics.STAGE_DURATION.labels(stage="alert").observe(time.perf_counter() - started)
        when = event_time(classified.published_at, classified.ingest_ts_ms)
        for item in publish:
            # Keyed by the fold key itself: the fold table's key must follow the topic's key,
            # or two workers would each hold a fold for one event and publish it twice.
            await fold_topic.send(
                key=folding.fold_key(item).encode(),
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
        one alert that grows; keyed by fold key, so one event's reports meet on one worker."""
        async for event in order.in_order(gate, stream):
            item = await guarded(event, "alert", Alert.model_validate_json, event.message.value)
            if item is None:
                continue
            await guarded(event, "alert", fold_one, item, event.message)

    async def fold_one(item: Alert, msg: Any) -> None:
        """Fold, store, publish; a replay of the offset that last wrote the fold re-publishes
        its alert, since the crashed run's publication may not have reached the broker."""
        key = folding.fold_key(item)
        state = folds.get(key)
        if state is not None and folding.written_by(state, msg.partition, msg.offset):
            published = folding.republished(state, item)
        else:
            published, state = folding.fold_event(
                state, item, window=settings.fold_window,
                now=event_time(item.published_at, item.ingest_ts_ms),
            )
            folds[key] = folding.stamp(state, msg.partition, msg.offset, published)
        if published is not None:
            await publish_alert(published)

    @app.agent(escalation_topic, name="escalation")
    async def escalation_index(stream: StreamT) -> None:
        """The rolling index per country pair and region: 1 h buckets in a windowed table,
        summed into the trailing window and the one before it on every contribution."""
        async for event in order.in_order(gate, stream):
            part = await guarded(event, "alert", parse_contribution, event.message.value)
            if part is None:
                continue
            await guarded(event, "alert", escalate, part, event)

    async def escalate(part: escalation.Contribution, event: faust.EventT) -> None:
        surge = update_index(part, event)
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

    progress = health.Progress()
    probe: dict[str, Any] = {"admin": None, "answered": time.monotonic(), "ready": False,
                             "reasons": ["starting"], "assigned": False, "lagging": set(),
                             "told_stall": 0.0}

    @app.on_partitions_assigned.connect
    async def on_assigned(sender: Any, assigned: Any, **kwargs: Any) -> None:
        probe["assigned"] = True
        order.install(app.consumer, gate)
        gate.reset()

    @app.task
    async def reread_holes() -> None:
        # A kill's successor joins, and about when a re-read would start the group evicts the
        # dead member and rebalances again; that rebalance seeks every partition back to its
        # committed offset and fills most holes itself, so holes wait it out rather than race
        # it. (The idle successors first blamed on such a race were a loss: see acks.install.)
        await order.serve(app, gate, is_source, settle=settings.session_timeout + 2.0)

    async def broker_answers() -> bool:
        """One metadata round trip for one topic: the consumer's own errors are retried out of
        sight. Not `list_topics`: that decodes every topic of the cluster, and on a broker
        holding ~4,500 topics py-spy put a fifth of the worker's CPU under it."""
        try:
            if probe["admin"] is None:
                admin = AIOKafkaAdminClient(
                    request_timeout_ms=3_000, **settings.kafka_client_kwargs()
                )
                await asyncio.wait_for(admin.start(), 5)
                probe["admin"] = admin
            await asyncio.wait_for(probe["admin"].describe_topics([raw_topic.get_topic_name()]), 5)
            return True
        except Exception:
            admin, probe["admin"] = probe["admin"], None
            if admin is not None:
                with contextlib.suppress(Exception):
                    await admin.close()
            return False

    @app.timer(LAG_INTERVAL_SECONDS)
    async def check_health() -> None:
        """Lag per assigned source partition from the committed offset (what is durably
        done), readiness from the group, recovery, broker and progress."""
        consumer = app.consumer
        now = time.monotonic()
        if await broker_answers():
            probe["answered"] = now
        committed: dict[health.TopicPartition, int] = {}
        behind: dict[health.TopicPartition, int] = {}
        settled = not order.busy(app, is_source)
        for tp in list(consumer.assignment()):
            if not is_source(tp):  # changelogs and Faust's own topics
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
        for gone in probe["lagging"] - set(committed):  # moved to another worker
            with contextlib.suppress(KeyError):
                metrics.CONSUMER_LAG.remove(gone.topic, str(gone.partition))
        probe["lagging"] = set(committed)
        progress.update(committed, now)
        facts = health.Facts(
            topics_declared=ready["up"],
            assigned=probe["assigned"],
            rebalancing=bool(getattr(app, "rebalancing", False)),
            recovering=bool(getattr(app, "in_recovery", False)),
            broker_silent_for=now - probe["answered"],
            stalled=tuple(progress.stalled(behind, now)),
            index_loading=not replica.caught_up.is_set(),
        )
        if facts.stalled and now - probe["told_stall"] > health.STALL_SECONDS:
            probe["told_stall"] = now
            log.warning("no progress on %d partitions with records waiting (%s...): %s",
                        len(facts.stalled), facts.stalled[0], order.describe(app, gate, is_source))
            log.warning("stalled partitions in the client: %s",
                        order.client_state(app, list(facts.stalled)))
        probe["ready"], probe["reasons"] = health.readiness(facts)
        metrics.WORKER_READY.set(1 if probe["ready"] else 0)

    @app.page("/metrics")
    async def metrics_page(web: Any, request: Any) -> Any:
        return web.bytes(metrics.exposition(), content_type="text/plain; version=0.0.4")

    @app.page("/health")
    async def health_page(web: Any, request: Any) -> Any:
        """Liveness: the process and its event loop answer (a restart cures nothing more)."""
        if not ready["up"]:
            return web.json({"status": "starting", "app_id": settings.app_id}, status=503)
        return web.json({"status": "ok", "app_id": settings.app_id})

    @app.page("/ready")
    async def ready_page(web: Any, request: Any) -> Any:
        """Readiness: partitions held, tables recovered, broker reachable, progress made."""
        body = {"ready": probe["ready"], "reasons": probe["reasons"], "app_id": settings.app_id}
        return web.json(body, status=200 if probe["ready"] else 503)

    all_topics = (raw_topic, dedup_topic, index_topic, normalized_topic, events_topic,
                  fold_topic, escalation_topic, alerts_topic, critical_topic, deadletter_topic)
    source_topics = {t.get_topic_name() for t in (raw_topic, dedup_topic, normalized_topic,
                     events_topic, fold_topic, escalation_topic)}

    def is_source(tp: Any) -> bool:
        return tp.topic in source_topics

    ready = {"up": False}
    app.wirewatch_topics = [(t.get_topic_name(), t.partitions, dict(t.config or {}))
                            for t in all_topics]

    @app.task
    async def declare_topics() -> None:
        """Subscribers (kcat, `wirewatch alerts`) may attach before the first message of a
        kind is written: every contract topic exists before /health says the worker is up."""
        for topic in all_topics:
            await topic.maybe_declare()
        quiet_transport_logs()
        await coder_ready.wait()  # up means able to code, too
        ready["up"] = True
        metrics.WORKER_UP.set(1)

    return app


app = create_app(config.Settings.from_env())
