"""Coded events (`news.events`): GDELT-style records with ACLED-style casualty figures."""

from datetime import date, datetime
from typing import Literal

from pydantic import Field

from schemas._base import WireModel
from schemas.article import MAX_VERSION

EventType = Literal[
    "ceasefire.rejected",
    "ceasefire.proposed",
    "ceasefire.agreed",
    "ceasefire.violated",
    "negotiation.held",
    "negotiation.stalled",
    "attack.infrastructure",
    "attack.aerial",
    "attack.military_target",
    "casualties.reported",
    "accusation.terrorism",
    "threat.military",
]


class Actor(WireModel):
    """A CAMEO-style actor: `code` like RUSGOV, `country` ISO 3166 alpha-3."""

    name: str
    code: str | None = Field(default=None, description="CAMEO actor code, e.g. RUS, UKRMIL, RUSGOV")
    country: str | None = Field(default=None, description="ISO 3166-1 alpha-3")


class Location(WireModel):
    """A place resolved against the gazetteer."""

    name: str
    country: str | None = Field(default=None, description="ISO 3166-1 alpha-3")
    admin1: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    feature: Literal["city", "region", "country", "site"] = "city"
    geonameid: int | None = None


class Casualties(WireModel):
    """ACLED conventions: the most conservative stated figure ("at least 27" is 27)."""

    killed: int | None = Field(default=None, ge=0)
    wounded: int | None = Field(default=None, ge=0)
    missing: int | None = Field(default=None, ge=0)


class Figure(WireModel):
    """Another stated quantity: aircraft hit, money, people on a train."""

    kind: str = Field(description="aircraft, money, people, vehicles, ...")
    value: float
    unit: str | None = Field(default=None, description="USD, aircraft, ...")
    text: str = Field(description="the words it was read from")


class Evidence(WireModel):
    """The sentence an event was coded from, with offsets into the article's `body`
    (or into `headline`/`caption` when `field` says so)."""

    field: Literal["body", "headline", "caption"] = "body"
    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Event(WireModel):
    event_id: str = Field(description="deterministic: article, type, evidence span")
    type: EventType
    cameo_code: str
    cameo_description: str | None = None
    goldstein: float
    quad_class: int = Field(ge=1, le=4)
    actor: Actor | None = None
    target: Actor | None = None
    claimed_by: Actor | None = Field(
        default=None, description="who asserts it, when reported speech or an accusation"
    )
    locations: list[Location] = Field(default_factory=list)
    event_date: date | None = None
    date_text: str | None = None
    casualties: Casualties | None = None
    figures: list[Figure] = Field(default_factory=list)
    assets: list[str] = Field(
        default_factory=list,
        description="asset classes hit: bridge, rail, power, dam, nuclear, airbase, bomber, ...",
    )
    strategic: bool = Field(default=False, description="the target is a strategic asset")
    evidence: Evidence
    first_told: int | None = Field(
        default=None,
        ge=0,
        description="where the article first tells this event, in any restatement: 0 in the "
        "headline or caption, else the body offset of its earliest sentence; null: not known",
    )
    confidence: float = Field(ge=0.0, le=1.0)
    coder_version: str
    language: str | None = Field(
        default=None, description="ISO 639-1 of the article; the evidence is in this language"
    )


class ClassifiedArticle(WireModel):
    """One per article on `news.events`, also when it has no events."""

    article_id: str
    content_hash: str
    version: int = Field(default=1, ge=0, le=MAX_VERSION)
    retracted: bool = False
    duplicate_of: str | None = Field(
        default=None, description="a near-copy of this article id: coded, never re-alerted"
    )
    headline: str | None = None
    source: str | None = None
    url: str | None = None
    published_at: datetime | None = None
    events: list[Event] = Field(default_factory=list)
    coder_version: str
    classified_at: datetime
    ingest_ts_ms: int | None = None
    language: str | None = Field(default=None, description="ISO 639-1, given or detected")
    read_chars: int | None = Field(
        default=None, ge=1,
        description="set when a text field was longer than the coder reads: each field was "
        "coded up to its last whitespace before this many characters, the rest not at all; "
        "null: every field was read whole",
    )
