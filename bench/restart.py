"""Restart with state: how long a worker takes to be ready again after N articles.

`python -m bench.restart [--articles 20000]` feeds N distinct ~3 KB wires through one worker,
waits until every article is on `news.events` and the group has committed everything, stops
the worker (SIGTERM), sizes what a successor must replay (every changelog and the
near-duplicate index), then starts a successor on the same group and times it from process
start to `/ready` (its tables recovered, its index read, its partitions held), once on the
same data dir and once on an empty one (a new pod); for each state store (`WIREWATCH_STORE`:
the memory store replays every changelog, RocksDB only what its data dir lacks). Issue 9's
bar: under 10 s at 20,000.
"""

from __future__ import annotations

import argparse
import asyncio
import shutil
import tempfile
import time
import urllib.request

from bench.run import Worker, drop_topics, output_span, produce_all
from bench.state import changelog_sizes
from bench.wires import make_messages
from streams import config


def ready_after(worker: Worker, timeout: float = 600.0) -> float:
    """Seconds from the worker's start to its first `/ready` 200."""
    started = time.monotonic()
    worker.start(wait=False)
    while time.monotonic() - started < timeout:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{worker.port}/ready", timeout=1) as r:
                if r.status == 200:
                    return time.monotonic() - started
        except OSError:
            pass
        time.sleep(0.1)
    raise RuntimeError(f"not ready after {timeout} s")


def lag(worker: Worker) -> float:
    with urllib.request.urlopen(f"http://127.0.0.1:{worker.port}/metrics", timeout=5) as r:
        text = r.read().decode()
    return sum(float(line.rsplit(" ", 1)[1]) for line in text.splitlines()
               if line.startswith("wirewatch_consumer_lag_messages{"))


async def main(articles: int, store: str) -> None:
    first = Worker()
    first.env["WIREWATCH_STORE"] = store
    print(f"--- store {store}")
    await produce_all(first.prefix + "news.raw", make_messages(articles, seed=21), keyed=True)
    started = time.monotonic()
    first.start()
    try:
        seen, _ = await output_span(first.prefix + "news.events", articles, timeout=3600)
        while lag(first) > 0:  # every hop committed, so the successor replays state only
            await asyncio.sleep(1)
        fed = time.monotonic() - started
    finally:
        first.stop()
    sizes = await changelog_sizes(first.env["WIREWATCH_APP_ID"],
                                  (first.prefix + config.NEARDUP_INDEX,))
    total = sum(s["bytes"] for s in sizes.values())
    records = sum(s["records"] for s in sizes.values())
    print(f"{seen:,} articles through one worker in {fed:.0f} s; state to replay: "
          f"{records:,} records, {total / 1e6:.1f} MB ({total / articles:,.0f} B per article)")
    for name, s in sizes.items():
        print(f"  {name:24} {s['records']:>9,} records {s['bytes'] / 1e6:>8.1f} MB")
    for label, fresh in (("same data dir", False), ("empty data dir", True)):
        successor = Worker()
        successor.env = dict(first.env)
        successor.port = first.port
        if fresh:
            successor.env["WIREWATCH_DATA_DIR"] = tempfile.mkdtemp(prefix="wirewatch-bench-")
        try:
            took = ready_after(successor)
        finally:
            successor.stop()
        print(f"restart, {label}: ready in {took:.1f} s")
        if fresh:
            shutil.rmtree(successor.env["WIREWATCH_DATA_DIR"], ignore_errors=True)
    await drop_topics(first.tag)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=20_000)
    parser.add_argument("--stores", default="memory://,rocksdb://",
                        help="comma-separated WIREWATCH_STORE values, each measured in turn")
    args = parser.parse_args()
    for store in args.stores.split(","):
        asyncio.run(main(args.articles, store))
