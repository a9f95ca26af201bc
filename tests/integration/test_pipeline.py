"""The whole path on the real broker and a real worker: raw wire in, events and alerts out."""

from __future__ import annotations

import asyncio
import base64
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import (
    Worker,
    await_topics,
    consume,
    produce,
    seed_wire_bytes,
    values_json,
)

pytestmark = pytest.mark.integration
WIRES = Path(__file__).resolve().parents[1] / "fixtures" / "wires"


def has_articles(*ids: str) -> Callable[[list], bool]:
    return lambda records: set(ids) <= {json.loads(r.value)["article_id"] for r in records}


async def test_seed_wire_comes_out_as_events_and_alerts(worker: Worker) -> None:
    await produce(worker.topic("news.raw"), [seed_wire_bytes()])
    records = await consume(worker.topic("news.events"), count=1, timeout=90)
    assert len(records) == 1, worker.log()
    doc = json.loads(records[0].value)
    types = {e["type"] for e in doc["events"]}
    assert {"ceasefire.rejected", "attack.infrastructure", "casualties.reported",
            "attack.military_target"} <= types
    for event in doc["events"]:
        assert event["evidence"]["text"]
        assert event["cameo_code"] and event["coder_version"]

    wanted = {"truce_rejected", "infrastructure_attack", "strategic_strike", "mass_casualty"}

    def alert_kinds(records: list) -> set[str]:
        return {json.loads(r.value)["kind"] for r in records}

    # the caption's "Peace talks stall" also raises talks_collapse: wait for the four the
    # issue names, whatever the order
    alerts = await consume(worker.topic("news.alerts"), timeout=60,
                           until=lambda records: wanted <= alert_kinds(records))
    assert wanted <= alert_kinds(alerts), worker.log()
    for record in alerts:
        headers = dict(record.headers)
        alert = json.loads(record.value)
        assert headers["kind"].decode() == alert["kind"]
        assert headers["severity"].decode() == alert["severity"]
        assert alert["evidence"], "every alert carries its evidence"

    critical = await consume(worker.topic("news.alerts.critical"), count=1, timeout=30)
    assert {json.loads(r.value)["severity"] for r in critical} == {"critical"}


async def test_own_wires_in_every_input_form(worker: Worker) -> None:
    files = sorted(WIRES.iterdir())
    await produce(worker.topic("news.raw"), [p.read_bytes() for p in files])
    wanted = has_articles(
        "urn:wirewatch:fixture:airbase-strike", "wire-fixture-talks-walkout",
        "wire-fixture-box-office",
    )
    docs = values_json(await consume(worker.topic("news.events"), until=wanted, timeout=90))
    by_headline_or_id = {d["article_id"]: d for d in docs}
    assert "urn:wirewatch:fixture:airbase-strike" in by_headline_or_id
    airbase = by_headline_or_id["urn:wirewatch:fixture:airbase-strike"]
    assert airbase["version"] == 2
    assert "attack.military_target" in {e["type"] for e in airbase["events"]}
    walkout = by_headline_or_id["wire-fixture-talks-walkout"]
    assert "negotiation.stalled" in {e["type"] for e in walkout["events"]}
    negative = by_headline_or_id["wire-fixture-box-office"]
    assert negative["events"] == [], "a box-office bomb and a price-war truce are not events"


BAD_INPUTS = {
    "invalid_utf8": b"KYIV (Reuters) - caf\xe9 \xff\xfe shelling",
    "invalid_json": b'{"headline": "Strike on depot", "body": "unterminated',
    "unknown_shape": b'{"title": "no body here", "content": 3}',
    "empty": b"   \n  ",
    "oversized": b"A" * 1_100_000,
}


async def test_unusable_messages_are_dead_lettered_and_the_worker_goes_on(
    worker: Worker,
) -> None:
    before = worker.metric("wirewatch_deadletter_total")
    good = b'{"id": "after-bad", "body": "GAZA CITY (AP) \xe2\x80\x94 An Israeli air strike hit ' \
        b'a school in Gaza City on Monday, killing at least 15 people, health officials said."}'
    await produce(worker.topic("news.raw"), [*BAD_INPUTS.values(), b'[1, 2, 3]', good])
    letters = values_json(
        await consume(worker.topic("news.deadletter"), count=len(BAD_INPUTS) + 1, timeout=60)
    )
    reasons = [letter["reason"] for letter in letters]
    assert sorted(reasons) == sorted([*BAD_INPUTS, "unknown_shape"])
    for letter in letters:
        assert letter["stage"] == "normalize"
        assert letter["error"]
        assert letter["source_topic"] == worker.topic("news.raw")
        assert letter["source_offset"] >= 0
    originals = {base64.b64decode(letter["original"]) for letter in letters}
    assert BAD_INPUTS["invalid_utf8"] in originals, "the original bytes are kept intact"

    events = values_json(
        await consume(worker.topic("news.events"), until=has_articles("after-bad"), timeout=60)
    )
    assert any(doc["article_id"] == "after-bad" and doc["events"] for doc in events)
    assert worker.metric("wirewatch_deadletter_total") - before == len(BAD_INPUTS) + 1


