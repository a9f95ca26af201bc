"""Each stage's agent, run over an in-memory stream with in-memory tables and topics: the
shell's own logic (keys, state writes, replays, dead letters, counters) without a broker."""

from __future__ import annotations

import json
from collections import deque
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
from streams.classify import default_coder
from streams.shell.alerts import Alerts
from streams.shell.coding import Coding
from streams.shell.context import Context
from streams.shell.guard import Guard
from streams.shell.ingest import KEYED, RAW, Ingest, partition_of
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

    def __init__(self, name: str, partitions: int = 1) -> None:
        self.name = name
        self.partitions = partitions
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
    """A windowed table: a key's current window holds what was set, every earlier one is
    empty (the table's default). Read as Faust's window sets are (`table[key].current()`)
    and as `window_values` reads the store: `table.window`, `table.data` keyed by (key,
    window range), `table.default` and the processed record's time (0 here)."""

    default: Callable[[], Any] = lambda: None
    values: dict[str, Any] = field(default_factory=dict)
    window = SimpleNamespace(current=lambda timestamp: (timestamp, timestamp))

    @property
    def table(self) -> FakeWindowed:
        return self

    @property
    def data(self) -> dict[tuple[str, tuple[float, float]], Any]:
        return {(key, (0.0, 0.0)): value for key, value in self.values.items()}

    @staticmethod
    def _relative_event(event: Any) -> float:
        return 0.0

    def __getitem__(self, key: str) -> FakeWindows:
        return FakeWindows(self.values.get(key, self.default()))

    def __setitem__(self, key: str, value: Any) -> None:
        self.values[key] = value


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
    """The agent's stream; `channel.queue._queue` holds the events not yet taken, as Faust's
    channel queue does (the work process reads ahead in it)."""

    def __init__(self, messages: list[Message]) -> None:
        self.messages = messages
        self.channel = SimpleNamespace(queue=SimpleNamespace(_queue=deque()))

    async def events(self) -> AsyncIterator[FakeEvent]:
        waiting = self.channel.queue._queue
        waiting.extend(FakeEvent(m) for m in self.messages)
        while waiting:
            yield waiting.popleft()


def context(partitions: int = 1, *, work_process: bool = False) -> Context:
    names = ("raw", "dedup", "index", "normalized", "events", "fold", "escalation", "alerts",
             "critical", "deadletter")
    topics = Topics(**{n: FakeTopic(f"t.{n}", partitions) for n in names})
    tables = Tables(
        seen_hashes=FakeWindowed(), revisions=FakeWindowed(), folds={},
        index_buckets=FakeWindowed(default=escalation.empty), last_surge={},
    )
    gate = order.Gate(committed=lambda tp: None, absent=lambda tp, start, end: None)
    return Context(app=SimpleNamespace(), topics=topics,
                   settings=config.Settings(work_process=work_process),
                   tables=tables, guard=Guard(topics.deadletter, Budget(5.0)), gate=gate)


def stage(ctx: Context) -> Ingest:
    """The article stage with the shipped coder, its index caught up."""
    coding = Coding(ctx)
    ctx.app.wirewatch_coder = default_coder()
    coding.ready.set()
    ingest = Ingest(ctx, coding, Alerts(ctx))
    ingest.replica.caught_up.set()
    return ingest


def on(topic: FakeTopic, sent: list[Sent], first_offset: int = 0) -> list[Message]:
    """What a stage sent, as the next stage reads it."""
    return [Message(topic.name, 0, first_offset + i, s.value, s.key) for i, s in enumerate(sent)]


BODY = ("Drones struck the main pumping station of the water utility in the port city overnight, "
        "the regional governor said on Tuesday, cutting supplies to some 40,000 homes. Repair "
        "crews were sent at dawn and tanker lorries were bringing water to hospitals, he said. "
        "The utility said two of its workers were hurt and the pumps would take days to fix.")


OTHER = ("Artillery fire set a grain silo ablaze near the river crossing on Wednesday, the "
         "district administration said, and three farm workers were killed in the shelling. "
         "Firefighters fought the blaze for most of the afternoon while the crossing stayed "
         "closed to lorries.")


def wire(article_id: str, body: str = BODY) -> bytes:
    return json.dumps({"id": article_id, "headline": "Drones hit water station",
                       "body": body, "source": "Test Agency",
                       "published_at": T0.isoformat()}).encode()


def counter(c: Any) -> float:
    return c._value.get()


async def run_ingest(ctx: Context, raw: list[bytes], partition: int = 0) -> Ingest:
    """Wires on one `news.raw` partition, then whatever the stage re-keyed."""
    ingest = stage(ctx)
    await ingest.from_raw(FakeStream([Message("t.raw", partition, i, v)
                                      for i, v in enumerate(raw)]))
    await ingest.from_keyed(FakeStream(rekeyed(ctx)))
    return ingest


