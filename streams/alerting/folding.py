"""Alert folding: several reports of one real-world event become one alert that grows.

Near-duplicate detection removes copies of the *same text*; folding handles independent
reports of the *same event*: Reuters, AFP and a ministry statement each say the Odesa power
plant was hit. Alerts of one kind about the same country pair and the same primary place within
`window` of the first report fold into the first alert: same `alert_id`, `report_count` and
`sources` grow, `revision` + 1, the highest severity and figures so far, evidence appended.

Default window: 6 hours (`DEFAULT_WINDOW`). Agency copies and follow-ups of a strike, a rejected
truce or a collapse of talks arrive within minutes to a few hours of the first flash; by 6 hours
the same kind/dyad/place combination is increasingly likely to be a *new* event (the next night's
strike on the same city, a second rejection the next day), which a desk wants as a new alert.
The window is measured from the fold's first report, not the last, so a long-running story
cannot keep one alert open forever. Reports of an article already in the fold (its revisions,
replays) update the fold at any time: they are the same report.

State, per fold key (`fold_key`: kind | dyad | primary place), plain JSON:

    {"alert_id", "fold_key", "first_seen", "last_seen", "report_count",
     "reports": {article_id: {"source", "severity", "killed", "wounded"}},  # insertion-ordered
     "base_summary": the first report's summary,
     "alert": the last published Alert, model_dump(mode="json")}

Per-report severity and figures are kept so a later correction (the toll revised down) or a
withdrawn report recomputes the folded alert's severity and figures, not only ratchets them up.

`now` should be event time (the alert's `published_at`, else the raw message's Kafka
timestamp), not the wall clock, so a re-feed after an outage folds exactly as it did live.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import Any

from schemas import Alert, Casualties, Evidence, Location, severity_rank

DEFAULT_WINDOW = timedelta(hours=6)
# Reports kept per fold: the first one and the latest. A fold is rewritten on every report,
# so an unbounded one costs quadratic time and changelog bytes on a long-running story;
# older reports beyond the cap are only counted (`evicted`), not kept.
MAX_REPORTS = 50
MAX_EVIDENCE = 6
MAX_EVENT_IDS = 50
MAX_ACTORS = 10
MAX_LOCATIONS = 10
# Folds kept per fold key (see `fold_event`).
MAX_FOLDS = 16
# Alerts whose identity is not "an event in the world": never folded.
UNFOLDED_KINDS = frozenset({"escalation_surge"})

_NON_WORD = re.compile(r"[\W_]+")


def _norm(text: str) -> str:
    """Accent-, case- and punctuation-folded: "Odesa", "ODESA", "Odésa " are one place."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _NON_WORD.sub(" ", stripped.casefold()).strip()


def primary_place(locations: list[Location]) -> str:
    """The most specific first place: cities and sites before regions before countries.

    The gazetteer id wins over the name when present ("Kyiv" and "Kiev" resolve alike);
    otherwise the folded name with its country.
    """
    rank = {"site": 0, "city": 0, "region": 1, "country": 2}
    ordered = sorted(enumerate(locations), key=lambda p: (rank.get(p[1].feature, 3), p[0]))
    if not ordered:
        return "-"
    loc = ordered[0][1]
    if loc.geonameid is not None:
        return f"geo:{loc.geonameid}"
    return f"{_norm(loc.name)}/{loc.country or '-'}"


def fold_key(alert: Alert) -> str:
    """kind | dyad | primary place: what makes two reports "the same event"."""
    return f"{alert.kind}|{alert.dyad or '-'}|{primary_place(alert.locations)}"


def _ts(value: datetime) -> str:
    return value.isoformat()


def _report(alert: Alert) -> dict[str, Any]:
    casualties = alert.casualties
    return {
        "source": alert.source,
        "severity": alert.severity,
        "killed": casualties.killed if casualties else None,
        "wounded": casualties.wounded if casualties else None,
    }


def _max_field(reports: Mapping[str, Mapping[str, Any]], name: str) -> int | None:
    values = [r[name] for r in reports.values() if r.get(name) is not None]
    return max(values) if values else None


def _sources(reports: Mapping[str, Mapping[str, Any]]) -> list[str]:
    out: list[str] = []
    for report in reports.values():
        if report.get("source") and report["source"] not in out:
            out.append(report["source"])
    return out


def _unique(items: list[Any], key: Any, cap: int) -> list[Any]:
    seen: set[Any] = set()
    out = []
    for item in items:
        k = key(item)
        if k not in seen:
            seen.add(k)
            out.append(item)
    return out[:cap]


