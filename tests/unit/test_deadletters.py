"""Dead letters always fit on the topic, whatever the original was."""

from __future__ import annotations

import base64
import hashlib

from streams.deadletters import (
    MAX_ERROR_CHARS,
    MAX_KEY_BYTES,
    MAX_ORIGINAL_BYTES,
    TRUNCATED_ORIGINAL_BYTES,
    dead_letter,
)

PRODUCER_LIMIT = 4_194_304


def letter(value: bytes | None, *, error: str = "x", key: bytes | None = b"k"):
    return dead_letter(stage="normalize", reason="oversized", error=error, value=value, key=key,
                       topic="news.raw", partition=1, offset=99)


def test_an_original_within_the_limit_is_carried_whole_with_its_size_and_hash() -> None:
    value = bytes(range(256)) * 100
    out = letter(value)
    assert base64.b64decode(out.original) == value
    assert out.original_truncated is False
    assert out.original_size == len(value)
    assert out.original_sha256 == hashlib.sha256(value).hexdigest()
    assert (out.source_topic, out.source_partition, out.source_offset) == ("news.raw", 1, 99)


def test_a_near_broker_limit_original_is_cut_and_the_letter_stays_under_the_limit() -> None:
    value = b"A" * (PRODUCER_LIMIT - 100)
    out = letter(value)
    encoded = out.model_dump_json().encode()
    assert len(encoded) < PRODUCER_LIMIT // 4
    assert out.original_truncated is True
    assert base64.b64decode(out.original) == value[:TRUNCATED_ORIGINAL_BYTES]
    assert out.original_size == len(value)
    assert out.original_sha256 == hashlib.sha256(value).hexdigest()
    assert f"{len(value):,} bytes" in out.error and "original_sha256" in out.error


def test_the_largest_carried_original_fits_under_the_producer_limit() -> None:
    out = letter(b"\xff" * MAX_ORIGINAL_BYTES)
    assert out.original_truncated is False
    assert len(out.model_dump_json().encode()) < PRODUCER_LIMIT


def test_huge_errors_and_keys_are_bounded() -> None:
    out = letter(b"x", error="E" * 100_000, key=b"K" * 100_000)
    assert len(out.error) == MAX_ERROR_CHARS
    assert len(base64.b64decode(out.original_key)) == MAX_KEY_BYTES


def test_a_null_value_is_an_empty_original() -> None:
    out = letter(None, key=None)
    assert out.original == "" and out.original_size == 0 and out.original_key is None
