"""Each stage's agent, run over an in-memory stream with in-memory tables and topics: the
shell's own logic (keys, state writes, replays, dead letters, counters) without a broker."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from types import SimpleNamespace
from typing import Any

import pytest

from schemas import Actor, Alert, Casualties, ClassifiedArticle, Event, Evidence, Location
from streams import config, metrics, order
from streams.alerting import escalation, folding
from streams.budget import Budget
from streams.shell.alerts import Alerts
from streams.shell.context import Context
from streams.shell.guard import Guard
from streams.shell.ingest import Ingest
from streams.shell.topology import Tables, Topics

T0 = datetime(2026, 3, 2, 6, tzinfo=UTC)


@dataclass
class Sent:
    key: bytes
    value: bytes
    headers: Any = None
    timestamp: float | None = None


class FakeTopic:
    """Records what a stage sends, in order."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.sent: list[Sent] = []

    def get_topic_name(self) -> str:
        return self.name

    async def send(self, *, key: bytes, value: bytes, headers: Any = None,
                   timestamp: float | None = None) -> None:
        self.sent.append(Sent(key, value, headers, timestamp))


class FakeWindows:
    """A key's windows in a windowed table: the current one holds what was set."""

    def __init__(self, value: Any) -> None:
        self.value = value

    def current(self) -> Any:
        return self.value

    def delta(self, seconds: float) -> Any:
        return self.value if not seconds else None


@dataclass
class FakeWindowed:
    default: Callable[[], Any] = lambda: None
    data: dict[str, Any] = field(default_factory=dict)

    def __getitem__(self, key: str) -> FakeWindows:
        return FakeWindows(self.data.get(key, self.default()))

    def __setitem__(self, key: str, value: Any) -> None:
        self.data[key] = value


@dataclass
class Message:
    topic: str
    partition: int
    offset: int
    value: bytes
    key: bytes | None = None
    timestamp: float = T0.timestamp()

    @property
    def tp(self) -> tuple[str, int]:
        return (self.topic, self.partition)


@dataclass
class FakeEvent:
    message: Message


class FakeStream:
    def __init__(self, messages: list[Message]) -> None:
        self.messages = messages

    async def events(self) -> AsyncIterator[FakeEvent]:
        for m in self.messages:
            yield FakeEvent(m)


def context() -> Context:
    names = ("raw", "dedup", "index", "normalized", "events", "fold", "escalation", "alerts",
             "critical", "deadletter")
    topics = Topics(**{n: FakeTopic(f"t.{n}") for n in names})
    tables = Tables(
        seen_hashes=FakeWindowed(), revisions=FakeWindowed(), folds={},
        index_buckets=FakeWindowed(default=escalation.empty), last_surge={},
    )
    gate = order.Gate(committed=lambda tp: None, absent=lambda tp, start, end: None)
    return Context(app=SimpleNamespace(), settings=config.Settings(), topics=topics,
                   tables=tables, guard=Guard(topics.deadletter, Budget(5.0)), gate=gate)


def on(topic: FakeTopic, sent: list[Sent], first_offset: int = 0) -> list[Message]:
    """What a stage sent, as the next stage reads it."""
    return [Message(topic.name, 0, first_offset + i, s.value, s.key) for i, s in enumerate(sent)]


BODY = ("Drones struck the main pumping station of the water utility in the port city overnight, "
        "the regional governor said on Tuesday, cutting supplies to some 40,000 homes. Repair "
        "crews were sent at dawn and tanker lorries were bringing water to hospitals, he said. "
        "The utility said two of its workers were hurt and the pumps would take days to fix.")


def wire(article_id: str, body: str = BODY) -> bytes:
    return json.dumps({"id": article_id, "headline": "Drones hit water station",
                       "body": body, "source": "Test Agency",
                       "published_at": T0.isoformat()}).encode()


def counter(c: Any) -> float:
    return c._value.get()


async def run_ingest(ctx: Context, raw: list[bytes]) -> Ingest:
    ingest = Ingest(ctx)
    ingest.replica.caught_up.set()
    await ingest.normalize(FakeStream([Message("t.raw", 0, i, v) for i, v in enumerate(raw)]))
    await ingest.dedup(FakeStream(on(ctx.topics.dedup, ctx.topics.dedup.sent)))
    return ingest


