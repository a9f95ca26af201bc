"""Settings from the environment, with the contract's names and defaults."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any

from streams.alerting.escalation import EscalationConfig
from streams.alerting.rules import AlertConfig
from streams.kafka_security import KafkaSecurity, SecurityConfigError, check_broker_url

__all__ = ["KafkaSecurity", "SecurityConfigError", "Settings"]


def _env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    return default if raw in (None, "") else int(raw)


def _env_float(name: str, default: float) -> float:
    raw = os.environ.get(name)
    return default if raw in (None, "") else float(raw)


@dataclass(frozen=True)
class Settings:
    """Everything the shell needs; the contract's five variables plus tuning knobs."""

    broker: str = "kafka://127.0.0.1:9092"
    topic_prefix: str = ""
    app_id: str = "wirewatch"
    web_port: int = 6066
    web_host: str = "127.0.0.1"
    data_dir: Path = field(default_factory=lambda: Path("./var"))
    topic_partitions: int = 4
    max_message_bytes: int = 1_000_000
    # Pure work per message (normalizing, coding) past this is dead-lettered as `timeout`;
    # 0 runs it on the event loop with no budget (what `make bench` compares against).
    message_budget: float = 10.0
    # Inputs up to this many bytes (characters) are worked on the event loop: the coder's
    # cost is linear (a 20 KB text costs under 50 ms even without a full stop), and the
    # budget's thread costs more than that work (make bench: 103 vs 165 articles/s).
    inline_max: int = 20_000
    # Normalize, signature and coder for the messages waiting in the article stage's queue
    # run ahead in a child process (streams/workproc.py), on the machine's second core; off,
    # they run in the worker's own process as above.
    work_process: bool = True
    # A worker that dies without leaving the group holds its partitions this long.
    # Heartbeats come from Faust's consumer thread, not the event loop the work runs beside,
    # so 10 s (heartbeat every 3 s) never expires under load; a killed worker's partitions
    # move in 10 s instead of Faust's 60 s.
    session_timeout: float = 10.0
    # Where Faust keeps table state between changelog replays: "memory://" replays every
    # changelog at start; "rocksdb://" (extra `rocksdb`: rocksdict) keeps it in the data dir
    # and replays only what came after (python -m bench.restart compares them).
    store: str = "memory://"
    # How long state remembers: exact and near duplicates, and each article's last alerts
    # (a revision or retraction later than this raises afresh).
    duplicate_days: int = 2
    revision_days: int = 7
    # Alert thresholds (configuration, per the contract).
    mass_casualty_killed: int = 10
    mass_casualty_total: int = 50
    # An alert's event must be told in the headline, caption or this many first characters
    # of the body (0: anywhere).
    alert_lead_chars: int = 1500
    # Reports of one event within this window of the first fold into its alert.
    fold_window: timedelta = timedelta(hours=6)
    escalation: EscalationConfig = field(default_factory=EscalationConfig)
    # TLS and SASL for the broker connection (WIREWATCH_SECURITY_PROTOCOL, WIREWATCH_SSL_*,
    # WIREWATCH_SASL_*); plaintext by default.
    security: KafkaSecurity = field(default_factory=KafkaSecurity)

    def __post_init__(self) -> None:
        check_broker_url(self.broker)
        if self.store not in STORES:
            raise ValueError(f"WIREWATCH_STORE must be one of {', '.join(STORES)}, "
                             f"not {self.store!r}")
        if self.alert_lead_chars < 0:
            # a negative lead would hold no event: every alert silently dropped
            raise ValueError("WIREWATCH_ALERT_LEAD_CHARS must be 0 (the whole body) or more, "
                             f"not {self.alert_lead_chars}")

    @classmethod
    def from_env(cls) -> Settings:
        return cls(
            broker=os.environ.get("WIREWATCH_BROKER") or cls.broker,
            topic_prefix=os.environ.get("WIREWATCH_TOPIC_PREFIX", ""),
            app_id=os.environ.get("WIREWATCH_APP_ID") or cls.app_id,
            web_port=_env_int("WIREWATCH_WEB_PORT", cls.web_port),
            web_host=os.environ.get("WIREWATCH_WEB_HOST") or cls.web_host,
            data_dir=Path(os.environ.get("WIREWATCH_DATA_DIR") or "./var"),
            topic_partitions=_env_int("WIREWATCH_PARTITIONS", cls.topic_partitions),
            max_message_bytes=_env_int("WIREWATCH_MAX_MESSAGE_BYTES", cls.max_message_bytes),
            message_budget=_env_float("WIREWATCH_MESSAGE_BUDGET_SECONDS", cls.message_budget),
            inline_max=_env_int("WIREWATCH_INLINE_MAX_BYTES", cls.inline_max),
            work_process=_env_int("WIREWATCH_WORK_PROCESS", int(cls.work_process)) != 0,
            session_timeout=_env_float("WIREWATCH_SESSION_TIMEOUT", cls.session_timeout),
            store=os.environ.get("WIREWATCH_STORE") or cls.store,
            duplicate_days=_env_int("WIREWATCH_DUPLICATE_DAYS", cls.duplicate_days),
            revision_days=_env_int("WIREWATCH_REVISION_DAYS", cls.revision_days),
            mass_casualty_killed=_env_int("WIREWATCH_MASS_CASUALTY_KILLED", 10),
            mass_casualty_total=_env_int("WIREWATCH_MASS_CASUALTY_TOTAL", 50),
            alert_lead_chars=_env_int("WIREWATCH_ALERT_LEAD_CHARS", cls.alert_lead_chars),
            fold_window=timedelta(hours=_env_float("WIREWATCH_FOLD_WINDOW_HOURS", 6.0)),
            escalation=EscalationConfig(
                threshold=_env_float("WIREWATCH_SURGE_THRESHOLD", 150.0),
                rise_ratio=_env_float("WIREWATCH_SURGE_RISE_RATIO", 2.0),
                rise_min=_env_float("WIREWATCH_SURGE_RISE_MIN", 100.0),
                min_events=_env_int("WIREWATCH_SURGE_MIN_EVENTS", 5),
            ),
            security=KafkaSecurity.from_env(),
        )

    def alert_config(self) -> AlertConfig:
        """The per-article alert rules' thresholds; a lead of 0 reads the whole body."""
        return AlertConfig(
            mass_casualty_killed=self.mass_casualty_killed,
            mass_casualty_total=self.mass_casualty_total,
            lead_chars=self.alert_lead_chars or None,
        )

    def topic(self, name: str) -> str:
        """The prefixed topic name: the prefix isolates tenants and test runs on one cluster."""
        return f"{self.topic_prefix}{name}"

    @property
    def bootstrap_servers(self) -> str:
        """The broker list in Kafka's host:port form, for plain aiokafka clients."""
        return ",".join(
            part.split("://", 1)[-1] for part in self.broker.replace(";", ",").split(",") if part
        )

    def kafka_client_kwargs(self) -> dict[str, object]:
        """Connection arguments for plain aiokafka clients: the broker list and the same
        TLS/SASL settings the worker uses."""
        return {"bootstrap_servers": self.bootstrap_servers, **self.security.aiokafka_kwargs()}


STORES = ("memory://", "rocksdb://")
RAW = "news.raw"
NORMALIZED = "news.normalized"
EVENTS = "news.events"
ALERTS = "news.alerts"
ALERTS_CRITICAL = "news.alerts.critical"
DEADLETTER = "news.deadletter"
TOPICS = (RAW, NORMALIZED, EVENTS, ALERTS, ALERTS_CRITICAL, DEADLETTER)
# Internal: written by the dedup stage, read whole by every worker outside the consumer group.
NEARDUP_INDEX = "news.neardup.index"


def faust_options(settings: Settings) -> dict[str, Any]:
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
