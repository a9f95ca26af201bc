"""Table values on their changelogs: JSON, deflated when large, and old plain JSON still read."""

from __future__ import annotations

import asyncio
import re
import zlib
from datetime import UTC, datetime

import orjson
import pytest
from faust.serializers import codecs
from faust.types import TP
from faust.types.tuples import RecordMetadata

from schemas import Alert, Evidence
from streams import config
from streams.alerting import folding
from streams.app import create_app
from streams.shell import state_table


def _codec() -> codecs.Codec:
    return codecs.get_codec(state_table.register())


def _fold_state() -> dict:
    alert = Alert(
        alert_id="a-1", kind="infrastructure_attack", severity="high",
        title="Missile strike on the Odesa power plant", summary="A plant was hit overnight.",
        article_id="w-1", event_ids=[f"w-1:e{i}" for i in range(8)], dyad="RUS-UKR",
        evidence=[Evidence(text="Missiles struck the power plant overnight.", start=0, end=42)],
        source="Reuters", raised_at=datetime(2026, 3, 2, 6, tzinfo=UTC),
    )
    _, state = folding.fold_event(None, alert, now=datetime(2026, 3, 2, 6, tzinfo=UTC))
    return folding.stamp(state, 3, 1200, alert)


def test_a_fold_is_written_deflated_and_reads_back_equal() -> None:
    codec, state = _codec(), _fold_state()
    written = codec.dumps(state)
    assert written[:1] == b"x"  # zlib's header: what the reader keys on
    assert len(written) < 0.7 * len(orjson.dumps(state))
    assert codec.loads(written) == state


def test_a_small_value_stays_plain_json() -> None:
    mark = {"id": "w-1", "p": 2, "o": 77, "t": "r"}
    written = _codec().dumps(mark)
    assert orjson.loads(written) == mark
    assert _codec().loads(written) == mark


def test_a_changelog_written_before_the_codec_still_reads() -> None:
    """Plain JSON of any size, as the json codec wrote it: a worker upgraded in place must
    recover the tables its predecessor left."""
    state = _fold_state()
    assert _codec().loads(orjson.dumps(state)) == state
    assert _codec().loads(b"[1, 2]") == [1, 2]


def test_deflate_is_plain_zlib() -> None:
    """Anyone reading a changelog (kcat, a replay tool) decodes it with stock zlib."""
    state = _fold_state()
    assert orjson.loads(zlib.decompress(_codec().dumps(state))) == state


def test_every_table_writes_with_the_codec() -> None:
    app = create_app(config.Settings.from_env())
    tables = list(app.tables.values())
    assert len(tables) == 5
    for table in tables:
        assert table.value_serializer == state_table.NAME, table.name
        # what recovery decodes the changelog with, windowed tables' included
        assert table.changelog_topic.value_serializer == state_table.NAME, table.name
        assert table.data.value_serializer == state_table.NAME, table.name


class _Sends:
    def __init__(self) -> None:
        self.records: list[tuple[int, object, object]] = []

    def __call__(self, *, key: object, value: object, partition: int, **kw: object) -> None:
        self.records.append((partition, key, value))


def _table(monkeypatch, name: str = "alert-folds") -> tuple[state_table.StateTable, _Sends]:
    app = create_app(config.Settings.from_env())
    table = next(t for t in app.tables.values() if t.name.endswith(name))
    sends = _Sends()
    monkeypatch.setattr(table.changelog_topic, "send_soon", sends)
    return table, sends


def _home(table: state_table.StateTable, key: str) -> int:
    return state_table.partition_of(key.encode(), table.partitions)


A, B, C = "strategic_strike|RUS-UKR|geo:1", "strategic_strike|RUS-UKR|geo:2", "talks|SDN-SDN|-"


def test_writes_to_one_key_between_commits_become_one_record(monkeypatch) -> None:
    table, sends = _table(monkeypatch)
    for n in range(10):
        table.send_changelog(_home(table, A), A, {"reports": n})
    table.send_changelog(_home(table, B), B, {"reports": 1})
    table.send_changelog(_home(table, C), C, {"reports": 1})
    table.send_changelog(_home(table, C), C, None)  # deleted since: the delete goes
    assert sends.records == []
    assert table.flush_changelog() == 3
    assert sorted(sends.records, key=str) == sorted([
        (_home(table, A), A, {"reports": 9}),
        (_home(table, B), B, {"reports": 1}),
        (_home(table, C), C, None),
    ], key=str)
    assert table.flush_changelog() == 0  # nothing is sent twice