async def test_ingest_forwards_an_original_stops_an_exact_resend_and_dead_letters_junk() -> None:
    ctx = context()
    normalized, duplicate = counter(metrics.ARTICLES_NORMALIZED), counter(
        metrics.ARTICLES_DUPLICATE)
    await run_ingest(ctx, [wire("a-1"), b"\xff\xfe not json", wire("a-1")])
    topics = ctx.topics
    assert [s.key for s in topics.dedup.sent] == [topics.dedup.sent[0].key] * 2  # content hash
    out = [json.loads(s.value) for s in topics.normalized.sent]
    assert [(s.key, o["article_id"]) for s, o in zip(topics.normalized.sent, out, strict=True)] \
        == [(b"a-1", "a-1")]
    assert [json.loads(s.value)["reason"] for s in topics.deadletter.sent] == ["invalid_utf8"]
    assert counter(metrics.ARTICLES_NORMALIZED) - normalized == 1
    assert counter(metrics.ARTICLES_DUPLICATE) - duplicate == 1
    assert [s.key for s in topics.index.sent] == [b"a-1"]  # one index entry per original


async def test_a_replay_of_the_offset_that_wrote_the_mark_forwards_again() -> None:
    """A crash after the mark and before the forward: the replay meets its own mark."""
    ctx = context()
    ingest = await run_ingest(ctx, [wire("a-1")])
    replay = on(ctx.topics.dedup, ctx.topics.dedup.sent)
    await ingest.dedup(FakeStream(replay))
    assert [s.key for s in ctx.topics.normalized.sent] == [b"a-1", b"a-1"]


async def test_a_lightly_edited_copy_is_marked_as_a_duplicate_of_its_original() -> None:
    ctx = context()
    edited = BODY.replace("on Tuesday", "early on Tuesday").replace("at dawn", "at first light")
    await run_ingest(ctx, [wire("a-1"), wire("b-7", edited)])
    out = {json.loads(s.value)["article_id"]: json.loads(s.value)
           for s in ctx.topics.normalized.sent}
    assert out["a-1"]["duplicate_of"] is None
    assert out["b-7"]["duplicate_of"] == "a-1"
    assert [s.key for s in ctx.topics.index.sent] == [b"a-1"]  # a copy adds no entry


RUS = Actor(name="Russia", code="RUS", country="RUS")
UKR = Actor(name="Ukraine", code="UKR", country="UKR")


def classified(article_id: str, source: str, killed: int) -> ClassifiedArticle:
    text = f"{source}: drones hit the power plant in Odesa, killing {killed}."
    event = Event(
        event_id=f"{article_id}-e1", type="attack.infrastructure", cameo_code="195",
        goldstein=-10.0, quad_class=4, actor=RUS, target=UKR,
        locations=[Location(name="Odesa", country="UKR")], assets=["power"],
        casualties=Casualties(killed=killed), evidence=Evidence(text=text, start=0, end=len(text)),
        confidence=0.9, coder_version="t",
    )
    return ClassifiedArticle(article_id=article_id, content_hash=article_id, events=[event],
                             coder_version="t", classified_at=T0, source=source,
                             published_at=T0)


async def test_alerts_are_keyed_by_fold_key_and_two_agencies_fold_into_one_alert() -> None:
    ctx = context()
    alerts = Alerts(ctx)
    articles = [classified("a-1", "Agency One", 3), classified("b-2", "Agency Two", 14)]
    await alerts.alert(FakeStream([Message("t.events", 0, i, a.model_dump_json().encode(),
                                           a.article_id.encode())
                                   for i, a in enumerate(articles)]))
    sent = ctx.topics.fold.sent
    kinds = [Alert.model_validate_json(s.value).kind for s in sent]
    assert set(kinds) >= {"infrastructure_attack"}
    for s in sent:  # the fold table's key is the topic's key
        assert s.key == folding.fold_key(Alert.model_validate_json(s.value)).encode()
    assert {s.key for s in ctx.topics.escalation.sent} == {b"dyad:RUS-UKR", b"region:UKR"}

    await alerts.fold(FakeStream(on(ctx.topics.fold, sent)))
    published = [Alert.model_validate_json(s.value) for s in ctx.topics.alerts.sent
                 if Alert.model_validate_json(s.value).kind == "infrastructure_attack"]
    assert len(published) == 2
    first, second = published
    assert second.alert_id == first.alert_id
    assert (first.report_count, second.report_count) == (1, 2)
    assert second.revision == first.revision + 1
    assert ctx.topics.alerts.sent[-1].key == b"RUS-UKR"
    # the folded alert carries the highest figures so far
    assert second.casualties.killed == 14


