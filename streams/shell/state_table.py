"""How table state reaches its changelogs: one record per key per commit, deflated when large.

Two costs of Faust's tables, measured on the bench wires (2026-12-05):

- Faust sends a changelog record on every write. A fold that takes ten reports in a second
  is written ten times, whole; the changelog keeps every copy until the log cleaner runs, and
  a restart replays them. Kafka Streams puts a record cache in front of its changelogs for
  this: writes to one key between two commits become one record. `StateTable` does the same.
  The table itself (what the next message reads) changes at once; only the changelog record
  waits, and every waiting record is handed to the producer before a commit
  (`install`), whose flush then waits for it. A committed offset therefore still stands for
  durable state, and a crash loses only writes whose source offsets were not committed,
  which the successor processes again: the guarantee the offset-stamped state was built on
  (`streams.alerting.revisions.stamp`, `folding.stamp`, `normalize.exact.mark`).
- The alert tables hold whole alerts (evidence, event ids, a fold's reports): 1.3 KB per
  article in the revisions and ~4 KB per fold write, repetitive JSON that zlib at level 1
  shrinks to a third in ~15 µs a value. Small values (marks, counters) stay plain: deflate's
  header outweighs what it would save. A deflated value starts with zlib's header byte `x`
  (0x78), which no JSON text starts with, so a changelog written before, plain JSON
  throughout, still reads.
"""

from __future__ import annotations

import asyncio
import logging
import zlib
from collections.abc import Callable
from functools import lru_cache, partial
from types import SimpleNamespace
from typing import Any

import faust
from aiokafka.partitioner import DefaultPartitioner
from faust.models.base import Model
from faust.serializers import Registry, codecs
from faust.tables.manager import TableManager
from faust.transport.consumer import Consumer

from streams import order

NAME = "json-deflate"
# Below this many bytes of JSON a value is written as it is.
MIN_DEFLATE_BYTES = 256
LEVEL = 1  # level 6 saves 4% more bytes for 30% more time
# Held writes per table beyond which they go to the producer without waiting for the commit
# (a commit held back by a hole in the offsets must not let them grow without bound; state
# ahead of the committed offset is what the offset stamps are for).
MAX_HELD = 20_000
BLESSED = Model._blessed_key  # the key under which Faust names a serialized model

# A commit waiting this long for the producer's flush is logged with what the producer holds.
SLOW_COMMIT_SECONDS = 10.0

_commit_offsets = Consumer._commit_offsets
_partitioner = DefaultPartitioner()
_on_partitions_revoked = TableManager.on_partitions_revoked
log = logging.getLogger(__name__)


class Deflate(codecs.Codec):
    """Bytes deflated when at least `MIN_DEFLATE_BYTES` long; both forms read back."""

    def _dumps(self, obj: Any) -> bytes:
        data = bytes(obj)
        if len(data) < MIN_DEFLATE_BYTES:
            return data
        return zlib.compress(data, LEVEL)

    def _loads(self, s: bytes) -> Any:
        if s[:1] == b"x":
            return zlib.decompress(s)
        return s


def register() -> str:
    """Register the codec with Faust (idempotent) and return its name."""
    codecs.register(NAME, codecs.get_codec("json") | Deflate())
    return NAME


class Serializers(Registry):
    """Faust's serializer registry, without its model lookup on plain JSON.

    A value read without a declared type (every changelog record of our tables) is offered
    to Faust's model registry first, which looks for its `__faust` key by raising and
    catching a KeyError: 9% of a restart's CPU as it replays the changelogs (2026-12-06).
    Our values are never Faust models; a dict that does carry the key still goes to Faust
    (`faust.App(..., Serializers=Serializers)`)."""

    def _prepare_payload(self, typ: Any, value: Any) -> Any:
        if typ is None and not (isinstance(value, dict) and BLESSED in value):
            return value
        return super()._prepare_payload(typ, value)


class StateKeyError(RuntimeError):
    """A table write whose key belongs on another partition than the message writing it."""


@lru_cache(maxsize=8192)
def partition_of(key: bytes, partitions: int) -> int:
    """Kafka's default partitioner (murmur2, as the Java client and aiokafka place a keyed
    record): where a record keyed by `key` lands among `partitions`.

    Cached: aiokafka's murmur2 is pure Python (~7 µs a key), and one article asks it for the
    same few keys several times (its placement, then every table write's route check; fold
    and escalation keys recur across articles)."""
    return _partitioner(key, range(partitions), None)


