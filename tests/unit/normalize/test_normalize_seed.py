"""The shared seed wire (read from ../shared, never copied into the repo)."""

from datetime import UTC, datetime
from pathlib import Path

import pytest

from streams.normalize import content_hash, normalize_message

SEED = (
    Path(__file__).resolve().parents[3].parent
    / "shared"
    / "samples"
    / "seed_wire_truce_rejected.txt"
)
NOW = datetime(2025, 6, 4, 12, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def raw() -> bytes:
    if not SEED.is_file():
        pytest.skip(f"seed wire not present at {SEED}")
    return SEED.read_bytes()


def test_seed_wire_normalizes(raw):
    article = normalize_message(raw, received_at=NOW, ingest_ts_ms=123)
    text = raw.decode("utf-8")
    caption_line, rest = text.split("\n", 1)

    assert article.format == "text"
    # Caption: the first line's text, without its label and trailing image credit.
    assert caption_line.startswith("Caption: ")
    assert article.caption is not None
    assert caption_line.startswith("Caption: " + article.caption)
    assert "Source image" not in article.caption
    assert article.caption.endswith(".")
    # Dateline `(Agency)-` split off; the agency becomes the source.
    assert article.dateline is not None
    assert article.dateline.city is None
    assert article.dateline.text == f"({article.dateline.agency})"
    assert rest.startswith(article.dateline.text)
    assert article.source == article.dateline.agency
    # No headline line in this wire: the body starts right after the dateline.
    assert article.headline is None
    assert rest.rstrip().endswith(article.body.splitlines()[-1])
    assert article.body[0].isupper()
    assert not article.body.startswith("(")
    # Paragraphs and curly quotes kept, so evidence offsets match the published text.
    assert article.body.count("\n") == rest.strip().count("\n")
    assert "“" in article.body and "’" in article.body
    for paragraph in article.body.splitlines():
        assert paragraph in text
    # Identity.
    assert article.content_hash == content_hash(None, article.body)
    assert article.article_id == "sha256:" + article.content_hash[:32]
    assert article.version == 1 and article.retracted is False
    assert article.ingest_ts_ms == 123


def test_seed_wire_resend_is_identical(raw):
    first = normalize_message(raw, received_at=NOW)
    again = normalize_message(raw.replace(b"\n", b"\r\n") + b"\n", received_at=NOW)
    assert again.content_hash == first.content_hash
    assert again.article_id == first.article_id
    assert again.body == first.body