def _start(alert: Alert, now: datetime) -> tuple[Alert, dict[str, Any]]:
    """A new fold: the alert as it is, now also listing its one report."""
    published = alert.model_copy(
        update={
            "report_count": 1,
            "article_ids": [alert.article_id],
            "sources": [alert.source] if alert.source else list(alert.sources),
        }
    )
    state = {
        "alert_id": alert.alert_id,
        "fold_key": fold_key(alert),
        "first_seen": _ts(now),
        "last_seen": _ts(now),
        "report_count": 1,
        "reports": {alert.article_id: _report(alert)},
        "base_summary": alert.summary,
        "alert": published.model_dump(mode="json"),
    }
    return published, state


def _rebuild(
    base: Alert,
    new: Alert | None,
    state: Mapping[str, Any],
    reports: dict[str, Any],
    base_summary: str,
    now: datetime,
) -> Alert:
    """The folded alert from the last published one, the incoming report and the reports."""
    severity = max(
        (r["severity"] for r in reports.values()), key=severity_rank, default=base.severity
    )
    killed, wounded = _max_field(reports, "killed"), _max_field(reports, "wounded")
    casualties = (
        Casualties(killed=killed, wounded=wounded)
        if killed is not None or wounded is not None
        else None
    )
    extra = [] if new is None else [new]
    evidence: list[Evidence] = _unique(
        [*base.evidence, *(e for a in extra for e in a.evidence)], lambda e: e.text, MAX_EVIDENCE
    )
    sources = _sources(reports)
    count = max(1, len(reports)) + int(state.get("evicted", 0))
    summary = base_summary
    if count > 1:
        summary = f"{base_summary} Folded {count} reports ({', '.join(sources) or 'unnamed'})."
    return base.model_copy(
        update={
            "alert_id": state["alert_id"],
            "severity": severity,
            "casualties": casualties,
            "event_ids": _unique(
                [*base.event_ids, *(i for a in extra for i in a.event_ids)], str, MAX_EVENT_IDS
            ),
            "actors": _unique(
                [*base.actors, *(x for a in extra for x in a.actors)],
                lambda x: (x.name, x.code),
                MAX_ACTORS,
            ),
            "locations": _unique(
                [*base.locations, *(x for a in extra for x in a.locations)],
                lambda x: (x.name, x.country),
                MAX_LOCATIONS,
            ),
            "evidence": evidence,
            "report_count": count,
            "sources": sources,
            "article_ids": list(reports),
            "summary": summary,
            "status": "active" if reports else "withdrawn",
            "updated_at": now,
        }
    )


def _same(a: Alert, b: Alert) -> bool:
    skip = {"revision", "updated_at", "raised_at", "ingest_ts_ms"}
    return a.model_dump(mode="json", exclude=skip) == b.model_dump(mode="json", exclude=skip)


def fold(
    state: Mapping[str, Any] | None,
    alert: Alert,
    *,
    now: datetime,
    window: timedelta = DEFAULT_WINDOW,
) -> tuple[Alert | None, dict[str, Any] | None, bool]:
    """Fold one alert into its fold key's state: (alert to publish or None, new state, folded).

    - no fold, or a new article outside `window` of the fold's first report: a new fold starts
      with this alert as it is (folded False);
    - a new article inside the window: the fold's alert with report_count + 1, the source added,
      revision + 1 (folded True);
    - an article already in the fold (a revision or a replay): its figures updated in place,
      report_count unchanged; None to publish when nothing changed (folded True);
    - a withdrawn alert: its report leaves the fold; the fold's alert is withdrawn when no report
      is left. A withdrawal for an article not in the fold passes through unchanged.

    `escalation_surge` alerts pass through untouched: they describe a trend, not one event.
    """
    if alert.kind in UNFOLDED_KINDS:
        return alert, dict(state) if state is not None else None, False
    known = state is not None and alert.article_id in state["reports"]
    if alert.status == "withdrawn" and not known:
        return alert, dict(state) if state is not None else None, False
    if state is None or (
        not known and abs(now - datetime.fromisoformat(state["first_seen"])) > window
    ):
        published, new_state = _start(alert, now)
        return published, new_state, False

    previous = Alert.model_validate(state["alert"])
    reports = dict(state["reports"])
    base_summary = state["base_summary"]
    if alert.status == "withdrawn":
        reports.pop(alert.article_id)
        incoming: Alert | None = None
    else:
        reports[alert.article_id] = _report(alert)
        incoming = alert
        if alert.alert_id == state["alert_id"]:
            base_summary = alert.summary  # the first report itself was revised
    evicted = int(state.get("evicted", 0))
    while len(reports) > MAX_REPORTS:
        del reports[list(reports)[1]]  # the oldest after the first
        evicted += 1
    counted = {**state, "evicted": evicted}
    rebuilt = _rebuild(previous, incoming, counted, reports, base_summary, now)
    if alert.alert_id == state["alert_id"] and incoming is not None:
        # The first report's revision brings its own title and evidence order.
        rebuilt = rebuilt.model_copy(update={"title": alert.title})
    new_state = {
        **counted,
        "last_seen": _ts(max(now, datetime.fromisoformat(state["last_seen"]))),
        "report_count": len(reports) + evicted,
        "reports": reports,
        "base_summary": base_summary,
    }
    if _same(rebuilt, previous):
        return None, new_state, True
    published = rebuilt.model_copy(update={"revision": previous.revision + 1})
    new_state["alert"] = published.model_dump(mode="json")
    return published, new_state, True


