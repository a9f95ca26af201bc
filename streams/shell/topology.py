"""The worker's topics and tables, and the settings they are declared with.

Every table is keyed so that a key always arrives on the same partition of the table's
source topic: Faust writes a table change to the changelog partition of the event being
processed, and recovers that partition's keys with it after a restart or rebalance.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import faust

from streams import config
from streams.alerting import escalation
from streams.normalize import exact

DEDUP_TOPIC = "news.normalize.dedup"
FOLD_TOPIC = "news.alerts.fold"
ESCALATION_TOPIC = "news.alerts.escalation"
DAY = 86_400.0

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


class RawTopic(faust.Topic):
    """A topic of bytes whose sends go straight to the producer.

    Faust's `Topic.send` wraps every record in its own future and, through
    `App.maybe_start_producer`, yields to the event loop once per record: in the article
    stage, which sends six records per wire, that cost 0.9 ms of CPU per article (4.11 against
    3.18 ms with direct sends, same run, 2026-12-05; 3.37 against 2.99 ms on the five-hop
    pipeline before it). The record is the same, and so is its durability: the commit waits
    for the producer's flush either way (`streams.transport`). Table changelogs keep Faust's
    own path."""

    async def send(self, *, key: Any = None, value: Any = None, partition: int | None = None,
                   timestamp: float | None = None, headers: Any = None, **kw: Any) -> Any:
        if kw:  # a schema, serializer or callback: Faust's own path
            return await super().send(key=key, value=value, partition=partition,
                                      timestamp=timestamp, headers=headers, **kw)
        return await self.app.producer.send(self.get_topic_name(), key, value, partition,
                                            timestamp, headers)


def raw_topic(app: faust.App, name: str, partitions: int,
              config: dict[str, str] | None = None) -> Any:
    """A bytes-in, bytes-out topic. Declared (`internal`) so the worker creates any missing
    topic at start: a consumer subscribed to a topic that does not exist yet ignores it."""
    return RawTopic(
        app,
        topics=[name],
        key_type=bytes,
        value_type=bytes,
        key_serializer="raw",
        value_serializer="raw",
        partitions=partitions,
        internal=True,
        config=config,
    )


@dataclass(frozen=True)
class Topics:
    """Every topic the worker reads or writes: the contract's and its own internal hops."""

    raw: Any
    dedup: Any  # the re-key hop: normalized articles keyed by article id (streams.shell.ingest)
    index: Any  # the near-duplicate index, read whole by every worker (streams/replica.py)
    normalized: Any  # for subscribers; no stage reads it
    events: Any  # for subscribers; no stage reads it
    fold: Any  # keyed by fold key
    escalation: Any  # keyed by escalation key, stamped with event time
    alerts: Any
    critical: Any
    deadletter: Any

    @classmethod
    def declare(cls, app: faust.App, settings: config.Settings) -> Topics:
        name, parts = settings.topic, settings.topic_partitions
        return cls(
            raw=raw_topic(app, name(config.RAW), parts),
            dedup=raw_topic(app, name(DEDUP_TOPIC), parts),
            index=raw_topic(app, name(config.NEARDUP_INDEX), parts,
                            config=index_topic_config(settings.duplicate_days)),
            normalized=raw_topic(app, name(config.NORMALIZED), parts),
            events=raw_topic(app, name(config.EVENTS), parts),
            fold=raw_topic(app, name(FOLD_TOPIC), parts),
            escalation=raw_topic(app, name(ESCALATION_TOPIC), parts,
                                 config=EVENT_TIME_TOPIC_CONFIG),
            alerts=raw_topic(app, name(config.ALERTS), parts),
            critical=raw_topic(app, name(config.ALERTS_CRITICAL), parts),
            deadletter=raw_topic(app, name(config.DEADLETTER), parts),
        )

    def all(self) -> tuple[Any, ...]:
        return (self.raw, self.dedup, self.index, self.normalized, self.events, self.fold,
                self.escalation, self.alerts, self.critical, self.deadletter)

    def sources(self) -> frozenset[str]:
        """The topics an agent reads (in the consumer group): not the index, not the sinks."""
        return frozenset(t.get_topic_name() for t in (
            self.raw, self.dedup, self.fold, self.escalation))


