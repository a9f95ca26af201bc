"""Revision awareness: a new version of an article updates its alerts instead of raising new ones.

Wires revise stories (the toll rises, a name is corrected) under the same ninjs `uri` / article
`id`, re-feed them after outages, and sometimes retract them. `alert_id` is already
deterministic per (article, kind), so the subscriber-facing rule is simple: the same `alert_id`
comes back with `revision` + 1 when something material changed, nothing is published when
nothing did (a replay), and `status: "withdrawn"` when the article is retracted or its new
version no longer supports the kind.

State, per article id (the key of `news.events`, so a Faust table keyed by article id is
co-partitioned with the alert agent's input):

    {"version": <last article version seen>,
     "seen": <ISO time of the last version applied, for a cleanup timer: revisions rarely come
              more than a few days late, so entries older than ~7 days can be deleted>,
     "alerts": {<alert_id>: <last published Alert, model_dump(mode="json")>}}

Articles that raised no alert still get `{"version": v, "alerts": {}}`, so an older version
arriving late is recognised and ignored, and the caller learns whether it has seen the article
before (`RevisionOutcome.first_sighting`, used to count escalation contributions once).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from typing import Any, NamedTuple

from schemas import Alert

# Fields that change on every publication, or that folding owns, and so say nothing about
# whether the story changed: comparing without them tells a replay from a revision.
_NOT_MATERIAL = frozenset(
    {
        "raised_at",
        "updated_at",
        "revision",
        "ingest_ts_ms",
        "report_count",
        "sources",
        "article_ids",
        "published_at",
        "url",
    }
)
WITHDRAWN_NOTE = "Withdrawn: the article was retracted or its new version no longer reports this."


def material(alert: Alert) -> dict[str, Any]:
    """The alert's content that a subscriber would call a change: figures, evidence, status."""
    return alert.model_dump(mode="json", exclude=set(_NOT_MATERIAL))


def _merged_sources(previous: Alert, new: Alert) -> list[str]:
    merged = list(previous.sources)
    merged += [s for s in new.sources if s not in merged]
    return merged


def revise(
    previous: Alert | None,
    new: Alert,
    *,
    article_version: int,
    previous_version: int | None = None,
) -> Alert | None:
    """The alert to publish for `new`, or None when there is nothing to say.

    - no previous alert: `new` as it is (first publication);
    - `article_version` older than `previous_version`: None (a late, stale version);
    - nothing material changed: None (a replay or a retry);
    - otherwise `new` under the same `alert_id` with `revision` + 1, the first `raised_at`,
      and the report count and sources folding may have accumulated.
    """
    if previous is None:
        return new
    if previous_version is not None and article_version < previous_version:
        return None
    if material(previous) == material(new):
        return None
    return new.model_copy(
        update={
            "alert_id": previous.alert_id,
            "revision": previous.revision + 1,
            "raised_at": previous.raised_at,
            "updated_at": new.raised_at,
            "report_count": previous.report_count,
            "sources": _merged_sources(previous, new),
        }
    )


def withdraw(previous: Alert, now: datetime, *, note: str = WITHDRAWN_NOTE) -> Alert:
    """The previous alert marked withdrawn, as a new revision (the note is never doubled).

    A subscriber keyed on `alert_id` replaces its copy and sees the status flip.
    """
    summary = previous.summary
    if not summary.startswith(note):
        summary = f"{note} {summary}"
    return previous.model_copy(
        update={
            "status": "withdrawn",
            "revision": previous.revision + 1,
            "summary": summary,
            "updated_at": now,
        }
    )


def disappeared(previous_ids: Iterable[str], new_alerts: Sequence[Alert]) -> list[str]:
    """Alert ids the article raised before and its new version no longer raises.

    Since `alert_id` is a function of (article, kind), a missing id is a missing kind: the
    caller withdraws those (a revised story that now says the strike hit a field, not a dam).
    """
    current = {a.alert_id for a in new_alerts}
    return [alert_id for alert_id in previous_ids if alert_id not in current]


class RevisionOutcome(NamedTuple):
    """What one classified article version means for its alerts."""

    publish: list[Alert]
    state: dict[str, Any]
    first_sighting: bool  # the article id was unknown: count its escalation contributions
    stale: bool  # an older version than the last seen: ignored entirely


def revise_article(
    state: Mapping[str, Any] | None,
    new_alerts: Sequence[Alert],
    *,
    version: int,
    retracted: bool,
    now: datetime,
) -> RevisionOutcome:
    """Apply one article version to its state: revisions, replays, withdrawals, retraction.

    `new_alerts` are what `alerts_for` raised for this version (empty when retracted). Returns
    the alerts to publish, in a stable order (current kinds as raised, then withdrawals), and
    the new state value.
    """
    if state is None:
        fresh: dict[str, Any] = {"version": version, "seen": now.isoformat(), "alerts": {}}
        if retracted:
            return RevisionOutcome([], fresh, True, False)
        publish = list(new_alerts)
        fresh["alerts"] = {a.alert_id: a.model_dump(mode="json") for a in publish}
        return RevisionOutcome(publish, fresh, True, False)

    last_version = int(state.get("version", 0))
    if version < last_version:
        return RevisionOutcome([], dict(state), False, True)
    stored = {k: Alert.model_validate(v) for k, v in state.get("alerts", {}).items()}
    publish: list[Alert] = []
    if not retracted:
        for new in new_alerts:
            out = revise(
                stored.get(new.alert_id),
                new,
                article_version=version,
                previous_version=last_version,
            )
            if out is not None:
                publish.append(out)
                stored[out.alert_id] = out
    gone = list(stored) if retracted else disappeared(stored, new_alerts)
    for alert_id in gone:
        if stored[alert_id].status != "withdrawn":
            out = withdraw(stored[alert_id], now)
            publish.append(out)
            stored[alert_id] = out
    new_state = {
        "version": max(version, last_version),
        "seen": now.isoformat(),
        "alerts": {k: a.model_dump(mode="json") for k, a in stored.items()},
    }
    return RevisionOutcome(publish, new_state, False, False)


def stamp(
    state: Mapping[str, Any],
    partition: int,
    offset: int,
    published: Sequence[Alert],
    first_sighting: bool,
    topic: str = "",
) -> dict[str, Any]:
    """The state with the source offset that wrote it and what that run sent.

    A crash can land between the table write and the sends; the replay of that offset then
    finds its own stamp (`replayed`) and sends the same alerts again, instead of finding
    nothing new and sending nothing.
    """
    return {
        **state,
        "src": [partition, offset, topic] if topic else [partition, offset],
        "sent": [a.alert_id for a in published],
        "first": first_sighting,
    }


def replayed(
    state: Mapping[str, Any] | None, partition: int, offset: int, topic: str = ""
) -> tuple[list[Alert], bool] | None:
    """What the run at (topic, partition, offset) sent, when `state` was written by that very
    run: (the alerts, whether it was the article's first sighting). None for any other
    message. `topic` tells a stage's source topics apart."""
    source = [partition, offset, topic] if topic else [partition, offset]
    if state is None or state.get("src") != source:
        return None
    stored = state.get("alerts", {})
    alerts = [Alert.model_validate(stored[i]) for i in state.get("sent", []) if i in stored]
    return alerts, bool(state.get("first"))
