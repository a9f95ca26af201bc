"""Revisions: a new version updates its alerts, a replay publishes nothing, a retraction
withdraws."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

from schemas import Actor, Alert, Casualties, ClassifiedArticle, Event, Evidence
from streams.alerting import alerts_for
from streams.alerting.revisions import (
    disappeared,
    material,
    revise,
    revise_article,
    withdraw,
)

T0 = datetime(2025, 6, 4, 8, tzinfo=UTC)
RUS = Actor(name="Russia", code="RUS", country="RUS")
UKR = Actor(name="Ukraine", code="UKR", country="UKR")


def strike(killed: int, *, dam: bool = False) -> list[Event]:
    text = f"Russian drones hit the plant, killing {killed}."
    evidence = Evidence(text=text, start=0, end=len(text))
    common = dict(
        cameo_code="195",
        goldstein=-10.0,
        quad_class=4,
        actor=RUS,
        target=UKR,
        evidence=evidence,
        confidence=0.9,
        coder_version="t",
    )
    return [
        Event(
            event_id="e-infra",
            type="attack.infrastructure",
            assets=["dam"] if dam else ["power"],
            **common,
        ),
        Event(
            event_id="e-dead",
            type="casualties.reported",
            casualties=Casualties(killed=killed),
            **common,
        ),
    ]


def version(n: int, events: list[Event], *, retracted: bool = False) -> ClassifiedArticle:
    return ClassifiedArticle(
        article_id="urn:wire:1",
        content_hash=f"h{n}",
        version=n,
        retracted=retracted,
        events=events,
        coder_version="t",
        classified_at=T0,
        source="Reuters",
    )


def raised(article: ClassifiedArticle, minutes: int = 0) -> list[Alert]:
    return alerts_for(article, now=T0 + timedelta(minutes=minutes))


def by_kind(alerts: list[Alert]) -> dict[str, Alert]:
    return {a.kind: a for a in alerts}


def test_first_publication_passes_through() -> None:
    new = raised(version(1, strike(12)))[0]
    assert revise(None, new, article_version=1) is new


def test_a_replay_publishes_nothing_even_at_another_time() -> None:
    first = raised(version(1, strike(12)))[0]
    again = raised(version(1, strike(12)), minutes=90)[0]
    assert again.raised_at != first.raised_at
    assert revise(first, again, article_version=1, previous_version=1) is None


def test_new_figures_update_the_same_alert_with_a_revision() -> None:
    first = by_kind(raised(version(1, strike(12))))["mass_casualty"]
    later = by_kind(raised(version(2, strike(19)), minutes=30))["mass_casualty"]
    out = revise(first, later, article_version=2, previous_version=1)
    assert out is not None
    assert out.alert_id == first.alert_id
    assert out.revision == 1
    assert out.casualties == Casualties(killed=19)
    assert out.raised_at == first.raised_at, "raised_at stays the first publication"
    assert out.updated_at == T0 + timedelta(minutes=30)


def test_report_count_and_sources_survive_a_revision() -> None:
    first = raised(version(1, strike(12)))[0].model_copy(
        update={"report_count": 3, "sources": ["Reuters", "AFP", "AP"], "revision": 4}
    )
    later = raised(version(2, strike(20)))[0]
    out = revise(first, later, article_version=2, previous_version=1)
    assert (out.report_count, out.sources, out.revision) == (3, ["Reuters", "AFP", "AP"], 5)


def test_an_older_version_arriving_late_is_ignored() -> None:
    newest = raised(version(3, strike(30)))[0]
    stale = raised(version(2, strike(19)))[0]
    assert revise(newest, stale, article_version=2, previous_version=3) is None


def test_withdraw_flips_status_and_counts_a_revision() -> None:
    first = raised(version(1, strike(12)))[0]
    gone = withdraw(first, T0 + timedelta(hours=2))
    assert (gone.alert_id, gone.status, gone.revision) == (first.alert_id, "withdrawn", 1)
    assert gone.summary.startswith("Withdrawn")
    assert withdraw(gone, T0).summary.count("Withdrawn") == 1
    assert material(gone) != material(first)


def test_disappeared_names_the_kinds_a_new_version_dropped() -> None:
    v1 = raised(version(1, strike(12, dam=True)))
    v2 = raised(version(2, strike(3)))  # toll corrected down: no mass casualty any more
    gone = disappeared([a.alert_id for a in v1], v2)
    assert gone == [by_kind(v1)["mass_casualty"].alert_id]


def test_article_level_flow_version_by_version() -> None:
    now = T0
    out = revise_article(None, raised(version(1, strike(12))), version=1, retracted=False, now=now)
    assert out.first_sighting and not out.stale
    assert sorted(a.kind for a in out.publish) == ["infrastructure_attack", "mass_casualty"]
    state = json.loads(json.dumps(out.state))  # what a Faust table hands back

    replay = revise_article(
        state, raised(version(1, strike(12)), 5), version=1, retracted=False, now=now
    )
    assert replay.publish == [] and not replay.first_sighting

    v2 = revise_article(
        state, raised(version(2, strike(3)), 10), version=2, retracted=False, now=now
    )
    got = {(a.kind, a.status, a.revision) for a in v2.publish}
    assert got == {("infrastructure_attack", "active", 1), ("mass_casualty", "withdrawn", 1)}
    assert v2.state["version"] == 2

    late_v1 = revise_article(
        v2.state, raised(version(1, strike(12))), version=1, retracted=False, now=now
    )
    assert late_v1.stale and late_v1.publish == [] and late_v1.state == v2.state

    v3 = revise_article(
        v2.state, raised(version(3, strike(15)), 20), version=3, retracted=False, now=now
    )
    back = by_kind(v3.publish)
    assert back["mass_casualty"].status == "active" and back["mass_casualty"].revision == 2
    assert "Withdrawn" not in back["mass_casualty"].summary

    pulled = revise_article(v3.state, [], version=4, retracted=True, now=now)
    assert {a.status for a in pulled.publish} == {"withdrawn"}
    assert len(pulled.publish) == 2
    again = revise_article(pulled.state, [], version=4, retracted=True, now=now)
    assert again.publish == [], "a repeated retraction withdraws nothing twice"


def test_an_article_without_alerts_is_still_remembered() -> None:
    out = revise_article(None, [], version=1, retracted=False, now=T0)
    assert out.publish == [] and out.state == {"version": 1, "seen": T0.isoformat(), "alerts": {}}
    assert out.first_sighting
    assert not revise_article(out.state, [], version=1, retracted=False, now=T0).first_sighting


def test_a_replay_of_the_offset_that_wrote_the_state_resends_what_it_sent() -> None:
    from streams.alerting.revisions import replayed, stamp

    outcome = revise_article(None, raised(version(1, strike(12))), version=1, retracted=False,
                             now=T0)
    state = json.loads(json.dumps(stamp(outcome.state, 2, 41, outcome.publish, True)))
    again = replayed(state, 2, 41)
    assert again is not None
    alerts, first = again
    assert first is True
    assert [(a.alert_id, a.kind, a.revision) for a in alerts] == [
        (a.alert_id, a.kind, a.revision) for a in outcome.publish
    ]
    assert replayed(state, 2, 42) is None, "another offset is a new message, not a replay"
    assert replayed(state, 3, 41) is None
    assert replayed(None, 2, 41) is None
    # Stamped with its source topic: the same partition and offset of the other topic the
    # article stage reads is another message.
    tagged = stamp(outcome.state, 2, 41, outcome.publish, True, "k")
    assert replayed(tagged, 2, 41, "k") is not None
    assert replayed(tagged, 2, 41, "r") is None


def test_a_replay_after_a_revision_resends_the_revision_not_the_first_publication() -> None:
    from streams.alerting.revisions import replayed, stamp

    first = revise_article(None, raised(version(1, strike(12))), version=1, retracted=False,
                           now=T0)
    second = revise_article(first.state, raised(version(2, strike(19))), version=2,
                            retracted=False, now=T0)
    state = stamp(second.state, 0, 7, second.publish, False)
    alerts, first_sighting = replayed(state, 0, 7)
    assert first_sighting is False
    assert {a.kind: a.revision for a in alerts} == {a.kind: 1 for a in second.publish}
    assert by_kind(alerts)["mass_casualty"].casualties == Casualties(killed=19)