def test_setting_and_deleting_keys_go_through_the_held_writes(monkeypatch) -> None:
    """Faust's own entry points: `table[key] = value` and `del table[key]` in an agent."""
    table, sends = _table(monkeypatch)
    monkeypatch.setattr(table, "partition_for_key", lambda key: _home(table, key))
    table[A] = {"reports": 1}
    table[A] = {"reports": 2}
    table[C] = {"reports": 1}
    del table[C]
    assert table[A] == {"reports": 2}  # read back at once
    assert sends.records == []
    table.flush_changelog()
    assert sorted(sends.records, key=str) == sorted(
        [(_home(table, A), A, {"reports": 2}), (_home(table, C), C, None)], key=str)


def test_held_writes_are_bounded(monkeypatch) -> None:
    """A commit held back (a hole in the offsets) must not let them pile up."""
    table, sends = _table(monkeypatch)
    monkeypatch.setattr(state_table, "MAX_HELD", 3)
    keys = [f"strategic_strike|RUS-UKR|geo:{i}" for i in range(4)]
    for key in keys:
        table.send_changelog(_home(table, key), key, {"reports": 1})
    assert [k for _, k, _ in sends.records] == keys[:3]
    assert list(table.pending) == [(_home(table, keys[3]), keys[3])]


def test_a_key_written_from_another_partition_is_refused(monkeypatch) -> None:
    """A fold key written while processing a message of another key's partition would be
    recovered by whichever worker holds that partition: two halves of one fold."""
    table, _ = _table(monkeypatch)
    wrong = (_home(table, A) + 1) % table.partitions
    with pytest.raises(state_table.StateKeyError, match="belongs on partition"):
        table.send_changelog(wrong, A, {"reports": 1})
    assert table.pending == {}


def test_an_exact_dedup_mark_routes_by_its_article_id(monkeypatch) -> None:
    """Its key is `article id|content identity`; its partition is the article id's."""
    table, _ = _table(monkeypatch, "content-hashes")
    key = "reuters-77|9f2c01:v1"
    window = (0.0, 86_400.0)
    home = state_table.partition_of(b"reuters-77", table.partitions)
    table.send_changelog(home, (key, window), {"id": "reuters-77"})
    with pytest.raises(state_table.StateKeyError):
        table.send_changelog((home + 1) % table.partitions, (key, window), {"id": "x"})


def test_every_table_declares_its_route_and_a_table_without_one_is_refused() -> None:
    app = create_app(config.Settings.from_env())
    assert all(t.route is not None for t in app.tables.values())
    table = next(iter(app.tables.values()))
    state_table.check_routes(app, {"news.raw": table.partitions})
    with pytest.raises(state_table.StateKeyError, match="source topics have"):
        state_table.check_routes(app, {"news.raw": table.partitions + 2})
    table.route = None
    with pytest.raises(state_table.StateKeyError, match="no route"):
        state_table.check_routes(app, {})


class _Producer:
    """The app's producer at the client: what `publish_changelog` hands it, acknowledged."""

    def __init__(self) -> None:
        self.records: list[tuple[str, int, bytes, bytes | None]] = []

    async def send(self, topic: str, key: bytes, value: bytes | None, partition: int,
                   timestamp: float | None, headers: object) -> asyncio.Future:
        self.records.append((topic, partition, key, value))
        done = asyncio.get_running_loop().create_future()
        done.set_result(RecordMetadata(topic=topic, partition=partition,
                                       topic_partition=TP(topic, partition),
                                       offset=len(self.records) - 1))
        return done


def _publishing(monkeypatch, name: str = "alert-folds") -> tuple[
        state_table.StateTable, _Producer, list[int]]:
    table, _ = _table(monkeypatch, name)
    producer = _Producer()
    monkeypatch.setattr(table.app, "_producer", producer)
    offsets: list[int] = []  # what the changelog callback saw (RocksDB keeps it)
    monkeypatch.setattr(table, "_on_changelog_sent",
                        lambda fut: offsets.append(fut.result().offset))
    return table, producer, offsets


