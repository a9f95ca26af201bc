"""The content hash: stable for exact re-sends, different for different stories."""

import hashlib
from datetime import UTC, datetime

import orjson

from streams.normalize import content_hash, normalize_message

NOW = datetime(2025, 6, 4, 12, 0, tzinfo=UTC)
HEADLINE = "Pier closed after crane collapse"
BODY = "The harbour authority closed the northern pier.\nRepairs will take a week."


def test_definition():
    folded = "pier closed after crane collapse\nthe harbour authority closed the northern pier. "
    expected = hashlib.sha256((folded + "repairs will take a week.").encode()).hexdigest()
    assert content_hash(HEADLINE, BODY) == expected


def test_known_value_does_not_drift():
    # Pinned: a change here changes every fallback article_id and breaks duplicate detection.
    assert content_hash("A", "b") == hashlib.sha256(b"a\nb").hexdigest()
    assert content_hash(None, "b") == content_hash("", "b") == hashlib.sha256(b"\nb").hexdigest()


def test_case_and_whitespace_are_folded():
    assert content_hash(HEADLINE, BODY) == content_hash(
        "  PIER closed\tafter  crane COLLAPSE ", BODY.upper().replace("\n", "\n\n  ")
    )
    assert content_hash("x", "Zu\u0308rich") == content_hash("x", "Z\u00fcrich")


def test_different_text_or_field_split_hashes_differently():
    assert content_hash(HEADLINE, BODY) != content_hash(HEADLINE, BODY + " More.")
    assert content_hash("a b", "c") != content_hash("a", "b c")


def test_same_story_in_every_form_hashes_equal():
    text = f"{HEADLINE}\n{BODY}".encode()
    json_doc = orjson.dumps({"headline": HEADLINE, "body": BODY, "id": "given"})
    ninjs_doc = orjson.dumps(
        {
            "uri": "urn:1",
            "headline": HEADLINE,
            "body_html": f"<p>{BODY.replace(chr(10), '</p><p>')}",
        }
    )
    messy = f"  {HEADLINE.upper()}  \r\n\r\n{BODY.replace(' ', '  ')}\u200b \n".encode()
    hashes = {
        normalize_message(value, received_at=NOW).content_hash
        for value in (text, json_doc, ninjs_doc, messy)
    }
    assert hashes == {content_hash(HEADLINE, BODY)}


def test_fallback_article_id_is_stable_across_resends():
    first = normalize_message(BODY.encode(), received_at=NOW)
    again = normalize_message(BODY.encode() + b"\n\n", received_at=datetime(2026, 1, 1, tzinfo=UTC))
    assert first.article_id == again.article_id == "sha256:" + first.content_hash[:32]
