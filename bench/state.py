"""How much state the worker keeps: read every changelog topic of one app and size it.

`written` is every change the tables wrote (what the changelog holds before compaction);
`live` is the last value per key (what a restarted worker recovers and holds in memory).
"""

from __future__ import annotations

import asyncio

from aiokafka import AIOKafkaConsumer

BOOTSTRAP = "127.0.0.1:9092"


async def changelog_sizes(app_id: str, extra: tuple[str, ...] = ()) -> dict[str, dict[str, int]]:
    """Per table: records and bytes written, live keys and live bytes; `extra` names other
    state topics by full name (the near-duplicate index, which is no Faust table)."""
    probe = AIOKafkaConsumer(bootstrap_servers=BOOTSTRAP)
    await probe.start()
    try:
        topics = sorted(t for t in await probe.topics()
                        if t.startswith(f"{app_id}-") and t.endswith("-changelog"))
    finally:
        await probe.stop()
    out: dict[str, dict[str, int]] = {}
    for topic in topics:
        name = topic[len(app_id) + 1:-len("-changelog")].rsplit(".", 1)[-1]
        out[name] = await _size(topic)
    for topic in extra:
        out[".".join(topic.split(".")[-2:])] = await _size(topic)  # neardup.index
    return out


async def _size(topic: str) -> dict[str, int]:
    consumer = AIOKafkaConsumer(topic, bootstrap_servers=BOOTSTRAP, group_id=None,
                                auto_offset_reset="earliest", enable_auto_commit=False,
                                max_partition_fetch_bytes=8_388_608)
    await consumer.start()
    records = written = 0
    live: dict[bytes, int] = {}
    try:
        parts = sorted(consumer.assignment())
        ends = await consumer.end_offsets(parts)
        while [tp for tp in parts if await consumer.position(tp) < ends[tp]]:
            batch = await consumer.getmany(timeout_ms=1000, max_records=10_000)
            for recs in batch.values():
                for r in recs:
                    size = len(r.key or b"") + len(r.value or b"")
                    records += 1
                    written += size
                    if r.value is None:
                        live.pop(r.key, None)
                    else:
                        live[r.key] = size
    finally:
        await consumer.stop()
    return {"records": records, "bytes": written, "live_keys": len(live),
            "live_bytes": sum(live.values())}


def report(sizes: dict[str, dict[str, int]], articles: int, per: int = 100_000) -> list[str]:
    scale = per / articles
    lines = [f"state per {per:,} articles (measured on {articles:,}, scaled linearly):",
             f"  {'table':24} {'written':>10} {'live keys':>10} {'live':>10}"]
    for name, s in sizes.items():
        lines.append(f"  {name:24} {s['bytes'] * scale / 1e6:>8.1f}MB "
                     f"{s['live_keys'] * scale:>10,.0f} {s['live_bytes'] * scale / 1e6:>8.1f}MB")
    total = sum(s["bytes"] for s in sizes.values())
    lines.append(f"  state written per article: {total / articles:,.0f} B "
                 f"({sum(s['records'] for s in sizes.values()) / articles:.1f} records)")
    return lines


if __name__ == "__main__":
    import sys

    print("\n".join(report(asyncio.run(changelog_sizes(sys.argv[1])), int(sys.argv[2]))))
