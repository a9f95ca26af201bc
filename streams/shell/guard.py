"""One message's work, guarded: any failure becomes a dead letter with its reason, so one bad
message never stops a partition (FAUST-NOTES.md), and every message stays accounted for."""

from __future__ import annotations

import asyncio
import inspect
import logging
from collections.abc import Callable
from typing import Any

import faust
from aiokafka.errors import MessageSizeTooLargeError
from pydantic import ValidationError

from schemas.deadletter import DeadLetterReason, Stage
from streams import metrics
from streams.budget import Budget, BudgetExceeded
from streams.deadletters import bounded_key, dead_letter
from streams.normalize import Rejected

log = logging.getLogger("wirewatch")

# A dead letter is retried with backoff (0.25 s doubling, capped at 8 s): about 30 s in all,
# enough to ride out a leader election; then it is counted and logged, never an agent crash.
DEADLETTER_ATTEMPTS = 8


class Guard:
    """Runs a stage's work on one message and dead-letters what fails."""

    def __init__(self, deadletter_topic: Any, budget: Budget) -> None:
        self.deadletter_topic = deadletter_topic
        self.budget = budget

    async def dead_letter(
        self, event: faust.EventT, stage: Stage, reason: DeadLetterReason, error: str
    ) -> None:
        """Write the dead letter, retrying while the broker cannot take it; never raises,
        so a failing dead letter cannot crash the agent and take the partition down."""
        msg = event.message
        metrics.DEADLETTER.labels(stage=stage, reason=reason).inc()
        where = f"{msg.topic}[{msg.partition}]@{msg.offset}"
        log.warning("dead letter %s/%s at %s: %.300s", stage, reason, where, error)
        try:
            letter = dead_letter(
                stage=stage, reason=reason, error=error, value=msg.value, key=msg.key,
                topic=msg.topic, partition=msg.partition, offset=msg.offset,
            ).model_dump_json().encode()
        except Exception as exc:  # the builder itself failed: still account for the message
            metrics.DEADLETTER_SEND_FAILED.labels(stage=stage, reason=reason).inc()
            log.error("dead letter for %s could not be built: %r", where, exc)
            return
        for attempt in range(DEADLETTER_ATTEMPTS):
            try:
                await self.deadletter_topic.send(key=bounded_key(msg.key), value=letter)
                return
            except Exception as exc:
                if attempt + 1 == DEADLETTER_ATTEMPTS:
                    metrics.DEADLETTER_SEND_FAILED.labels(stage=stage, reason=reason).inc()
                    log.error("dead letter for %s not written after %d attempts: %r",
                              where, DEADLETTER_ATTEMPTS, exc)
                    return
                await asyncio.sleep(min(0.25 * 2**attempt, 8.0))

    async def __call__(
        self, event: faust.EventT, stage: Stage, work: Callable[..., Any], *args: Any,
        size: int = 0, **kwargs: Any,
    ) -> Any:
        """`work(*args, **kwargs)` for one message; on any failure the message is
        dead-lettered with its reason and None returned. Work on an input of more than
        `budget.inline_max` bytes or characters (`size`) runs off the event loop under the
        per-message budget (streams/budget.py); coroutines are awaited in place."""
        try:
            if self.budget.offloads(size):
                return await self.budget.run(work, *args, **kwargs)
            result = work(*args, **kwargs)
            if inspect.isawaitable(result):
                result = await result
            return result
        except Rejected as exc:
            await self.dead_letter(event, stage, exc.reason, exc.error)
        except ValidationError as exc:
            await self.dead_letter(event, stage, "invalid_field", str(exc))
        except BudgetExceeded as exc:
            await self.dead_letter(event, stage, "timeout", str(exc))
        except MessageSizeTooLargeError as exc:
            await self.dead_letter(
                event, stage, "oversized", f"the {stage} stage's output is too large: {exc!r}"
            )
        except asyncio.CancelledError:
            raise
        except Exception as exc:
            await self.dead_letter(event, stage, "processing_error", repr(exc))
        return None


async def emit(topic: Any, key: bytes, value: bytes, **kw: Any) -> bool:
    """Send inside the guard's reach: the caller wraps it, so a failed send is a dead letter
    with its reason, never an agent crash."""
    await topic.send(key=key, value=value, **kw)
    return True
