"""`wirewatch demo`: the whole pipeline on the bundled sample wires, then a clean exit.

It runs on its own topic prefix and consumer group, so it never disturbs a real deployment
on the same broker, and stops the worker it started.
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from pathlib import Path

SAMPLES = Path(__file__).resolve().parent / "samples"
REPO = Path(__file__).resolve().parents[1]


def _broker_answers(host: str = "127.0.0.1", port: int = 9092) -> bool:
    try:
        with socket.create_connection((host, port), timeout=1):
            return True
    except OSError:
        return False


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _ensure_broker(bootstrap: str) -> None:
    host, _, port = bootstrap.split(",")[0].rpartition(":")
    if _broker_answers(host or "127.0.0.1", int(port or 9092)):
        return
    script = REPO / "deploy" / "kafka" / "kafka.sh"
    if not script.exists():
        raise SystemExit(f"no broker at {bootstrap} and no deploy/kafka/kafka.sh to start one")
    subprocess.run(["bash", str(script), "up"], check=True)


def _wait_healthy(port: int, proc: subprocess.Popen, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit("the demo worker exited during start-up")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=1):
                return
        except OSError:
            time.sleep(0.3)
    raise SystemExit("the demo worker did not become healthy")


def _metric_lines(port: int) -> list[str]:
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=5) as resp:
        text = resp.read().decode()
    keep = ("wirewatch_articles_", "wirewatch_deadletter_total", "wirewatch_alerts_total",
            "wirewatch_events_total")
    return [line for line in text.splitlines() if line.startswith(keep)]


def run(args: argparse.Namespace) -> int:
    from streams.config import ALERTS, Settings

    settings = Settings.from_env()
    _ensure_broker(settings.bootstrap_servers)
    tag = uuid.uuid4().hex[:8]
    port = _free_port()
    data_dir = Path(tempfile.mkdtemp(prefix="wirewatch-demo-"))
    env = dict(os.environ)
    env.update(
        WIREWATCH_TOPIC_PREFIX=f"demo-{tag}.",
        WIREWATCH_APP_ID=f"wirewatch-demo-{tag}",
        WIREWATCH_WEB_PORT=str(port),
        WIREWATCH_DATA_DIR=str(data_dir),
    )
    exe = [sys.executable, "-m", "streams.cli"]
    samples = sorted(p for p in SAMPLES.iterdir() if p.suffix in {".txt", ".json", ".jsonl"})
    print(f"Wirewatch demo: {len(samples)} sample wires, topics prefixed demo-{tag}.")
    worker = subprocess.Popen(
        [*exe, "worker", "--loglevel", "error"], env=env,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        _wait_healthy(port, worker, 60)
        print(f"worker up: metrics at http://127.0.0.1:{port}/metrics")
        subprocess.run([*exe, "feed", "--quiet", *map(str, samples)], env=env, check=True)
        print("fed; alerts as they arrive:\n")
        expected = _expected_alerts(samples)
        subprocess.run(
            [*exe, "alerts", "--from-beginning", "--count", str(expected),
             "--timeout", str(args.timeout)],
            env=env, check=True,
        )
        print("\nworker metrics:")
        for line in _metric_lines(port):
            print("  " + line)
        topic = f"demo-{tag}.{ALERTS}"
        print(f"\nThe alerts stay on topic {topic}: kcat -b 127.0.0.1:9092 -C -t {topic}")
    finally:
        worker.terminate()
        try:
            worker.wait(30)
        except subprocess.TimeoutExpired:
            worker.kill()
        shutil.rmtree(data_dir, ignore_errors=True)
    return 0


def _expected_alerts(samples: list[Path]) -> int:
    """How many alerts the worker will raise, from the same offline functions it runs."""
    from datetime import UTC, datetime

    from streams.inputs import read_inputs
    from streams.normalize import Rejected
    from streams.offline import code_wire

    total, seen = 0, set()
    now = datetime.now(UTC)
    for _label, value in read_inputs([str(p) for p in samples]):
        try:
            classified, alerts = code_wire(value, now=now)
        except Rejected:
            continue
        if classified.content_hash in seen:
            continue
        seen.add(classified.content_hash)
        total += len(alerts)
    return total


