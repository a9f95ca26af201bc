"""One alert per real-world event, on the real broker: re-feeds, agency copies, revisions,
retractions, escalation surges; after a kill -9 restart and with two workers sharing the work.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections import Counter
from pathlib import Path

import pytest

from tests.conftest import Worker, consume, make_worker, produce, values_json

pytestmark = pytest.mark.integration
WIRES = Path(__file__).resolve().parents[1] / "fixtures" / "stateful"
SURGE = sorted(WIRES.glob("surge_*.json"))
STORY = [WIRES / "agency_original.txt", *SURGE, WIRES / "revision_v1.json"]


def wire(name: str) -> bytes:
    return (WIRES / name).read_bytes()


async def alerts(worker: Worker, *, idle: float = 6.0, timeout: float = 60.0) -> list[dict]:
    return values_json(await consume(worker.topic("news.alerts"), idle=idle, timeout=timeout))


async def wait_metric(worker: Worker, name: str, at_least: float, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if worker.metric(name) >= at_least:
            return
        await asyncio.sleep(0.3)
    raise AssertionError(f"{name} < {at_least}:\n{worker.metrics_text()}\n{worker.log()}")


def held_partitions(worker: Worker) -> dict[str, set[str]]:
    """Topic -> partitions the worker consumes now, from its lag gauge's series."""
    from prometheus_client.parser import text_string_to_metric_families

    held: dict[str, set[str]] = {}
    for family in text_string_to_metric_families(worker.metrics_text()):
        for sample in family.samples:
            if sample.name == "wirewatch_consumer_lag_messages":
                held.setdefault(sample.labels["topic"], set()).add(sample.labels["partition"])
    return held


def firsts(docs: list[dict]) -> Counter:
    """How often each alert was published as new (revision 0): must be once each."""
    return Counter(a["alert_id"] for a in docs if a["revision"] == 0)


def surges(docs: list[dict], key: str) -> set[str]:
    return {a["alert_id"] for a in docs
            if a["kind"] == "escalation_surge" and a.get("escalation_key") == key}


async def story_alerts(worker: Worker) -> list[dict]:
    """The story's alerts, once its surge is out: the surge follows the strikes it counts,
    and under load it can come after more than `alerts`' idle seconds of quiet."""
    await consume(worker.topic("news.alerts"), timeout=60,
                  until=lambda rs: bool(surges(values_json(rs), "dyad:RUS-UKR")))
    return await alerts(worker)


async def feed_story(worker: Worker) -> list[dict]:
    await produce(worker.topic("news.raw"), [p.read_bytes() for p in STORY])
    await wait_metric(worker, "wirewatch_articles_normalized_total", len(STORY))
    return await story_alerts(worker)


async def assert_refeed_raises_nothing(worker: Worker, before: list[dict]) -> None:
    duplicates = worker.metric("wirewatch_articles_duplicate_total")
    await produce(worker.topic("news.raw"), [p.read_bytes() for p in STORY])
    await wait_metric(worker, "wirewatch_articles_duplicate_total", duplicates + len(STORY))
    after = await alerts(worker)
    assert len(after) == len(before), "a re-feed must not publish any alert message"


