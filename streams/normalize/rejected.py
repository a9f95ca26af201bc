"""The one failure a raw message can have: it is rejected, with a reason and an explanation.

The agent turns a `Rejected` into a `DeadLetter` (`reason` is the machine-readable label and the
metric's, `error` goes to the feeder), so every message that cannot become an article is
accounted for instead of being dropped or crashing the worker.
"""

from __future__ import annotations

from schemas.deadletter import DeadLetterReason


class Rejected(Exception):
    """A raw message that cannot be normalized.

    `reason` is one of `schemas.deadletter.DeadLetterReason`; `error` is a sentence a feeder can
    act on (what is wrong, where, and what to send instead).
    """

    reason: DeadLetterReason
    error: str

    def __init__(self, reason: DeadLetterReason, error: str) -> None:
        # Both go to Exception.args so the exception pickles and re-raises across processes.
        super().__init__(reason, error)
        self.reason = reason
        self.error = error

    def __str__(self) -> str:
        return self.error

    def __repr__(self) -> str:
        return f"Rejected(reason={self.reason!r}, error={self.error!r})"
