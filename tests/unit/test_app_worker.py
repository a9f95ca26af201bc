"""The worker class the app runs with (`streams.app.Worker`)."""

from __future__ import annotations

import logging

from streams import config
from streams.app import Worker, create_app


def test_a_quiet_worker_leaves_the_root_logger_at_its_level() -> None:
    """At `--loglevel error` Faust's own worker spins a terminal spinner and sets the root
    logger to DEBUG for the rest of its life, so every debug call of Faust and aiokafka
    built a record to be dropped; ours keeps the level it was given and no spinner."""
    app = create_app(config.Settings(work_process=False))
    assert app.conf.Worker is Worker
    root = logging.getLogger()
    before = root.level
    worker = Worker(app, loglevel="error")
    try:
        root.setLevel(logging.ERROR)
        worker.on_setup_root_logger(root, logging.ERROR)
        assert worker.spinner is None
        assert root.level == logging.ERROR
        assert not logging.getLogger("faust.tables.recovery").isEnabledFor(logging.DEBUG)
    finally:
        root.setLevel(before)
