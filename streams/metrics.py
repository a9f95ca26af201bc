"""The contract's Prometheus metrics, from prometheus-client directly.

Faust's own Prometheus sensor reports milliseconds and unprefixed names, so it stays off;
these names and units are what dashboards and alert rules are built on.
"""

from __future__ import annotations

from prometheus_client import (
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    disable_created_metrics,
    generate_latest,
)

from streams import __version__

# `_created` series double the exposition and no dashboard uses them.
disable_created_metrics()
REGISTRY = CollectorRegistry(auto_describe=True)

# Stage work is sub-millisecond to tens of milliseconds; ingest-to-alert spans ms to minutes.
_STAGE_BUCKETS = (0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.5, 1.0)
_LATENCY_BUCKETS = (0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0, 300.0)

ARTICLES_RECEIVED = Counter(
    "wirewatch_articles_received", "Raw messages read from news.raw, by input format "
    "(format=invalid when it could not be told).", ["format"], registry=REGISTRY,
)
ARTICLES_NORMALIZED = Counter(
    "wirewatch_articles_normalized", "Articles normalized and published to news.normalized.",
    registry=REGISTRY,
)
ARTICLES_DUPLICATE = Counter(
    "wirewatch_articles_duplicate", "Articles skipped as exact duplicates of one already seen.",
    registry=REGISTRY,
)
DEADLETTER = Counter(
    "wirewatch_deadletter", "Messages sent to news.deadletter, by stage and reason.",
    ["stage", "reason"], registry=REGISTRY,
)
DEADLETTER_SEND_FAILED = Counter(
    "wirewatch_deadletter_send_failed", "Dead letters that could not be written to "
    "news.deadletter after every retry (logged with their source topic, partition and offset).",
    ["stage", "reason"], registry=REGISTRY,
)
EVENTS = Counter(
    "wirewatch_events", "Coded events published on news.events, by event type.", ["type"],
    registry=REGISTRY,
)
UNCODED_LANGUAGE = Counter(
    "wirewatch_articles_uncoded_language", "Articles passed on with no events because the "
    "coder does not read their language (given or detected), by ISO 639-1 code.",
    ["language"], registry=REGISTRY,
)
ALERTS = Counter(
    "wirewatch_alerts", "Alerts published on news.alerts, by kind and severity.",
    ["kind", "severity"], registry=REGISTRY,
)
STAGE_DURATION = Histogram(
    "wirewatch_stage_duration_seconds", "Time spent in one stage's pure work per message.",
    ["stage"], buckets=_STAGE_BUCKETS, registry=REGISTRY,
)
INGEST_TO_ALERT = Histogram(
    "wirewatch_ingest_to_alert_seconds",
    "From the raw message's Kafka timestamp to the alert's send.",
    buckets=_LATENCY_BUCKETS, registry=REGISTRY,
)
REREADS = Counter(
    "wirewatch_rereads", "Re-reads of a partition from a record skipped inside the consumer "
    "(agents process each partition in offset order), by topic.",
    ["topic"], registry=REGISTRY,
)
RECOVERY_RESTARTS = Counter(
    "wirewatch_recovery_restarts", "Table recoveries started again because their changelog "
    "positions stopped moving (streams.health.RecoveryWatch).",
    registry=REGISTRY,
)
OFFSETS_SKIPPED = Counter(
    "wirewatch_offsets_skipped", "Offsets skipped because re-reads never brought them back "
    "(logged at ERROR with the partition and range), by topic.",
    ["topic"], registry=REGISTRY,
)
CONSUMER_LAG = Gauge(
    "wirewatch_consumer_lag_messages", "Messages behind the partition's end offset.",
    ["topic", "partition"], registry=REGISTRY,
)
WORK_PROCESS_UP = Gauge(
    "wirewatch_work_process_up",
    "1 while the worker's work process (normalize, signature, coder) is up; 0 while it is "
    "being started again.", registry=REGISTRY,
)
WORK_PROCESS_RESTARTS = Counter(
    "wirewatch_work_process_restarts_total",
    "Times the work process was killed (a message past its budget) or died, and started "
    "again.", registry=REGISTRY,
)
WORKER_UP = Gauge("wirewatch_worker_up", "1 while the worker's agents are running.",
                  registry=REGISTRY)
WORKER_READY = Gauge(
    "wirewatch_worker_ready", "1 while the worker holds its partitions, has recovered its "
    "tables, reaches the broker and makes progress (what /ready answers).", registry=REGISTRY,
)
BUILD_INFO = Gauge("wirewatch_build_info", "The running Wirewatch version.", ["version"],
                   registry=REGISTRY)
BUILD_INFO.labels(version=__version__).set(1)

METRIC_NAMES: frozenset[str] = frozenset(
    {
        "wirewatch_articles_received_total",
        "wirewatch_articles_normalized_total",
        "wirewatch_articles_duplicate_total",
        "wirewatch_deadletter_total",
        "wirewatch_deadletter_send_failed_total",
        "wirewatch_events_total",
        "wirewatch_articles_uncoded_language_total",
        "wirewatch_alerts_total",
        "wirewatch_stage_duration_seconds",
        "wirewatch_ingest_to_alert_seconds",
        "wirewatch_consumer_lag_messages",
        "wirewatch_rereads_total",
        "wirewatch_offsets_skipped_total",
        "wirewatch_worker_up",
        "wirewatch_worker_ready",
        "wirewatch_build_info",
    }
)


def exposition() -> bytes:
    """The registry in Prometheus text format, for the worker's `/metrics` page."""
    return generate_latest(REGISTRY)
