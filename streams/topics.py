"""Create the worker's topics before its consumer subscribes.

A consumer subscribed to a topic that does not exist yet is assigned nothing for it, and only
notices the topic at its next metadata refresh and rebalance: on a brand-new broker the first
messages then wait seconds (minutes with Faust's default metadata age), which is how the first
run of the end-to-end tests failed on a fresh machine (issue 10). Faust would declare them too,
but only once the consumer is already in its group.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Iterable
from typing import Any

from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from aiokafka.errors import KafkaError, TopicAlreadyExistsError

log = logging.getLogger("wirewatch.topics")


async def ensure_topics(
    client_options: dict[str, Any],
    topics: Iterable[tuple[str, int, dict[str, str]]],
    *,
    timeout: float = 30.0,
) -> bool:
    """Create every (name, partitions, config) topic that is missing; True once all exist.

    The config (retention, cleanup policy) is the topic's own: created here first, a topic
    would otherwise never get the settings Faust declares for it.

    `client_options` are aiokafka's (bootstrap servers, TLS and SASL: `kafka_client_kwargs`).
    Waits for the broker up to `timeout` seconds; on a broker that does not answer it returns
    False and leaves the topics to Faust, which keeps retrying on its own."""
    wanted = {name: (partitions, conf) for name, partitions, conf in topics}
    deadline = time.monotonic() + timeout
    while True:
        admin = AIOKafkaAdminClient(request_timeout_ms=5_000, **client_options)
        try:
            await admin.start()
            existing = set(await admin.list_topics())
            missing = [NewTopic(name, n, 1, topic_configs=dict(conf))
                       for name, (n, conf) in wanted.items() if name not in existing]
            if missing:
                # Another worker of the group may be faster: that is success too.
                with contextlib.suppress(TopicAlreadyExistsError):
                    await admin.create_topics(missing)
            return True
        except KafkaError as exc:
            if time.monotonic() > deadline:
                log.warning("could not create topics before start (%r): Faust will", exc)
                return False
            await asyncio.sleep(0.5)
        finally:
            await admin.close()
