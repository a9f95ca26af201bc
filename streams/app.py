"""The Faust App: its settings and the shell's modules wired to it (`streams/shell/`).

`create_app` builds the App from settings (tests and the CLI build theirs from the
environment); the topics and tables, the guard, each stage's agents and the probes live in
their own modules, each handed one `Context`.
"""

from __future__ import annotations

from typing import Any

import faust

from streams import acks, config, order, transport
from streams.budget import Budget
from streams.shell import state_table
from streams.shell.alerts import Alerts
from streams.shell.coding import Coding
from streams.shell.context import Context
from streams.shell.guard import Guard
from streams.shell.ingest import Ingest
from streams.shell.probes import Probes
from streams.shell.topology import Tables, Topics


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
    state_table.install()
    # Table writes reach their changelogs once per key per commit, deflated when large.
    app = faust.App(settings.app_id, Table=state_table.StateTable, **faust_options(settings))
    topics = Topics.declare(app, settings)
    raw_name = topics.raw.get_topic_name()
    gate = order.Gate(
        committed=lambda tp: app.consumer._committed_offset.get(tp),
        absent=lambda tp, start, end: acks.record_absent(app.consumer, tp, start, end),
        may_have_markers=lambda tp: tp.topic == raw_name,
    )
    guard = Guard(topics.deadletter,
                  Budget(settings.message_budget, inline_max=settings.inline_max))
    ctx = Context(app=app, settings=settings, topics=topics,
                  tables=Tables.declare(app, settings), guard=guard, gate=gate)
    state_table.check_routes(app, {t.get_topic_name(): t.partitions for t in (
        topics.raw, topics.dedup, topics.fold, topics.escalation)})
    coding, alerts = Coding(ctx), Alerts(ctx)
    ingest = Ingest(ctx, coding, alerts)
    probes = Probes(ctx, ingest.replica, coding.ready)
    for part in (ingest, coding, alerts, probes):
        part.install()
    app.wirewatch_replica = ingest.replica
    app.wirewatch_topics = [(t.get_topic_name(), t.partitions, dict(t.config or {}))
                            for t in topics.all()]
    return app


app = create_app(config.Settings.from_env())
