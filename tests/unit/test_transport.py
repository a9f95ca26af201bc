"""Faust's producer buffer flush waits for every buffered record before a commit
(streams/transport.py)."""

from __future__ import annotations

import asyncio
from collections import defaultdict
from types import SimpleNamespace

import pytest
from faust.transport.producer import ProducerBuffer
from mode import Service

from streams import transport


class Buffer(SimpleNamespace):
    """What ProducerBuffer.flush reads: a size, a state and the message_sent event."""


async def drain_slowly(buffer: Buffer, every: float) -> None:
    while buffer.size:
        await asyncio.sleep(every)
        buffer.size -= 1
        buffer.message_sent.set()


async def test_a_flush_waits_out_a_slow_producer() -> None:
    """Records leaving every 0.25 s: Faust's own flush gives up after the first 0.1 s."""
    buffer = Buffer(size=3, state="running", message_sent=asyncio.Event())
    drainer = asyncio.create_task(drain_slowly(buffer, 0.25))
    await transport.flush_all(buffer)  # type: ignore[arg-type]
    assert buffer.size == 0
    await drainer


async def test_faust_alone_would_commit_with_records_still_buffered() -> None:
    buffer = Buffer(size=3, state="running", message_sent=asyncio.Event())
    drainer = asyncio.create_task(drain_slowly(buffer, 0.25))
    await ProducerBuffer.flush_atmost(buffer, None)  # type: ignore[arg-type]
    assert buffer.size > 0  # what the fix is for
    drainer.cancel()


async def test_a_stopped_producer_fails_the_flush_and_so_the_commit() -> None:
    buffer = Buffer(size=2, state="stopping", message_sent=asyncio.Event())
    with pytest.raises(RuntimeError):
        await transport.flush_all(buffer)  # type: ignore[arg-type]


def test_install_replaces_faust_flush() -> None:
    transport.install()
    assert ProducerBuffer.flush is transport.flush_all


class Cluster(SimpleNamespace):
    def topics(self) -> set[str]:
        return self.names


async def test_a_topic_the_metadata_holds_is_not_declared_again(monkeypatch) -> None:
    """No creation request and, above all, no whole-cluster metadata refresh for it."""
    calls: list[str] = []

    async def faust_create(self, topic: str, *args, **kwargs) -> None:
        calls.append(topic)

    monkeypatch.setattr(transport, "_create_topic", faust_create)
    client = SimpleNamespace(cluster=Cluster(names={"news.raw", "app-folds-changelog"}))
    producer = SimpleNamespace(_producer=SimpleNamespace(client=client))
    await transport.create_topic(producer, "news.raw", 4, 1)  # type: ignore[arg-type]
    await transport.create_topic(producer, "app-revisions-changelog", 4, 1)  # type: ignore[arg-type]
    assert calls == ["app-revisions-changelog"]
    await transport.create_topic(SimpleNamespace(_producer=None), "x", 4, 1)  # type: ignore[arg-type]
    assert calls == ["app-revisions-changelog", "x"]


# --- the fetch loop hands records over without a loop turn each (`_drain_messages`) -------


class Queue(SimpleNamespace):
    def full(self) -> bool:
        return self.is_full


def drain_consumer(records: list[tuple[str, int]], *, queue_full: bool = False,
                   flow: bool = True, buffered: int = 0) -> SimpleNamespace:
    """A consumer with what the fetch loop reads, whose one fetch returns `records` and
    whose fetcher then stops; `delivered` lists what reached the streams."""
    stopped, fetcher_stopped = asyncio.Event(), asyncio.Event()
    delivered: list[int] = []
    waited: list[int] = []
    queue = Queue(is_full=queue_full)

    async def callback(message: SimpleNamespace) -> None:
        delivered.append(message.offset)

    async def getmany(timeout: float):
        for tp, offset in records:
            yield tp, SimpleNamespace(offset=offset, topic=tp[0])
        fetcher_stopped.set()

    async def wait_first(*coros: object) -> object:
        """mode's own, as Faust's loop calls it on the consumer."""
        waited.append(1)
        return await Service.wait_first(consumer, *coros)  # type: ignore[arg-type]

    async def sleep(seconds: float) -> None:
        await asyncio.sleep(seconds)

    app = SimpleNamespace(
        flow_control=SimpleNamespace(is_active=lambda: flow),
        producer=SimpleNamespace(buffer=SimpleNamespace(size=buffered, max_messages=100)),
        topics=SimpleNamespace(_tp_to_callback_lock=asyncio.Lock(),
                               _tp_index={tp: [SimpleNamespace(queue=queue)]
                                          for tp, _ in records},
                               acks_enabled_for=lambda topic: True),
        should_stop=False,
    )
    consumer = SimpleNamespace(
        app=app, callback=callback, getmany=getmany, _stopped=stopped,
        _crashed=asyncio.Event(), loop=asyncio.get_running_loop(),
        fetcher=SimpleNamespace(_stopped=fetcher_stopped),
        _read_offset=defaultdict(lambda: None),
        diag=SimpleNamespace(set_flag=lambda flag: None, unset_flag=lambda flag: None),
        _commit_every=None, sleep=sleep, should_stop=False, suspend_flow=asyncio.Event(),
        wait_first=wait_first, consumer_stopped_errors=(), transport=SimpleNamespace(app=app),
        log=SimpleNamespace(dev=lambda *a: None, info=lambda *a: None,
                            exception=lambda *a: None),
        delivered=delivered, waited=waited,
    )
    return consumer


