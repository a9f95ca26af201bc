"""Building dead letters: the original bytes, where they came from, and why they failed."""

from __future__ import annotations

import base64
from datetime import UTC, datetime

from schemas import DeadLetter
from schemas.deadletter import DeadLetterReason, Stage


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
    return DeadLetter(
        stage=stage,
        reason=reason,
        error=error,
        original=base64.b64encode(value or b"").decode("ascii"),
        original_key=base64.b64encode(key).decode("ascii") if key is not None else None,
        source_topic=topic,
        source_partition=partition,
        source_offset=offset,
        failed_at=datetime.now(UTC),
    )
