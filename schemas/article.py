"""Articles as fed (`news.raw`, project JSON form) and as normalized (`news.normalized`)."""

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from schemas._base import WireModel

InputFormat = Literal["json", "ninjs", "text"]
# Bounds every consumer can rely on: a revision fits a signed 32-bit integer (Kafka clients,
# JSON parsers and the state tables all take it), an id fits a Kafka key and a log line.
MAX_VERSION = 2**31 - 1
MAX_ID_CHARS = 512


class RawArticle(BaseModel):
    """The project JSON input form. Extra keys are tolerated: feeders attach their own metadata."""

    model_config = ConfigDict(extra="allow")

    id: str | None = None
    headline: str | None = None
    body: str
    source: str | None = None
    url: str | None = None
    published_at: datetime | None = Field(default=None, description="RFC 3339")
    language: str | None = None
    caption: str | None = None
    version: int | str | None = None


class Dateline(WireModel):
    """The dateline split off the body: `MOSCOW (Reuters) —` or `(The Post News)-`."""

    text: str = Field(description="the dateline exactly as it stood, without its dash")
    city: str | None = None
    agency: str | None = None


class NormalizedArticle(WireModel):
    """One cleaned article. `body` is the text every evidence offset points into."""

    article_id: str = Field(
        min_length=1, max_length=MAX_ID_CHARS,
        description="given id / ninjs uri, else a stable hash of the text",
    )
    content_hash: str = Field(description="sha256 of the normalized headline and body")
    format: InputFormat
    headline: str | None = None
    body: str
    caption: str | None = None
    dateline: Dateline | None = None
    source: str | None = None
    url: str | None = None
    published_at: datetime | None = None
    language: str | None = None
    version: int = Field(
        default=1, ge=0, le=MAX_VERSION, description="revision of the article (ninjs version)"
    )
    retracted: bool = Field(default=False, description="ninjs pubstatus canceled/withdrawn")
    duplicate_of: str | None = Field(
        default=None, description="article id of the story this one is a near-copy of"
    )
    similarity: float | None = Field(
        default=None, ge=0.0, le=1.0, description="estimated Jaccard similarity to duplicate_of"
    )
    received_at: datetime
    ingest_ts_ms: int | None = Field(
        default=None, description="Kafka timestamp of the raw message, for ingest-to-alert latency"
    )
