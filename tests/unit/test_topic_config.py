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


def test_the_alert_lead_is_configuration(monkeypatch) -> None:
    import pytest

    monkeypatch.delenv("WIREWATCH_ALERT_LEAD_CHARS", raising=False)
    assert config.Settings.from_env().alert_config().lead_chars == 1500
    monkeypatch.setenv("WIREWATCH_ALERT_LEAD_CHARS", "4000")
    assert config.Settings.from_env().alert_config().lead_chars == 4000
    monkeypatch.setenv("WIREWATCH_ALERT_LEAD_CHARS", "0")  # the whole body
    assert config.Settings.from_env().alert_config().lead_chars is None
    monkeypatch.setenv("WIREWATCH_ALERT_LEAD_CHARS", "-1")  # would hold no event at all
    with pytest.raises(ValueError, match="WIREWATCH_ALERT_LEAD_CHARS"):
        config.Settings.from_env()
    monkeypatch.setenv("WIREWATCH_ALERT_LEAD_CHARS", "0")
    monkeypatch.setenv("WIREWATCH_MASS_CASUALTY_KILLED", "25")
    assert config.Settings.from_env().alert_config().mass_casualty_killed == 25
