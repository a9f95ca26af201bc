"""The bundled demo wires (streams/samples) raise what their README promises, in the languages
it names, and `wirewatch alerts` tells the desk which wires were not in English."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from streams.cli import _format_alert
from streams.offline import code_wire

SAMPLES = Path(__file__).resolve().parents[2] / "streams" / "samples"
NOW = datetime(2026, 12, 5, tzinfo=UTC)

# file -> (language, alert kinds, a place the alerts name or None)
EXPECTED = {
    "01-zaporizhzhia-power-plant.txt": ("en", {"infrastructure_attack", "mass_casualty"}, None),
    "02-hamas-rejects-truce.json": ("en", {"truce_rejected"}, None),
    "03-drones-hit-air-base.json": ("en", {"strategic_strike"}, None),
    "04-sudan-talks-suspended.txt": ("en", {"talks_collapse"}, None),
    "05-lebanon-truce-breach.json": ("en", {"ceasefire_violation"}, None),
    "06-bulletin-rail-strike.txt": ("en", set(), None),
    "07-denial-no-rejection.txt": ("en", set(), None),
    "08-kharkiv-substation-uk.txt": ("uk", {"infrastructure_attack"}, "Kharkiv"),
    "09-hodeidah-port-ar.json": ("ar", {"infrastructure_attack"}, None),
}


def test_every_bundled_wire_is_listed() -> None:
    assert sorted(p.name for p in SAMPLES.glob("0*")) == sorted(EXPECTED)


def test_at_least_two_wires_are_not_in_english() -> None:
    assert len({lang for lang, kinds, _ in EXPECTED.values() if lang != "en" and kinds}) >= 2


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_a_sample_raises_its_listed_alerts_in_its_language(name: str) -> None:
    language, kinds, place = EXPECTED[name]
    classified, alerts = code_wire((SAMPLES / name).read_bytes(), now=NOW)
    assert classified.language == language
    assert {a.kind for a in alerts} == kinds
    assert all(a.language == language for a in alerts)
    if place:
        assert all(place in {loc.name for loc in a.locations} for a in alerts)


def test_the_ukrainian_sample_names_actor_target_and_toll() -> None:
    classified, alerts = code_wire((SAMPLES / "08-kharkiv-substation-uk.txt").read_bytes(),
                                   now=NOW)
    (alert,) = alerts
    event = next(e for e in classified.events if e.type == "attack.infrastructure")
    assert (event.actor.code, event.target.code) == ("RUSMIL", "UKR")  # type: ignore[union-attr]
    assert "power" in event.assets
    toll = next(e for e in classified.events if e.type == "casualties.reported").casualties
    assert (toll.killed, toll.wounded) == (2, 5)  # type: ignore[union-attr]
    assert alert.title.isascii() and "Reported in Ukrainian" in alert.summary
    assert alert.evidence[0].text.startswith("Російські війська")


def test_the_alerts_command_marks_a_wire_not_in_english() -> None:
    _, alerts = code_wire((SAMPLES / "09-hodeidah-port-ar.json").read_bytes(), now=NOW)
    shown = _format_alert(alerts[0].model_dump(mode="json"))
    assert "Arabic wire" in shown and "الحديدة" in shown
    _, english = code_wire((SAMPLES / "02-hamas-rejects-truce.json").read_bytes(), now=NOW)
    assert " wire[" not in _format_alert(english[0].model_dump(mode="json"))


def test_the_alerts_command_names_a_place_once() -> None:
    _, alerts = code_wire((SAMPLES / "08-kharkiv-substation-uk.txt").read_bytes(), now=NOW)
    assert _format_alert(alerts[0].model_dump(mode="json")).count("Kharkiv") == 1
