"""Faust's producer buffer flush waits for every buffered record before a commit
(streams/transport.py)."""

from __future__ import annotations

import asyncio
from types import SimpleNamespace

import pytest
from faust.transport.producer import ProducerBuffer

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
