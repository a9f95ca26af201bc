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


async def test_a_stalled_table_recovery_is_started_again_with_faust_s_own_signal() -> None:
    """The recovery that received no changelog record after a rebalance: the worker sets the
    signal a rebalance would, once the positions stood still past the limit."""
    from streams import metrics

    signal = asyncio.Event()
    recovery = SimpleNamespace(active_offsets={"c0": 40, "c1": None}, active_tps=set(),
                               active_highwaters={}, signal_recovery_start=signal)
    app = SimpleNamespace(in_recovery=True, tables=SimpleNamespace(recovery=recovery))
    ctx = SimpleNamespace(app=app, topics=SimpleNamespace(sources=lambda: frozenset()))
    p = Probes(ctx, replica=None, coder_ready=asyncio.Event())  # type: ignore[arg-type]
    before = metrics.RECOVERY_RESTARTS._value.get()
    p.watch_recovery(0.0)
    p.watch_recovery(p.recovery.limit - 1)
    assert not signal.is_set()
    recovery.active_offsets["c0"] = 41  # a record came: the clock starts over
    p.watch_recovery(p.recovery.limit + 1)
    assert not signal.is_set()
    p.watch_recovery(2 * p.recovery.limit + 2)
    assert signal.is_set()
    assert metrics.RECOVERY_RESTARTS._value.get() == before + 1
    app.in_recovery = False
    signal.clear()
    p.watch_recovery(10 * p.recovery.limit)
    assert not signal.is_set()
