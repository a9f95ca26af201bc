"""How often an agency copy slips through when it reaches another worker right after its
original: the price of the replicated near-duplicate index (streams/replica.py).

Two workers in one group; pairs of (original, copy) whose texts differ, so their content hashes
(the dedup topic's key) send about half the pairs to dedup partitions held by different
workers. For each gap between the original and its copy, the share of copies let through (not
marked `duplicate_of` on news.normalized), split by whether the two went to the same worker or
to different ones, and whether their alerts still folded into one. `python -m
bench.neardup_race`.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import time
import urllib.request
from collections import defaultdict
from datetime import UTC, datetime

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer
from aiokafka.partitioner import DefaultPartitioner

from bench.run import BOOTSTRAP, Worker, drop_topics
from bench.wires import make_wire
from streams.normalize import normalize_message


def owners(workers: list[Worker], topic: str) -> dict[int, int]:
    """Partition of `topic` -> index of the worker holding it (from the lag gauge)."""
    out: dict[int, int] = {}
    for i, w in enumerate(workers):
        text = urllib.request.urlopen(f"http://127.0.0.1:{w.port}/metrics").read().decode()
        for line in text.splitlines():
            if line.startswith("wirewatch_consumer_lag_messages{") and f'topic="{topic}"' in line:
                out[int(line.split('partition="', 1)[1].split('"', 1)[0])] = i
    return out


def pair(i: int, rng: random.Random) -> tuple[dict, dict]:
    body = make_wire(i, rng)
    first, rest = body.split("\n", 1)
    original = {"id": f"race-orig-{i}-{rng.random()}", "headline": f"Story {i}", "body": body,
                "source": "Reuters", "published_at": "2025-06-04T12:00:00Z"}
    copy = {"id": f"race-copy-{i}-{rng.random()}", "headline": f"Story {i} (copy)",
            "body": "ELSEWHERE (AFP) - " + first.split(" - ", 1)[-1] + "\n" + rest,
            "source": "AFP", "published_at": "2025-06-04T12:00:00Z"}
    return original, copy


async def main_async(pairs: int, gaps: list[float]) -> dict:
    one = Worker()
    two = Worker()
    two.prefix, two.env = one.prefix, dict(two.env, WIREWATCH_TOPIC_PREFIX=one.prefix,
                                           WIREWATCH_APP_ID=one.env["WIREWATCH_APP_ID"])
    one.start()
    two.start()
    workers = [one, two]
    raw = one.prefix + "news.raw"
    dedup = one.prefix + "news.normalize.dedup"
    parts = list(range(one_partitions(one)))
    partition_of = DefaultPartitioner()
    try:
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            held = owners(workers, dedup)
            if len(set(held.values())) == 2 and len(held) == one_partitions(one):
                break
            await asyncio.sleep(1)
        producer = AIOKafkaProducer(bootstrap_servers=BOOTSTRAP, linger_ms=0)
        await producer.start()
        rng = random.Random(5)
        sent: list[tuple[float, str, int, int, str]] = []  # gap, copy, workers, original
        try:
            for gap in gaps:
                for i in range(pairs):
                    original, copy = pair(i, rng)
                    where = []
                    for doc in (original, copy):
                        value = json.dumps(doc).encode()
                        article = normalize_message(value, received_at=datetime.now(UTC))
                        key = article.content_hash.encode()
                        where.append(held[partition_of(key, parts, parts)])
                        await producer.send_and_wait(raw, key=doc["id"].encode(), value=value)
                        if doc is original:
                            await asyncio.sleep(gap)
                    sent.append((gap, copy["id"], where[0], where[1], original["id"]))
                    await asyncio.sleep(0.3)
        finally:
            await producer.stop()
        marked = await duplicates(one.prefix + "news.normalized", {s[1] for s in sent})
        alerts = await alert_ids(one.prefix + "news.alerts")
    finally:
        one.stop()
        two.stop()
        await drop_topics(one.tag)
    table: dict[str, dict[str, list[int]]] = defaultdict(
        lambda: defaultdict(lambda: [0, 0, 0, 0]))
    for gap, copy_id, w1, w2, original_id in sent:
        where = "same worker" if w1 == w2 else "two workers"
        cell = table[f"{gap * 1000:.0f} ms"][where]
        passed = copy_id not in marked
        cell[0] += passed
        cell[1] += 1
        # A copy let through raises its alerts, which must fold into its original's.
        raised = passed and bool(alerts.get(copy_id))
        cell[2] += raised
        cell[3] += raised and alerts[copy_id] <= alerts.get(original_id, set())
    return {gap: {k: {"pairs": v[1], "copies passed": v[0], "passed with alerts": v[2],
                      "alerts folded into the original's": v[3]}
                  for k, v in row.items()}
            for gap, row in table.items()}


async def alert_ids(topic: str) -> dict[str, set[str]]:
    """Article id -> the alert ids that list it, from every alert record so far."""
    consumer = AIOKafkaConsumer(topic, bootstrap_servers=BOOTSTRAP, group_id=None,
                                auto_offset_reset="earliest")
    await consumer.start()
    out: dict[str, set[str]] = defaultdict(set)
    try:
        while True:
            batch = await consumer.getmany(timeout_ms=3000)
            if not batch:
                return out
            for records in batch.values():
                for r in records:
                    doc = json.loads(r.value)
                    for article_id in doc.get("article_ids") or [doc.get("article_id")]:
                        out[article_id].add(doc["alert_id"])
    finally:
        await consumer.stop()


def one_partitions(worker: Worker) -> int:
    return int(worker.env.get("WIREWATCH_PARTITIONS", "4"))


async def duplicates(topic: str, wanted: set[str]) -> set[str]:
    consumer = AIOKafkaConsumer(topic, bootstrap_servers=BOOTSTRAP, group_id=None,
                                auto_offset_reset="earliest")
    await consumer.start()
    found: dict[str, bool] = {}
    deadline = time.monotonic() + 60
    try:
        while len(found) < len(wanted) and time.monotonic() < deadline:
            batch = await consumer.getmany(timeout_ms=500)
            for records in batch.values():
                for r in records:
                    doc = json.loads(r.value)
                    if doc["article_id"] in wanted:
                        found[doc["article_id"]] = doc.get("duplicate_of") is not None
    finally:
        await consumer.stop()
    return {k for k, v in found.items() if v}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pairs", type=int, default=30)
    parser.add_argument("--gaps", type=float, nargs="+", default=[0.0, 0.05, 0.2, 1.0])
    args = parser.parse_args()
    print(json.dumps(asyncio.run(main_async(args.pairs, args.gaps)), indent=1))


if __name__ == "__main__":
    main()
