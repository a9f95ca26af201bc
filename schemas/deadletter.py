"""Dead letters (`news.deadletter`): nothing is dropped silently."""

from datetime import datetime
from typing import Literal

from pydantic import Field

from schemas._base import WireModel

Stage = Literal["normalize", "classify", "alert"]
DeadLetterReason = Literal[
    "invalid_utf8",
    "invalid_json",
    "unknown_shape",
    "empty",
    "oversized",
    "invalid_field",
    "processing_error",
    "timeout",
]


class DeadLetter(WireModel):
    stage: Stage
    reason: DeadLetterReason = Field(description="machine-readable; also the metric's label")
    error: str = Field(description="human-readable explanation")
    original: str = Field(
        description="the original message value, base64; only its first bytes when "
        "`original_truncated` (see `original_size` and `original_sha256`)"
    )
    original_key: str | None = Field(default=None, description="the original key, base64")
    original_size: int | None = Field(
        default=None, ge=0, description="length of the original value in bytes"
    )
    original_sha256: str | None = Field(
        default=None, description="sha256 of the whole original value, hex"
    )
    original_truncated: bool = Field(
        default=False,
        description="the original was too large to carry whole: `original` holds its first "
        "bytes only",
    )
    source_topic: str
    source_partition: int
    source_offset: int
    failed_at: datetime
