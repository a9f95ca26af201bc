"""The near-duplicate index, replicated to every worker (streams/normalize/band_index.py).

Every worker reads every partition of the internal index topic (no consumer group, from the
beginning) into its own `BandIndex`; the topic is compacted and deleted after the duplicate
horizon, so a restart re-reads at most that many days of 200-byte records. The dedup stage
waits until the reader has caught up with the topic's end as it stood at start: a worker that
took partitions before knowing the index would let copies of yesterday's stories through.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from aiokafka import AIOKafkaConsumer, TopicPartition
from aiokafka.errors import KafkaError

from streams.normalize.band_index import BandIndex, decode

log = logging.getLogger("wirewatch.replica")


class IndexReplica:
    """Keeps `index` in step with `topic`; `caught_up` is set once the start-time end is read."""

    def __init__(self, index: BandIndex, topic: str, client_options: dict[str, Any]) -> None:
        self.index = index
        self.topic = topic
        self.client_options = client_options
        self.caught_up = asyncio.Event()
        self.records = 0
        self.positions: dict[int, int] = {}  # partition -> next offset to read

    async def preload(self, timeout: float = 60.0) -> bool:
        """Read the index to its end before the worker joins its group (`wirewatch worker`
        calls it), so the dedup stage never holds fetched records while the index loads.
        False (the worker's task then loads it) when the broker does not answer in time."""
        try:
            await asyncio.wait_for(self._follow(stop_when_caught_up=True), timeout)
            return True
        except (TimeoutError, KafkaError, OSError) as exc:
            log.warning("near-duplicate index not preloaded (%r): the worker will", exc)
            return False

    async def run(self) -> None:
        """Forever: read, apply; reconnect after broker errors."""
        while True:
            try:
                await self._follow()
            except asyncio.CancelledError:
                raise
            except (KafkaError, OSError, ValueError) as exc:
                log.warning("near-duplicate index reader: %r; retrying", exc)
                await asyncio.sleep(1.0)

    async def _follow(self, *, stop_when_caught_up: bool = False) -> None:
        consumer = AIOKafkaConsumer(
            group_id=None, enable_auto_commit=False, auto_offset_reset="earliest",
            fetch_max_wait_ms=50, max_partition_fetch_bytes=4_194_304,
            **self.client_options,
        )
        await consumer.start()
        try:
            parts = consumer.partitions_for_topic(self.topic)
            while not parts:
                await consumer._client.force_metadata_update()
                parts = consumer.partitions_for_topic(self.topic)
                if not parts:
                    await asyncio.sleep(0.5)
            tps = [TopicPartition(self.topic, p) for p in sorted(parts)]
            consumer.assign(tps)
            for tp in tps:
                if tp.partition in self.positions:
                    consumer.seek(tp, self.positions[tp.partition])
                else:
                    await consumer.seek_to_beginning(tp)
            ends = await consumer.end_offsets(tps)
            while True:
                if not self.caught_up.is_set() and await self._at(consumer, ends):
                    log.info("near-duplicate index: %d records read at start (%d entries)",
                             self.records, len(self.index))
                    self.caught_up.set()
                if stop_when_caught_up and self.caught_up.is_set():
                    return
                batch = await consumer.getmany(timeout_ms=200, max_records=10_000)
                for tp, records in batch.items():
                    for record in records:
                        self.apply(record.key, record.value)
                    if records:
                        self.positions[tp.partition] = records[-1].offset + 1
        finally:
            await consumer.stop()

    @staticmethod
    async def _at(consumer: AIOKafkaConsumer, ends: dict[TopicPartition, int]) -> bool:
        for tp, end in ends.items():
            if await consumer.position(tp) < end:
                return False
        return True

    def apply(self, key: bytes | None, value: bytes | None) -> None:
        """A record of another layout or without a key is skipped: the index is a cache of
        what the dedup stage decided, never a reason to stop."""
        if not key or value is None:
            return
        item = decode(key.decode(errors="replace"), value)
        if item is None:
            return
        self.records += 1
        self.index.add(item)
