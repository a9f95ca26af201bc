"""Alert rules on hand-built classified articles: kinds, severities, thresholds, ids."""

from __future__ import annotations

from datetime import UTC, date, datetime

from schemas import Actor, Casualties, ClassifiedArticle, Event, Evidence, Location
from streams.alerting import AlertConfig, alert_id, alerts_for

NOW = datetime(2025, 6, 4, 12, tzinfo=UTC)
RUS = Actor(name="Russia", code="RUS", country="RUS")
UKR = Actor(name="Ukraine", code="UKR", country="UKR")


def event(type_: str, **kw) -> Event:
    base = dict(
        event_id=f"evt-{type_}-{len(kw)}", type=type_, cameo_code="190", goldstein=-10.0,
        quad_class=4, evidence=Evidence(text="A sentence.", start=0, end=11), confidence=0.9,
        coder_version="test", actor=UKR, target=RUS,
    )
    base.update(kw)
    return Event(**base)


def article(*events: Event, **kw) -> ClassifiedArticle:
    base = dict(article_id="art-1", content_hash="h", events=list(events), coder_version="t",
                classified_at=NOW, source="Wire")
    base.update(kw)
    return ClassifiedArticle(**base)


def kinds(alerts) -> dict[str, str]:
    return {a.kind: a.severity for a in alerts}


def test_each_single_event_kind_maps_to_its_alert_and_default_severity() -> None:
    got = kinds(alerts_for(article(
        event("ceasefire.rejected"), event("ceasefire.violated"), event("negotiation.stalled"),
        event("attack.infrastructure", assets=["bridge"]),
    ), now=NOW))
    assert got == {"truce_rejected": "high", "ceasefire_violation": "high",
                   "talks_collapse": "warning", "infrastructure_attack": "high"}


def test_strategic_strike_needs_a_strategic_target() -> None:
    assert kinds(alerts_for(article(event("attack.military_target", strategic=False)))) == {}
    got = kinds(alerts_for(article(event("attack.military_target", strategic=True,
                                         assets=["airbase", "bomber"]))))
    assert got == {"strategic_strike": "high"}


def test_mass_casualty_thresholds_use_the_largest_stated_figures() -> None:
    nine = event("casualties.reported", casualties=Casualties(killed=9, wounded=40))
    assert "mass_casualty" not in kinds(alerts_for(article(nine)))
    ten = event("casualties.reported", casualties=Casualties(killed=10))
    assert kinds(alerts_for(article(ten)))["mass_casualty"] == "critical"
    seven_and_115 = event("casualties.reported", casualties=Casualties(killed=7, wounded=115))
    restated = event("casualties.reported", evidence=Evidence(text="x", start=20, end=21),
                     casualties=Casualties(killed=7))
    alerts = alerts_for(article(seven_and_115, restated))
    mass = next(a for a in alerts if a.kind == "mass_casualty")
    assert mass.casualties == Casualties(killed=7, wounded=115), "restatements are not summed"


def test_thresholds_are_configuration() -> None:
    five = event("casualties.reported", casualties=Casualties(killed=5))
    assert "mass_casualty" in kinds(alerts_for(article(five), AlertConfig(mass_casualty_killed=5)))


def test_infrastructure_attack_is_critical_on_dams_nuclear_sites_or_mass_casualties() -> None:
    dam = event("attack.infrastructure", assets=["dam"])
    assert kinds(alerts_for(article(dam)))["infrastructure_attack"] == "critical"
    grid = event("attack.infrastructure", assets=["power"],
                 casualties=Casualties(killed=12))
    assert kinds(alerts_for(article(grid)))["infrastructure_attack"] == "critical"


def test_alerts_carry_evidence_dyad_places_and_deterministic_ids() -> None:
    kyiv = Location(name="Kyiv", country="UKR", latitude=50.45, longitude=30.52)
    ev = event("ceasefire.rejected", actor=RUS, target=UKR, locations=[kyiv],
               event_date=date(2025, 6, 4))
    first = alerts_for(article(ev), now=NOW)
    again = alerts_for(article(ev), now=NOW)
    assert first == again
    alert = first[0]
    assert alert.alert_id == alert_id("art-1", "truce_rejected")
    assert alert.dyad == "RUS-UKR"
    assert alert.evidence == [ev.evidence]
    assert alert.locations == [kyiv]
    assert "Kyiv" in alert.title and "2025-06-04" in alert.summary
    assert alert.sources == ["Wire"]
    assert alert_id("art-2", "truce_rejected") != alert.alert_id


def test_no_alerts_for_retracted_or_eventless_articles() -> None:
    assert alerts_for(article()) == []
    assert alerts_for(article(event("ceasefire.rejected"), retracted=True)) == []