async def test_every_message_is_accounted_for(worker: Worker) -> None:
    """received = normalized + duplicates + dead-lettered, from the worker's own metrics."""
    wire = (WIRES / "grid_strike_reuters.txt").read_bytes()
    await produce(worker.topic("news.raw"), [wire, wire, wire, b"", b"{oops"])
    for _ in range(100):
        received = worker.metric("wirewatch_articles_received_total")
        accounted = (
            worker.metric("wirewatch_articles_normalized_total")
            + worker.metric("wirewatch_articles_duplicate_total")
            + worker.metric("wirewatch_deadletter_total", stage="normalize")
        )
        if received and received == accounted and worker.metric(
            "wirewatch_articles_duplicate_total"
        ) >= 2:
            break
        await asyncio.sleep(0.3)
    assert received == accounted, worker.metrics_text()
    assert worker.metric("wirewatch_articles_duplicate_total") >= 2
    assert worker.metric("wirewatch_articles_received_total", format="text") >= 1
    assert worker.metric("wirewatch_events_total") > 0
    assert worker.metric("wirewatch_stage_duration_seconds_count", stage="classify") > 0
    assert worker.metric("wirewatch_ingest_to_alert_seconds_count") > 0


async def test_wires_in_an_uncoded_language_pass_with_no_events(worker: Worker) -> None:
    """An Italian wire (Italian is detected, not coded) is neither a dead letter nor misread
    as English: it reaches news.events with its language and no events, and the worker counts
    it. The same story in French and in German, coded by default, yields its attack."""
    italian = json.dumps({
        "id": "wire-lang-it-1",
        "headline": "Droni distruggono una sottostazione elettrica a Kharkiv",
        "body": "KHARKIV, 4 marzo - Nella notte droni russi hanno distrutto la principale "
                "sottostazione elettrica della città, lasciando senza corrente 200.000 "
                "famiglie, ha detto il governatore della regione.",
    }).encode()
    french = json.dumps({
        "id": "wire-lang-fr-1",
        "headline": "Des drones détruisent une sous-station électrique à Kharkiv",
        "body": "KHARKIV, 4 mars 2025 (AFP) - Des drones russes ont détruit dans la nuit la "
                "principale sous-station électrique de la ville, privant 200 000 foyers "
                "d'électricité, a annoncé le gouverneur régional.",
    }).encode()
    german = json.dumps({
        "id": "wire-lang-de-1",
        "headline": "Drohnen zerstören Umspannwerk in Charkiw",
        "body": "Charkiw (dpa) - Russische Drohnen haben in der Nacht das wichtigste "
                "Umspannwerk der Stadt zerstört; 200.000 Haushalte sind ohne Strom, teilte "
                "der Gouverneur des Gebiets mit.",
    }).encode()
    ids = {"it": "wire-lang-it-1", "fr": "wire-lang-fr-1", "de": "wire-lang-de-1"}
    before = worker.metric("wirewatch_articles_uncoded_language_total", language="it")
    await produce(worker.topic("news.raw"), [italian, french, german])
    # The worker is shared with other tests, which send wires in these languages too: the
    # three are told apart by id, and each must carry the language it was written in.
    docs = values_json(await consume(
        worker.topic("news.events"), timeout=90, until=has_articles(*ids.values()),
    ))
    by_language = {lang: next(d for d in docs if d["article_id"] == article_id)
                   for lang, article_id in ids.items()}
    assert {lang: d["language"] for lang, d in by_language.items()} == {
        "it": "it", "fr": "fr", "de": "de"}
    assert by_language["it"]["events"] == []
    assert "attack.infrastructure" in {e["type"] for e in by_language["fr"]["events"]}
    assert "attack.infrastructure" in {e["type"] for e in by_language["de"]["events"]}
    normalized = values_json(await consume(
        worker.topic("news.normalized"), timeout=30,
        until=has_articles("wire-lang-it-1"),
    ))
    assert {d["language"] for d in normalized if d["article_id"] == "wire-lang-it-1"} == {"it"}
    after = worker.metric("wirewatch_articles_uncoded_language_total", language="it")
    assert after - before == 1, worker.metrics_text()


