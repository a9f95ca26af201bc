"""The escalation index: contributions, windows, and when a surge is raised (once)."""

from __future__ import annotations

import itertools
import json
from datetime import UTC, datetime, timedelta

from schemas import Actor, ClassifiedArticle, Event, Evidence, Location
from streams.alerting.escalation import (
    Contribution,
    EscalationConfig,
    add,
    applied,
    combine,
    contributions,
    empty,
    last_surge,
    previous_bounds,
    step,
    surge,
    surge_id,
    window_bounds,
)
from streams.alerting.folding import written_by

T0 = datetime(2025, 6, 4, 0, tzinfo=UTC)
RUS = Actor(name="Russia", code="RUS", country="RUS")
UKR = Actor(name="Ukraine", code="UKR", country="UKR")
KHARKIV = Location(name="Kharkiv", country="UKR")
CONFIG = EscalationConfig()


def event(event_id: str, goldstein: float = -10.0, type_: str = "attack.aerial", **kw) -> Event:
    base = dict(
        event_id=event_id,
        type=type_,
        cameo_code="195",
        goldstein=goldstein,
        quad_class=4,
        actor=RUS,
        target=UKR,
        locations=[KHARKIV],
        evidence=Evidence(text="x", start=0, end=1),
        confidence=0.9,
        coder_version="t",
    )
    base.update(kw)
    return Event(**base)


def article(article_id: str, *events: Event, retracted: bool = False) -> ClassifiedArticle:
    return ClassifiedArticle(
        article_id=article_id,
        content_hash=article_id,
        events=list(events),
        retracted=retracted,
        coder_version="t",
        classified_at=T0,
    )


def test_only_negative_goldstein_counts_for_dyad_and_region() -> None:
    got = contributions(
        article(
            "a1",
            event("strike"),
            event("talks", goldstein=7.0, type_="negotiation.held"),
            event("threat", goldstein=-7.0, type_="threat.military", locations=[]),
        )
    )
    assert {(c.key, c.event_id, c.score) for c in got} == {
        ("dyad:RUS-UKR", "strike", 10.0),
        ("dyad:RUS-UKR", "threat", 7.0),
        ("region:UKR", "strike", 10.0),
    }
    assert all(c.article_id == "a1" for c in got)


def test_an_event_without_two_countries_has_no_dyad() -> None:
    lone = event("e", actor=None, target=UKR)
    assert [c.key for c in contributions(article("a", lone))] == ["region:UKR"]


def test_one_article_counts_at_most_max_per_article_per_key() -> None:
    many = [event(f"e{i}") for i in range(6)]
    got = [c for c in contributions(article("a", *many)) if c.key == "dyad:RUS-UKR"]
    assert sum(c.score for c in got) == CONFIG.max_per_article == 20
    assert [c.event_id for c in got] == ["e0", "e1"], "strongest first, ties by id"
    mixed = contributions(
        article("b", event("acc", -2.0), event("hit", -10.0), event("viol", -9.5))
    )
    dyad = [(c.event_id, c.score) for c in mixed if c.key == "dyad:RUS-UKR"]
    assert dyad == [("hit", 10.0), ("viol", 9.5), ("acc", 0.5)]


def test_retracted_articles_count_nothing() -> None:
    assert contributions(article("a", event("e"), retracted=True)) == []


def test_add_accumulates_keeps_top_events_and_ignores_a_replayed_event() -> None:
    state = None
    for i, score in enumerate([2.0, 10.0, 7.0, 9.5, 4.0, 10.0, 5.0]):
        state = add(state, Contribution("dyad:RUS-UKR", score, f"e{i}", "t", f"a{i}"))
    assert state["score"] == 47.5 and state["count"] == 7
    assert [e[0] for e in state["events"]] == ["e1", "e5", "e3", "e2", "e6"]
    again = add(state, Contribution("dyad:RUS-UKR", 10.0, "e1", "t", "a1"))
    assert again == state
    assert json.loads(json.dumps(state)) == state


def test_combine_sums_hourly_buckets() -> None:
    a = add(None, Contribution("k", 10.0, "x", "t", "a"))
    b = add(add(None, Contribution("k", 4.0, "y", "t", "b")), Contribution("k", 9.5, "z", "t", "c"))
    total = combine([a, None, b])
    assert total["score"] == 23.5 and total["count"] == 3
    assert [e[0] for e in total["events"]] == ["x", "z", "y"]