def rekeyed(ctx: Context) -> list[Message]:
    """The re-key topic's records as its partitions hold them (keyed by article id)."""
    parts = ctx.topics.dedup.partitions
    offsets: dict[int, int] = {}
    out = []
    for s in ctx.topics.dedup.sent:
        p = partition_of(s.key, parts)
        offsets[p] = offsets.get(p, -1) + 1
        out.append(Message("t.dedup", p, offsets[p], s.value, s.key))
    return out


async def test_ingest_forwards_an_original_stops_an_exact_resend_and_dead_letters_junk() -> None:
    ctx = context()
    normalized, duplicate = counter(metrics.ARTICLES_NORMALIZED), counter(
        metrics.ARTICLES_DUPLICATE)
    await run_ingest(ctx, [wire("a-1"), b"\xff\xfe not json", wire("a-1")])
    topics = ctx.topics
    # One partition: every article id's partition is 0, so each wire is processed in place.
    assert topics.dedup.sent == []
    out = [json.loads(s.value) for s in topics.normalized.sent]
    assert [(s.key, o["article_id"]) for s, o in zip(topics.normalized.sent, out, strict=True)] \
        == [(b"a-1", "a-1")]
    assert [json.loads(s.value)["reason"] for s in topics.deadletter.sent] == ["invalid_utf8"]
    assert counter(metrics.ARTICLES_NORMALIZED) - normalized == 1
    assert counter(metrics.ARTICLES_DUPLICATE) - duplicate == 1
    assert [s.key for s in topics.index.sent] == [b"a-1"]  # one index entry per original


async def test_a_replay_of_the_offset_that_wrote_the_mark_sends_again() -> None:
    """A crash after the mark and before the sends: the replay meets its own mark, and sends
    the same article, events and alerts again (same alert ids)."""
    ctx = context()
    ingest = await run_ingest(ctx, [wire("a-1")])
    fold_first = list(ctx.topics.fold.sent)
    assert fold_first
    await ingest.from_raw(FakeStream([Message("t.raw", 0, 0, wire("a-1"))]))
    assert [s.key for s in ctx.topics.normalized.sent] == [b"a-1", b"a-1"]
    assert [s.key for s in ctx.topics.events.sent] == [b"a-1", b"a-1"]
    again = ctx.topics.fold.sent[len(fold_first):]
    assert [Alert.model_validate_json(s.value).alert_id for s in again] == \
        [Alert.model_validate_json(s.value).alert_id for s in fold_first]


async def test_a_wire_off_its_article_ids_partition_is_rekeyed_once_then_coded() -> None:
    """Four partitions: a wire on another partition than its article id's goes through the
    re-key topic, keyed by article id; one already on it is processed in place. Both reach
    news.events and the fold hop; the state lands under the article id either way."""
    ctx = context(partitions=4)
    home = partition_of(b"a-1", 4)
    away = (home + 1) % 4
    other = "b-2" if partition_of(b"b-2", 4) == home else "c-3"
    ingest = stage(ctx)
    await ingest.from_raw(FakeStream([
        Message("t.raw", away, 0, wire("a-1")),
        Message("t.raw", partition_of(other.encode(), 4), 0, wire(other, OTHER)),
    ]))
    assert [s.key for s in ctx.topics.dedup.sent] == [b"a-1"]
    assert [s.key for s in ctx.topics.events.sent] == [other.encode()]
    moved = rekeyed(ctx)
    assert [m.partition for m in moved] == [home]
    await ingest.from_keyed(FakeStream(moved))
    assert [s.key for s in ctx.topics.events.sent] == [other.encode(), b"a-1"]
    marks = {k.split("|", 1)[0]: v for k, v in ctx.tables.seen_hashes.values.items()}
    assert marks["a-1"]["t"] == KEYED and marks["a-1"]["p"] == home
    assert marks[other]["t"] == RAW
    assert ctx.tables.revisions.values["a-1"]["src"] == [home, 0, KEYED]


async def test_an_exact_resend_arriving_by_the_other_route_is_still_a_duplicate() -> None:
    """The same wire keyed (in place) and unkeyed (re-keyed): one article, one alert set."""
    ctx = context(partitions=4)
    home = partition_of(b"a-1", 4)
    ingest = stage(ctx)
    await ingest.from_raw(FakeStream([Message("t.raw", home, 0, wire("a-1")),
                                      Message("t.raw", (home + 1) % 4, 0, wire("a-1"))]))
    await ingest.from_keyed(FakeStream(rekeyed(ctx)))
    assert [s.key for s in ctx.topics.events.sent] == [b"a-1"]