async def test_a_replay_of_an_events_offset_resends_what_the_crashed_run_sent() -> None:
    ctx = context()
    alerts = Alerts(ctx)
    message = Message("t.events", 0, 5, classified("a-1", "Agency One", 3)
                      .model_dump_json().encode(), b"a-1")
    await alerts.alert(FakeStream([message]))
    first = list(ctx.topics.fold.sent)
    await alerts.alert(FakeStream([message]))  # the same offset again, after a crash
    again = ctx.topics.fold.sent[len(first):]
    assert [Alert.model_validate_json(s.value).alert_id for s in again] == \
        [Alert.model_validate_json(s.value).alert_id for s in first]
    # The escalation contributions are sent again too; the index counts each event once.
    contributions = ctx.topics.escalation.sent
    assert [s.value for s in contributions[2:]] == [s.value for s in contributions[:2]]
    await alerts.escalation(FakeStream(on(ctx.topics.escalation, contributions)))
    for key in (b"dyad:RUS-UKR", b"region:UKR"):
        state = ctx.tables.index_buckets.data[key.decode()]
        assert [e[0] for e in state["events"]] == ["a-1-e1"]


async def test_a_replay_of_the_fold_offset_republishes_without_counting_twice() -> None:
    ctx = context()
    alerts = Alerts(ctx)
    item = classified("a-1", "Agency One", 3)
    await alerts.alert(FakeStream([Message("t.events", 0, 0, item.model_dump_json().encode())]))
    fold_in = on(ctx.topics.fold, ctx.topics.fold.sent)
    await alerts.fold(FakeStream(fold_in))
    await alerts.fold(FakeStream(fold_in))
    published = [Alert.model_validate_json(s.value) for s in ctx.topics.alerts.sent]
    assert len(published) == 2 * len(fold_in)
    assert published[: len(fold_in)] == published[len(fold_in):]


@pytest.mark.parametrize("value", [b"{}", b"not json"])
async def test_a_bad_record_on_an_internal_hop_is_a_dead_letter_not_a_stop(value: bytes) -> None:
    ctx = context()
    alerts = Alerts(ctx)
    good = classified("a-1", "Agency One", 3).model_dump_json().encode()
    await alerts.alert(FakeStream([Message("t.events", 0, 0, value),
                                   Message("t.events", 0, 1, good)]))
    assert [json.loads(s.value)["stage"] for s in ctx.topics.deadletter.sent] == ["alert"]
    assert ctx.topics.fold.sent  # the next record went through


async def test_every_table_key_follows_the_key_of_the_topic_its_stage_reads() -> None:
    """Faust writes a table change to the changelog partition of the message being processed
    and recovers it with that partition: a state key must always arrive under one message key
    (the same key, or one the key determines), or two workers would each hold part of it."""
    ctx = context()
    await run_ingest(ctx, [wire("a-1"), wire("a-1")])
    dedup_keys = {s.key.decode() for s in ctx.topics.dedup.sent}
    for identity in ctx.tables.seen_hashes.data:  # content hash:version: under its hash
        assert identity.split(":", 1)[0] in dedup_keys
    alerts = Alerts(ctx)
    item = classified("a-1", "Agency One", 3)
    events = [Message("t.events", 0, 0, item.model_dump_json().encode(), b"a-1")]
    await alerts.alert(FakeStream(events))
    assert set(ctx.tables.revisions.data) == {m.key.decode() for m in events}  # article id
    await alerts.fold(FakeStream(on(ctx.topics.fold, ctx.topics.fold.sent)))
    assert set(ctx.tables.folds) == {s.key.decode() for s in ctx.topics.fold.sent}
    await alerts.escalation(FakeStream(on(ctx.topics.escalation, ctx.topics.escalation.sent)))
    assert set(ctx.tables.index_buckets.data) == {
        s.key.decode() for s in ctx.topics.escalation.sent}