def test_windows_are_aligned_trailing_and_the_baseline_does_not_overlap() -> None:
    start, end = window_bounds(T0 + timedelta(hours=13, minutes=20))
    assert end == T0 + timedelta(hours=14) and end - start == timedelta(hours=24)
    assert previous_bounds(start) == (start - timedelta(hours=24), start)
    assert window_bounds(T0 + timedelta(hours=13)) == window_bounds(T0 + timedelta(hours=13.99))


def state_of(score: float, count: int) -> dict:
    events = [[f"evt-{i}", "attack.aerial", 10.0, f"art-{i}"] for i in range(min(count, 5))]
    return {"score": score, "count": count, "events": events}


def raise_for(current, previous, **kw):
    start, end = window_bounds(T0)
    return surge(
        current, previous, key="dyad:RUS-UKR", window_start=start, window_end=end, now=T0, **kw
    )


def test_crossing_the_threshold_raises_a_warning_that_explains_itself() -> None:
    alert = raise_for(state_of(150, 15), state_of(120, 12))
    assert alert is not None
    assert (alert.kind, alert.severity, alert.dyad) == ("escalation_surge", "warning", "RUS-UKR")
    assert alert.escalation_index == 150 and alert.escalation_baseline == 120
    assert "crossed its threshold of 150" in alert.summary
    assert "attack.aerial evt-0 (-10, article art-0)" in alert.summary
    assert alert.event_ids[:2] == ["evt-0", "evt-1"] and alert.article_id == "art-0"


def test_below_threshold_without_a_sharp_rise_raises_nothing() -> None:
    assert raise_for(state_of(140, 14), state_of(100, 10)) is None
    assert raise_for(state_of(90, 9), None) is None, "below rise_min"


def test_a_sharp_rise_against_the_previous_day_raises() -> None:
    alert = raise_for(state_of(110, 11), state_of(40, 4))
    assert alert is not None and "x2.2 the previous window" in alert.summary
    assert raise_for(state_of(110, 11), state_of(60, 6)) is None, "under x2"


def test_an_always_hot_pair_needs_a_doubling_not_a_crossing() -> None:
    assert raise_for(state_of(3000, 300), state_of(2800, 280)) is None
    assert raise_for(state_of(6000, 600), state_of(2800, 280)) is not None


def test_too_few_events_never_raise() -> None:
    assert raise_for(state_of(200, 4), None) is None


def test_per_key_thresholds_are_configuration() -> None:
    config = EscalationConfig(thresholds={"dyad:RUS-UKR": 500.0})
    assert raise_for(state_of(200, 20), state_of(150, 15), config=config) is None


def test_region_keys_name_the_country() -> None:
    start, end = window_bounds(T0)
    alert = surge(
        state_of(150, 15), None, key="region:UKR", window_start=start, window_end=end, now=T0
    )
    assert alert.dyad is None and alert.locations[0].country == "UKR"


def test_the_alert_id_is_a_function_of_key_and_window() -> None:
    a = raise_for(state_of(150, 15), None)
    b = raise_for(state_of(400, 40), None)
    assert a.alert_id == b.alert_id == surge_id("dyad:RUS-UKR", window_bounds(T0)[0])
    assert surge_id("region:UKR", T0) != surge_id("dyad:RUS-UKR", T0)
    assert surge_id("dyad:RUS-UKR", T0 + timedelta(hours=1)) != surge_id("dyad:RUS-UKR", T0)


def test_an_ongoing_surge_updates_one_alert_only_when_it_grew() -> None:
    first = raise_for(state_of(150, 15), state_of(20, 2))
    last = first.model_dump(mode="json")
    later_start, later_end = window_bounds(T0 + timedelta(hours=3))
    kw = dict(
        key="dyad:RUS-UKR",
        window_start=later_start,
        window_end=later_end,
        now=T0 + timedelta(hours=3),
        last=last,
    )
    assert surge(state_of(200, 20), state_of(20, 2), **kw) is None, "not x1.5 yet"
    update = surge(state_of(230, 23), state_of(20, 2), **kw)
    assert update.alert_id == first.alert_id and update.revision == 1
    assert update.raised_at == first.raised_at and update.window_end == later_end


