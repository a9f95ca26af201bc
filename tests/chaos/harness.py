"""Reusable pieces of the chaos suite: a throwaway broker, workers that share a group,
feeding, accounting from the topics, a /health probe and the report.

Every verdict comes from what a subscriber can see (the output topics) plus the worker's
/metrics where no restart reset them: a fault that loses, doubles or renames anything shows
up here whatever happened inside the worker.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import hashlib
import itertools
import json
import os
import subprocess
import threading
import time
import urllib.request
import uuid
from collections import Counter, defaultdict
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import orjson

from bench.wires import make_messages
from streams.alerting import alert_id as deterministic_alert_id
from streams.deadletters import MAX_KEY_BYTES
from streams.normalize import Rejected, normalize_message
from streams.offline import code_wire
from tests.brokers import format_storage, java_command, stop_process
from tests.conftest import ROOT, Worker, free_port, make_worker

MAIN_BOOTSTRAP = "127.0.0.1:9092"
KAFKA_DIR = ROOT / "deploy" / "kafka"
KAFKA_LIB = KAFKA_DIR / "target" / "lib"
FIXTURE_WIRES = ROOT / "tests" / "fixtures" / "wires"
REPORT_DIR = Path(os.environ.get("WIREWATCH_DATA_DIR") or ROOT / "var") / "chaos"
# What the producers here accept: past the broker's ~4 MB limit so the broker, not the
# client, is what refuses an over-limit message.
PRODUCER_MAX_REQUEST = 16 * 1024 * 1024
WORKER_MAX_MESSAGE_BYTES = 1_000_000
# Characters that must never reach a subscriber: bidi overrides, embeddings and isolates
# (they reorder what a desk reads: "Trojan Source"), invisible zero-width characters and NUL.
HOSTILE_CHARS = frozenset(
    "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200b\u2060\ufeff\x00"
)


# --------------------------------------------------------------------------------------------
# A throwaway broker: same jars and JVM options as deploy/kafka/kafka.sh, its own ports and data


async def broker_ready(bootstrap: str) -> bool:
    """Ready means the broker answers metadata requests, not just that the port is open."""
    from aiokafka.admin import AIOKafkaAdminClient

    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap, request_timeout_ms=3000)
    try:
        await admin.start()
        await admin.list_topics()
        return True
    except Exception:
        return False
    finally:
        with contextlib.suppress(Exception):
            await admin.close()


@dataclass
class ThrowawayBroker:
    """A single-node KRaft broker on free ports, for the faults the shared broker must never
    see (stop, restart, a brand-new cluster). Stopped by the suite, never left behind."""

    root: Path
    port: int = field(default_factory=free_port)
    controller_port: int = field(default_factory=free_port)
    proc: subprocess.Popen | None = None

    @property
    def bootstrap(self) -> str:
        return f"127.0.0.1:{self.port}"

    @property
    def kdir(self) -> Path:
        return self.root / "kafka"

    def _configure(self) -> Path:
        if not any(KAFKA_LIB.glob("kafka_2.13-*.jar")):
            raise RuntimeError("no broker jars: run `mvn -q -B -f deploy/kafka/pom.xml "
                               "dependency:copy-dependencies`")
        template = (KAFKA_DIR / "server.properties.in").read_text()
        config = (template.replace("@DATA_DIR@", str(self.kdir))
                  .replace("127.0.0.1:9093", f"127.0.0.1:{self.controller_port}")
                  .replace("127.0.0.1:9092", f"127.0.0.1:{self.port}"))
        (self.kdir / "logs").mkdir(parents=True, exist_ok=True)
        props = self.kdir / "server.properties"
        props.write_text(config)
        if not (self.kdir / "data" / "meta.properties").exists():
            format_storage(props, self.kdir / "logs")
        return props

    async def start(self, timeout: float = 90.0) -> float:
        """Start (or restart on the same data) and wait until it serves metadata; returns
        the seconds it took."""
        started = time.monotonic()
        props = self._configure()
        log = (self.kdir / "logs" / "stdout.log").open("ab")
        self.proc = subprocess.Popen(java_command(self.kdir / "logs", "kafka.Kafka", str(props),
                                                  heap="768m"),
                                     stdout=log, stderr=subprocess.STDOUT,
                                     stdin=subprocess.DEVNULL)
        while time.monotonic() - started < timeout:
            if self.proc.poll() is not None:
                raise RuntimeError(f"throwaway broker exited:\n{self.log_tail()}")
            if await broker_ready(self.bootstrap):
                return time.monotonic() - started
            await asyncio.sleep(0.5)
        raise RuntimeError(f"throwaway broker not ready after {timeout}s:\n{self.log_tail()}")

    def stop(self, timeout: float = 60.0) -> None:
        """Controlled shutdown (SIGTERM), SIGKILL only if it hangs; only our own JVM."""
        stop_process(self.proc, timeout)

    def log_tail(self) -> str:
        path = self.kdir / "logs" / "server.log"
        return path.read_text(errors="replace")[-3000:] if path.exists() else ""


# --------------------------------------------------------------------------------------------
# Workers


def worker_on(tmp: Path, bootstrap: str = MAIN_BOOTSTRAP, **env: str) -> Worker:
    """A worker with its own prefix, group, port and data dir (tests/conftest.py), pointed at
    `bootstrap`."""
    return make_worker(tmp, WIREWATCH_BROKER=f"kafka://{bootstrap}", **env)


def sibling(worker: Worker, tmp: Path, *, same_dir: bool = False) -> Worker:
    """Another member of `worker`'s group (same prefix and app id): a replacement after a
    crash, or a second worker sharing the partitions. Fresh data dir and port unless
    `same_dir`."""
    if same_dir:
        data_dir = worker.data_dir
    else:
        data_dir = tmp / f"worker-{uuid.uuid4().hex[:10]}"
        data_dir.mkdir(parents=True)
    env = dict(worker.env, WIREWATCH_DATA_DIR=str(data_dir), WIREWATCH_WEB_PORT=str(free_port()))
    return Worker(prefix=worker.prefix, web_port=int(env["WIREWATCH_WEB_PORT"]),
                  data_dir=data_dir, env=env, log_path=data_dir / "worker.log")


def metrics_balance(worker: Worker) -> dict[str, float]:
    """The accounting rule's terms from one worker's /metrics."""
    return {
        "received": worker.metric("wirewatch_articles_received_total"),
        "normalized": worker.metric("wirewatch_articles_normalized_total"),
        "duplicates": worker.metric("wirewatch_articles_duplicate_total"),
        "deadlettered": worker.metric("wirewatch_deadletter_total", stage="normalize"),
    }


class HealthProbe:
    """Polls /health from a thread of its own (independent of the test's event loop) and
    keeps the worst response time and every failure, to prove the worker never went deaf."""

    def __init__(self, worker: Worker, interval: float = 0.25, timeout: float = 10.0) -> None:
        self.worker, self.interval, self.timeout = worker, interval, timeout
        self.worst = 0.0
        self.samples = 0
        self.failures: list[str] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            started = time.monotonic()
            try:
                with urllib.request.urlopen(self.worker.url("/health"),
                                            timeout=self.timeout) as resp:
                    if resp.status != 200:
                        self.failures.append(f"status {resp.status}")
            except Exception as exc:
                at = datetime.now(UTC).strftime("%H:%M:%S")
                self.failures.append(f"{at} {exc!r}")
            self.worst = max(self.worst, time.monotonic() - started)
            self.samples += 1
            self._stop.wait(self.interval)

    def __enter__(self) -> HealthProbe:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join(self.timeout + 5)


# --------------------------------------------------------------------------------------------
# What goes in, and what should come out


@dataclass
class Message:
    """One raw message as fed, what the offline core says it should become, and where it
    landed on news.raw."""

    value: bytes | None
    key: bytes | None = None
    headers: list[tuple[str, bytes]] = field(default_factory=list)
    label: str = "wire"
    article_id: str | None = None   # None: the core rejects it, so a dead letter is due
    identity: tuple[str, int, bool] | None = None   # content hash, version, retracted
    alerts: dict[tuple[str, str], str] = field(default_factory=dict)  # (article, kind) -> id
    partition: int | None = None
    offset: int | None = None
    refused: str | None = None      # the broker refused it (over its size limit)


def expect(value: bytes | None, *, label: str, key: bytes | None = None,
           headers: list[tuple[str, bytes]] | None = None, code: bool = True) -> Message:
    """What the pipeline must make of `value`, from the same pure functions the agents run
    (`streams.offline.code_wire`); `code=False` normalizes only (hostile input, whose
    alerts are not the point and whose coding may be the very thing that stalls)."""
    msg = Message(value=value, key=key, headers=headers or [], label=label)
    now = datetime.now(UTC)
    try:
        article = normalize_message(value, received_at=now, max_bytes=WORKER_MAX_MESSAGE_BYTES)
    except Rejected:
        return msg
    except Exception:  # the agent dead-letters any failure as processing_error
        return msg
    msg.article_id = article.article_id
    msg.identity = (article.content_hash, article.version, article.retracted)
    if code:
        _, alerts = code_wire(value, now=now)
        msg.alerts = {(a.article_id, a.kind): a.alert_id for a in alerts}
    return msg


def own_wires() -> list[bytes]:
    """Alert-raising wires written for this suite, one per alert kind the rules raise from a
    single article, plus the shared fixtures."""
    docs = [
        {"id": "chaos-own-truce", "headline": "Rebels reject truce offer",
         "body": "GOMA (Reuters) - M23 rebels on Tuesday rejected a proposal for a 30-day "
                 "ceasefire put forward by regional mediators, a rebel spokesman said.",
         "source": "Reuters", "published_at": "2025-06-03T08:00:00Z"},
        {"id": "chaos-own-dam", "headline": "Drone strike hits dam",
         "body": "KHERSON (AP) - Russian drones struck the Kakhovka dam overnight, damaging "
                 "its sluice gates, Ukrainian officials said on Monday.",
         "source": "AP", "published_at": "2025-06-02T05:30:00Z"},
        {"id": "chaos-own-airbase", "headline": "Missiles hit air base",
         "body": "KYIV (AFP) - Ukrainian missiles struck a Russian air base in Crimea on "
                 "Sunday, destroying two combat aircraft, the Ukrainian military said.",
         "source": "AFP", "published_at": "2025-06-01T10:00:00Z"},
    ]
    wires = [json.dumps(d).encode() for d in docs]
    wires += [p.read_bytes() for p in sorted(FIXTURE_WIRES.iterdir()) if p.is_file()]
    return wires


def wire_set(n: int, *, seed: int) -> list[Message]:
    """`n` distinct ~3 KB wires (bench/wires.py) with the alert-raising ones spread through."""
    own = own_wires()
    bench = make_messages(n - len(own), seed=seed)
    step = max(1, len(bench) // (len(own) + 1))
    values = list(bench)
    for i, wire in enumerate(own):
        values.insert((i + 1) * step, wire)
    return [expect(v, label="wire") for v in values]


async def feed(bootstrap: str, topic: str, messages: Iterable[Message]) -> None:
    """Produce each message (key and headers as given) and record where it landed; a
    message the broker refuses is marked `refused`, not raised."""
    from aiokafka import AIOKafkaProducer
    from aiokafka.errors import KafkaError

    producer = AIOKafkaProducer(bootstrap_servers=bootstrap,
                                max_request_size=PRODUCER_MAX_REQUEST,
                                max_batch_size=262_144, linger_ms=5, request_timeout_ms=60_000)
    await producer.start()
    try:
        pending = []
        for msg in messages:
            future = await producer.send(topic, value=msg.value, key=msg.key,
                                         headers=msg.headers or None)
            pending.append((msg, future))
        for msg, future in pending:
            try:
                meta = await future
            except KafkaError as exc:
                msg.refused = repr(exc)
                continue
            msg.partition, msg.offset = meta.partition, meta.offset
    finally:
        await producer.stop()


# --------------------------------------------------------------------------------------------
# What came out


def _walk_strings(value: Any, path: str = "") -> Iterable[tuple[str, str]]:
    """(field path, string) for every string in a JSON document, list indexes dropped."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield path, k
            yield from _walk_strings(v, f"{path}.{k}" if path else k)
    elif isinstance(value, list):
        for v in value:
            yield from _walk_strings(v, path)


class Collector:
    """Reads the output topics from the beginning, in the background, the way a subscriber
    would (no group, every partition), and keeps what accounting needs."""

    def __init__(self, bootstrap: str, worker: Worker, *, scan_text: bool = False) -> None:
        self.bootstrap = bootstrap
        self.topics = {worker.topic(name): name for name in
                       ("news.events", "news.deadletter", "news.alerts")}
        if scan_text:
            self.topics[worker.topic("news.normalized")] = "news.normalized"
        self.raw_topic = worker.topic("news.raw")
        self.dedup_topic = worker.topic("news.normalize.dedup")  # keyed by article id
        self.scan_text = scan_text
        self.event_ids: set[str] = set()
        self.normalized_ids: set[str] = set()   # read only with scan_text
        self.event_identities: set[tuple[str, int, bool]] = set()
        self.event_times: list[float] = []
        self.events_seen = 0
        self.dead_letters: list[dict[str, Any]] = []
        self.alerts: list[dict[str, Any]] = []
        self.first_alert_at: float | None = None
        # "U+202E in news.events headline" -> records: a hostile character got out
        self.hostile_outputs: Counter[str] = Counter()
        self._task: asyncio.Task | None = None
        self._consumer: Any = None

    async def start(self) -> None:
        from aiokafka import AIOKafkaConsumer

        self._consumer = AIOKafkaConsumer(
            *self.topics, bootstrap_servers=self.bootstrap, group_id=None,
            auto_offset_reset="earliest", enable_auto_commit=False, metadata_max_age_ms=1000,
            max_partition_fetch_bytes=16 * 1024 * 1024, fetch_max_bytes=64 * 1024 * 1024,
        )
        await self._consumer.start()
        self._task = asyncio.create_task(self._run())

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self._task
        if self._consumer is not None:
            await self._consumer.stop()

    async def _run(self) -> None:
        while True:
            batch = await self._consumer.getmany(timeout_ms=300)
            for tp, records in batch.items():
                kind = self.topics[tp.topic]
                for record in records:
                    self._take(kind, record)

    def _take(self, kind: str, record: Any) -> None:
        doc = orjson.loads(record.value)
        if self.scan_text and kind in ("news.events", "news.normalized", "news.alerts"):
            for path, text in _walk_strings(doc):
                for c in HOSTILE_CHARS.intersection(text):
                    self.hostile_outputs[f"U+{ord(c):04X} in {kind} {path}"] += 1
        if kind == "news.normalized":
            self.normalized_ids.add(doc["article_id"])
        elif kind == "news.events":
            self.events_seen += 1
            self.event_ids.add(doc["article_id"])
            self.event_identities.add(
                (doc["content_hash"], doc.get("version", 1), doc.get("retracted", False)))
            self.event_times.append(record.timestamp / 1000)
        elif kind == "news.deadletter":
            doc["_size"] = len(record.value)
            self.dead_letters.append(doc)
        elif kind == "news.alerts":
            if self.first_alert_at is None:
                self.first_alert_at = time.time()
            doc["_ts"] = record.timestamp / 1000
            self.alerts.append(doc)


# --------------------------------------------------------------------------------------------
# Accounting


@dataclass
class Verdict:
    """Everything a scenario found; `problems` is empty when it passed."""

    messages: int
    lost_articles: list[str] = field(default_factory=list)
    lost_alerts: list[str] = field(default_factory=list)
    duplicated: list[str] = field(default_factory=list)
    renamed: list[str] = field(default_factory=list)
    bad_dead_letters: list[str] = field(default_factory=list)
    dead_letters: int = 0

    @property
    def problems(self) -> list[str]:
        out = []
        for name in ("lost_articles", "lost_alerts", "duplicated", "renamed",
                     "bad_dead_letters"):
            items = getattr(self, name)
            if items:
                out.append(f"{name} ({len(items)}): " + "; ".join(items[:8]))
        return out


def _raw_letters(col: Collector) -> dict[tuple[int, int], dict[str, Any]]:
    return {(d["source_partition"], d["source_offset"]): d for d in col.dead_letters
            if d.get("source_topic") == col.raw_topic}


def _later_letter_ids(col: Collector) -> set[str]:
    """Article ids of dead letters from stages after normalize (their original is an
    article the pipeline had already made, on `news.normalize.dedup` keyed by its id: a
    1 MB article's original is cut to its first bytes, so the key names it)."""
    ids = set()
    for d in col.dead_letters:
        if d.get("source_topic") == col.raw_topic:
            continue
        if (d.get("original_truncated") and d.get("original_key")
                and d.get("source_topic") == col.dedup_topic):
            ids.add(base64.b64decode(d["original_key"]).decode("utf-8", "replace"))
            continue
        try:
            ids.add(orjson.loads(base64.b64decode(d["original"]))["article_id"])
        except Exception:
            continue
    return ids


def unaccounted(messages: list[Message], col: Collector) -> list[Message]:
    """Raw messages whose article is on neither news.events nor a dead letter."""
    letters = _raw_letters(col)
    later = _later_letter_ids(col)
    missing = []
    for msg in messages:
        if msg.refused is not None:
            continue
        if (msg.partition, msg.offset) in letters:
            continue
        if msg.article_id is not None and (
            msg.article_id in col.event_ids or msg.article_id in later
            or msg.identity in col.event_identities  # an exact re-send of an earlier message
        ):
            continue
        missing.append(msg)
    return missing


def alert_coverage(col: Collector) -> dict[tuple[str, str], set[str]]:
    """(article, kind) -> every alert id it was published under. A folded alert covers
    every article it lists; surges are about a trend, not an article, and are left out."""
    covered: dict[tuple[str, str], set[str]] = defaultdict(set)
    for a in col.alerts:
        if a["kind"] == "escalation_surge":
            continue
        for article in a.get("article_ids") or [a["article_id"]]:
            covered[(article, a["kind"])].add(a["alert_id"])
    return covered


def check_dead_letter(letter: dict[str, Any], msg: Message) -> str | None:
    """A dead letter must carry a reason and the original bytes (and key), or, for an
    original too large to carry, its first bytes flagged as cut, with its SHA-256 and size."""
    where = f"{msg.label}@{msg.partition}:{msg.offset}"
    if not letter.get("reason") or not letter.get("error"):
        return f"{where}: no reason"
    if msg.key is not None:
        carried_key = base64.b64decode(letter.get("original_key") or "")
        if carried_key != msg.key[:MAX_KEY_BYTES]:
            return f"{where}: original key not carried"
    original = base64.b64decode(letter.get("original") or "")
    value = msg.value or b""
    digest = hashlib.sha256(value).hexdigest()
    if letter.get("original_sha256") != digest or letter.get("original_size") != len(value):
        return f"{where}: the original's sha256 and size are missing or wrong"
    if original == value and not letter.get("original_truncated"):
        return None
    if letter.get("original_truncated") and original and value.startswith(original):
        return None
    return (f"{where}: neither the original ({len(value):,} bytes) nor its first bytes flagged "
            f"as cut (carried {len(original):,} bytes, reason {letter.get('reason')})")


def account(messages: list[Message], col: Collector) -> Verdict:
    verdict = Verdict(messages=len([m for m in messages if m.refused is None]),
                      dead_letters=len(col.dead_letters))
    verdict.lost_articles = [f"{m.label} {m.article_id or '(rejected)'} @{m.partition}:"
                             f"{m.offset}" for m in unaccounted(messages, col)]
    covered = alert_coverage(col)
    for msg in messages:
        for (article, kind) in msg.alerts:
            if (article, kind) not in covered:
                verdict.lost_alerts.append(f"{article}/{kind}")
    verdict.duplicated = [f"{a}/{k}: {sorted(ids)}" for (a, k), ids in covered.items()
                          if len(ids) > 1]
    seen_ids: dict[str, tuple[str, str]] = {}
    for a in col.alerts:
        if a["kind"] == "escalation_surge":
            continue
        pair = (a["article_id"], a["kind"])
        if a["alert_id"] != deterministic_alert_id(*pair):
            verdict.renamed.append(f"{a['alert_id']} is not the id of {pair}")
        if seen_ids.setdefault(a["alert_id"], pair) != pair:
            verdict.renamed.append(f"{a['alert_id']} moved from {seen_ids[a['alert_id']]} "
                                   f"to {pair}")
    letters = _raw_letters(col)
    for msg in messages:
        letter = letters.get((msg.partition, msg.offset))
        if letter is not None:
            problem = check_dead_letter(letter, msg)
            if problem:
                verdict.bad_dead_letters.append(problem)
    return verdict


async def topic_max_message_bytes(bootstrap: str, topic: str) -> int:
    """The largest record the broker takes on `topic` (its max.message.bytes)."""
    from aiokafka.admin import AIOKafkaAdminClient
    from aiokafka.admin.config_resource import ConfigResource, ConfigResourceType

    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
    await admin.start()
    try:
        responses = await admin.describe_configs(
            [ConfigResource(ConfigResourceType.TOPIC, topic)])
    finally:
        await admin.close()
    for response in responses:
        for resource in response.resources:
            for entry in resource[4]:
                if entry[0] == "max.message.bytes":
                    return int(entry[1])
    raise RuntimeError(f"no max.message.bytes for {topic}")


async def wait_until(cond: Callable[[], bool], timeout: float, *,
                     while_waiting: Callable[[], Awaitable[None]] | None = None) -> bool:
    """Poll `cond` until it holds or `timeout` passes; `while_waiting` may raise to abort
    (a worker that died)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if cond():
            return True
        if while_waiting is not None:
            await while_waiting()
        await asyncio.sleep(0.25)
    return cond()


async def group_view(bootstrap: str, worker: Worker,
                     names: Iterable[str] = ("news.raw", "news.normalize.dedup",
                                             "news.alerts.fold", "news.alerts.escalation"),
                     ) -> str:
    """The broker's view of a worker's group, for a failure message: per topic the group
    reads (`Topics.sources`), its committed offsets against the end offsets. A stage
    committed to its end with too little output is a loss; one short of its end is a stall.
    (The three-kills runs' "stall" of 2026-12-05 read as the second and was the first. Until
    2026-12-06 it named news.normalized and news.events, which the group stopped reading in
    the two-hop rebuild, and a CI stall read "committed 0 of 0".)"""
    from aiokafka import AIOKafkaConsumer
    from aiokafka.admin import AIOKafkaAdminClient

    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
    consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap)
    try:
        await admin.start()
        await consumer.start()
        tag = worker.prefix.strip(".")[1:]
        groups = [g for g, _ in await admin.list_consumer_groups() if tag in g]
        if not groups:
            return "no consumer group on the broker"
        committed = await admin.list_consumer_group_offsets(groups[0])
        wanted = {worker.topic(n): n for n in names}
        tps = sorted((tp for tp in committed if tp.topic in wanted),
                     key=lambda tp: (tp.topic, tp.partition))
        ends = await asyncio.wait_for(consumer.end_offsets(tps), 20)
        parts = []
        for topic, name in wanted.items():
            mine = [tp for tp in tps if tp.topic == topic]
            parts.append(f"{name} committed {sum(committed[tp].offset for tp in mine):,} of "
                         f"{sum(ends[tp] for tp in mine):,}")
        return "; ".join(parts)
    except Exception as exc:  # a view for a message: never the failure itself
        return f"broker view failed: {exc!r}"
    finally:
        await consumer.stop()
        await admin.close()


async def shortfall(col: Collector, worker: Worker, before: str) -> str:
    """The failure message of a run whose output never reached the next fault: what came out,
    the dead letters, and the broker's view of the group (`group_view`)."""
    view = await group_view(col.bootstrap, worker)
    return (f"only {col.events_seen} articles out before {before} "
            f"({len(col.dead_letters)} dead letters; {view})")


async def settle(messages: list[Message], col: Collector, timeout: float) -> bool:
    """Wait until every message is accounted for and every expected alert is out; then until
    news.alerts has been quiet for a few seconds, so a late duplicate would still be seen."""
    expected = {pair for m in messages for pair in m.alerts}

    def done() -> bool:
        return not unaccounted(messages, col) and expected <= alert_coverage(col).keys()

    ok = await wait_until(done, timeout)
    if ok:
        quiet_since = [len(col.alerts), time.monotonic()]

        def quiet() -> bool:
            if len(col.alerts) != quiet_since[0]:
                quiet_since[:] = [len(col.alerts), time.monotonic()]
            return time.monotonic() - quiet_since[1] > 4.0

        await wait_until(quiet, 30.0)
    return ok


def longest_stall(col: Collector, since: float, until: float | None = None,
                  before: float | None = None) -> float:
    """Longest pause in news.events output from `since` (the fault) to the last article, or
    to `until` when the run never settled (a pipeline that stopped is stalled to the end):
    the time the pipeline took to recover, measured on what subscribers saw. `before` (the
    next fault) bounds the output looked at."""
    times = sorted(t for t in col.event_times
                   if t >= since and (before is None or t < before))
    if not times:
        if until is not None:
            return until - since
        return float("inf") if before is None else before - since
    gaps = [times[0] - since] + [b - a for a, b in itertools.pairwise(times)]
    if until is not None:
        gaps.append(until - times[-1])
    return max(gaps)


# --------------------------------------------------------------------------------------------
# The report


@dataclass
class Row:
    scenario: str
    messages: int
    lost: str
    duplicated: int
    renamed: int
    recover: str
    verdict: str
    notes: str = ""


def row_from(scenario: str, verdict: Verdict, recover: str, notes: str = "",
             extra_problems: list[str] | None = None) -> Row:
    problems = verdict.problems + (extra_problems or [])
    return Row(
        scenario=scenario, messages=verdict.messages,
        lost=f"{len(verdict.lost_articles)} articles, {len(verdict.lost_alerts)} alerts",
        duplicated=len(verdict.duplicated), renamed=len(verdict.renamed), recover=recover,
        verdict="PASS" if not problems else "FAIL", notes=notes,
    )


def render(rows: list[Row]) -> str:
    head = ("| scenario | messages | lost | duplicated | renamed alerts | time to recover "
            "| verdict | notes |")
    lines = [head, "| --- | ---: | --- | ---: | ---: | --- | --- | --- |"]
    for r in rows:
        lines.append(f"| {r.scenario} | {r.messages:,} | {r.lost} | {r.duplicated} | "
                     f"{r.renamed} | {r.recover} | {r.verdict} | {r.notes} |")
    return "\n".join(lines) + "\n"


def fate(msg: Message, col: Collector) -> str:
    """What became of one message: its dead letter, or how far its article got."""
    letter = _raw_letters(col).get((msg.partition, msg.offset))
    if msg.refused is not None:
        where = "refused by the broker"
    elif letter is not None:
        where = f"dead letter {letter['stage']}/{letter['reason']} ({letter['_size']:,} B)"
    elif msg.article_id in col.event_ids:
        where = "on news.events"
    elif msg.article_id in _later_letter_ids(col):
        where = "dead letter after normalize"
    elif msg.article_id in col.normalized_ids:
        where = "on news.normalized, never on news.events"
    else:
        where = "on no output topic"
    return (f"{msg.label} ({len(msg.value or b''):,} B, news.raw[{msg.partition}]@"
            f"{msg.offset}): {where}")


def outcomes(messages: list[Message], col: Collector) -> list[str]:
    """Per input label, what the messages became: dead-letter reasons or articles."""
    letters = _raw_letters(col)
    by_label: dict[str, Counter[str]] = defaultdict(Counter)
    for msg in messages:
        letter = letters.get((msg.partition, msg.offset))
        if msg.refused is not None:
            by_label[msg.label]["refused"] += 1
        elif letter is not None:
            by_label[msg.label][f"{letter['reason']}"] += 1
        elif msg.article_id in col.event_ids or msg.identity in col.event_identities:
            by_label[msg.label]["article"] += 1
        else:
            by_label[msg.label]["unaccounted"] += 1
    return [f"outcome {label}: " + ", ".join(f"{k} {n}" for k, n in counts.most_common())
            for label, counts in sorted(by_label.items())]


def stuck_partitions(messages: list[Message], col: Collector) -> list[str]:
    """Per raw partition, the first message not accounted for: where that partition's
    processing stopped, and what was there."""
    first: dict[int, Message] = {}
    for msg in unaccounted(messages, col):
        if msg.partition is None or msg.offset is None:
            continue
        if msg.partition not in first or msg.offset < (first[msg.partition].offset or 0):
            first[msg.partition] = msg
    return [f"news.raw[{p}] first unaccounted at offset {m.offset}: {m.label}, "
            f"{len(m.value or b''):,} bytes, article {m.article_id!r}"
            for p, m in sorted(first.items())]


def log_evidence(worker: Worker, limit: int = 40) -> list[str]:
    """The worker log's errors and tracebacks (its tail alone is often warnings)."""
    if not worker.log_path.exists():
        return ["(no log)"]
    lines = worker.log_path.read_text(errors="replace").splitlines()
    # Errors and the exception lines of tracebacks; warnings (one per dead letter) would
    # crowd them out.
    keep = [line[:400] for line in lines
            if "[ERROR]" in line or "[CRITICAL]" in line or line.startswith("Traceback")
            or (not line.startswith(("[", " ")) and "Error" in line.split(":", 1)[0])]
    return keep[:limit] + ["(tail)"] + [line[:400] for line in lines[-15:]]


# What a worker logs about its partitions' flow: rebalances, holes, re-reads, stalls.
_FLOW_WORDS = ("rebalanc", "re-read", "never delivered", "no progress", "stalled", "skipped",
               "work process", "[ERROR]")


def log_digest(worker: Worker, limit: int = 30) -> list[str]:
    """The worker log's lines about its partitions' flow, for the failure message itself: a
    CI run shows the message, not the evidence file beside the report (a stall of 2026-12-06
    in CI left nothing to read but "only 504 articles out")."""
    if not worker.log_path.exists():
        return [f"--- worker {worker.web_port}: no log"]
    lines: list[str] = []
    repeats, last = 0, ""
    for line in worker.log_path.read_text(errors="replace").splitlines():
        if not any(word in line for word in _FLOW_WORDS):
            continue
        # the same message again (a heartbeat refused every 3 s): counted, not repeated
        message = line.split("] ", 1)[-1]
        if message == last:
            repeats += 1
            continue
        last = message
        if repeats:
            lines.append(f"    (the line above {repeats} more times)")
            repeats = 0
        # where the tasks wait is the line a stall is diagnosed from: kept whole
        lines.append(line[:3000] if "tasks:" in line else line[:300])
    if repeats:
        lines.append(f"    (the line above {repeats} more times)")
    return [f"--- worker {worker.web_port} ({worker.data_dir.name}): flow, last {limit}",
            *lines[-limit:]]


def write_evidence(name: str, verdict: Verdict, extra: list[str], logs: list[Worker]) -> Path:
    """Everything a failing scenario found, with the worker logs' errors, for the report."""
    REPORT_DIR.mkdir(parents=True, exist_ok=True)
    path = REPORT_DIR / f"{name}.txt"
    parts = [f"# {name}", *verdict.problems, *extra]
    for w in logs:
        parts += [f"--- worker {w.web_port} ({w.data_dir.name}) log: errors, then tail",
                  *log_evidence(w)]
    path.write_text("\n".join(parts) + "\n")
    return path


ROWS: list[Row] = []


def balance_problems(worker: Worker, fed: int) -> list[str]:
    """The accounting rule on one worker's /metrics, valid only when it never restarted:
    received = normalized + duplicates + dead-lettered, and nothing read goes uncounted."""
    m = metrics_balance(worker)
    out = []
    if m["received"] < fed:
        out.append(f"metrics: received {m['received']:.0f} < {fed} fed")
    if m["received"] != m["normalized"] + m["duplicates"] + m["deadlettered"]:
        out.append("metrics: received {received:.0f} != normalized {normalized:.0f} + "
                   "duplicates {duplicates:.0f} + dead-lettered {deadlettered:.0f}".format(**m))
    return out


async def trace(bootstrap: str, worker: Worker, article_ids: list[str]) -> list[str]:
    """Where lost articles stopped: which of the worker's topics (internal ones and table
    changelogs included) hold each id. Evidence for a failing scenario, read on failure only."""
    from aiokafka import AIOKafkaConsumer

    wanted = {a: orjson.dumps(a) for a in article_ids[:20]}  # quoted: no prefix matches
    consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap, group_id=None,
                                auto_offset_reset="earliest", enable_auto_commit=False,
                                max_partition_fetch_bytes=16 * 1024 * 1024)
    await consumer.start()
    found: dict[str, set[str]] = defaultdict(set)
    try:
        topics = sorted(t for t in await consumer.topics()
                        if t.startswith(worker.prefix) or worker.env["WIREWATCH_APP_ID"] in t)
        consumer.subscribe(topics)
        idle_since = time.monotonic()
        while time.monotonic() - idle_since < 3.0:
            batch = await consumer.getmany(timeout_ms=500)
            if batch:
                idle_since = time.monotonic()
            for tp, records in batch.items():
                for r in records:
                    blob = (r.key or b"") + (r.value or b"")
                    for article, needle in wanted.items():
                        if needle in blob:
                            found[article].add(tp.topic.removeprefix(worker.prefix))
    finally:
        await consumer.stop()
    return [f"trace {a}: found on {sorted(found[a]) or 'no topic'}" for a in wanted]


async def conclude(name: str, messages: list[Message], col: Collector, workers: list[Worker],
                   *, recover: str, notes: str = "", extra: list[str] | None = None,
                   context: list[str] | None = None, bootstrap: str = MAIN_BOOTSTRAP) -> None:
    """Account, add the scenario's row to the report, write the evidence (with `context`,
    facts that are not problems themselves), and fail the test with every problem found."""
    verdict = account(messages, col)
    problems = verdict.problems + (extra or [])
    ROWS.append(row_from(name, verdict, recover, notes, extra))
    if problems:
        lost_ids = [m.split()[1] for m in verdict.lost_articles if "(rejected)" not in m]
        lost_ids += [a.split("/")[0] for a in verdict.lost_alerts]
        evidence = (context or []) + stuck_partitions(messages, col)
        evidence += await trace(bootstrap, workers[0], lost_ids) if lost_ids else []
        path = write_evidence(name, verdict, (extra or []) + evidence, workers)
        told = [line for w in workers for line in log_digest(w)]
        raise AssertionError(f"{name}: see {path}\n" + "\n".join(problems + evidence + told))