async def test_a_lightly_edited_copy_is_marked_as_a_duplicate_of_its_original() -> None:
    ctx = context()
    edited = BODY.replace("on Tuesday", "early on Tuesday").replace("at dawn", "at first light")
    await run_ingest(ctx, [wire("a-1"), wire("b-7", edited)])
    out = {json.loads(s.value)["article_id"]: json.loads(s.value)
           for s in ctx.topics.normalized.sent}
    assert out["a-1"]["duplicate_of"] is None
    assert out["b-7"]["duplicate_of"] == "a-1"
    assert [s.key for s in ctx.topics.index.sent] == [b"a-1"]  # a copy adds no entry
    # The copy is coded for subscribers but raises nothing: its original's alerts stand.
    assert [s.key for s in ctx.topics.events.sent] == [b"a-1", b"b-7"]
    assert {Alert.model_validate_json(s.value).article_id for s in ctx.topics.fold.sent} \
        == {"a-1"}


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


async def alert_all(alerts: Alerts, articles: list[ClassifiedArticle],
                    first_offset: int = 0) -> None:
    """The article stage's last step, as it runs for articles read at these raw offsets."""
    for i, a in enumerate(articles):
        msg = Message("t.raw", 0, first_offset + i, b"", a.article_id.encode())
        await alerts.alert_article(a, msg, 0.0, RAW)


async def test_alerts_are_keyed_by_fold_key_and_two_agencies_fold_into_one_alert() -> None:
    ctx = context()
    alerts = Alerts(ctx)
    articles = [classified("a-1", "Agency One", 3), classified("b-2", "Agency Two", 14)]
    await alert_all(alerts, articles)
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


async def test_a_replay_of_an_article_offset_resends_what_the_crashed_run_sent() -> None:
    ctx = context()
    alerts = Alerts(ctx)
    item = classified("a-1", "Agency One", 3)
    await alert_all(alerts, [item], first_offset=5)
    first = list(ctx.topics.fold.sent)
    await alert_all(alerts, [item], first_offset=5)  # the same offset again, after a crash
    again = ctx.topics.fold.sent[len(first):]
    assert [Alert.model_validate_json(s.value).alert_id for s in again] == \
        [Alert.model_validate_json(s.value).alert_id for s in first]
    # The escalation contributions are sent again too; the index counts each event once.
    contributions = ctx.topics.escalation.sent
    assert [s.value for s in contributions[2:]] == [s.value for s in contributions[:2]]
    await alerts.escalation(FakeStream(on(ctx.topics.escalation, contributions)))
    for key in (b"dyad:RUS-UKR", b"region:UKR"):
        state = ctx.tables.index_buckets.values[key.decode()]
        assert [e[0] for e in state["events"]] == ["a-1-e1"]


async def test_a_replay_of_the_fold_offset_republishes_without_counting_twice() -> None:
    ctx = context()
    alerts = Alerts(ctx)
    await alert_all(alerts, [classified("a-1", "Agency One", 3)])
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
    await alert_all(alerts, [classified("a-1", "Agency One", 3)])
    good = on(ctx.topics.fold, ctx.topics.fold.sent, first_offset=1)
    await alerts.fold(FakeStream([Message("t.fold", 0, 0, value), *good]))
    assert [json.loads(s.value)["stage"] for s in ctx.topics.deadletter.sent] == ["alert"]
    assert ctx.topics.alerts.sent  # the next record went through


async def test_every_table_key_follows_the_key_of_the_topic_its_stage_reads() -> None:
    """Faust writes a table change to the changelog partition of the message being processed
    and recovers it with that partition: a state key must always arrive under one message key
    (the same key, or one the key determines), or two workers would each hold part of it."""
    ctx = context(partitions=4)
    wires = [wire("a-1"), wire("b-2", OTHER), wire("a-1")]
    await run_ingest(ctx, wires, partition=partition_of(b"a-1", 4))
    # The article stage's state is under the article id (the mark: "id|identity"), and each
    # article was processed on its article id's partition, in place or re-keyed.
    ids = {"a-1", "b-2"}
    assert {k.split("|", 1)[0] for k in ctx.tables.seen_hashes.values} == ids
    assert set(ctx.tables.revisions.values) == ids
    for aid, state in ctx.tables.revisions.values.items():
        assert state["src"][0] == partition_of(aid.encode(), 4)
    assert {s.key for s in ctx.topics.dedup.sent} <= {i.encode() for i in ids}
    alerts = Alerts(ctx)
    await alerts.fold(FakeStream(on(ctx.topics.fold, ctx.topics.fold.sent)))
    assert set(ctx.tables.folds) == {s.key.decode() for s in ctx.topics.fold.sent}
    await alerts.escalation(FakeStream(on(ctx.topics.escalation, ctx.topics.escalation.sent)))
    assert set(ctx.tables.index_buckets.values) == {
        s.key.decode() for s in ctx.topics.escalation.sent}


