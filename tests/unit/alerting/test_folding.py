"""Folding: reports of one event about the same actors and place become one growing alert."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

from schemas import Actor, Alert, Casualties, ClassifiedArticle, Event, Evidence, Location
from streams.alerting import alerts_for
from streams.alerting.folding import DEFAULT_WINDOW, fold, fold_key, primary_place
from streams.alerting.revisions import withdraw

T0 = datetime(2025, 6, 4, 8, tzinfo=UTC)
RUS = Actor(name="Russia", code="RUS", country="RUS")
UKR = Actor(name="Ukraine", code="UKR", country="UKR")
ODESA = Location(name="Odesa", country="UKR")
KHARKIV = Location(name="Kharkiv", country="UKR")


def report(
    article_id: str,
    source: str,
    *,
    killed: int = 12,
    place: Location = ODESA,
    sentence: str | None = None,
    dam: bool = False,
) -> Alert:
    """The infrastructure_attack alert one agency's article raises."""
    text = sentence or f"{source}: drones hit the power plant in {place.name}, killing {killed}."
    event = Event(
        event_id=f"{article_id}-e1",
        type="attack.infrastructure",
        cameo_code="195",
        goldstein=-10.0,
        quad_class=4,
        actor=RUS,
        target=UKR,
        locations=[place],
        assets=["dam"] if dam else ["power"],
        casualties=Casualties(killed=killed),
        evidence=Evidence(text=text, start=0, end=len(text)),
        confidence=0.9,
        coder_version="t",
    )
    article = ClassifiedArticle(
        article_id=article_id,
        content_hash=article_id,
        events=[event],
        coder_version="t",
        classified_at=T0,
        source=source,
    )
    return next(a for a in alerts_for(article, now=T0) if a.kind == "infrastructure_attack")


def roundtrip(state):
    return json.loads(json.dumps(state))


def test_fold_key_normalises_the_place() -> None:
    a = report("a", "Reuters", place=Location(name="Odesa", country="UKR"))
    b = report("b", "AFP", place=Location(name="ODÉSA,", country="UKR"))
    assert fold_key(a) == fold_key(b) == "infrastructure_attack|RUS-UKR|odesa/UKR"
    assert fold_key(report("c", "AP", place=KHARKIV)) != fold_key(a)
    city = Location(name="Odesa", country="UKR", geonameid=698740)
    region = Location(name="Odesa Oblast", country="UKR", feature="region")
    assert primary_place([region, city]) == "geo:698740", "the most specific place leads"
    assert primary_place([]) == "-"


def test_first_report_starts_a_fold_and_is_published_as_is() -> None:
    first = report("reuters-1", "Reuters")
    out, state, folded = fold(None, first, now=T0)
    assert not folded
    assert out.alert_id == first.alert_id and out.revision == 0
    assert (out.report_count, out.sources, out.article_ids) == (1, ["Reuters"], ["reuters-1"])
    assert state["alert_id"] == first.alert_id and state["report_count"] == 1
    assert roundtrip(state) == state, "the state is plain JSON"


def test_a_second_agency_inside_the_window_folds_into_the_first_alert() -> None:
    first = report("reuters-1", "Reuters", killed=12)
    _, state, _ = fold(None, first, now=T0)
    second = report("afp-7", "AFP", killed=15)
    out, state, folded = fold(roundtrip(state), second, now=T0 + timedelta(hours=2))
    assert folded
    assert out.alert_id == first.alert_id != second.alert_id
    assert out.article_id == "reuters-1", "the first report stays the alert's article"
    assert (out.report_count, out.revision) == (2, 1)
    assert out.sources == ["Reuters", "AFP"]
    assert out.article_ids == ["reuters-1", "afp-7"]
    assert out.casualties.killed == 15, "the highest toll reported so far"
    assert len(out.evidence) == 2 and out.event_ids == ["reuters-1-e1", "afp-7-e1"]
    assert "Folded 2 reports (Reuters, AFP)" in out.summary
    assert out.updated_at == T0 + timedelta(hours=2)

    third, state, _ = fold(state, report("ap-3", "AP", dam=True), now=T0 + timedelta(hours=5))
    assert (third.report_count, third.revision, third.severity) == (3, 2, "critical")


def test_a_replay_of_a_folded_report_changes_nothing() -> None:
    _, state, _ = fold(None, report("reuters-1", "Reuters"), now=T0)
    _, state, _ = fold(state, report("afp-7", "AFP"), now=T0 + timedelta(hours=1))
    for article, source in (("afp-7", "AFP"), ("reuters-1", "Reuters")):
        out, after, folded = fold(state, report(article, source), now=T0 + timedelta(hours=3))
        assert out is None and folded
        assert after["report_count"] == 2 and after["alert"] == state["alert"]