async def test_refeeds_copies_revisions_and_surges(worker: Worker) -> None:
    docs = await feed_story(worker)
    assert docs, worker.log()
    assert all(n == 1 for n in firsts(docs).values()), firsts(docs)
    # A series of strikes on one country pair: one surge, explained by its events.
    surge_ids = surges(docs, "dyad:RUS-UKR")
    assert len(surge_ids) == 1, [a["summary"] for a in docs if a["kind"] == "escalation_surge"]
    surge = next(a for a in docs if a["alert_id"] in surge_ids)
    assert surge["severity"] == "warning" and surge["event_ids"]
    assert "Top contributors" in surge["summary"]

    # The same wires again: nothing new.
    await assert_refeed_raises_nothing(worker, docs)

    # Another agency's copy: coded and marked, never alerted.
    await produce(worker.topic("news.raw"), [wire("agency_copy.txt")])
    events = values_json(await consume(
        worker.topic("news.events"), timeout=60,
        until=lambda rs: any(json.loads(r.value).get("duplicate_of") for r in rs),
    ))
    copy = next(e for e in events if e.get("duplicate_of"))
    original = next(e for e in events if e["article_id"] == copy["duplicate_of"])
    assert original["source"] == "Reuters" and copy["source"] == "AFP"
    assert len(await alerts(worker)) == len(docs), "an agency copy raises no alert"

    # A revision with a higher toll updates the same alert; a retraction withdraws it.
    market = [a for a in docs if a["article_id"] == "urn:wirewatch:fixture:market-shelling"]
    assert market and all(a["revision"] == 0 for a in market)
    await produce(worker.topic("news.raw"), [wire("revision_v2.json")])
    updated = [a for a in await alerts(worker) if a["alert_id"] == market[0]["alert_id"]]
    assert [a["revision"] for a in updated] == [0, 1]
    assert updated[-1]["casualties"]["killed"] == 19
    await produce(worker.topic("news.raw"), [wire("revision_v3_retracted.json")])
    final = [a for a in await alerts(worker) if a["alert_id"] == market[0]["alert_id"]]
    assert final[-1]["status"] == "withdrawn" and final[-1]["revision"] == 2


async def test_state_survives_kill_9_and_restart(kafka_bootstrap: str, tmp_path) -> None:
    first = make_worker(tmp_path)
    first.start()
    try:
        docs = await feed_story(first)
        await asyncio.sleep(3)  # offsets and changelogs committed
    finally:
        first.stop(sig=9)
    second = Worker(prefix=first.prefix, web_port=first.web_port, data_dir=first.data_dir,
                    env=first.env, log_path=first.data_dir / "worker-2.log")
    second.start()
    try:
        await assert_refeed_raises_nothing(second, docs)
        await produce(second.topic("news.raw"), [wire("revision_v2.json")])
        market = [a for a in await alerts(second)
                  if a["article_id"] == "urn:wirewatch:fixture:market-shelling"]
        assert [a["revision"] for a in market] == [0, 1], "revision state was recovered"
    finally:
        second.stop()


async def test_two_workers_share_the_partitions(kafka_bootstrap: str, tmp_path) -> None:
    one = make_worker(tmp_path)
    env = dict(one.env)
    two = make_worker(tmp_path)
    two.env.update(WIREWATCH_TOPIC_PREFIX=env["WIREWATCH_TOPIC_PREFIX"],
                   WIREWATCH_APP_ID=env["WIREWATCH_APP_ID"])
    two.prefix = one.prefix
    one.start()
    two.start()
    try:
        # Both in the group before the feed: each holds a share of news.raw, none twice.
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            raw = [held_partitions(w).get(one.topic("news.raw"), set()) for w in (one, two)]
            if all(raw) and not raw[0] & raw[1]:
                break
            await asyncio.sleep(0.5)
        await produce(one.topic("news.raw"), [p.read_bytes() for p in STORY])
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            normalized = (one.metric("wirewatch_articles_normalized_total")
                          + two.metric("wirewatch_articles_normalized_total"))
            if normalized >= len(STORY):
                break
            await asyncio.sleep(0.5)
        assert normalized == len(STORY), one.log() + two.log()
        docs = await story_alerts(one)
        assert all(n == 1 for n in firsts(docs).values()), firsts(docs)
        assert len(surges(docs, "dyad:RUS-UKR")) == 1
        both = [w.metric("wirewatch_articles_received_total") for w in (one, two)]
        assert sum(both) == len(STORY)
        assert all(n > 0 for n in both), f"both workers must take a share: {both}"
        # Every stage, near-duplicates included, runs on both: each worker holds partitions
        # of every topic a stage consumes (the lag gauge has a series per held partition).
        stages = ["news.raw", "news.normalize.dedup", "news.alerts.fold",
                  "news.alerts.escalation"]
        held = [held_partitions(w) for w in (one, two)]
        for stage in stages:
            shares = [sorted(h.get(one.topic(stage), ())) for h in held]
            assert all(shares), f"{stage}: partitions per worker {shares}"
            assert not set(shares[0]) & set(shares[1]), f"{stage}: {shares}"
    finally:
        one.stop()
        two.stop()
