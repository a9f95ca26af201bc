"""Five corrections to Faust's Kafka transport, applied where the app is built.

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

4. One record per loop turn (see `_drain_messages`).

5. The producer is idempotent (see `producer_settings`).

6. The producer's metadata keeps every topic it sends to (see `wait_on_metadata`).
"""

from __future__ import annotations

import asyncio
from typing import Any

from aiokafka.client import AIOKafkaClient
from faust.transport import consumer as faust_consumer
from faust.transport import producer as faust_producer
from faust.transport.drivers import aiokafka as driver

FETCH_MAX_WAIT_MS = 10
_create = driver.AIOKafkaConsumerThread._create_worker_consumer
_create_topic = driver.Producer.create_topic
_settings_extra = driver.Producer._settings_extra
_wait_on_metadata = AIOKafkaClient._wait_on_metadata


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


def producer_settings(self: driver.Producer) -> dict[str, Any]:
    """Faust's extra producer settings, with idempotence always on (Faust turns it on only
    for exactly-once transactions; Kafka's own clients default to it since 3.0).

    Without it a send whose acknowledgement died with the connection is sent again and
    written twice. Found by the broker-restart chaos run (2026-12-06, 1 run in 5): a wire
    re-keyed while the broker went away reached the re-key topic twice, was counted once
    on receipt and once more as an exact duplicate, and `received = normalized + duplicates
    + dead-lettered` failed by that one. The same retry could write an event or an alert
    twice on a contract topic. With idempotence the broker drops the retried copy (aiokafka
    then also retries a batch until the broker takes it, never expiring it). Same run, three
    rounds of 6,000 wires: 529 against 554 articles/s keyed, 478 against 482 unkeyed, the
    rounds overlapping: no cost beyond the machine's noise."""
    return {**_settings_extra(self), "acks": "all", "enable_idempotence": True}


async def wait_on_metadata(self: AIOKafkaClient, topic: str) -> Any:
    """aiokafka's wait for a topic's partitions, which also tracks a topic its metadata
    already holds.

    aiokafka tracks a topic (asks the broker for it on every metadata refresh) only when a
    send found it unknown; one it already knew, from a refresh that asked for every topic
    (while it tracked none), is left out, and each refresh replaces the whole metadata. Once
    any topic is tracked (a changelog created a moment after the worker's first refresh),
    the next refresh asks only for the tracked ones and the others vanish: their partitions
    have no leader, their batches wait unsent (for as long as 1,200 s, Faust's request
    timeout), and every commit and rebalance waits behind them in the producer's flush.
    Found in the chaos runs of 2026-12-06: a worker whose table changelogs had vanished so
    carried nothing for 40-113 s, and a SIGTERM waited 30 s in the same flush."""
    if topic not in self._topics:
        self._topics.add(topic)  # the next refresh asks for it; no refresh of its own
    return await _wait_on_metadata(self, topic)


def delivers_at_once(consumer: Any, tp: Any) -> bool:
    """Whether handing a record of `tp` to its streams cannot wait: the flow runs, the
    conductor is not re-subscribing, the producer's buffer is under Faust's limit and every
    stream queue the record goes to has room (what Faust's delivery would otherwise wait
    on, in `faust.transport.conductor`)."""
    app = consumer.app
    if consumer.suspend_flow.is_set() or not app.flow_control.is_active():
        return False
    buffer = app.producer.buffer
    if buffer.size > buffer.max_messages:
        return False
    conductor = app.topics
    if conductor._tp_to_callback_lock.locked():
        return False
    return not any(chan.queue.full() for chan in conductor._tp_index.get(tp, ()))