async def test_internal_topics_are_created_with_their_own_settings(
    worker: Worker, kafka_bootstrap: str
) -> None:
    """The worker creates its topics before it joins the group; each must carry the settings
    its stage relies on, or state silently ages out (the escalation hop) or grows forever
    (the near-duplicate index)."""
    from aiokafka.admin import AIOKafkaAdminClient
    from aiokafka.admin.config_resource import ConfigResource, ConfigResourceType

    admin = AIOKafkaAdminClient(bootstrap_servers=kafka_bootstrap)
    await admin.start()
    try:
        folds = f"{worker.env['WIREWATCH_APP_ID']}-{worker.topic('alert-folds')}-changelog"
        names = [worker.topic("news.alerts.escalation"), worker.topic("news.neardup.index"),
                 worker.topic("news.raw"), folds]
        responses = await admin.describe_configs(
            [ConfigResource(ConfigResourceType.TOPIC, name) for name in names]
        )
    finally:
        await admin.close()
    found: dict[str, dict[str, str]] = {}
    for response in responses:
        for _code, _msg, _type, name, entries in response.resources:
            found[name] = {e[0]: e[1] for e in entries}
    escalation, index, raw, fold_log = (found[n] for n in names)
    assert escalation["retention.ms"] == "-1"
    assert int(escalation["retention.bytes"]) >= 1 << 30
    assert index["cleanup.policy"] == "compact,delete"
    assert int(index["retention.ms"]) == 3 * 86_400_000  # two duplicate days and one
    assert raw["cleanup.policy"] == "delete" and raw["retention.ms"] != "-1"
    # a table's changelog rolls small hourly segments, so the cleaner compacts it as it runs
    assert fold_log["cleanup.policy"] == "compact"
    assert int(fold_log["segment.bytes"]) <= 8 << 20 and int(fold_log["segment.ms"]) <= 3_600_000


def route_wire(article_id: str, place: str) -> bytes:
    """A short strike report of our own, one per place, so no two are near-duplicates."""
    body = (f"Drones struck a fuel depot outside {place} before dawn on Monday, the regional "
            f"governor said, and a fire burned there into the morning. Crews from {place} and "
            f"two neighbouring districts were sent to the scene; nobody was reported hurt.")
    return json.dumps({"id": article_id, "headline": f"Depot near {place} hit by drones",
                       "body": body, "source": "Test Agency"}).encode()


async def test_keyed_wires_are_coded_in_place_and_unkeyed_ones_rekeyed_once(
    worker: Worker, kafka_bootstrap: str, tmp_path: Path
) -> None:
    """`wirewatch feed` keys each wire by its article id, and the worker codes it on the
    partition it lands on: nothing goes through the re-key topic. Unkeyed wires off their
    article id's partition are re-keyed once, onto that partition; all reach news.events."""
    import subprocess

    from streams.shell.ingest import partition_of
    from tests.conftest import ROOT, WORKER_BIN

    places = ["Kherson", "Sumy", "Zaporizhzhia", "Mykolaiv", "Poltava", "Chernihiv"]
    keyed = {f"route-keyed-{p.lower()}": p for p in places}
    folder = tmp_path / "feed"
    folder.mkdir()
    for article_id, place in keyed.items():
        (folder / f"{article_id}.json").write_bytes(route_wire(article_id, place))
    fed = subprocess.run([str(WORKER_BIN), "feed", "--quiet", str(folder)], env=worker.env,
                         capture_output=True, text=True, timeout=90, cwd=ROOT, check=False)
    assert fed.returncode == 0, fed.stderr
    # Unkeyed, each on a partition other than its article id's (as a round-robin feeder
    # or kcat's own partitioner puts most wires).
    from aiokafka import AIOKafkaProducer

    raw, dedup = worker.topic("news.raw"), worker.topic("news.normalize.dedup")
    count = len((await await_topics([raw]))[raw])
    unkeyed = {f"route-unkeyed-{p.lower()}": f"the town of {p}" for p in places}
    producer = AIOKafkaProducer(bootstrap_servers=kafka_bootstrap)
    await producer.start()
    try:
        for article_id, place in unkeyed.items():
            away = (partition_of(article_id.encode(), count) + 1) % count
            await producer.send_and_wait(raw, route_wire(article_id, place), partition=away)
    finally:
        await producer.stop()
    events = values_json(await consume(worker.topic("news.events"), timeout=90,
                                       until=has_articles(*keyed, *unkeyed)))
    coded = {e["article_id"]: e for e in events}
    assert set(keyed) | set(unkeyed) <= set(coded)
    assert all(coded[a]["events"] for a in keyed), "each keyed wire is a coded attack"
    rekeyed = [r for r in await consume(dedup, idle=3, timeout=20)
               if r.key and r.key.decode().startswith("route-")]
    assert sorted(r.key.decode() for r in rekeyed) == sorted(unkeyed)
    for record in rekeyed:  # each lands on its article id's partition, where its state lives
        assert record.partition == partition_of(record.key, count), record.key