def test_a_series_of_strikes_on_one_pair_raises_one_surge() -> None:
    """Two quiet days, then a strike report every 20 minutes: one alert, then updates."""
    buckets: dict[datetime, dict] = {}
    published: list = []
    last = None
    reports = [T0 + timedelta(hours=h) for h in range(0, 48, 8)]
    reports += [T0 + timedelta(hours=48, minutes=20 * i) for i in range(36)]
    for n, at in enumerate(reports):
        strike = article(
            f"art-{n}", event(f"evt-{n}a"), event(f"evt-{n}b", type_="attack.infrastructure")
        )
        for c in contributions(strike):
            if c.key != "dyad:RUS-UKR":
                continue
            hour = at.replace(minute=0, second=0, microsecond=0)
            buckets[hour] = add(buckets.get(hour), c)
        start, end = window_bounds(at)
        hours = [start + timedelta(hours=h) for h in range(24)]
        current = combine(buckets.get(h) for h in hours)
        previous = combine(buckets.get(h - timedelta(hours=24)) for h in hours)
        alert = surge(
            current,
            previous,
            key="dyad:RUS-UKR",
            window_start=start,
            window_end=end,
            now=at,
            last=last,
        )
        if alert is not None:
            published.append(alert)
            last = alert.model_dump(mode="json")
    assert len({a.alert_id for a in published}) == 1, "one surge, however many updates"
    first = published[0]
    assert first.revision == 0 and first.escalation_index >= CONFIG.rise_min
    assert [a.revision for a in published] == list(range(len(published)))
    assert all(
        b.escalation_index >= 1.5 * a.escalation_index for a, b in itertools.pairwise(published)
    )


def test_a_bucket_knows_every_offset_it_counted_up_to_its_stamp() -> None:
    state = None
    for offset in (3, 7, 12):
        state = add(state, Contribution("dyad:RUS-UKR", 10.0, f"e{offset}", "attack.aerial",
                                        "a-1"), at=(1, offset))
    assert state["src"] == [1, 12]
    assert applied(state, 1, 12) and applied(state, 1, 5)
    assert not applied(state, 1, 13)
    assert not applied(state, 0, 5)  # another partition's offsets say nothing
    assert not applied(None, 1, 0) and not applied(empty(), 1, 0)


def test_the_last_surge_reads_in_both_stored_forms() -> None:
    alert = {"alert_id": "alr_1", "window_end": "2026-03-02T07:00:00+00:00"}
    assert last_surge({"alert": alert, "src": [0, 9]}) == alert
    assert last_surge(alert) == alert  # stored before the replay stamp
    assert last_surge(None) is None
    assert written_by({"alert": alert, "src": [0, 9]}, 0, 9)
    assert not written_by({"alert": alert, "src": [0, 9]}, 0, 8)
    assert not written_by(alert, 0, 9)


def test_the_escalation_step_counts_raises_and_on_a_replay_counts_nothing() -> None:
    """The escalation hop's whole step, as the stage adapter runs it: fifteen strikes on one
    key in one hour cross the threshold; offset 14 delivered again re-publishes the surge and
    writes nothing."""
    per_window = round(CONFIG.window / CONFIG.step)
    windows: list = [None] * (2 * per_window)
    last = None
    published = []
    now = T0.timestamp() + 600
    for offset in range(15):
        part = Contribution("dyad:RUS-UKR", 10.0, f"a{offset}-e1", "attack.aerial", f"a{offset}")
        alert, bucket, new_last = step(part, windows, last, 3, offset, now, CONFIG)
        assert bucket is not None
        windows = [bucket, *windows[1:]]
        last = new_last or last
        if alert is not None:
            published.append((offset, alert))
    assert [(o, a.escalation_index, a.revision) for o, a in published] == [
        (9, 100.0, 0), (14, 150.0, 1)]
    assert published[0][1].dyad == "RUS-UKR"
    assert published[0][1].alert_id == published[1][1].alert_id
    assert windows[0]["score"] == 150.0 and windows[0]["src"] == [3, 14]
    part = Contribution("dyad:RUS-UKR", 10.0, "a14-e1", "attack.aerial", "a14")
    again, bucket, new_last = step(part, windows, last, 3, 14, now, CONFIG)
    assert (bucket, new_last) == (None, None)
    assert again == published[1][1]
    part = Contribution("dyad:RUS-UKR", 10.0, "a12-e1", "attack.aerial", "a12")
    assert step(part, windows, last, 3, 12, now, CONFIG) == (None, None, None)
