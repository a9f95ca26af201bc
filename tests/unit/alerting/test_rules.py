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


# --- news in the lead: an alert for what the wire tells first, not for its background ----


def test_an_event_first_told_past_the_lead_raises_no_alert() -> None:
    # "Oil rose on Monday ... [2,000 characters on] Drones hit the terminal in May"
    background = event("attack.infrastructure", assets=["oil"], first_told=2_000)
    assert alerts_for(article(background), now=NOW) == []
    news = event("attack.infrastructure", assets=["oil"], first_told=140)
    assert kinds(alerts_for(article(news), now=NOW)) == {"infrastructure_attack": "high"}


def test_the_lead_is_the_first_1500_characters_and_the_headline() -> None:
    at_edge = event("ceasefire.rejected", first_told=1_499)
    past_edge = event("ceasefire.rejected", first_told=1_500)
    headline = event("ceasefire.rejected", first_told=0,
                     evidence=Evidence(field="headline", text="Kyiv rejects truce", start=0,
                                       end=18))
    assert "truce_rejected" in kinds(alerts_for(article(at_edge), now=NOW))
    assert "truce_rejected" not in kinds(alerts_for(article(past_edge), now=NOW))
    assert "truce_rejected" in kinds(alerts_for(article(headline), now=NOW))


def test_one_event_in_the_lead_carries_its_kind() -> None:
    # a toll in the lead and a larger one restated below: one mass_casualty, both tolls' events
    lead = event("casualties.reported", casualties=Casualties(killed=12), first_told=300,
                 event_id="evt-lead")
    below = event("casualties.reported", casualties=Casualties(killed=14), first_told=2_600,
                  event_id="evt-below")
    alerts = alerts_for(article(lead, below), now=NOW)
    assert [a.kind for a in alerts] == ["mass_casualty"]
    assert alerts[0].event_ids == ["evt-lead", "evt-below"]
    assert alerts[0].casualties.killed == 14
    # the same toll told only below the lead (a war's dead recalled at a memorial) is none
    assert alerts_for(article(below), now=NOW) == []


def test_a_violation_called_below_the_lead_is_news_when_its_attack_is() -> None:
    # "An Israeli drone struck a car in Aita al-Shaab ... [paragraphs on] Lebanon said the
    # strike violated the ceasefire"
    strike = event("attack.aerial", first_told=90)
    called = event("ceasefire.violated", first_told=1_900)
    assert "ceasefire_violation" in kinds(alerts_for(article(strike, called), now=NOW))
    # a violation recalled in the background of a donors' conference is not
    talks = event("negotiation.held", first_told=90)
    assert alerts_for(article(talks, called), now=NOW) == []


def test_the_lead_is_configuration_and_unknown_positions_alert() -> None:
    deep = event("attack.infrastructure", assets=["power"], first_told=5_000)
    anywhere = AlertConfig(lead_chars=None)
    assert kinds(alerts_for(article(deep), anywhere, now=NOW)) == {"infrastructure_attack": "high"}
    assert kinds(alerts_for(article(deep), AlertConfig(lead_chars=6_000), now=NOW)) == {
        "infrastructure_attack": "high"}
    # an event from a coder before 1.19.0 says nothing of where it was told: it alerts
    legacy = event("attack.infrastructure", assets=["power"])
    assert legacy.first_told is None
    assert kinds(alerts_for(article(legacy), now=NOW)) == {"infrastructure_attack": "high"}


def test_an_event_dated_to_the_days_of_the_news_is_news_wherever_told() -> None:
    # published 4 June 2025: a strike of 1 June told below the lead is still that week's news
    published = dict(published_at=datetime(2025, 6, 4, 9, tzinfo=UTC))
    strike = event("attack.military_target", strategic=True, assets=["airbase"],
                   first_told=2_100, event_date=date(2025, 6, 1))
    assert "strategic_strike" in kinds(alerts_for(article(strike, **published), now=NOW))
    # one of March is background
    march = strike.model_copy(update={"event_date": date(2025, 3, 1)})
    assert alerts_for(article(march, **published), now=NOW) == []
    # a wire read months late: the lead's own dates are days of its news too
    late = dict(published_at=None, classified_at=datetime(2025, 12, 6, tzinfo=UTC))
    speech = event("negotiation.stalled", first_told=0, event_date=date(2025, 6, 4))
    assert "strategic_strike" in kinds(alerts_for(article(speech, strike, **late), now=NOW))
    assert "strategic_strike" not in kinds(alerts_for(article(strike, **late), now=NOW))
