"""Flashes: a message with a headline (and maybe a caption) but no body is an article coded
from its headline and caption; a message with no text in any of them is still `empty`."""

from __future__ import annotations

from datetime import UTC, datetime

import orjson
import pytest

from schemas import NormalizedArticle
from streams.classify import classify_article
from streams.normalize import normalize_message
from streams.normalize.rejected import Rejected

RECEIVED = datetime(2025, 6, 5, 9, 0, tzinfo=UTC)


def _normalize(document: dict[str, object]) -> NormalizedArticle:
    return normalize_message(orjson.dumps(document), received_at=RECEIVED)


def test_a_headline_only_flash_is_coded_from_its_headline() -> None:
    article = _normalize({"headline": "BREAKING: Hamas rejects UN truce extension"})
    assert (article.format, article.headline, article.body) == (
        "json", "BREAKING: Hamas rejects UN truce extension", "")
    events = classify_article(article).events
    assert [(e.type, e.actor and e.actor.code, e.evidence.field) for e in events] == [
        ("ceasefire.rejected", "PSEREB", "headline")]


def test_a_flash_with_a_caption_is_coded_from_both() -> None:
    article = _normalize({
        "headline": "URGENT: Russian missiles strike Odesa port",
        "caption": "Smoke rises over the port of Odesa after the strike on Tuesday.",
        "published_at": "2025-06-04T10:00:00Z",
    })
    assert article.body == ""
    events = classify_article(article).events
    assert {e.type for e in events} >= {"attack.aerial", "attack.infrastructure"}
    assert {e.evidence.field for e in events} <= {"headline", "caption"}


def test_a_ninjs_headline_only_document_is_a_flash() -> None:
    article = _normalize({"uri": "urn:flash:1", "headline": "Houthis threaten to strike ships"})
    assert (article.format, article.article_id, article.body) == ("ninjs", "urn:flash:1", "")
    assert [e.type for e in classify_article(article).events] == ["threat.military"]


@pytest.mark.parametrize("document", [
    {"headline": "   "},
    {"headline": "", "body": ""},
    {"uri": "urn:x", "headline": "\u200b"},
])
def test_no_headline_body_or_caption_is_still_empty(document: dict[str, object]) -> None:
    with pytest.raises(Rejected) as caught:
        _normalize(document)
    assert caught.value.reason == "empty"