def received() -> float:
    return sum(s.value for m in metrics.ARTICLES_RECEIVED.collect() for s in m.samples
               if s.name.endswith("_total"))


@pytest.mark.parametrize("route", ["in place", "re-keyed"])
async def test_a_record_delivered_twice_keeps_received_equal_to_its_outcomes(route: str) -> None:
    """A seek back to the committed offset delivers a raw record again in the same process:
    received = normalized + duplicates + dead-lettered must still hold, by either route."""
    ctx = context(partitions=4)
    home = partition_of(b"a-1", 4)
    partition = home if route == "in place" else (home + 1) % 4
    before = (received(), counter(metrics.ARTICLES_NORMALIZED),
              counter(metrics.ARTICLES_DUPLICATE))
    ingest = stage(ctx)
    again = [Message("t.raw", partition, 7, wire("a-1"))] * 2
    await ingest.from_raw(FakeStream(again))
    await ingest.from_keyed(FakeStream(rekeyed(ctx)))
    got, normalized, duplicate = (received() - before[0],
                                  counter(metrics.ARTICLES_NORMALIZED) - before[1],
                                  counter(metrics.ARTICLES_DUPLICATE) - before[2])
    assert normalized == 1
    assert got == normalized + duplicate
    assert got == (1 if route == "in place" else 2)


def test_a_raw_topic_with_other_partitions_than_the_rekey_topic_is_never_read_in_place() -> None:
    """Partitions added to news.raw alone: its partition p and the re-key topic's p are no
    longer the same keys, so every wire takes the re-key hop."""
    ctx = context(partitions=4)
    ingest = stage(ctx)
    home = partition_of(b"a-1", 4)
    assert ingest.in_place("a-1", home)
    ctx.topics.raw.partitions = 8
    ingest._partitions = (0.0, (None, None))  # the looked-up counts expire
    assert not any(ingest.in_place("a-1", p) for p in range(8))


def contribution_records(n: int, key: str = "dyad:RUS-UKR") -> list[Message]:
    """`n` strike events of distinct articles on one escalation key, at offsets 0..n-1."""
    parts = [escalation.Contribution(key, 10.0, f"a-{i}-e1", "attack.aerial", f"a-{i}")
             for i in range(n)]
    return [Message("t.escalation", 0, i, json.dumps(p._asdict()).encode(), key.encode())
            for i, p in enumerate(parts)]


async def test_a_replay_of_the_escalation_hop_counts_no_contribution_twice() -> None:
    """After a crash the offsets since the last commit come again while the index already
    holds some of them: each is counted once, and the surge one of them raised is published
    again under its id (the crashed run's send may never have left)."""
    ctx = context()
    alerts = Alerts(ctx)
    records = contribution_records(20)
    await alerts.escalation(FakeStream(records))
    bucket = ctx.tables.index_buckets.values["dyad:RUS-UKR"]
    assert (bucket["score"], bucket["count"]) == (200.0, 20)
    # ten strikes make a sharp rise (offset 9), fifteen cross the threshold of 150 (offset
    # 14): one surge, updated once
    surges = [Alert.model_validate_json(s.value) for s in ctx.topics.alerts.sent]
    assert [(a.escalation_index, a.revision) for a in surges] == [(100.0, 0), (150.0, 1)]
    assert surges[0].alert_id == surges[1].alert_id
    await alerts.escalation(FakeStream(records[5:]))  # delivered again
    bucket = ctx.tables.index_buckets.values["dyad:RUS-UKR"]
    assert (bucket["score"], bucket["count"]) == (200.0, 20)
    # the message that last wrote the surge publishes it again; nothing else does
    again = [Alert.model_validate_json(s.value) for s in ctx.topics.alerts.sent[2:]]
    assert again == surges[1:]


async def test_a_record_keyed_unlike_its_message_writes_no_state_and_is_a_dead_letter() -> None:
    """The stage adapter's key check: a fold record keyed by article id (the mistake of an
    earlier producer) would put the fold's state on a partition another worker may own."""
    ctx = context()
    alerts = Alerts(ctx)
    await alert_all(alerts, [classified("a-1", "Agency One", 3)])
    good = on(ctx.topics.fold, ctx.topics.fold.sent)
    wrong = Message("t.fold", 0, len(good), good[0].value, b"a-1")
    await alerts.fold(FakeStream([*good, wrong]))
    letters = [json.loads(s.value) for s in ctx.topics.deadletter.sent]
    assert [(d["stage"], d["reason"]) for d in letters] == [("alert", "processing_error")]
    assert "keyed b'a-1'" in letters[0]["error"]
    assert set(ctx.tables.folds) == {s.key.decode() for s in ctx.topics.fold.sent}
    assert all(state["src"][1] < len(good) for state in ctx.tables.folds.values())
