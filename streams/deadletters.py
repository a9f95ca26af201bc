"""Building dead letters: the original bytes, where they came from, and why they failed.

A dead letter must always fit on the dead-letter topic, whatever arrived: the original is
carried whole up to `MAX_ORIGINAL_BYTES` (base64 grows it by a third) and otherwise cut to its
first `TRUNCATED_ORIGINAL_BYTES`, with its size and sha256 so a sender can still find it.
"""

from __future__ import annotations

import base64
import hashlib
from datetime import UTC, datetime

from schemas import DeadLetter
from schemas.deadletter import DeadLetterReason, Stage

# 1 MiB of original is 1.4 MB of base64: far below the 4 MiB producer and broker limits, and
# above the worker's own 1 MB input limit, so every message the worker could have accepted is
# carried whole.
MAX_ORIGINAL_BYTES = 1_048_576
TRUNCATED_ORIGINAL_BYTES = 65_536
MAX_KEY_BYTES = 4_096
MAX_ERROR_CHARS = 2_000


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def bounded_key(key: bytes | None) -> bytes | None:
    """A key cut to `MAX_KEY_BYTES`: the dead letter carries it, and is keyed by it."""
    return key[:MAX_KEY_BYTES] if key is not None else None


def bounded_error(error: str) -> str:
    """An exception's repr can be as long as the message that caused it."""
    if len(error) <= MAX_ERROR_CHARS:
        return error
    return error[: MAX_ERROR_CHARS - 1] + "…"


def dead_letter(
    *,
    stage: Stage,
    reason: DeadLetterReason,
    error: str,
    value: bytes | None,
    key: bytes | None,
    topic: str,
    partition: int,
    offset: int,
) -> DeadLetter:
    """Base64 keeps any bytes (invalid UTF-8 included) intact inside a JSON envelope."""
    value = value or b""
    truncated = len(value) > MAX_ORIGINAL_BYTES
    if truncated:
        error = (
            f"{bounded_error(error)} (original of {len(value):,} bytes cut to its first "
            f"{TRUNCATED_ORIGINAL_BYTES:,} bytes; original_sha256 identifies it)"
        )
    else:
        error = bounded_error(error)
    key = bounded_key(key)
    return DeadLetter(
        stage=stage,
        reason=reason,
        error=error,
        original=_b64(value[:TRUNCATED_ORIGINAL_BYTES] if truncated else value),
        original_key=_b64(key) if key is not None else None,
        original_size=len(value),
        original_sha256=hashlib.sha256(value).hexdigest(),
        original_truncated=truncated,
        source_topic=topic,
        source_partition=partition,
        source_offset=offset,
        failed_at=datetime.now(UTC),
    )