def test_outside_the_window_a_new_alert_starts() -> None:
    first = report("reuters-1", "Reuters")
    _, state, _ = fold(None, first, now=T0)
    tomorrow = report("reuters-9", "Reuters", sentence="Drones hit the Odesa plant again.")
    out, new_state, folded = fold(state, tomorrow, now=T0 + DEFAULT_WINDOW + timedelta(minutes=1))
    assert not folded
    assert out.alert_id == tomorrow.alert_id and out.report_count == 1
    assert new_state["alert_id"] == tomorrow.alert_id
    # The window is configuration.
    _, _, folded = fold(state, tomorrow, now=T0 + timedelta(hours=8), window=timedelta(hours=12))
    assert folded


def test_the_window_counts_from_the_first_report_not_the_last() -> None:
    _, state, _ = fold(None, report("r1", "Reuters"), now=T0)
    _, state, _ = fold(state, report("r2", "AFP"), now=T0 + timedelta(hours=5))
    _, _, folded = fold(state, report("r3", "AP"), now=T0 + timedelta(hours=7))
    assert not folded


def test_a_revision_of_a_folded_report_updates_figures_without_counting_twice() -> None:
    _, state, _ = fold(None, report("reuters-1", "Reuters", killed=12), now=T0)
    _, state, _ = fold(state, report("afp-7", "AFP", killed=15), now=T0 + timedelta(hours=1))
    corrected = report("afp-7", "AFP", killed=9).model_copy(update={"revision": 1})
    out, state, folded = fold(state, corrected, now=T0 + timedelta(hours=9))
    assert folded, "a known report updates its fold even after the window"
    assert out.report_count == 2 and out.revision == 2
    assert out.casualties.killed == 12, "recomputed from each report's latest figure"


def test_a_withdrawn_report_leaves_the_fold_and_the_last_one_withdraws_it() -> None:
    a, b = report("reuters-1", "Reuters", killed=12), report("afp-7", "AFP", killed=40)
    _, state, _ = fold(None, a, now=T0)
    _, state, _ = fold(state, b, now=T0 + timedelta(hours=1))
    out, state, _ = fold(state, withdraw(b, T0), now=T0 + timedelta(hours=2))
    assert out.alert_id == a.alert_id and out.status == "active"
    assert (out.report_count, out.sources, out.casualties.killed) == (1, ["Reuters"], 12)
    out, state, _ = fold(state, withdraw(a, T0), now=T0 + timedelta(hours=3))
    assert out.status == "withdrawn" and out.alert_id == a.alert_id
    assert out.revision == 3


def test_a_withdrawal_of_an_unknown_report_passes_through() -> None:
    _, state, _ = fold(None, report("reuters-1", "Reuters"), now=T0)
    stray = withdraw(report("other", "AP"), T0)
    out, after, folded = fold(state, stray, now=T0)
    assert out is stray and after == state and not folded


def test_a_long_running_story_keeps_bounded_state_and_counts_every_report() -> None:
    """Hundreds of reports of one event: the state stays small, the count stays true."""
    from streams.alerting.folding import MAX_REPORTS

    first = report("art-0", "Wire 0")
    published, state, _ = fold(None, first, now=T0)
    for i in range(1, 3 * MAX_REPORTS):
        published, state, folded = fold(
            roundtrip(state), report(f"art-{i}", f"Wire {i % 7}"),
            now=T0 + timedelta(seconds=i),
        )
        assert folded
    assert published is not None and published.report_count == 3 * MAX_REPORTS
    assert len(state["reports"]) == MAX_REPORTS
    assert "art-0" in state["reports"], "the first report is never evicted"
    assert published.alert_id == first.alert_id


def test_a_replay_of_the_offset_that_last_wrote_the_fold_republishes_its_alert() -> None:
    from streams.alerting.folding import fold_event, republished, stamp, written_by

    incoming = report("a1", "Reuters")
    first, state = fold_event(None, incoming, now=T0)
    state = roundtrip(stamp(state, 1, 10, first))
    assert written_by(state, 1, 10)
    assert not written_by(state, 1, 11) and not written_by(state, 0, 10)
    again = republished(state, incoming)
    assert again is not None
    assert (again.alert_id, again.revision, again.report_count) == (
        first.alert_id, first.revision, first.report_count
    )


