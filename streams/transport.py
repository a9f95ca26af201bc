"""Three corrections to Faust's Kafka transport, applied where the app is built.

1. The consumer's fetch wait. faust-streaming's aiokafka driver hard-codes
`fetch_max_wait_ms=1500`: a fetch that covers only partitions with nothing new (the
assignor's leader topic, drained inputs) is held by the broker for 1.5 s while the data
partitions sit idle behind it. Measured (issue 9): 2-4 gaps of 0.5-1.1 s with no output per
benchmark run; with 10 ms the gaps vanished and a Faust pass-through went from 3,830 to
4,569 msg/s in the same run.

2. The flush before a commit. Faust commits acked offsets only after `producer.flush()`
(faust/transport/consumer.py, `_commit_offsets`); aiokafka's flush waits for every record it
was handed, but Faust's own `ProducerBuffer.flush_atmost` (where `send_soon` records, such as
table changelog writes, wait) returns as soon as 0.1 s pass without a record leaving, and the
commit goes ahead. Under load, or while the broker elects a leader, a committed offset could
then stand for a state write that never reached its changelog. The replacement waits until
the buffer is empty, or fails the commit when the producer stops. (Found while rebuilding the
streaming core, issue 9.)

3. The metadata storm at start (see `create_topic`).
"""

from __future__ import annotations

import asyncio
from typing import Any

from faust.transport import producer as faust_producer
from faust.transport.drivers import aiokafka as driver

FETCH_MAX_WAIT_MS = 10
_create = driver.AIOKafkaConsumerThread._create_worker_consumer
_create_topic = driver.Producer.create_topic


def _create_worker_consumer(self: driver.AIOKafkaConsumerThread, transport: Any) -> Any:
    consumer = _create(self, transport)
    # Read by AIOKafkaConsumer.start() when it builds its fetcher: set before the start.
    consumer._fetch_max_wait_ms = FETCH_MAX_WAIT_MS
    return consumer


async def flush_all(self: faust_producer.ProducerBuffer) -> None:
    """Wait until every buffered record was handed to the client, whose own flush then waits
    for the broker's acknowledgement."""
    while self.size:
        if self.state != "running":
            raise RuntimeError("Cannot flush: Producer not Running")
        self.message_sent.clear()
        try:
            await asyncio.wait_for(self.message_sent.wait(), timeout=0.1)
        except TimeoutError:
            continue


async def create_topic(self: driver.Producer, topic: str, *args: Any, **kwargs: Any) -> None:
    """Faust's topic declaration, skipped for a topic the producer's metadata already holds.

    Faust declares every topic and changelog as it starts and, after each, forces a metadata
    refresh of its producer's client; that client tracks no topics yet, so each refresh asks
    for every topic of the cluster. On the development broker (~1,800 topics) a restart made
    28 such requests of 50-200 ms: ~5 s of the start (2026-12-05). A topic that exists needs
    neither the creation (Faust skips it too) nor the refresh."""
    producer = self._producer
    if producer is not None and topic in producer.client.cluster.topics():
        return
    await _create_topic(self, topic, *args, **kwargs)


def install() -> None:
    """Idempotent: the worker and the pass-through benchmark both call it."""
    driver.AIOKafkaConsumerThread._create_worker_consumer = _create_worker_consumer
    driver.Producer.create_topic = create_topic  # type: ignore[method-assign]
    faust_producer.ProducerBuffer.flush = flush_all  # type: ignore[method-assign]
