"""The key a feeder sends a raw message under: the article id the worker will give it."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from streams.normalize import Rejected, article_key, normalize_message

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
NOW = datetime(2026, 3, 2, tzinfo=UTC)


def test_a_project_json_id_and_a_ninjs_uri_are_the_key() -> None:
    wire = {"id": "urn:agency:2026:0412", "headline": "Talks collapse", "body": "Talks collapsed."}
    assert article_key(json.dumps(wire).encode()) == b"urn:agency:2026:0412"
    ninjs = {"uri": "http://example.org/n/77", "version": "2", "headline": "Port shelled",
             "body_text": "Shelling hit the port."}
    assert article_key(json.dumps(ninjs).encode()) == b"http://example.org/n/77"
    assert article_key(json.dumps({"id": 4471, "body": "A numeric id."}).encode()) == b"4471"


@pytest.mark.parametrize("value", [
    b"KYIV (Agency) - Drones hit a substation overnight, the operator said.",  # id from text
    json.dumps({"headline": "No id", "body": "Shelling hit the depot."}).encode(),
    b"{broken json", b"", b"\xff\xfe", b"[1, 2]", None,
])
def test_no_key_when_the_id_comes_from_the_text_or_the_message_is_unusable(value) -> None:
    assert article_key(value) is None


def test_the_key_is_the_article_id_normalizing_gives_on_every_fixture_wire() -> None:
    keyed = 0
    for path in sorted(FIXTURES.rglob("*")):
        if not path.is_file() or path.suffix not in {".json", ".txt"}:
            continue
        value = path.read_bytes()
        key = article_key(value)
        try:
            article = normalize_message(value, received_at=NOW)
        except Rejected:
            assert key is None, path
            continue
        if key is not None:
            keyed += 1
            assert key == article.article_id.encode(), path
    assert keyed >= 10, "the fixtures hold wires with ids"
