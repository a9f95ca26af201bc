"""What every stage module of the shell is handed: the App, its settings, topics, tables,
the guard and the offset gate."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

import faust
import orjson

from schemas import NormalizedArticle
from streams import config, order
from streams.alerting import escalation
from streams.shell.guard import Guard
from streams.shell.topology import Tables, Topics


@dataclass(frozen=True)
class Context:
    app: faust.App
    settings: config.Settings
    topics: Topics
    tables: Tables
    guard: Guard
    # Every agent reads its partitions through the gate: in offset order, or not at all.
    gate: order.Gate


def parse_article(value: bytes) -> NormalizedArticle:
    return NormalizedArticle.model_validate_json(value)


def parse_contribution(value: bytes) -> escalation.Contribution:
    return escalation.Contribution(**orjson.loads(value))


def text_size(article: NormalizedArticle) -> int:
    """What the coder's and the signature's cost grows with."""
    return len(article.body) + len(article.headline or "") + len(article.caption or "")


def event_time(published_at: datetime | None, ingest_ts_ms: int | None) -> datetime:
    """When the story happened on the wire: publication time, else the raw message's time.

    Folding and escalation windows run on it, so a re-feed after an outage lands in the
    windows the live feed used."""
    if published_at is not None:
        return published_at
    if ingest_ts_ms:
        return datetime.fromtimestamp(ingest_ts_ms / 1000, UTC)
    return datetime.now(UTC)