def _folds(state: Mapping[str, Any] | None) -> list[dict[str, Any]]:
    """The folds of one key, newest last; a state written before keys held several folds
    (one fold dict) reads as a list of one."""
    if state is None:
        return []
    if "folds" in state:
        return [dict(f) for f in state["folds"]]
    return [{k: v for k, v in state.items() if k != "src"}]


def fold_event(
    state: Mapping[str, Any] | None,
    alert: Alert,
    *,
    now: datetime,
    window: timedelta = DEFAULT_WINDOW,
    keep: int = MAX_FOLDS,
) -> tuple[Alert | None, dict[str, Any]]:
    """Fold one alert among the folds of its fold key: (alert to publish or None, new state).

    A key keeps its last `keep` folds, not only the newest: a report of an article already in
    any of them goes to that fold, whatever came since. With one fold per key, a report
    outside the window (a wire with no date of its own, stamped today, in a stream of
    yesterday's; the next night's strike) replaced the fold, and a replay after a crash of an
    article folded before it started a second alert for that article (chaos suite, kill -9
    three times, 2026-12-05: one talks_collapse under two alert ids). A new article joins the
    fold whose first report is nearest in time within `window`, else starts one; the fold
    whose latest report is oldest is forgotten when more than `keep` are held.
    """
    folds = _folds(state)
    if alert.kind in UNFOLDED_KINDS:
        return alert, {"folds": folds}
    home = next((i for i, f in enumerate(folds) if alert.article_id in f["reports"]), None)
    if home is None and alert.status == "withdrawn":
        return alert, {"folds": folds}
    if home is None:
        near = [
            (abs(now - datetime.fromisoformat(f["first_seen"])), i)
            for i, f in enumerate(folds)
            if abs(now - datetime.fromisoformat(f["first_seen"])) <= window
        ]
        home = min(near)[1] if near else None
    if home is None:
        published, started, _ = fold(None, alert, now=now, window=window)
        assert started is not None
        folds.append(started)
    else:
        published, updated, _ = fold(folds[home], alert, now=now, window=window)
        assert updated is not None
        folds[home] = updated
    if len(folds) > keep:
        folds.sort(key=lambda f: datetime.fromisoformat(f["last_seen"]))
        folds = folds[len(folds) - keep:]
    return published, {"folds": folds}


def step(
    state: Mapping[str, Any] | None,
    alert: Alert,
    partition: int,
    offset: int,
    *,
    now: datetime,
    window: timedelta = DEFAULT_WINDOW,
) -> tuple[Alert | None, dict[str, Any] | None]:
    """One report on the fold hop: (the alert to publish or None, the key's new state, or
    None when it is unchanged).

    Fold, stamp with the source offset, publish. A replay of the offset that last wrote the
    key's folds re-publishes what that run published (`republished`), since the crashed
    run's send may not have reached the broker, and changes nothing."""
    if state is not None and written_by(state, partition, offset):
        return republished(state, alert), None
    published, folded = fold_event(state, alert, now=now, window=window)
    return published, stamp(folded, partition, offset, published)


def stamp(
    state: Mapping[str, Any], partition: int, offset: int, published: Alert | None
) -> dict[str, Any]:
    """The key's folds with the source offset that last wrote them and the id of the alert
    that run published, if any.

    A replay of the same offset after a crash re-publishes it (`republished`), since the
    crashed run's send may never have left."""
    return {**state, "src": [partition, offset, published.alert_id if published else None]}


def written_by(state: Mapping[str, Any] | None, partition: int, offset: int) -> bool:
    """Whether a stamped state value (`src`: [partition, offset, ...]) was last written by
    the message at (partition, offset): a key's folds, or its last escalation surge."""
    return state is not None and list(state.get("src", ()))[:2] == [partition, offset]


def republished(state: Mapping[str, Any], alert: Alert) -> Alert | None:
    """What the run that last wrote the key published for `alert`: the fold's alert under
    the recorded id, the alert itself when it passed through unfolded, or None."""
    src = state.get("src")
    if not src or not src[2]:
        return None
    folds = _folds(state)
    if src[2] is True and "folds" not in state:  # written when a key held one fold
        return Alert.model_validate(folds[0]["alert"])
    for f in folds:
        if f["alert_id"] == src[2]:
            return Alert.model_validate(f["alert"])
    return alert
