"""The readiness probe answers from fresh facts while the worker is not ready."""

from __future__ import annotations

import asyncio
from types import SimpleNamespace

from streams.shell import probes
from streams.shell.probes import Probes


def _probes() -> tuple[Probes, list[float]]:
    ctx = SimpleNamespace(topics=SimpleNamespace(sources=lambda: frozenset({"news.raw"})))
    p = Probes(ctx, replica=None, coder_ready=asyncio.Event())  # type: ignore[arg-type]
    calls: list[float] = []

    async def check_health() -> None:
        calls.append(1)
        await asyncio.sleep(0.01)
        p.checked = probes.time.monotonic()

    p.check_health = check_health  # type: ignore[method-assign]
    return p, calls


async def test_a_probe_while_not_ready_gathers_the_facts_again() -> None:
    p, calls = _probes()
    await p.recheck()
    assert calls == [1]


async def test_probes_arriving_together_gather_them_once() -> None:
    p, calls = _probes()
    await asyncio.gather(*(p.recheck() for _ in range(5)), p.tick())
    # the timer's turn and one probe's: the other probes found the facts fresh
    assert len(calls) == 2


async def test_facts_fresher_than_the_recheck_interval_are_reused(monkeypatch) -> None:
    p, calls = _probes()
    await p.recheck()
    await p.recheck()
    assert calls == [1]
    monkeypatch.setattr(probes, "RECHECK_SECONDS", 0.0)
    await p.recheck()
    assert calls == [1, 1]


async def test_a_producer_whose_sender_died_fails_liveness() -> None:
    """aiokafka's sender ends on a fatal error (an idempotent producer's out-of-order
    sequence) and every later send fails: only a restart cures it."""
    from aiokafka.errors import OutOfOrderSequenceNumber

    async def dies() -> None:
        raise OutOfOrderSequenceNumber()

    async def runs() -> None:
        await asyncio.sleep(10)

    def app_with(task: asyncio.Task | None) -> SimpleNamespace:
        sender = SimpleNamespace(sender_task=task)
        return SimpleNamespace(producer=SimpleNamespace(_producer=SimpleNamespace(_sender=sender)))

    dead = asyncio.create_task(dies())
    await asyncio.gather(dead, return_exceptions=True)
    assert "OutOfOrderSequenceNumber" in (probes.producer_failure(app_with(dead)) or "")
    running = asyncio.create_task(runs())
    assert probes.producer_failure(app_with(running)) is None
    running.cancel()
    await asyncio.gather(running, return_exceptions=True)
    # cancelled is a stop, not a failure; no producer yet is not one either
    assert probes.producer_failure(app_with(running)) is None
    assert probes.producer_failure(app_with(None)) is None
    assert probes.producer_failure(SimpleNamespace(producer=SimpleNamespace())) is None
