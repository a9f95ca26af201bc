"""Alert, fold and escalate: an article's alerts (the article stage calls `alert_article`)
-> the fold hop (keyed by fold key) and the escalation hop (keyed by country pair or region)
-> `news.alerts` and `news.alerts.critical`."""

from __future__ import annotations

import time
from datetime import UTC, datetime
from typing import Any

import faust
import orjson
from faust.types import StreamT

from schemas import Alert, ClassifiedArticle, severity_rank
from streams import metrics, order
from streams.alerting import AlertConfig, alerts_for, escalation, folding, revisions
from streams.shell.context import Context, event_time, parse_contribution
from streams.shell.topology import latest


class Alerts:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        settings = ctx.settings
        self.config = AlertConfig(
            mass_casualty_killed=settings.mass_casualty_killed,
            mass_casualty_total=settings.mass_casualty_total,
        )
        self.esc_config = settings.escalation
        self.buckets_per_window = round(self.esc_config.window / self.esc_config.step)

    def install(self) -> None:
        app, topics = self.ctx.app, self.ctx.topics
        app.agent(topics.fold, name="fold")(self.fold)
        app.agent(topics.escalation, name="escalation")(self.escalation)

    async def alert_article(self, classified: ClassifiedArticle, msg: Any,
                            started: float, source: str = "") -> None:
        """Per-article alerts, reconciled with the article's earlier versions; then folded
        per event (fold topic) and counted towards the escalation index (escalation topic).

        Reconcile, store, then send. The state records the offset that wrote it (`source`
        names its topic): a replay of that offset after a crash re-sends what the crashed
        run sent (the same ids and revisions; folding absorbs a copy that did arrive)
        instead of finding nothing new."""
        tables, topics = self.ctx.tables, self.ctx.topics
        previous = latest(tables.revisions[classified.article_id],
                          self.ctx.settings.revision_days)
        replay = revisions.replayed(previous, msg.partition, msg.offset, source)
        if replay is not None:
            publish, first_sighting = replay
        else:
            outcome = revisions.revise_article(
                previous, alerts_for(classified, self.config),
                version=classified.version, retracted=classified.retracted,
                now=datetime.now(UTC),
            )
            publish, first_sighting = outcome.publish, outcome.first_sighting
            tables.revisions[classified.article_id] = revisions.stamp(
                outcome.state, msg.partition, msg.offset, publish, first_sighting, source
            )
        contributions = (
            escalation.contributions(classified, self.esc_config)
            if first_sighting and not classified.retracted else []
        )
        metrics.STAGE_DURATION.labels(stage="alert").observe(time.perf_counter() - started)
        when = event_time(classified.published_at, classified.ingest_ts_ms)
        for item in publish:
            # Keyed by the fold key itself: the fold table's key must follow the topic's key,
            # or two workers would each hold a fold for one event and publish it twice.
            await topics.fold.send(
                key=folding.fold_key(item).encode(),
                value=item.model_dump_json().encode(),
            )
        for part in contributions:
            await topics.escalation.send(
                key=part.key.encode(), value=orjson.dumps(part._asdict()),
                timestamp=when.timestamp(),
            )

    async def fold(self, stream: StreamT) -> None:
        """Reports of one event (same kind, country pair, place, within the window) become
        one alert that grows; keyed by fold key, so one event's reports meet on one worker."""
        guarded = self.ctx.guard
        async for event in order.in_order(self.ctx.gate, stream):
            item = await guarded(event, "alert", Alert.model_validate_json, event.message.value)
            if item is None:
                continue
            await guarded(event, "alert", self.fold_one, item, event.message)

    async def fold_one(self, item: Alert, msg: Any) -> None:
        """Fold, store, publish; a replay of the offset that last wrote the fold re-publishes
        its alert, since the crashed run's publication may not have reached the broker."""
        folds = self.ctx.tables.folds
        key = folding.fold_key(item)
        state = folds.get(key)
        if state is not None and folding.written_by(state, msg.partition, msg.offset):
            published = folding.republished(state, item)
        else:
            published, state = folding.fold_event(
                state, item, window=self.ctx.settings.fold_window,
                now=event_time(item.published_at, item.ingest_ts_ms),
            )
            folds[key] = folding.stamp(state, msg.partition, msg.offset, published)
        if published is not None:
            await self.publish(published)

    async def escalation(self, stream: StreamT) -> None:
        """The rolling index per country pair and region: 1 h buckets in a windowed table,
        summed into the trailing window and the one before it on every contribution."""
        guarded = self.ctx.guard
        async for event in order.in_order(self.ctx.gate, stream):
            part = await guarded(event, "alert", parse_contribution, event.message.value)
            if part is None:
                continue
            await guarded(event, "alert", self.escalate, part, event)

    async def escalate(self, part: escalation.Contribution, event: faust.EventT) -> None:
        """Count, store, publish; a contribution its bucket has counted already (a replay
        after a crash) counts nothing, and re-publishes the surge it raised, if any."""
        msg, tables = event.message, self.ctx.tables
        stored = tables.last_surge.get(part.key)
        if escalation.applied(tables.index_buckets[part.key].current(), msg.partition,
                              msg.offset):
            if escalation.surge_written_by(stored, msg.partition, msg.offset):
                await self.publish(Alert.model_validate(escalation.last_surge(stored)))
            return
        surge = self.update_index(part, event, escalation.last_surge(stored))
        if surge is not None:
            tables.last_surge[part.key] = {"alert": surge.model_dump(mode="json"),
                                           "src": [msg.partition, msg.offset]}
            await self.publish(surge)

    def update_index(self, part: escalation.Contribution, event: faust.EventT,
                     last: Any) -> Alert | None:
        tables, esc_config = self.ctx.tables, self.esc_config
        buckets = tables.index_buckets[part.key]
        tables.index_buckets[part.key] = escalation.add(
            buckets.current(), part, at=(event.message.partition, event.message.offset))
        step = esc_config.step.total_seconds()
        per_window = self.buckets_per_window
        history = [buckets.delta(i * step) for i in range(2 * per_window)]
        now = datetime.fromtimestamp(event.message.timestamp, UTC)
        start, end = escalation.window_bounds(now, esc_config)
        return escalation.surge(
            escalation.combine(history[:per_window]),
            escalation.combine(history[per_window:]),
            esc_config, key=part.key, window_start=start, window_end=end, now=now, last=last,
        )

    async def publish(self, item: Alert) -> None:
        topics = self.ctx.topics
        body = item.model_dump_json().encode()
        headers = [("kind", item.kind.encode()), ("severity", item.severity.encode())]
        # Keyed by country pair (else region key, else article) so that one pair's alerts
        # stay in order on one partition.
        key = (item.dyad or item.escalation_key or item.article_id).encode()
        await topics.alerts.send(key=key, value=body, headers=headers)
        if severity_rank(item.severity) >= severity_rank("critical"):
            await topics.critical.send(key=key, value=body, headers=headers)
        metrics.ALERTS.labels(kind=item.kind, severity=item.severity).inc()
        if item.ingest_ts_ms and item.revision == 0:
            metrics.INGEST_TO_ALERT.observe(max(0.0, time.time() - item.ingest_ts_ms / 1000))