async def test_held_writes_are_published_serialized_in_one_pass(monkeypatch) -> None:
    """One record per key, serialized as Faust's buffer would (the deflating codec), and
    each completion reaches the table's changelog callback."""
    table, producer, offsets = _publishing(monkeypatch)
    big = _fold_state()
    for n in range(5):
        table.send_changelog(_home(table, A), A, {"reports": n})
    table.send_changelog(_home(table, B), B, big)
    table.send_changelog(_home(table, C), C, {"reports": 1})
    table.send_changelog(_home(table, C), C, None, value_serializer="raw")  # Faust's delete
    assert await table.publish_changelog() == 3
    await asyncio.sleep(0)  # the completions' callbacks
    name = table.changelog_topic.get_topic_name()
    got = {orjson.loads(key): (topic, partition, value)
           for topic, partition, key, value in producer.records}
    assert set(got) == {A, B, C} and {t for t, _, _ in got.values()} == {name}
    assert {k: p for k, (_, p, _) in got.items()} == {k: _home(table, k) for k in (A, B, C)}
    assert _codec().loads(got[A][2]) == {"reports": 4}
    assert got[B][2][:1] == b"x" and _codec().loads(got[B][2]) == big  # deflated
    assert got[C][2] is None  # the delete: a tombstone, which compaction removes
    assert sorted(offsets) == [0, 1, 2]
    assert await table.publish_changelog() == 0  # nothing is sent twice


async def test_a_commit_publishes_the_held_writes_before_faust_flushes_and_commits(
    monkeypatch,
) -> None:
    table, producer, _ = _publishing(monkeypatch)
    table.send_changelog(_home(table, A), A, {"n": 1})
    seen: list[int] = []

    async def faust_commit(consumer: object, offsets: object, **kw: object) -> bool:
        seen.append(len(producer.records))  # what the producer holds when Faust flushes it
        return True

    monkeypatch.setattr(state_table, "_commit_offsets", faust_commit)
    consumer = type("C", (), {"app": table.app})()
    assert await state_table.commit_offsets(consumer, {("t", 1): 10}) is True
    assert seen == [1]


def test_a_revocation_hands_the_held_writes_over_first(monkeypatch) -> None:
    table, sends = _table(monkeypatch)
    table.send_changelog(_home(table, A), A, {"n": 1})
    seen: list[int] = []
    monkeypatch.setattr(state_table, "_on_partitions_revoked",
                        lambda manager, revoked: seen.append(len(sends.records)))
    state_table.on_partitions_revoked(table.app.tables, {("t", 1)})
    assert seen == [1]


def test_a_changelog_value_reads_back_as_plain_json_without_the_model_lookup() -> None:
    """What recovery decodes: our dicts and lists as they are; a value carrying Faust's
    model key still goes to Faust's models (an unknown one is refused there, as before)."""
    app = create_app(config.Settings(work_process=False))
    registry = app.serializers
    assert isinstance(registry, state_table.Serializers)
    fold = _fold_state()
    payload = _codec().dumps(fold)
    assert registry.loads_value(None, payload, serializer=state_table.NAME) == fold
    assert registry.loads_value(None, b"[1, 2]", serializer="json") == [1, 2]
    blessed = orjson.dumps({"x": 1, state_table.BLESSED: {"ns": "no.such.Model"}})
    with pytest.raises(Exception, match=re.escape("no.such.Model")):
        registry.loads_value(None, blessed, serializer="json")


async def test_the_table_manager_starts_recovery_without_faust_s_fixed_wait() -> None:
    """Faust's manager sleeps a second at start for tables agents might still declare; ours
    are declared before the app starts, so recovery starts at once."""
    calls: list[str] = []

    class Recovery:
        async def start(self) -> None:
            calls.append("recovery")

    class Manager:
        should_stop = False
        recovery = Recovery()

        async def sleep(self, seconds: float) -> None:
            raise AssertionError(f"slept {seconds} s")

        async def _update_channels(self) -> None:
            calls.append("channels")

    await state_table.StateTableManager.on_start(Manager())  # type: ignore[arg-type]
    assert calls == ["channels", "recovery"]
    assert isinstance(create_app(config.Settings(work_process=False)).tables,
                      state_table.StateTableManager)