def test_a_replay_of_a_run_that_published_nothing_publishes_nothing() -> None:
    from streams.alerting.folding import fold_event, republished, stamp, written_by

    _, state = fold_event(None, report("a1", "Reuters"), now=T0)
    same, state = fold_event(state, report("a1", "Reuters"), now=T0)
    assert same is None
    state = stamp(state, 1, 11, same)
    assert written_by(state, 1, 11) and republished(state, report("a1", "Reuters")) is None
    assert written_by(None, 1, 11) is False


def test_a_replay_of_a_withdrawal_that_passed_through_republishes_it() -> None:
    from streams.alerting.folding import fold_event, republished, stamp

    gone = withdraw(report("x9", "AP"), now=T0)
    out, state = fold_event(None, gone, now=T0)
    assert out is gone
    assert republished(stamp(state, 0, 5, out), gone) is gone


def test_a_report_outside_the_window_does_not_make_the_key_forget_its_fold() -> None:
    """The chaos suite's duplicate: a wire with no date of its own (stamped with today) among
    yesterday's reports started a fold that replaced the first, and the replay of a report
    of the first fold after a kill then started an alert of its own."""
    from streams.alerting.folding import fold_event

    first = report("r1", "Reuters")
    _, state = fold_event(None, first, now=T0)
    _, state = fold_event(state, report("r2", "AFP"), now=T0 + timedelta(hours=1))
    today = report("undated", "Wire", sentence="Drones hit the Odesa plant.")
    out, state = fold_event(state, today, now=T0 + timedelta(days=500))
    assert out.alert_id == today.alert_id and out.report_count == 1
    # the replay of r2 goes home: nothing new, no second alert id
    out, state = fold_event(state, report("r2", "AFP"), now=T0 + timedelta(hours=1))
    assert out is None
    # a late report of the first event still joins the first alert
    out, state = fold_event(state, report("r3", "AP"), now=T0 + timedelta(hours=2))
    assert out.alert_id == first.alert_id and out.report_count == 3
    assert [f["alert_id"] for f in state["folds"]] == [first.alert_id, today.alert_id]


def test_a_new_report_joins_the_fold_whose_first_report_is_nearest() -> None:
    from streams.alerting.folding import fold_event

    monday, tuesday = report("m1", "Reuters"), report("t1", "Reuters")
    _, state = fold_event(None, monday, now=T0)
    _, state = fold_event(state, tuesday, now=T0 + timedelta(hours=10))
    out, _ = fold_event(state, report("t2", "AFP"), now=T0 + timedelta(hours=6))
    assert out.alert_id == tuesday.alert_id  # 4 h from Tuesday's first report, 6 h from Monday's


def test_a_key_keeps_its_last_folds_only() -> None:
    from streams.alerting.folding import fold_event

    state = None
    for day in range(5):
        _, state = fold_event(state, report(f"d{day}", "Reuters"),
                              now=T0 + timedelta(days=day), keep=3)
    assert [f["alert_id"] for f in state["folds"]] == [
        report(f"d{day}", "Reuters").alert_id for day in (2, 3, 4)
    ]


def test_a_fold_written_before_keys_held_several_reads_as_one() -> None:
    from streams.alerting.folding import fold_event, republished, stamp

    first = report("r1", "Reuters")
    _, single, _ = fold(None, first, now=T0)
    old = {**single, "src": [0, 3, True]}
    assert republished(roundtrip(old), report("r1", "Reuters")).alert_id == first.alert_id
    out, state = fold_event(roundtrip(old), report("r2", "AFP"), now=T0 + timedelta(hours=1))
    assert out.alert_id == first.alert_id and out.report_count == 2
    assert len(state["folds"]) == 1
    assert republished(stamp(state, 0, 4, out), report("r2", "AFP")).report_count == 2


def test_the_fold_step_folds_stamps_and_on_a_replay_republishes_and_writes_nothing() -> None:
    """The fold hop's whole step, as the stage adapter runs it (streams.shell.stage)."""
    from streams.alerting.folding import step, written_by

    first, state = step(None, report("a1", "Reuters"), 2, 40, now=T0)
    assert first is not None and first.report_count == 1
    assert state is not None and written_by(state, 2, 40)
    second, state = step(roundtrip(state), report("a2", "AFP", killed=15), 2, 41,
                         now=T0 + timedelta(minutes=20))
    assert second is not None and state is not None
    assert (second.alert_id, second.report_count, second.revision) == (first.alert_id, 2, 1)
    assert second.casualties.killed == 15
    # offset 41 delivered again after a crash: the same publication, no state change
    again, unchanged = step(roundtrip(state), report("a2", "AFP", killed=15), 2, 41,
                            now=T0 + timedelta(minutes=20))
    assert unchanged is None
    assert again is not None
    assert (again.alert_id, again.revision, again.report_count) == (first.alert_id, 1, 2)
