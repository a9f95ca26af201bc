"""Shared fixtures: the real local broker, real workers, and plain Kafka clients.

Each worker gets its own topic prefix, consumer group and web port, so tests never see
each other's messages on the one broker.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED_WIRE = SHARED / "samples" / "seed_wire_truce_rejected.txt"
BOOTSTRAP = "127.0.0.1:9092"
WORKER_BIN = Path(sys.executable).with_name("wirewatch")


def seed_wire_bytes() -> bytes:
    """The shared seed wire, read at test time (never copied into the repo)."""
    if not SEED_WIRE.exists():
        pytest.skip("../shared/samples is not beside this checkout")
    return SEED_WIRE.read_bytes()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def broker_up() -> bool:
    try:
        with socket.create_connection(("127.0.0.1", 9092), timeout=1):
            return True
    except OSError:
        return False


@pytest.fixture(scope="session")
def kafka_bootstrap() -> str:
    """The broker `make test` started; its absence is a failure, not a skip."""
    if not broker_up():
        pytest.fail("no Kafka broker on 127.0.0.1:9092: run `make kafka-up` (make test does)")
    return BOOTSTRAP


async def await_topics(topics: list[str], timeout: float = 30.0) -> dict[str, list[int]]:
    """Wait until every topic exists and each of its partitions has a leader; return the
    partition numbers of each.

    Existence comes from the full topic list, never from a metadata request naming the topic:
    that request (allow_auto_topic_creation) would create a missing topic with the broker's
    defaults instead of reporting it missing.
    """
    from aiokafka.admin import AIOKafkaAdminClient

    admin = AIOKafkaAdminClient(bootstrap_servers=BOOTSTRAP, request_timeout_ms=5000)
    await admin.start()
    try:
        deadline = time.monotonic() + timeout
        while True:
            existing = set(await admin.list_topics())
            present = [t for t in topics if t in existing]
            ready = {
                meta["topic"]: sorted(p["partition"] for p in meta["partitions"])
                for meta in (await admin.describe_topics(present) if present else [])
                if meta["error_code"] == 0 and meta["partitions"]
                and all(p["error_code"] == 0 and p["leader"] >= 0 for p in meta["partitions"])
            }
            missing = sorted(set(topics) - set(ready))
            if not missing:
                return ready
            if time.monotonic() > deadline:
                pytest.fail(f"topics {missing} not ready on {BOOTSTRAP} after {timeout}s "
                            "(a worker declares its topics before /health answers 200)")
            await asyncio.sleep(0.2)
    finally:
        await admin.close()


def wait_for_topics(topics: list[str], timeout: float = 30.0) -> None:
    """await_topics for synchronous tests and fixtures."""
    asyncio.run(await_topics(topics, timeout))


def list_topics() -> list[str]:
    from aiokafka.admin import AIOKafkaAdminClient

    async def names() -> list[str]:
        admin = AIOKafkaAdminClient(bootstrap_servers=BOOTSTRAP, request_timeout_ms=5000)
        await admin.start()
        try:
            return await admin.list_topics()
        finally:
            await admin.close()

    return asyncio.run(names())


@dataclass
class Worker:
    """A `wirewatch worker` subprocess with its own prefix, group, port and data dir."""

    prefix: str
    web_port: int
    data_dir: Path
    env: dict[str, str]
    log_path: Path
    proc: subprocess.Popen | None = None

    def topic(self, name: str) -> str:
        return f"{self.prefix}{name}"

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.web_port}{path}"

    def start(self, timeout: float = 60.0, loglevel: str | None = None) -> None:
        """Start the worker and wait for /ready: its topics exist, the group has given it its
        partitions, its tables are recovered and it reaches the broker. The log level is
        `WIREWATCH_TEST_LOGLEVEL` (warning unless set), for chasing a rare failure."""
        log = self.log_path.open("ab")
        loglevel = loglevel or os.environ.get("WIREWATCH_TEST_LOGLEVEL", "warning")
        self.proc = subprocess.Popen(
            [str(WORKER_BIN), "worker", "--loglevel", loglevel],
            env=self.env, stdout=log, stderr=subprocess.STDOUT, cwd=ROOT,
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"worker exited early:\n{self.log()}")
            try:
                with urllib.request.urlopen(self.url("/ready"), timeout=1) as resp:
                    if resp.status == 200:
                        return
            except OSError:  # not listening yet, or 503 while it is not ready
                time.sleep(0.2)
        raise RuntimeError(f"worker not ready after {timeout}s:\n{self.log()}")

    def wait_consuming(self, timeout: float = 60.0) -> None:
        """Wait until this worker, alone in its group, holds partitions of every topic it reads.

        /health says the topics exist, not that the group got them: on a brand-new broker
        Faust's assignor skips a topic the leader's metadata does not show yet ("Ignoring
        missing topic"), and that stage then reads nothing until a metadata refresh triggers a
        rebalance. The lag gauge (`wirewatch_consumer_lag_messages`, every 5 s) lists the
        assigned source topics; the topics it reads are its prefixed topics but the sinks.
        """
        from streams import config

        # the index topic is read by every worker outside the group (streams/replica.py)
        sinks = {self.topic(t) for t in (config.ALERTS, config.ALERTS_CRITICAL, config.DEADLETTER,
                                         config.NEARDUP_INDEX, config.NORMALIZED, config.EVENTS)}
        sources = {t for t in list_topics() if t.startswith(self.prefix)} - sinks
        assigned: set[str] = set()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc is None or self.proc.poll() is not None:
                raise RuntimeError(f"worker exited:\n{self.log()}")
            assigned = self.labels("wirewatch_consumer_lag_messages", "topic")
            if sources and sources <= assigned:
                return
            time.sleep(0.5)
        raise RuntimeError(
            f"worker healthy but not consuming {sorted(sources - assigned)} after {timeout}s "
            f"(its group never got their partitions):\n{self.log()}"
        )

    def stop(self, sig: int = 15, timeout: float = 30.0) -> int | None:
        if self.proc is None or self.proc.poll() is not None:
            return self.proc.returncode if self.proc else None
        self.proc.send_signal(sig)
        try:
            return self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            return self.proc.wait(10)

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")[-5000:] if self.log_path.exists() else ""

    def metrics_text(self) -> str:
        with urllib.request.urlopen(self.url("/metrics"), timeout=5) as resp:
            return resp.read().decode()

    def labels(self, name: str, label: str) -> set[str]:
        """The values a label takes among a metric's samples."""
        from prometheus_client.parser import text_string_to_metric_families

        return {
            sample.labels[label]
            for family in text_string_to_metric_families(self.metrics_text())
            for sample in family.samples
            if sample.name == name and label in sample.labels
        }

    def metric(self, name: str, **labels: str) -> float:
        """Sum of a metric's samples whose labels include `labels`."""
        from prometheus_client.parser import text_string_to_metric_families

        total = 0.0
        for family in text_string_to_metric_families(self.metrics_text()):
            for sample in family.samples:
                wanted = all(sample.labels.get(k) == v for k, v in labels.items())
                if sample.name == name and wanted:
                    total += sample.value
        return total


# Tags of the workers this session made: their topics are deleted when the session ends.
_SESSION_TAGS: list[str] = []


def make_worker(tmp: Path, **extra_env: str) -> Worker:
    tag = uuid.uuid4().hex[:10]
    _SESSION_TAGS.append(tag)
    data_dir = tmp / f"worker-{tag}"
    data_dir.mkdir(parents=True)
    env = dict(os.environ)
    env.update(
        WIREWATCH_BROKER=f"kafka://{BOOTSTRAP}",
        WIREWATCH_TOPIC_PREFIX=f"t{tag}.",
        WIREWATCH_APP_ID=f"wirewatch-test-{tag}",
        WIREWATCH_WEB_PORT=str(free_port()),
        WIREWATCH_DATA_DIR=str(data_dir),
        # A killed worker's partitions move to the others after 10 s, not Faust's 60 s.
        WIREWATCH_SESSION_TIMEOUT="10",
        # Faust reads this from the environment. Its 5 min default is how long a worker whose
        # first assignment skipped a just-created topic (see Worker.wait_consuming) would
        # wait before the metadata refresh that makes its group rebalance and take it.
        CONSUMER_METADATA_MAX_AGE_MS="2000",
    )
    env.update(extra_env)
    return Worker(
        prefix=env["WIREWATCH_TOPIC_PREFIX"], web_port=int(env["WIREWATCH_WEB_PORT"]),
        data_dir=data_dir, env=env, log_path=data_dir / "worker.log",
    )


@pytest.fixture(scope="module")
def worker(kafka_bootstrap: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Worker]:
    """One live worker per test module, on topics of its own."""
    w = make_worker(tmp_path_factory.mktemp("worker"))
    try:
        w.start()
        w.wait_consuming()
    except BaseException:
        w.stop()
        raise
    yield w
    w.stop()


async def produce(topic: str, values: list[bytes], *, key: bytes | None = None) -> None:
    from aiokafka import AIOKafkaProducer

    producer = AIOKafkaProducer(bootstrap_servers=BOOTSTRAP, max_request_size=4_194_304)
    await producer.start()
    try:
        futures = [await producer.send(topic, value=v, key=key) for v in values]
        await asyncio.gather(*futures)
    finally:
        await producer.stop()


async def consume(
    topic: str,
    *,
    count: int | None = None,
    timeout: float = 60.0,
    idle: float | None = None,
    until: Callable[[list], bool] | None = None,
) -> list:
    """Read a topic from the beginning until `count` records, `until(records)` holds,
    `idle` quiet seconds after the first record, or `timeout`.

    The topic must exist (a worker declares its topics before /health): its partitions are
    assigned directly, so nothing hangs on a subscription to a topic the consumer's metadata
    does not show yet, and a missing topic fails here by name rather than as an empty read.
    """
    from aiokafka import AIOKafkaConsumer, TopicPartition

    partitions = (await await_topics([topic], timeout=min(timeout, 30.0)))[topic]
    consumer = AIOKafkaConsumer(
        bootstrap_servers=BOOTSTRAP, group_id=None, auto_offset_reset="earliest",
        enable_auto_commit=False, metadata_max_age_ms=1000,
    )
    await consumer.start()
    consumer.assign([TopicPartition(topic, p) for p in partitions])
    records: list = []
    deadline = time.monotonic() + timeout
    last = time.monotonic()
    try:
        while time.monotonic() < deadline:
            if count is not None and len(records) >= count:
                break
            if until is not None and until(records):
                break
            if idle is not None and records and time.monotonic() - last > idle:
                break
            batch = await consumer.getmany(timeout_ms=300)
            for recs in batch.values():
                records.extend(recs)
                if recs:
                    last = time.monotonic()
    finally:
        await consumer.stop()
    return records


def values_json(records: list) -> list[dict]:
    return [json.loads(r.value) for r in records]


def _fail_ci_on_skips(session: pytest.Session) -> None:
    """In CI a skipped test is a failure: a missing dependency must not pass silently."""
    if os.environ.get("CI") != "true":
        return
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    skipped = reporter.stats.get("skipped", []) if reporter else []
    if skipped:
        if reporter:
            reporter.write_line(f"CI: {len(skipped)} test(s) skipped; failing the run", red=True)
        session.exitstatus = 1


def _delete_session_topics() -> None:
    """Delete the topics of this session's workers (prefixed topics, changelogs, Faust's own).

    Each worker leaves ~20 topics; left behind, a day of test runs on a developer's broker
    reached ~20,000 partition folders and the broker died with "Too many open files". Only
    this session's tags are touched, so a concurrent session's topics stay.
    """
    if not _SESSION_TAGS:
        return
    from aiokafka.admin import AIOKafkaAdminClient

    async def delete() -> None:
        admin = AIOKafkaAdminClient(bootstrap_servers=BOOTSTRAP, request_timeout_ms=15_000)
        await admin.start()
        try:
            names = [t for t in await admin.list_topics()
                     if any(tag in t for tag in _SESSION_TAGS)]
            for start in range(0, len(names), 200):
                await admin.delete_topics(names[start:start + 200], timeout_ms=15_000)
        finally:
            await admin.close()

    with contextlib.suppress(Exception):  # a broker already stopped keeps nothing to clean
        asyncio.run(delete())


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    _fail_ci_on_skips(session)
    _delete_session_topics()