async def _drain_messages(self: Any, fetcher: Any) -> None:
    """Faust's fetch loop (`Consumer._drain_messages`, faust-streaming 0.15.3), with one
    change: a record that can be handed to its streams at once is, where Faust wraps every
    record in `wait_first(callback(message), suspend_flow.wait())`.

    That `wait_first` makes four tasks (the delivery, the suspension, the consumer's stop and
    crash events) and a full turn of the event loop per record, so the loop delivered one
    record per turn to all the agents together. The streams' queues then
    held only what had come through one by one, and a fetched batch of one topic (2,000
    fold records, say) kept the next topic's records behind it for as many turns: issue 9's
    benchmark saw the article stage get no wire for 0.5-2.3 s while the fold stage worked
    through such a batch (traced 2026-12-06: per-agent event times against the fetcher's
    batches). A record that would wait (flow suspended for a rebalance, Faust's producer
    buffer over its limit, a full stream queue) still goes through `wait_first`, so a
    rebalance can interrupt it exactly as before. The loop still yields every 100
    records."""
    callback = self.callback
    getmany = self.getmany
    consumer_should_stop = self._stopped.is_set
    fetcher_should_stop = fetcher._stopped.is_set

    get_read_offset = self._read_offset.__getitem__
    set_read_offset = self._read_offset.__setitem__
    flag_consumer_fetching = faust_consumer.CONSUMER_FETCHING
    set_flag = self.diag.set_flag
    unset_flag = self.diag.unset_flag
    commit_every = self._commit_every
    acks_enabled_for = self.app.topics.acks_enabled_for

    yield_every = 100
    num_since_yield = 0
    sleep = asyncio.sleep

    try:
        while not (consumer_should_stop() or fetcher_should_stop()):
            set_flag(flag_consumer_fetching)
            ait = getmany(timeout=1.0)

            # Sleeping because sometimes getmany is called in a loop
            # never releasing to the event loop
            await self.sleep(0)
            if not self.should_stop:
                async for tp, message in ait:
                    num_since_yield += 1
                    if num_since_yield > yield_every:
                        await sleep(0)
                        num_since_yield = 0

                    offset = message.offset
                    r_offset = get_read_offset(tp)
                    if r_offset is None or offset >= r_offset:
                        gap = offset - (r_offset or 0)
                        # We have a gap in income messages
                        if gap > 1 and r_offset:
                            acks_enabled = acks_enabled_for(message.topic)
                            if acks_enabled:
                                await self._add_gap(tp, r_offset + 1, offset)
                        if commit_every is not None and self._n_acked >= commit_every:
                            self._n_acked = 0
                            await self.commit()
                        if delivers_at_once(self, tp):
                            await callback(message)
                        else:
                            await self.wait_first(
                                callback(message), self.suspend_flow.wait()
                            )
                        set_read_offset(tp, offset)
                    else:
                        self.log.dev(
                            "DROPPED MESSAGE ROFF %r: k=%r v=%r",
                            offset,
                            message.key,
                            message.value,
                        )
                unset_flag(flag_consumer_fetching)

    except self.consumer_stopped_errors:
        if self.transport.app.should_stop:
            # we're already stopping so ignore
            self.log.info("Broker stopped consumer, shutting down...")
            return
        raise
    except asyncio.CancelledError:
        if self.transport.app.should_stop:
            # we're already stopping so ignore
            self.log.info("Consumer shutting down for user cancel.")
            return
        raise
    except Exception as exc:
        self.log.exception("Drain messages raised: %r", exc)
        raise
    finally:
        unset_flag(flag_consumer_fetching)


def install() -> None:
    """Idempotent: the worker and the pass-through benchmark both call it."""
    faust_consumer.Consumer._drain_messages = _drain_messages  # type: ignore[method-assign]
    driver.AIOKafkaConsumerThread._create_worker_consumer = _create_worker_consumer
    driver.Producer.create_topic = create_topic  # type: ignore[method-assign]
    driver.Producer._settings_extra = producer_settings  # type: ignore[method-assign]
    faust_producer.ProducerBuffer.flush = flush_all  # type: ignore[method-assign]
    AIOKafkaClient._wait_on_metadata = wait_on_metadata  # type: ignore[method-assign]
