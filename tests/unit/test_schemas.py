"""The checked-in JSON Schemas match the models, and the models hold the contract's names."""

import json
import typing
from datetime import UTC, datetime

import pytest
from pydantic import ValidationError

from schemas import Alert, DeadLetter, Event
from schemas.export import JSON_DIR, MODELS, rendered


def test_checked_in_schemas_match_models() -> None:
    for filename, text in rendered().items():
        path = JSON_DIR / filename
        assert path.exists(), f"{filename} missing: run `make schemas`"
        assert json.loads(path.read_text()) == json.loads(text), f"{filename} drifted"


def test_every_model_has_a_schema_file() -> None:
    assert {p.name for p in JSON_DIR.glob("*.schema.json")} == {
        f"{name}.schema.json" for name in MODELS
    }


def test_contract_event_types_and_alert_kinds() -> None:
    types = set(typing.get_args(Event.model_fields["type"].annotation))
    assert {
        "ceasefire.rejected", "ceasefire.proposed", "ceasefire.agreed", "ceasefire.violated",
        "negotiation.held", "negotiation.stalled", "attack.infrastructure", "attack.aerial",
        "attack.military_target", "casualties.reported", "accusation.terrorism",
        "threat.military",
    } <= types
    kinds = set(typing.get_args(Alert.model_fields["kind"].annotation))
    assert kinds >= {
        "truce_rejected", "ceasefire_violation", "talks_collapse", "infrastructure_attack",
        "strategic_strike", "mass_casualty", "escalation_surge",
    }


def test_outputs_reject_unknown_fields() -> None:
    with pytest.raises(ValidationError):
        DeadLetter(
            stage="normalize", reason="empty", error="x", original="", source_topic="t",
            source_partition=0, source_offset=0, failed_at=datetime.now(UTC), surprise=1,
        )


def test_alert_round_trips_through_json() -> None:
    alert = Alert(
        alert_id="alr_x", kind="mass_casualty", severity="critical", title="t", summary="s",
        article_id="a", raised_at=datetime(2025, 6, 4, tzinfo=UTC),
    )
    assert Alert.model_validate_json(alert.model_dump_json()) == alert
