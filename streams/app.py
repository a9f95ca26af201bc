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
from streams.config import faust_options
from streams.shell import state_table
from streams.shell.alerts import Alerts
from streams.shell.coding import Coding
from streams.shell.context import Context
from streams.shell.guard import Guard
from streams.shell.ingest import Ingest
from streams.shell.probes import Probes
from streams.shell.topology import Tables, Topics


class Worker(faust.Worker):
    """Faust's worker without its terminal spinner. Run at a level of `warning` or above,
    Faust keeps the spinner and, to spin it on every record, sets the root logger to DEBUG
    for the worker's whole life: every debug call of Faust and aiokafka (one per changelog
    record in recovery, several per fetch) then built a record for handlers to drop (8% of
    a restart's CPU, 2026-12-06)."""

    def on_setup_root_logger(self, logger: Any, level: int) -> None:
        self.spinner = None


def create_app(settings: config.Settings) -> faust.App:
    """Build the app from settings; tests and the CLI build theirs from the environment."""
    transport.install()
    acks.install()
    order.install_fetch_count()
    state_table.install()
    # Table writes reach their changelogs once per key per commit, deflated when large.
    app = faust.App(settings.app_id, Table=state_table.StateTable,
                    TableManager=state_table.StateTableManager,
                    Serializers=state_table.Serializers, Worker=Worker,
                    **faust_options(settings))
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
