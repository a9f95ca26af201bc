"""Faust's exactly-once mode against the at-least-once transport the pipeline runs on.

`python -m bench.eos [--messages 20000] [--rate 100] [--seconds 20]`: the Faust pass-through
agent (bench/passthrough.py, the worker's own options) in three variants in one run:
at-least-once with the pipeline's direct producer sends, at-least-once with Faust's
`Topic.send`, and `processing_guarantee="exactly_once"` (Faust's transactions: one
transactional producer per source partition, offsets committed inside the transaction).
A fourth variant runs exactly_once with the sink also consumed by the worker: faust-streaming
derives a send's transactional id from the destination partition's topic group, so only a
topic the worker consumes is written inside a transaction (the pipeline's contract topics,
`news.alerts` and the rest, are not consumed by it). For each: messages/s draining a backlog,
how many output offsets hold transaction markers (none means no transaction covered the
outputs), and the latency a subscriber sees at a steady feed rate, read with
`isolation_level="read_committed"` as a subscriber of a transactional topic must (records of
an open transaction are invisible until it commits).
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition

from bench.run import BOOTSTRAP, Worker, drop_topics, output_span, produce_all
from bench.wires import make_messages

VARIANTS = {
    "at-least-once, direct sends (the pipeline)": {},
    "at-least-once, Faust Topic.send": {"PASSTHROUGH_SEND": "faust"},
    "exactly_once (Faust transactions)": {"PASSTHROUGH_GUARANTEE": "exactly_once"},
    "exactly_once, the sink also consumed": {"PASSTHROUGH_GUARANTEE": "exactly_once",
                                             "PASSTHROUGH_READ_SINK": "1"},
}


def _worker(env: dict[str, str]) -> Worker:
    worker = Worker([sys.executable, "-m", "bench.passthrough"])
    worker.env.update(env)
    return worker


async def drain(values: list[bytes], env: dict[str, str]) -> tuple[float, int, int]:
    """Messages/s moving a backlog through the pass-through, read_committed; how many offsets
    of the output topic hold transaction markers or aborted records (its end offsets less
    the records a read_committed subscriber sees); and how many outputs that subscriber saw.
    A drain that stops short is waited on for 90 s past its last output."""
    worker = _worker(env)
    await produce_all(worker.prefix + "in", values)
    worker.start(wait=False)
    try:
        seen, span = await output_span(worker.prefix + "out", len(values), timeout=900,
                                       isolation_level="read_committed", quiet=90)
    finally:
        worker.stop()
    out = worker.prefix + "out"
    probe = AIOKafkaConsumer(out, bootstrap_servers=BOOTSTRAP)  # subscribed: its metadata
    await probe.start()
    try:
        parts = [TopicPartition(out, p) for p in probe.partitions_for_topic(out) or ()]
        ends = await probe.end_offsets(parts)
    finally:
        await probe.stop()
        await drop_topics(worker.tag)
    if not parts:
        raise RuntimeError(f"no partitions found for {out}")
    return seen / span, sum(ends.values()) - seen, seen


async def steady(values: list[bytes], env: dict[str, str], rate: float) -> dict[str, float]:
    """Input timestamp to the moment a read_committed subscriber holds the output, at `rate`
    messages/s after one message has gone through (partitions assigned, producers ready)."""
    worker = _worker(env)
    worker.start(wait=False)
    producer = AIOKafkaProducer(bootstrap_servers=BOOTSTRAP, linger_ms=0)
    consumer = AIOKafkaConsumer(worker.prefix + "out", bootstrap_servers=BOOTSTRAP,
                                group_id=None, auto_offset_reset="earliest",
                                isolation_level="read_committed")
    await producer.start()
    lat: list[float] = []
    try:
        await produce_all(worker.prefix + "in", values[:1])
        await output_span(worker.prefix + "out", 1, timeout=180,
                          isolation_level="read_committed")
        await consumer.start()
        sent: dict[bytes, float] = {}

        async def feed() -> None:
            started = time.monotonic()
            for i, v in enumerate(values[1:]):
                delay = started + i / rate - time.monotonic()
                if delay > 0:
                    await asyncio.sleep(delay)
                key = f"m{i}".encode()
                sent[key] = time.time()
                await producer.send(worker.prefix + "in", value=v, key=key)

        feeding = asyncio.create_task(feed())
        deadline = time.monotonic() + len(values) / rate + 60
        while time.monotonic() < deadline and len(lat) < len(values) - 1:
            batch = await consumer.getmany(timeout_ms=100)
            now = time.time()
            for records in batch.values():
                lat.extend(now - sent[r.key] for r in records if r.key in sent)
        await feeding
    finally:
        await consumer.stop()
        await producer.stop()
        worker.stop()
    lat.sort()
    if not lat:
        return {"delivered": 0}
    return {"delivered": len(lat), "median_ms": 1000 * statistics.median(lat),
            "p99_ms": 1000 * lat[int(0.99 * (len(lat) - 1))], "max_ms": 1000 * lat[-1]}


async def main(messages: int, rate: float, seconds: float, rounds: int) -> None:
    values = make_messages(messages, seed=11)
    rates: dict[str, list[float]] = {name: [] for name in VARIANTS}
    markers: dict[str, int] = dict.fromkeys(VARIANTS, 0)
    delivered: dict[str, int] = dict.fromkeys(VARIANTS, 0)
    for _ in range(rounds):
        for name, env in VARIANTS.items():
            per_s, marked, seen = await drain(values, env)
            rates[name].append(per_s)
            markers[name] += marked
            delivered[name] += seen
    for name, env in VARIANTS.items():
        paced = await steady(make_messages(int(rate * seconds) + 1, seed=12), env, rate)
        print(f"{name}: {statistics.median(rates[name]):,.0f} msg/s draining "
              f"(rounds {', '.join(f'{r:,.0f}' for r in rates[name])}), "
              f"{delivered[name]:,} of {rounds * messages:,} outputs seen read_committed, "
              f"{markers[name]:,} other offsets (markers, aborted records); "
              f"at {rate:.0f}/s: " + ", ".join(f"{k} {v:,.0f}" for k, v in paced.items()),
              flush=True)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=20_000)
    parser.add_argument("--rate", type=float, default=100.0)
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    asyncio.run(main(args.messages, args.rate, args.seconds, args.rounds))
