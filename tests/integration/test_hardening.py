"""Hostile input on a real worker: nothing stops it, nothing is lost, nothing is exposed."""

from __future__ import annotations

import asyncio
import base64
import hashlib
import json
import random
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator

import pytest

from bench.long_texts import unpunctuated_conflict
from tests.conftest import Worker, consume, make_worker, produce, values_json

pytestmark = pytest.mark.integration

GOOD = json.dumps({
    "id": "hardening-good",
    "body": "ODESA (Reuters) - Russian drones struck the port of Odesa overnight, damaging grain "
    "silos and a power substation, the regional governor said on Tuesday.",
}).encode()


def status(worker: Worker, path: str) -> int:
    try:
        with urllib.request.urlopen(worker.url(path), timeout=5) as resp:
            return resp.status
    except urllib.error.HTTPError as exc:
        return exc.code


def test_only_metrics_and_health_pages_are_served(worker: Worker) -> None:
    assert status(worker, "/metrics") == 200
    assert status(worker, "/health") == 200
    for path in ("/router/", "/router", "/table/", f"/table/{worker.prefix}alert-folds/x",
                 "/graph/", "/stats/"):
        assert status(worker, path) == 404, f"{path} is served"


async def test_near_limit_and_hostile_messages_are_dead_lettered_whole_or_by_hash(
    worker: Worker,
) -> None:
    rng = random.Random(7)
    near_limit = bytes(rng.getrandbits(8) for _ in range(64)) * (4_100_000 // 64)
    hostile = {
        "oversized": near_limit,
        "invalid_field": json.dumps({"id": "huge-version", "body": "text", "version": 2**80})
        .encode(),
        "invalid_json": b"[" * 50_000 + b"]" * 50_000,
    }
    await produce(worker.topic("news.raw"), [*hostile.values(), GOOD])
    letters = values_json(await consume(
        worker.topic("news.deadletter"), timeout=90,
        until=lambda recs: {json.loads(r.value)["reason"] for r in recs} >= set(hostile),
    ))
    by_reason = {letter["reason"]: letter for letter in letters}
    assert set(hostile) <= set(by_reason), worker.log()
    big = by_reason["oversized"]
    assert big["original_truncated"] is True
    assert big["original_size"] == len(near_limit)
    assert big["original_sha256"] == hashlib.sha256(near_limit).hexdigest()
    assert near_limit.startswith(base64.b64decode(big["original"]))
    assert by_reason["invalid_field"]["original_truncated"] is False
    assert "version" in by_reason["invalid_field"]["error"]
    events = values_json(await consume(
        worker.topic("news.events"), timeout=60,
        until=lambda recs: any(json.loads(r.value)["article_id"] == "hardening-good"
                               for r in recs),
    ))
    good = next(d for d in events if d["article_id"] == "hardening-good")
    assert "attack.infrastructure" in {e["type"] for e in good["events"]}


@pytest.fixture
def tight_worker(kafka_bootstrap: str, tmp_path_factory: pytest.TempPathFactory
                 ) -> Iterator[Worker]:
    """A worker whose per-message budget is far below what a huge text costs to code."""
    w = make_worker(tmp_path_factory.mktemp("tight"), WIREWATCH_MESSAGE_BUDGET_SECONDS="0.3")
    w.start()
    yield w
    w.stop()


async def test_a_message_over_its_budget_is_dead_lettered_and_the_worker_stays_live(
    tight_worker: Worker,
) -> None:
    worst = {"seconds": 0.0, "failures": 0}
    stop = threading.Event()

    def poll_health() -> None:
        while not stop.is_set():
            started = time.monotonic()
            try:
                ok = status(tight_worker, "/health") == 200
            except OSError:
                ok = False
            worst["seconds"] = max(worst["seconds"], time.monotonic() - started)
            worst["failures"] += 0 if ok else 1
            stop.wait(0.1)

    poller = threading.Thread(target=poll_health, daemon=True)
    poller.start()
    try:
        await produce(tight_worker.topic("news.raw"),
                      [unpunctuated_conflict(900_000).encode(), GOOD])
        letters = values_json(await consume(
            tight_worker.topic("news.deadletter"), timeout=120,
            until=lambda recs: any(json.loads(r.value)["reason"] == "timeout" for r in recs),
        ))
        events = values_json(await consume(
            tight_worker.topic("news.events"), timeout=90,
            until=lambda recs: any(json.loads(r.value)["article_id"] == "hardening-good"
                                   for r in recs),
        ))
    finally:
        stop.set()
        poller.join(5)
    timeouts = [letter for letter in letters if letter["reason"] == "timeout"]
    assert timeouts, tight_worker.log()
    assert timeouts[0]["stage"] in {"normalize", "classify"}
    assert "budget" in timeouts[0]["error"]
    assert any(d["article_id"] == "hardening-good" for d in events)
    assert worst["failures"] == 0
    assert worst["seconds"] < 2.0, f"/health took {worst['seconds']:.2f} s to answer"
    assert tight_worker.metric("wirewatch_deadletter_total", reason="timeout") >= 1
    await asyncio.sleep(0)
