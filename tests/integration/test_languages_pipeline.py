"""Issue 12 through the real broker: the seed's story retold in Russian (as TASS would) and in
Ukrainian (as Ukrinform would) raises the same four alert kinds as the English seed.

One worker per language: told twice to one worker, the second telling reports the same events
and rightly adds no alert. Three of the four kinds (infrastructure_attack, strategic_strike,
mass_casualty) come from the attack and casualty families, the act and toll specs reading the
language's lexicon (ATTACK-DEPENDENT, see tests/unit/classify/test_language_folders.py). Each
worker is told its language with WIREWATCH_LANGUAGES, as a deployment that codes only it
would be."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.conftest import Worker, consume, make_worker, produce

pytestmark = pytest.mark.integration
WIRES = Path(__file__).resolve().parents[1] / "fixtures" / "wires"
WANTED = {"truce_rejected", "infrastructure_attack", "strategic_strike", "mass_casualty"}
NAMES = {"ru": "Russian", "uk": "Ukrainian"}


@pytest.fixture(params=sorted(NAMES))
def language_worker(
    request: pytest.FixtureRequest, kafka_bootstrap: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[Worker, str]]:
    worker = make_worker(tmp_path_factory.mktemp("worker"), WIREWATCH_LANGUAGES=request.param)
    try:
        # a second worker of the module starts on a machine the first one keeps busy
        worker.start(timeout=180.0)
        worker.wait_consuming(timeout=180.0)
    except BaseException:
        worker.stop()
        raise
    yield worker, request.param
    worker.stop()


async def test_the_seed_retold_raises_the_english_seeds_four_alert_kinds(
    language_worker: tuple[Worker, str],
) -> None:
    worker, language = language_worker
    # as a feeder sends it, with its publication time: the text dates itself only "4 июня"
    # ("4 червня"), and read half a year later without one, its bridges "в ночь на 31 мая"
    # would be background, as they should
    today = datetime.now(UTC)
    year = today.year if (today.month, today.day) >= (6, 4) else today.year - 1
    wire = {"id": f"seed-{language}", "published_at": f"{year}-06-04T09:00:00Z",
            "body": (WIRES / f"seed-{language}.txt").read_text(encoding="utf-8")}
    await produce(worker.topic("news.raw"), [json.dumps(wire, ensure_ascii=False).encode()])

    def kinds(records: list) -> set[str]:  # type: ignore[type-arg]
        return {json.loads(r.value)["kind"] for r in records}

    alerts = await consume(worker.topic("news.alerts"), timeout=90,
                           until=lambda records: kinds(records) >= WANTED)
    assert kinds(alerts) >= WANTED, worker.log()
    for record in alerts:
        alert = json.loads(record.value)
        assert alert["language"] == language
        assert alert["title"].isascii(), "titles stay English for the desk"
        assert f"Reported in {NAMES[language]}." in alert["summary"]
        assert alert["evidence"], "every alert carries its evidence"
    events = await consume(worker.topic("news.events"), count=1, timeout=30)
    doc = json.loads(events[0].value)
    assert doc["language"] == language
    assert all(e["language"] == language and e["evidence"]["text"] for e in doc["events"])
