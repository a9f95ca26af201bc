"""The worker's producer keeps delivering to a topic its metadata knew before any topic was
tracked (streams/transport.py, `wait_on_metadata`), on the real broker."""

from __future__ import annotations

import asyncio
import uuid

import pytest
from aiokafka import AIOKafkaProducer
from aiokafka.admin import AIOKafkaAdminClient, NewTopic

from streams import transport
from tests.conftest import _SESSION_TAGS

pytestmark = pytest.mark.integration


async def test_a_topic_known_before_another_was_tracked_still_gets_its_batches(
    kafka_bootstrap: str,
) -> None:
    """What stalled the chaos runs of 2026-12-06, step by step: the producer's first
    refresh asks for every topic (it tracks none), a changelog is sent to while known (so
    aiokafka does not track it), a topic created after that refresh is sent to (tracked,
    and the refresh it forces asks for it alone), and the changelog's next batch has no
    leader. With the worker's transport it is delivered at once."""
    transport.install()
    tag = uuid.uuid4().hex[:10]
    _SESSION_TAGS.append(tag)
    folds, surge = f"t{tag}.alert-folds-changelog", f"t{tag}.escalation-last-surge-changelog"
    admin = AIOKafkaAdminClient(bootstrap_servers=kafka_bootstrap)
    await admin.start()
    producer = AIOKafkaProducer(bootstrap_servers=kafka_bootstrap, enable_idempotence=True)
    try:
        await admin.create_topics([NewTopic(folds, 2, 1)])
        await producer.start()
        await producer.client.force_metadata_update()  # tracks nothing: every topic
        assert folds in producer.client.cluster.topics()
        await asyncio.wait_for(producer.send_and_wait(folds, b"v1", key=b"k", partition=1), 10)
        await admin.create_topics([NewTopic(surge, 2, 1)])  # after the worker's refresh
        await asyncio.wait_for(producer.send_and_wait(surge, b"s", key=b"k", partition=0), 10)
        await producer.client.force_metadata_update()  # a refresh of the tracked topics
        assert folds in producer.client.cluster.topics()  # aiokafka alone loses it here
        sent = await asyncio.wait_for(
            producer.send_and_wait(folds, b"v2", key=b"k", partition=1), 10)
        assert (sent.topic, sent.partition, sent.offset) == (folds, 1, 1)
    finally:
        await producer.stop()
        await admin.close()
