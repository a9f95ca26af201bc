"""The escalation hop keeps its records by size, not by their (event-time) timestamps."""

from __future__ import annotations

from streams import config
from streams.app import create_app
from streams.shell.topology import ESCALATION_TOPIC


def test_the_escalation_hop_is_not_deleted_by_the_age_of_its_events() -> None:
    """Its records carry the wire's own time: an archive re-fed a year later would fall out
    of a 7-day time retention before the index read it (seen in the kill -9 runs)."""
    settings = config.Settings.from_env()
    app = create_app(settings)
    topics = {agent.channel.get_topic_name(): agent.channel for agent in app.agents.values()}
    escalation = topics[settings.topic(ESCALATION_TOPIC)]
    assert escalation.config["retention.ms"] == "-1"
    assert int(escalation.config["retention.bytes"]) >= 1 << 30
    # the wires and the other hops keep the broker's own retention
    assert "retention.ms" not in topics[settings.topic(config.RAW)].config


def test_the_state_store_is_memory_unless_rocksdb_is_asked_for(monkeypatch) -> None:
    import pytest

    monkeypatch.delenv("WIREWATCH_STORE", raising=False)
    assert config.Settings.from_env().store == "memory://"
    monkeypatch.setenv("WIREWATCH_STORE", "rocksdb://")
    assert config.Settings.from_env().store == "rocksdb://"
    monkeypatch.setenv("WIREWATCH_STORE", "redis://")
    with pytest.raises(ValueError, match="WIREWATCH_STORE must be one of"):
        config.Settings.from_env()


def test_the_worker_runs_on_uvloop_unless_asyncio_is_asked_for(monkeypatch) -> None:
    import pytest

    monkeypatch.delenv("WIREWATCH_EVENT_LOOP", raising=False)
    assert config.Settings.from_env().event_loop == "uvloop"
    monkeypatch.setenv("WIREWATCH_EVENT_LOOP", "aio")
    assert config.Settings.from_env().event_loop == "aio"
    monkeypatch.setenv("WIREWATCH_EVENT_LOOP", "trio")
    with pytest.raises(ValueError, match="WIREWATCH_EVENT_LOOP must be one of"):
        config.Settings.from_env()


def test_use_event_loop_makes_every_new_loop_a_uvloop() -> None:
    """In a child interpreter: the policy is process-wide, and the test run's own loops must
    stay asyncio's."""
    import subprocess
    import sys
    from pathlib import Path

    probe = ("import asyncio; from streams import transport; "
             "transport.use_event_loop('uvloop'); "
             "print(type(asyncio.new_event_loop()).__module__)")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                         check=True, cwd=Path(__file__).resolve().parents[2])
    assert out.stdout.strip().startswith("uvloop")
