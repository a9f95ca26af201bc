"""Table values on their changelogs: JSON, deflated when large, and old plain JSON still read."""

from __future__ import annotations

import zlib
from datetime import UTC, datetime

import orjson
from faust.serializers import codecs

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


def test_writes_to_one_key_between_commits_become_one_record(monkeypatch) -> None:
    table, sends = _table(monkeypatch)
    for n in range(10):
        table.send_changelog(2, "kind|RUS-UKR|geo:1", {"reports": n})
    table.send_changelog(3, "kind|RUS-UKR|geo:2", {"reports": 1})
    table.send_changelog(2, "kind|SDN-SDN|geo:3", {"reports": 1})
    table.send_changelog(2, "kind|SDN-SDN|geo:3", None)  # deleted since: the delete goes
    assert sends.records == []
    assert table.flush_changelog() == 3
    assert sorted(sends.records, key=str) == sorted([
        (2, "kind|RUS-UKR|geo:1", {"reports": 9}),
        (3, "kind|RUS-UKR|geo:2", {"reports": 1}),
        (2, "kind|SDN-SDN|geo:3", None),
    ], key=str)
    assert table.flush_changelog() == 0  # nothing is sent twice


def test_setting_and_deleting_keys_go_through_the_held_writes(monkeypatch) -> None:
    """Faust's own entry points: `table[key] = value` and `del table[key]` in an agent."""
    table, sends = _table(monkeypatch)
    monkeypatch.setattr(table, "partition_for_key", lambda key: 2)
    table["kind|RUS-UKR|geo:1"] = {"reports": 1}
    table["kind|RUS-UKR|geo:1"] = {"reports": 2}
    table["kind|SDN-SDN|geo:3"] = {"reports": 1}
    del table["kind|SDN-SDN|geo:3"]
    assert table["kind|RUS-UKR|geo:1"] == {"reports": 2}  # read back at once
    assert sends.records == []
    table.flush_changelog()
    assert sorted(sends.records, key=str) == [
        (2, "kind|RUS-UKR|geo:1", {"reports": 2}), (2, "kind|SDN-SDN|geo:3", None)]


def test_a_key_on_two_partitions_is_two_records(monkeypatch) -> None:
    """A changelog partition is its source partition: the same key written from two (a
    rebalance between) is two records, never one on the wrong partition."""
    table, sends = _table(monkeypatch)
    table.send_changelog(0, "k", 1)
    table.send_changelog(1, "k", 2)
    table.flush_changelog()
    assert sorted(sends.records) == [(0, "k", 1), (1, "k", 2)]


async def test_a_commit_hands_the_held_writes_over_before_faust_flushes_and_commits(
    monkeypatch,
) -> None:
    table, sends = _table(monkeypatch)
    table.send_changelog(1, "a|b|c", {"n": 1})
    seen: list[int] = []

    async def faust_commit(consumer: object, offsets: object, **kw: object) -> bool:
        seen.append(len(sends.records))  # what the producer holds when Faust flushes it
        return True

    monkeypatch.setattr(state_table, "_commit_offsets", faust_commit)
    consumer = type("C", (), {"app": table.app})()
    assert await state_table.commit_offsets(consumer, {("t", 1): 10}) is True
    assert seen == [1]


def test_a_revocation_hands_the_held_writes_over_first(monkeypatch) -> None:
    table, sends = _table(monkeypatch)
    table.send_changelog(1, "a|b|c", {"n": 1})
    seen: list[int] = []
    monkeypatch.setattr(state_table, "_on_partitions_revoked",
                        lambda manager, revoked: seen.append(len(sends.records)))
    state_table.on_partitions_revoked(table.app.tables, {("t", 1)})
    assert seen == [1]

