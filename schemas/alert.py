"""Alerts (`news.alerts`, `news.alerts.critical`)."""

from datetime import datetime
from typing import Literal

from pydantic import Field

from schemas._base import WireModel
from schemas.event import Actor, Casualties, Evidence, Location

AlertKind = Literal[
    "truce_rejected",
    "ceasefire_violation",
    "talks_collapse",
    "infrastructure_attack",
    "strategic_strike",
    "mass_casualty",
    "escalation_surge",
]
Severity = Literal["info", "warning", "high", "critical"]
SEVERITIES: tuple[Severity, ...] = ("info", "warning", "high", "critical")


def severity_rank(severity: str) -> int:
    """Position in the contract's order, so `--min-severity` and routing can compare."""
    return SEVERITIES.index(severity)  # type: ignore[arg-type]


class Alert(WireModel):
    alert_id: str = Field(description="deterministic: the same article and kind give the same id")
    kind: AlertKind
    severity: Severity
    title: str
    summary: str = Field(description="why it was raised, in one or two sentences")
    article_id: str
    event_ids: list[str] = Field(default_factory=list)
    actors: list[Actor] = Field(default_factory=list)
    locations: list[Location] = Field(default_factory=list)
    casualties: Casualties | None = None
    evidence: list[Evidence] = Field(default_factory=list)
    dyad: str | None = Field(default=None, description="country pair, e.g. RUS-UKR (sorted)")
    source: str | None = None
    url: str | None = None
    published_at: datetime | None = None
    raised_at: datetime
    revision: int = Field(default=0, ge=0, description="0 on first publication, +1 per update")
    report_count: int = Field(default=1, ge=1)
    sources: list[str] = Field(default_factory=list)
    status: Literal["active", "withdrawn"] = "active"
    ingest_ts_ms: int | None = None
    updated_at: datetime | None = Field(
        default=None, description="when this revision was published; raised_at stays the first"
    )
    article_ids: list[str] = Field(
        default_factory=list, description="every article folded into this alert, first first"
    )
    escalation_key: str | None = Field(
        default=None, description="escalation_surge: what the index is about, dyad:RUS-UKR or "
        "region:UKR"
    )
    escalation_index: float | None = Field(
        default=None, description="escalation_surge: sum of |negative Goldstein| in the window"
    )
    escalation_baseline: float | None = Field(
        default=None, description="escalation_surge: the index in the window before"
    )
    window_start: datetime | None = Field(default=None, description="escalation_surge window")
    window_end: datetime | None = Field(default=None, description="escalation_surge window")
    language: str | None = Field(
        default=None, description="ISO 639-1 of the (first) report; title and summary are English"
    )