class StateTable(faust.Table):
    """Faust's table with its changelog writes coalesced per key until the next commit and
    its values written with the deflating codec (`faust.App(..., Table=StateTable)`,
    Faust's documented hook for the table class).

    Faust writes a table change to the changelog partition of the message being processed
    and recovers a partition's keys with it, so a key must always be written from the one
    partition its source topic would put it on, or two workers each hold a piece of it and
    a restart splits it. `route` says which message key a state key belongs to (the
    identity for a table keyed like its topic); every write checks it, and `check_routes`
    refuses at start a table that declares none."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # (changelog partition, key) -> the latest write's send_changelog arguments
        self.pending: dict[tuple[int | None, Any], tuple[Any, ...]] = {}
        self.route: Callable[[str], str] | None = None

    def check_route(self, key: Any, partition: int) -> None:
        """Raise `StateKeyError` when `key` belongs on another partition than `partition`."""
        if self.route is None or not self.partitions:
            return
        state_key = key[0] if self.window is not None else key  # (key, window range)
        home = partition_of(self.route(state_key).encode(), self.partitions)
        if home != partition:
            raise StateKeyError(
                f"{self.name}: key {state_key!r} belongs on partition {home} (its message "
                f"key {self.route(state_key)!r}), written from partition {partition}")

    def _serializer_from_type(self, typ: Any) -> Any:
        if typ is None:  # plain JSON values: every table of ours
            return register()
        return super()._serializer_from_type(typ)

    def send_changelog(self, partition: int | None, key: Any, value: Any,
                       key_serializer: Any = None, value_serializer: Any = None) -> Any:
        """Held until the next commit; a later write to the key replaces it (a delete too).

        Faust's callers only read the record's partition from what this returns; a table
        that leaves the partition to the producer's partitioner is not held."""
        if partition is None:
            return super().send_changelog(partition, key, value, key_serializer,
                                          value_serializer)
        self.check_route(key, partition)
        self.pending[(partition, key)] = (partition, key, value, key_serializer,
                                          value_serializer)
        if len(self.pending) >= MAX_HELD:
            self.flush_changelog()
        return SimpleNamespace(message=SimpleNamespace(partition=partition))

    def flush_changelog(self) -> int:
        """Hand every held write to Faust's producer buffer: the records it stands for."""
        pending, self.pending = self.pending, {}
        for args in pending.values():
            super().send_changelog(*args)
        return len(pending)

    async def publish_changelog(self) -> int:
        """Every held write straight to the producer, as Faust's buffer would publish it:
        the same serialized record, the same completion (`Topic._on_published`, which runs
        the callback that records the changelog offset for RocksDB).

        Faust's buffer publishes one record per turn of the event loop, and so does
        `Topic.publish_message` (its producer lookup is a stampede guard that yields): a
        commit that flushed a second's held writes (2,000-12,000 records) waited 1-9 s for
        them, beside the agents, while the fetch loop, which commits inline, delivered
        nothing (2026-12-06). Here they go in one pass, and the commit's producer flush
        waits only for the broker."""
        pending, self.pending = self.pending, {}
        if not pending:
            return 0
        topic = self.changelog_topic
        name = topic.get_topic_name()
        app = self.app
        producer = app.producer
        for partition, key, value, key_serializer, value_serializer in pending.values():
            fut = topic.as_future_message(
                key=key, value=value, partition=partition,
                key_serializer=key_serializer or self.key_serializer,
                value_serializer=value_serializer or self.value_serializer,
                callback=self._on_changelog_sent, eager_partitioning=True)
            message = fut.message
            state = app.sensors.on_send_initiated(
                producer, name, message=message, keysize=len(message.key or b""),
                valsize=len(message.value or b""))
            sent = await producer.send(name, message.key, message.value, message.partition,
                                       message.timestamp, message.headers)
            sent.add_done_callback(partial(topic._on_published, message=fut,
                                           producer=producer, state=state))
        return len(pending)


class StateTableManager(TableManager):
    """Faust's table manager without the second it sleeps at start (for tables an agent
    would declare as it starts): every table of ours is declared before the app starts
    (`streams.shell.topology.Tables`), so that second was only a second more to ready, on
    every start and restart (`faust.App(..., TableManager=StateTableManager)`)."""

    async def on_start(self) -> None:
        if not self.should_stop:
            await self._update_channels()
            await self.recovery.start()


def check_routes(app: Any, sources: dict[str, int]) -> None:
    """At start: every table says which message key each of its keys belongs to, and has as
    many partitions as the topics that write it (`sources`: topic -> partitions), without
    which the same key would not land on the same partition number."""
    for table in app.tables.values():
        if not isinstance(table, StateTable):
            continue
        if table.route is None:
            raise StateKeyError(f"{table.name}: no route from its keys to its message keys")
        wrong = {t: n for t, n in sources.items() if n != table.partitions}
        if wrong:
            raise StateKeyError(f"{table.name}: {table.partitions} partitions, but its "
                                f"source topics have {wrong}")


def flush_changelogs(app: Any) -> int:
    """Every held table write of the app, handed to the producer."""
    return sum(table.flush_changelog() for table in app.tables.values()
               if isinstance(table, StateTable))


async def publish_changelogs(app: Any) -> int:
    """Every held table write of the app, published (`StateTable.publish_changelog`)."""
    return sum([await table.publish_changelog() for table in app.tables.values()
                if isinstance(table, StateTable)])


async def commit_offsets(self: Consumer, offsets: Any, start_new_transaction: bool = True) -> Any:
    """Faust's commit, after the held table writes: its producer flush then waits for them
    too, so no offset is committed ahead of the state its messages wrote. A commit still
    waiting after `SLOW_COMMIT_SECONDS` says what the producer holds: every fetch and
    rebalance waits behind it."""
    await publish_changelogs(self.app)
    slow = asyncio.get_running_loop().call_later(SLOW_COMMIT_SECONDS, _tell_slow_commit,
                                                  self.app)
    try:
        return await _commit_offsets(self, offsets, start_new_transaction=start_new_transaction)
    finally:
        slow.cancel()


def _tell_slow_commit(app: Any) -> None:
    log.warning("a commit stalled %.0f s in the producer's flush: %s; tasks: %s",
                SLOW_COMMIT_SECONDS, order.producer_state(app), order.flow_tasks(app))


def on_partitions_revoked(self: TableManager, revoked: Any) -> None:
    """Held writes leave before the partitions do: the rebalance's producer flush, which
    comes next, waits for them, as it waited for Faust's own immediate writes."""
    flush_changelogs(self.app)
    _on_partitions_revoked(self, revoked)


def install() -> None:
    """Idempotent: called where the app is built."""
    register()
    Consumer._commit_offsets = commit_offsets  # type: ignore[method-assign]
    TableManager.on_partitions_revoked = on_partitions_revoked  # type: ignore[method-assign]
