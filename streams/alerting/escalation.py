"""The `escalation_surge` alert: a rolling escalation index per country pair and per region.

The index of a key over a window is the sum of |Goldstein| of the negative-Goldstein events
coded in it (GDELT's CAMEO table, `../shared/reference/cameo_eventcodes.tsv`). Keys:
`dyad:RUS-UKR` (actor and target countries, sorted, as `rules.dyad`) and `region:UKR` (each
distinct country of the event's locations).

Window: the trailing 24 hours, evaluated every hour (hopping windows, size 24 h, step 1 h). A
day smooths the news cycle's day/night rhythm; an hourly step raises a surge within an hour of
the report that tips it. The baseline is the 24 hours before that window (non-overlapping), so
"rises sharply" compares one day with the day before.

Default thresholds, from the Goldstein values of the codes the classifier emits:

- one strike is -10 (195 aerial weapons, 190/194 conventional force and artillery, 183 bombing),
  a ceasefire violation -9.5 (196), a threat of force -7 (138), halting talks -7 (164),
  rejecting a truce or talks -4/-5 (1246, 125, 127), an accusation -2 (112);
- one strike article typically codes two or three -10 events (the attack, its casualties, the
  infrastructure hit), so a single article counts at most `max_per_article` = 20 per key: one
  long story cannot make a surge on its own, and the index counts reports of violence rather
  than how wordy one of them was;
- `threshold` = 150: fifteen strike events, i.e. at least eight separate strike reports in a
  day. Rhetoric alone stays below it (twenty accusations and ten threats make 110), and a
  crossing is only news when the previous day was below it (`crossed` needs baseline <
  threshold), so a war that is always hot does not re-alert every day;
- `rise_ratio` = 2 with `rise_min` = 100: the index doubled against the previous day and reached
  ten strike events' worth. The baseline is floored at `baseline_floor` = 50 so a quiet pair
  going from 0 to 20 is not an "infinite" rise. For a pair at 3,000 a day, only a doubling
  to 6,000 raises;
- `min_events` = 5: at least five coded events in the window.

Idempotence: the alert id is a function of the key and the window start where the surge began,
so re-processing the same events gives the same id. An ongoing surge (the next hourly windows
still above the bar) is one episode: `surge` takes the last surge alert published for the key
and re-publishes it (same id, revision + 1) only when the index grew by `update_ratio` (x1.5),
instead of a new alert every hour.

State (plain JSON): `WindowState` per (key, window) = {"score", "count", "events": top
contributors [[event_id, type, score, article_id], ...] bounded by `top_events`}. `add` is the
accumulation operator (fits Faust's `WindowSet.apply(op, value)`), `combine` sums hourly
buckets into a 24 h window when the caller keeps tumbling 1 h buckets instead (cheaper: one
write per contribution instead of 24).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any, NamedTuple

from schemas import Alert, ClassifiedArticle, Location
from schemas.alert import Severity
from streams.alerting.folding import written_by

WindowState = dict[str, Any]


@dataclass(frozen=True)
class EscalationConfig:
    """Windows and thresholds; see the module docstring for why these defaults."""

    window: timedelta = timedelta(hours=24)
    step: timedelta = timedelta(hours=1)
    threshold: float = 150.0
    rise_ratio: float = 2.0
    rise_min: float = 100.0
    baseline_floor: float = 50.0
    min_events: int = 5
    max_per_article: float = 20.0
    top_events: int = 5
    update_ratio: float = 1.5
    severity: Severity = "warning"
    # Per-key overrides of `threshold`, e.g. {"dyad:RUS-UKR": 2000.0}.
    thresholds: Mapping[str, float] = field(default_factory=dict)

    def threshold_for(self, key: str) -> float:
        return float(self.thresholds.get(key, self.threshold))


class Contribution(NamedTuple):
    """One event's share of one key's index."""

    key: str
    score: float
    event_id: str
    type: str
    article_id: str


def _dyad_key(countries: set[str]) -> str | None:
    return "dyad:" + "-".join(sorted(countries)) if len(countries) == 2 else None


def contributions(
    classified: ClassifiedArticle, config: EscalationConfig | None = None
) -> list[Contribution]:
    """Every (key, score, event) this article adds, capped at `max_per_article` per key.

    Only negative-Goldstein events count. Retracted articles count nothing. Within a key the
    strongest events are taken first (ties by event id), so the cap is deterministic.
    """
    config = config or EscalationConfig()
    if classified.retracted:
        return []
    by_key: dict[str, list[tuple[float, str, str]]] = {}
    for event in classified.events:
        if event.goldstein >= 0:
            continue
        score = -event.goldstein
        keys: set[str] = set()
        dyad = _dyad_key({a.country for a in (event.actor, event.target) if a and a.country})
        if dyad:
            keys.add(dyad)
        keys |= {f"region:{loc.country}" for loc in event.locations if loc.country}
        for key in keys:
            by_key.setdefault(key, []).append((score, event.event_id, event.type))
    out: list[Contribution] = []
    for key in sorted(by_key):
        budget = config.max_per_article
        for score, event_id, type_ in sorted(by_key[key], key=lambda x: (-x[0], x[1])):
            if budget <= 0:
                break
            share = min(score, budget)
            budget -= share
            out.append(Contribution(key, share, event_id, type_, classified.article_id))
    return out


def empty() -> WindowState:
    return {"score": 0.0, "count": 0, "events": []}


def _top(events: Iterable[list[Any]], n: int) -> list[list[Any]]:
    unique = {e[0]: e for e in events}
    return sorted(unique.values(), key=lambda e: (-e[2], e[0]))[:n]


def add(
    state: WindowState | None, contribution: Contribution, *, top_events: int = 5,
    at: tuple[int, int] | None = None,
) -> WindowState:
    """The window's state with one contribution added; a new dict, the input is not changed.

    A contribution whose event is already among the top contributors is a replay and changes
    nothing (the caller should still feed each article version once: see
    `RevisionOutcome.first_sighting`). `at` is the (partition, offset) of the message that
    carries it, kept as `src` so that a replay of any message up to it is known (`applied`).
    """
    state = state or empty()
    stamp = {"src": list(at)} if at is not None else {}
    if any(e[0] == contribution.event_id for e in state["events"]):
        return {**state, "events": [list(e) for e in state["events"]], **stamp}
    entry = [contribution.event_id, contribution.type, contribution.score, contribution.article_id]
    return {
        "score": round(state["score"] + contribution.score, 3),
        "count": state["count"] + 1,
        "events": _top([*state["events"], entry], top_events),
        **stamp,
    }


def applied(state: WindowState | None, partition: int, offset: int) -> bool:
    """Whether the message at (partition, offset) is already counted in this bucket.

    One key's contributions arrive on one partition in offset order, and a bucket is written
    by every contribution that falls in it: a bucket stamped by offset 120 has counted every
    one of its contributions up to 120. A replay after a crash (offsets after the last commit
    delivered again, the state already holding some of them) then counts none twice; the
    top-contributor check in `add` alone missed every event outside the top five.

    >>> applied({"score": 10.0, "count": 1, "events": [], "src": [2, 120]}, 2, 117)
    True
    """
    src = (state or {}).get("src")
    return bool(src) and src[0] == partition and offset <= src[1]


def last_surge(stored: Mapping[str, Any] | None) -> Mapping[str, Any] | None:
    """The last surge alert a key published, from the table's value: `{"alert", "src"}`, or
    the bare alert a worker before the replay stamp stored."""
    if stored is None:
        return None
    return stored["alert"] if "src" in stored else stored


def combine(states: Iterable[WindowState | None], *, top_events: int = 5) -> WindowState:
    """Sum hourly buckets into one window (for a caller that stores tumbling 1 h buckets)."""
    score, count, events = 0.0, 0, []
    for state in states:
        if state:
            score += state["score"]
            count += state["count"]
            events += state["events"]
    return {"score": round(score, 3), "count": count, "events": _top(events, top_events)}


def window_bounds(
    at: datetime, config: EscalationConfig | None = None
) -> tuple[datetime, datetime]:
    """The trailing window that contains `at` and ends at the next step boundary.

    Windows are aligned to multiples of `step` since the Unix epoch (as Faust aligns hopping
    windows), so every worker computes the same bounds and the same alert id. Note Faust's
    `WindowSet.current()` on a hopping table is the *newest* window (one step of data); this
    trailing one is `WindowSet.now()` / `window.earliest(t)`.
    """
    config = config or EscalationConfig()
    step = config.step.total_seconds()
    epoch = at.timestamp()
    end = (epoch // step + 1) * step
    end_dt = datetime.fromtimestamp(end, UTC)
    return end_dt - config.window, end_dt


def previous_bounds(
    start: datetime, config: EscalationConfig | None = None
) -> tuple[datetime, datetime]:
    """The baseline: the window of the same size just before `start`, not overlapping it."""
    config = config or EscalationConfig()
    return start - config.window, start


def surge_id(key: str, window_start: datetime) -> str:
    """Deterministic per key and the window where the surge began: re-processing reuses it."""
    digest = hashlib.sha256(f"{key}\x1f{window_start.isoformat()}\x1fescalation_surge".encode())
    return f"alr_{digest.hexdigest()[:24]}"


def _why(
    key: str, current: WindowState, baseline: float, config: EscalationConfig, reason: str
) -> str:
    drivers = "; ".join(f"{e[1]} {e[0]} ({-e[2]:g}, article {e[3]})" for e in current["events"])
    hours = config.window.total_seconds() / 3600
    return (
        f"Escalation index for {key.split(':', 1)[1]} reached {current['score']:g} over "
        f"{hours:g} h ({reason}; previous {hours:g} h: {baseline:g}), from "
        f"{current['count']} coded events. Top contributors: {drivers}."
    )


def surge(
    current: WindowState,
    previous: WindowState | None,
    config: EscalationConfig | None = None,
    *,
    key: str,
    window_start: datetime,
    window_end: datetime,
    now: datetime,
    last: Mapping[str, Any] | None = None,
) -> Alert | None:
    """The `escalation_surge` alert for `key`'s window, or None.

    Raised when the index crosses the key's threshold (from below it in `previous`) or rises
    `rise_ratio` times above the (floored) previous window, with at least `min_events` events.
    `last` is the last surge alert published for the key (model_dump form), if the caller keeps
    one: while its window still overlaps this one the surge is the same episode, re-published
    (same id, revision + 1) only when the index grew `update_ratio` times since.
    """
    config = config or EscalationConfig()
    score = float(current["score"])
    baseline = float(previous["score"]) if previous else 0.0
    threshold = config.threshold_for(key)
    if current["count"] < config.min_events or score <= 0:
        return None
    crossed = score >= threshold and baseline < threshold
    rose = score >= config.rise_min and score >= config.rise_ratio * max(
        baseline, config.baseline_floor
    )
    ongoing = last is not None and datetime.fromisoformat(str(last["window_end"])) > window_start
    last_index = float(last["escalation_index"]) if last is not None else 0.0
    if ongoing:
        if score < config.update_ratio * last_index:
            return None
    elif not (crossed or rose):
        return None
    if crossed:
        reason = f"crossed its threshold of {threshold:g}"
    elif rose:
        reason = f"x{score / max(baseline, config.baseline_floor):.1f} the previous window"
    else:
        reason = f"up x{score / last_index:.1f} since the last update"
    scope, _, name = key.partition(":")
    top_article = current["events"][0][3] if current["events"] else key
    alert = Alert(
        alert_id=surge_id(key, window_start),
        kind="escalation_surge",
        severity=config.severity,
        title=f"Escalation surge ({name})",
        summary=_why(key, current, baseline, config, reason),
        article_id=top_article,
        event_ids=[e[0] for e in current["events"]],
        dyad=name if scope == "dyad" else None,
        locations=[Location(name=name, country=name, feature="country")]
        if scope == "region"
        else [],
        raised_at=now,
        escalation_key=key,
        escalation_index=score,
        escalation_baseline=baseline,
        window_start=window_start,
        window_end=window_end,
        article_ids=list(dict.fromkeys(e[3] for e in current["events"])),
    )
    if ongoing and last is not None:
        alert = alert.model_copy(
            update={
                "alert_id": last["alert_id"],
                "revision": int(last["revision"]) + 1,
                "raised_at": datetime.fromisoformat(str(last["raised_at"])),
                "updated_at": now,
            }
        )
    return alert


def step(
    part: Contribution,
    windows: Sequence[WindowState | None],
    stored_last: Mapping[str, Any] | None,
    partition: int,
    offset: int,
    timestamp: float,
    config: EscalationConfig | None = None,
) -> tuple[Alert | None, WindowState | None, dict[str, Any] | None]:
    """One contribution on the escalation hop: (the surge to publish or None, the new
    newest bucket or None when unchanged, the new last-surge value or None when unchanged).

    `windows` are the key's last 2 x window / step hourly buckets, newest first (the one the
    record's `timestamp`, the event time, falls in); `stored_last` is the key's last-surge
    value. Count, store, publish: a contribution its bucket has counted already (a replay
    after a crash, `applied`) counts nothing and re-publishes the surge its message raised,
    if it raised the last one."""
    config = config or EscalationConfig()
    if applied(windows[0], partition, offset):
        # the key's last surge was published by this very message: its replay re-publishes
        # it, since the crashed run's send may never have left
        again = (Alert.model_validate(last_surge(stored_last))
                 if written_by(stored_last, partition, offset)
                 else None)
        return again, None, None
    bucket = add(windows[0], part, top_events=config.top_events, at=(partition, offset))
    per_window = round(config.window / config.step)
    history = [bucket, *windows[1:2 * per_window]]
    now = datetime.fromtimestamp(timestamp, UTC)
    start, end = window_bounds(now, config)
    alert = surge(
        combine(history[:per_window], top_events=config.top_events),
        combine(history[per_window:], top_events=config.top_events),
        config, key=part.key, window_start=start, window_end=end, now=now,
        last=last_surge(stored_last),
    )
    if alert is None:
        return None, bucket, None
    return alert, bucket, {"alert": alert.model_dump(mode="json"), "src": [partition, offset]}