async def loop_turns_while(work: object) -> int:
    """How many turns the event loop made while `work` ran."""
    turns = 0
    done = False

    async def count() -> None:
        nonlocal turns
        while not done:
            turns += 1
            await asyncio.sleep(0)

    counter = asyncio.create_task(count())
    await work  # type: ignore[misc]
    done = True
    await counter
    return turns


async def test_a_fetched_batch_reaches_the_streams_in_a_few_loop_turns() -> None:
    """Faust's loop made a full turn per record, so the agents' queues filled one record at
    a time and one topic's batch held the next topic's records back (issue 9's gaps)."""
    records = [(("news.alerts.fold", 0), i) for i in range(300)] + \
        [(("news.raw", 1), i) for i in range(300)]
    consumer = drain_consumer(records)
    turns = await loop_turns_while(
        transport._drain_messages(consumer, consumer.fetcher))
    assert consumer.delivered == [offset for _, offset in records]
    assert consumer.waited == []
    assert turns <= 10  # one per 100 records, and the fetch's own


@pytest.mark.parametrize("blocked", [
    {"queue_full": True}, {"flow": False}, {"buffered": 101},
])
async def test_a_record_that_would_wait_still_goes_through_faust_s_wait_first(
    blocked: dict,
) -> None:
    """A full stream queue, a flow suspended for a rebalance, Faust's producer buffer over
    its limit: the delivery waits as in Faust, interruptible by a suspension of the flow."""
    consumer = drain_consumer([(("news.raw", 0), 0), (("news.raw", 0), 1)], **blocked)
    await transport._drain_messages(consumer, consumer.fetcher)
    assert consumer.delivered == [0, 1]
    assert consumer.waited == [1, 1]


async def test_a_rebalance_in_progress_never_takes_the_short_path() -> None:
    consumer = drain_consumer([(("news.raw", 0), 0)])
    tp = ("news.raw", 0)
    assert transport.delivers_at_once(consumer, tp)
    consumer.suspend_flow.set()
    assert not transport.delivers_at_once(consumer, tp)


def test_install_replaces_faust_fetch_loop() -> None:
    from faust.transport.consumer import Consumer

    transport.install()
    assert Consumer._drain_messages is transport._drain_messages


async def test_the_worker_s_producer_is_idempotent() -> None:
    """A send retried after its acknowledgement was lost must not be written twice (the
    broker-restart chaos run found a re-keyed wire on the re-key topic twice)."""
    from streams import config
    from streams.app import create_app

    app = create_app(config.Settings.from_env())
    client = app.producer._new_producer()
    # aiokafka keeps a transaction manager (producer id and sequence numbers) only for an
    # idempotent producer, and then insists on acks from every in-sync replica
    assert client._txn_manager is not None
    assert client._sender._acks == -1
    await client.stop()  # never started: closes its client only


async def test_a_topic_sent_to_stays_in_every_metadata_refresh() -> None:
    """aiokafka tracks a topic for its refreshes only when a send found it unknown, and a
    refresh replaces the whole metadata: a changelog the worker's first refresh already
    showed vanished once another topic was tracked, and its batches waited with no leader
    while the commit waited for them (chaos runs, 2026-12-06). Every topic sent to is now
    among those each refresh asks for."""
    from aiokafka.client import AIOKafkaClient
    from aiokafka.structs import PartitionMetadata

    transport.install()
    assert AIOKafkaClient._wait_on_metadata is transport.wait_on_metadata
    client = AIOKafkaClient(bootstrap_servers="127.0.0.1:1")
    folds = "t.alert-folds-changelog"
    client.cluster._partitions = {folds: {0: PartitionMetadata(folds, 0, 1, [1], [1], 0)}}
    client._topics = {"t.escalation-last-surge-changelog"}  # a send found it unknown
    assert await client._wait_on_metadata(folds) == {0}  # known: no refresh waited for
    assert client._topics == {folds, "t.escalation-last-surge-changelog"}
    assert client._md_update_fut is None  # and none asked for: the next one includes it
    await client.close()
