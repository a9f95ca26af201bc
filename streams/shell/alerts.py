"""Alert, fold and escalate: an article's alerts (the article stage calls `alert_article`)
-> the fold hop (keyed by fold key) and the escalation hop (keyed by country pair or region)
-> `news.alerts` and `news.alerts.critical`. Both hops are declared stages
(`streams.shell.stage`): a key, a state and a pure step each (`folding.step`,
`escalation.step`)."""

from __future__ import annotations

import time
from datetime import UTC, datetime
from typing import Any

import orjson
from faust.types import StreamT

from schemas import Alert, ClassifiedArticle, severity_rank
from streams import metrics
from streams.alerting import alerts_for, escalation, folding, revisions
from streams.shell.context import Context, event_time, parse_contribution
from streams.shell.stage import At, Record, Stage, StageAgent, Value, Windows
from streams.shell.topology import latest


class Alerts:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        settings = ctx.settings
        self.config = settings.alert_config()
        self.esc_config = settings.escalation
        self.buckets_per_window = round(self.esc_config.window / self.esc_config.step)
        self.buckets_seconds = self.esc_config.step.total_seconds()
        self.fold_agent = StageAgent(ctx, Stage(
            name="fold", source="fold", decode=Alert.model_validate_json,
            key=folding.fold_key, state={"folds": Value("folds")}, step=self.fold_step,
            render=alert_records, observe=observe_alert,
        ))
        self.escalation_agent = StageAgent(ctx, Stage(
            name="escalation", source="escalation", decode=parse_contribution,
            key=lambda part: part.key,
            state={"windows": Windows("index_buckets", 2 * self.buckets_per_window,
                                      self.buckets_seconds),
                   "last": Value("last_surge")},
            step=self.escalation_step, render=alert_records, observe=observe_alert,
        ))

    def install(self) -> None:
        self.fold_agent.install()
        self.escalation_agent.install()

    async def alert_article(self, classified: ClassifiedArticle, msg: Any,
                            started: float, source: str = "") -> None:
        """Per-article alerts, reconciled with the article's earlier versions; then folded
        per event (fold topic) and counted towards the escalation index (escalation topic).

        Reconcile, store, then send. The state records the offset that wrote it (`source`
        names its topic): a replay of that offset after a crash re-sends what the crashed
        run sent (the same ids and revisions; folding absorbs a copy that did arrive)
        instead of finding nothing new."""
        tables, topics = self.ctx.tables, self.ctx.topics
        previous = latest(tables.revisions, classified.article_id,
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
        await self.fold_agent.run(stream)

    async def escalation(self, stream: StreamT) -> None:
        """The rolling index per country pair and region: 1 h buckets in a windowed table,
        summed into the trailing window and the one before it on every contribution."""
        await self.escalation_agent.run(stream)

    def fold_step(self, item: Alert, state: dict[str, Any],
                  at: At) -> tuple[list[Alert], dict[str, Any]]:
        published, folds = folding.step(
            state["folds"], item, at.partition, at.offset,
            now=event_time(item.published_at, item.ingest_ts_ms),
            window=self.ctx.settings.fold_window,
        )
        return ([published] if published else []), ({} if folds is None else {"folds": folds})

    def escalation_step(self, part: escalation.Contribution, state: dict[str, Any],
                        at: At) -> tuple[list[Alert], dict[str, Any]]:
        surge, bucket, last = escalation.step(
            part, state["windows"], state["last"], at.partition, at.offset,
            at.timestamp or 0.0, self.esc_config,
        )
        changes: dict[str, Any] = {}
        if bucket is not None:
            changes["windows"] = bucket
        if last is not None:
            changes["last"] = last
        return ([surge] if surge else []), changes


def alert_records(item: Alert) -> list[Record]:
    """An alert on `news.alerts`, and on `news.alerts.critical` too when critical; keyed by
    country pair (else region key, else article) so one pair's alerts stay in order on one
    partition, with `kind` and `severity` headers for consumers that filter before parsing."""
    body = item.model_dump_json().encode()
    headers = [("kind", item.kind.encode()), ("severity", item.severity.encode())]
    key = (item.dyad or item.escalation_key or item.article_id).encode()
    out = [Record("alerts", key, body, headers)]
    if severity_rank(item.severity) >= severity_rank("critical"):
        out.append(Record("critical", key, body, headers))
    return out


def observe_alert(item: Alert) -> None:
    metrics.ALERTS.labels(kind=item.kind, severity=item.severity).inc()
    if item.ingest_ts_ms and item.revision == 0:
        metrics.INGEST_TO_ALERT.observe(max(0.0, time.time() - item.ingest_ts_ms / 1000))
