"""A client in another language (kcat, librdkafka in C) feeds the pipeline and reads alerts."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from streams.offline import code_wire
from tests.conftest import BOOTSTRAP, Worker, seed_wire_bytes, wait_for_topics

pytestmark = pytest.mark.e2e
KCAT = shutil.which("kcat") or shutil.which("kafkacat")


def offline_alerts(value: bytes) -> list:
    """What the worker should raise for one message, from the same pure functions it calls."""
    return code_wire(value)[1]


def kcat(*args: str, stdin: bytes | None = None, timeout: float = 30) -> bytes:
    assert KCAT, "kcat is not installed (.ci/run installs Debian's kcat)"
    done = subprocess.run(
        [KCAT, "-b", BOOTSTRAP, *args], input=stdin, capture_output=True, timeout=timeout,
    )
    assert done.returncode == 0, f"kcat {' '.join(args)}: {done.stderr.decode()}"
    return done.stdout


def kcat_read(worker: Worker, topic: str, count: int, *fmt: str, timeout: float = 90) -> str:
    """`count` records of `topic` from the beginning, read by kcat within `timeout` seconds.

    kcat -C gives up at once on a topic that does not exist yet, so the topic is awaited
    first; a read that times out fails with what kcat got and the worker's log.
    """
    assert KCAT, "kcat is not installed (.ci/run installs Debian's kcat)"
    wait_for_topics([topic])
    args = [KCAT, "-b", BOOTSTRAP, "-C", "-t", topic, "-o", "beginning", "-c", str(count), "-u",
            *fmt]
    try:
        done = subprocess.run(args, capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired as exc:
        got = (exc.stdout or b"").decode(errors="replace")
        pytest.fail(
            f"kcat read {len(got.splitlines())} of {count} records from {topic} in {timeout}s:\n"
            f"{got}\nkcat stderr:\n{(exc.stderr or b'').decode(errors='replace')[-2000:]}\n"
            f"worker log:\n{worker.log()}"
        )
    assert done.returncode == 0, f"kcat -C {topic}: {done.stderr.decode()}"
    return done.stdout.decode()


def test_kcat_produces_wires_and_consumes_alerts_with_headers(worker: Worker, tmp_path) -> None:
    wire = tmp_path / "seed.txt"
    wire.write_bytes(seed_wire_bytes())
    # -P with file arguments sends each file as one message, newlines and all.
    kcat("-P", "-t", worker.topic("news.raw"), "-k", "kcat-seed", str(wire))

    expected = len(offline_alerts(seed_wire_bytes()))
    out = kcat_read(worker, worker.topic("news.alerts"), expected, "-f", "%h\t%s\n")
    lines = [line for line in out.splitlines() if line.strip()]
    assert len(lines) == expected
    kinds = set()
    for line in lines:
        headers, value = line.split("\t", 1)
        alert = json.loads(value)
        header_map = dict(h.split("=", 1) for h in headers.split(","))
        assert header_map["kind"] == alert["kind"]
        assert header_map["severity"] == alert["severity"]
        kinds.add(alert["kind"])
    assert {"truce_rejected", "infrastructure_attack", "strategic_strike",
            "mass_casualty"} <= kinds


def test_kcat_reads_dead_letters(worker: Worker) -> None:
    kcat("-P", "-t", worker.topic("news.raw"), stdin=b'{"broken": \n')
    out = kcat_read(worker, worker.topic("news.deadletter"), 1)
    letter = json.loads(out)
    assert letter["stage"] == "normalize"
    assert letter["reason"] in {"invalid_json", "unknown_shape"}