# Faust's changelogs are compacted, but Kafka never compacts a partition's active segment,
# and the default segment (1 GiB or 7 days) keeps a week of table writes uncompacted: a
# restart replayed every write of every fold (2026-12-05: 153 MB of a 195 MB replay after
# 20,000 articles, each fold rewritten on every report). Small, hourly segments let the log
# cleaner reduce a changelog to its live keys as the worker runs.
CHANGELOG_CONFIG = {
    "segment.bytes": str(8 << 20),
    "segment.ms": str(3_600_000),
    "min.cleanable.dirty.ratio": "0.25",
}


def _same(key: str) -> str:
    """A table keyed exactly like its source topic."""
    return key


def _nothing() -> None:
    """Default of the daily tables: a missing key reads as None and is not stored."""
    return None


def latest(windowed: Any, key: Any, days: int) -> Any:
    """The newest value of `key` in its daily windows over the last `days` days (event
    time of the message being processed), or None."""
    for value in window_values(windowed, key, (age * DAY for age in range(days))):
        if value is not None:
            return value
    return None


def window_values(windowed: Any, key: Any, ages: Iterable[float]) -> Iterator[Any]:
    """What `windowed[key].delta(age)` reads for each age (`.current()` for 0): the key's
    window at the processed record's time minus the age, the table's default where it is
    empty, read lazily.

    Straight from the table's store: Faust's path builds a window set per key and goes
    through the table's item hooks (its sensors) for every window, 4% of a worker's CPU on
    the bench wires, which read a week of daily windows per article and a day of hourly
    ones per alert (py-spy, 2026-12-06)."""
    table = windowed.table
    now = table._relative_event(None)
    current, data, default = table.window.current, table.data, table.default
    for age in ages:
        at = (key, current(now - age))
        if at in data:
            yield data[at]
        elif default is not None:
            yield default()
        else:
            raise KeyError(at)


@dataclass(frozen=True)
class Tables:
    """The worker's state. Tables that would grow with every article are kept in daily
    windows that Faust expires, so a worker's state is bounded by days of wires
    (WIREWATCH_DUPLICATE_DAYS, WIREWATCH_REVISION_DAYS), not by its uptime."""

    # article id|content hash:version -> mark {id, p, o, t}: the offset that wrote it
    # (source: news.raw or the re-key topic, on the article id's partition)
    seen_hashes: Any
    # article id -> {"version", "seen", "alerts", "src", "sent", "first"} (source: as
    # seen_hashes); "src" is the offset that wrote it, "sent" what that run published
    revisions: Any
    # fold key (kind|dyad|place) -> fold state (source: fold topic, keyed by fold key)
    folds: Any
    # escalation key -> WindowState per 1 h bucket; 24 buckets make the hopping 24 h window
    # (source: escalation topic, keyed by escalation key)
    index_buckets: Any
    last_surge: Any

    @classmethod
    def declare(cls, app: faust.App, settings: config.Settings) -> Tables:
        prefix, parts = settings.topic_prefix, settings.topic_partitions

        def table(name: str, route: Callable[[str], str] = _same, **kw: Any) -> Any:
            """A table whose keys belong on the partition of `route(key)` as a message key
            (`StateTable.check_route`)."""
            created = app.Table(f"{prefix}{name}", partitions=parts, key_type=str,
                                extra_topic_configs=CHANGELOG_CONFIG, **kw)
            created.route = route
            return created

        def daily(name: str, days: int, route: Callable[[str], str] = _same) -> Any:
            return table(name, route, default=_nothing).tumbling(
                DAY, expires=timedelta(days=days + 1))

        esc = settings.escalation
        return cls(
            seen_hashes=daily("content-hashes", settings.duplicate_days, exact.article_of),
            revisions=daily("alert-revisions", settings.revision_days),
            folds=table("alert-folds", default=None),
            index_buckets=table("escalation-index", default=escalation.empty).tumbling(
                esc.step.total_seconds(), expires=esc.window * 2 + esc.step),
            last_surge=table("escalation-last-surge", default=None),
        )
