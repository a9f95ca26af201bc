"""A real Prometheus (Debian's package) scrapes a live worker that was fed known messages, and
its HTTP query API returns the contract metrics with the values those messages produce."""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from streams import __version__
from streams.metrics import METRIC_NAMES
from streams.offline import code_wire
from tests.conftest import Worker, produce, seed_wire_bytes
from tests.unit.deploy.promql import base_name, dashboard_queries, metric_names

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parents[2]
RULES = ROOT / "deploy" / "prometheus" / "rules" / "wirewatch.rules.yml"
DASHBOARD = ROOT / "deploy" / "grafana" / "dashboards" / "wirewatch.json"
PROMETHEUS_BIN = shutil.which("prometheus")

# Five distinct articles with no conflict events, one exact duplicate, two broken messages.
PLAIN = [
    json.dumps({"id": f"e2e-{i}", "headline": f"Council approves park budget {i}",
                "body": f"The city council approved budget number {i} for parks and libraries."})
    .encode()
    for i in range(5)
]
BROKEN = [b'{"headline": "cut off', b'{"body": "also cut off']


def offline_alerts(value: bytes) -> list:
    """What the worker should raise for one message, from the same pure functions it calls."""
    return code_wire(value)[1]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Prometheus:
    def __init__(self, port: int, proc: subprocess.Popen, log: Path) -> None:
        self.url = f"http://127.0.0.1:{port}"
        self.proc = proc
        self.log = log

    def api(self, path: str, **params: str) -> dict:
        url = f"{self.url}/api/v1/{path}"
        if params:
            url += "?" + urllib.parse.urlencode(params)
        with urllib.request.urlopen(url, timeout=10) as resp:
            body = json.load(resp)
        assert body["status"] == "success", body
        return body["data"]

    def query(self, expr: str) -> dict[tuple[tuple[str, str], ...], float]:
        """Instant query: {sorted labels without __name__: value}."""
        data = self.api("query", query=expr)
        assert data["resultType"] == "vector", data
        return {
            tuple(sorted((k, v) for k, v in r["metric"].items() if k != "__name__")):
                float(r["value"][1])
            for r in data["result"]
        }

    def scalar(self, expr: str) -> float | None:
        result = self.query(expr)
        assert len(result) <= 1, result
        return next(iter(result.values()), None)

    def wait_for(self, expr: str, expected: float, timeout: float = 60.0) -> None:
        deadline = time.monotonic() + timeout
        value = None
        while time.monotonic() < deadline:
            value = self.scalar(expr)
            if value == expected:
                return
            time.sleep(0.5)
        log = self.log.read_text()[-3000:]
        raise AssertionError(f"{expr} = {value}, expected {expected}\n{log}")


@pytest.fixture
def prometheus(worker: Worker, tmp_path: Path) -> Iterator[Prometheus]:
    assert PROMETHEUS_BIN, "prometheus not found (.ci/run installs Debian's prometheus)"
    port = free_port()
    config = {
        "global": {"scrape_interval": "1s", "scrape_timeout": "1s", "evaluation_interval": "1s"},
        "rule_files": [str(RULES)],
        "scrape_configs": [{
            "job_name": "wirewatch",
            "static_configs": [{"targets": [f"127.0.0.1:{worker.web_port}"]}],
        }],
    }
    (tmp_path / "prometheus.yml").write_text(yaml.safe_dump(config))
    log = tmp_path / "prometheus.log"
    proc = subprocess.Popen(
        [PROMETHEUS_BIN, f"--config.file={tmp_path / 'prometheus.yml'}",
         f"--storage.tsdb.path={tmp_path / 'tsdb'}", f"--web.listen-address=127.0.0.1:{port}"],
        stdout=log.open("wb"), stderr=subprocess.STDOUT,
    )
    server = Prometheus(port, proc, log)
    try:
        deadline = time.monotonic() + 60
        while True:
            assert proc.poll() is None, f"prometheus exited:\n{log.read_text()[-3000:]}"
            try:
                with urllib.request.urlopen(f"{server.url}/-/ready", timeout=1) as resp:
                    if resp.status == 200:
                        break
            except OSError:
                pass
            assert time.monotonic() < deadline, f"prometheus not ready:\n{log.read_text()}"
            time.sleep(0.3)
        yield server
    finally:
        proc.terminate()
        try:
            proc.wait(20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(10)


def wait_until(condition, timeout: float = 90.0, what: str = "", detail=str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what}\n{detail()}"
        time.sleep(0.5)


def worker_state(worker: Worker) -> str:
    samples = [line for line in worker.metrics_text().splitlines()
               if line.startswith("wirewatch_") and "_bucket" not in line]
    return "\n".join(samples) + "\n--- worker log ---\n" + worker.log()


async def test_prometheus_scrapes_the_contract_metrics(worker: Worker, prometheus: Prometheus):
    seed = seed_wire_bytes()
    expected_alerts: dict[tuple[str, str], int] = {}
    for alert in offline_alerts(seed):
        key = (alert.kind, alert.severity)
        expected_alerts[key] = expected_alerts.get(key, 0) + 1
    assert expected_alerts, "the seed wire raises alerts"

    await produce(worker.topic("news.raw"), [*PLAIN, PLAIN[0], *BROKEN, seed])
    received, normalized = 9, 6  # 5 plain + 1 duplicate + 2 broken + seed; 5 plain + seed

    # The worker's own view first: every message through every stage.
    wait_until(lambda: worker.metric("wirewatch_stage_duration_seconds_count", stage="alert")
               == normalized, what="the alert stage to see every article",
               detail=lambda: worker_state(worker))
    worker_events = {}
    for line in worker.metrics_text().splitlines():
        if line.startswith("wirewatch_events_total{"):
            labels, value = line.rsplit(" ", 1)
            worker_events[labels.split('type="', 1)[1].split('"', 1)[0]] = float(value)
    assert worker_events, "the seed wire yields events"

    job = '{job="wirewatch"}'
    prometheus.wait_for(f"sum(wirewatch_articles_received_total{job})", received)

    assert prometheus.scalar(f"max(up{job})") == 1
    assert prometheus.scalar(f"sum(wirewatch_worker_up{job})") == 1
    assert prometheus.query(f"wirewatch_build_info{job}") == {
        (("instance", f"127.0.0.1:{worker.web_port}"), ("job", "wirewatch"),
         ("version", __version__)): 1.0
    }
    assert prometheus.query(f"sum by (format) (wirewatch_articles_received_total{job})") == {
        (("format", "json"),): 6.0, (("format", "text"),): 1.0, (("format", "invalid"),): 2.0,
    }
    assert prometheus.scalar(f"sum(wirewatch_articles_normalized_total{job})") == normalized
    assert prometheus.scalar(f"sum(wirewatch_articles_duplicate_total{job})") == 1
    assert prometheus.query(f"sum by (stage, reason) (wirewatch_deadletter_total{job})") == {
        (("reason", "invalid_json"), ("stage", "normalize")): 2.0,
    }
    assert prometheus.query(f"sum by (type) (wirewatch_events_total{job})") == {
        (("type", kind),): value for kind, value in worker_events.items()
    }
    assert prometheus.query(f"sum by (kind, severity) (wirewatch_alerts_total{job})") == {
        (("kind", kind), ("severity", severity)): float(n)
        for (kind, severity), n in expected_alerts.items()
    }
    # Histograms: one observation per message a stage finished, one per alert sent.
    assert prometheus.query(f"sum by (stage) (wirewatch_stage_duration_seconds_count{job})") == {
        (("stage", "normalize"),): 7.0, (("stage", "classify"),): 6.0,
        (("stage", "alert"),): 6.0,
    }
    alerts_sent = float(sum(expected_alerts.values()))
    assert prometheus.scalar(f"sum(wirewatch_ingest_to_alert_seconds_count{job})") == alerts_sent
    assert prometheus.scalar(
        'sum(wirewatch_ingest_to_alert_seconds_bucket{job="wirewatch", le="+Inf"})'
    ) == alerts_sent
    # Lag per partition of the worker's own topics, down to zero once everything is consumed.
    raw_topic = worker.topic("news.raw")
    prometheus.wait_for(
        f'max(wirewatch_consumer_lag_messages{{job="wirewatch", topic="{raw_topic}"}})', 0
    )
    partitions = prometheus.query(
        f'wirewatch_consumer_lag_messages{{job="wirewatch", topic="{raw_topic}"}}'
    )
    assert len(partitions) >= 1
    assert all(dict(labels)["partition"].isdigit() for labels in partitions)


def test_alert_rules_load_and_evaluate_on_live_data(worker: Worker, prometheus: Prometheus):
    expected = {rule["alert"] for group in yaml.safe_load(RULES.read_text())["groups"]
                for rule in group["rules"]}
    prometheus.wait_for('max(up{job="wirewatch"})', 1)

    def evaluated() -> bool:
        rules = [r for g in prometheus.api("rules")["groups"] for r in g["rules"]]
        return {r["name"] for r in rules} == expected and all(
            r.get("lastEvaluation", "").startswith("20") for r in rules
        )

    wait_until(evaluated, timeout=30, what="every rule to be evaluated")
    rules = [r for g in prometheus.api("rules")["groups"] for r in g["rules"]]
    assert {r["name"]: r["health"] for r in rules} == {name: "ok" for name in expected}
    # Once the worker is scraped, the worker-down rules are neither pending nor firing
    # (before the first scrape, `absent(up == 1)` holds for a moment: that one is pending).
    down_rules = {"WirewatchWorkerDown", "WirewatchNoWorkers"}

    def quiet() -> bool:
        active = {a["labels"]["alertname"] for a in prometheus.api("alerts")["alerts"]}
        return not active & down_rules

    wait_until(quiet, timeout=15, what="the worker-down rules to clear",
               detail=lambda: json.dumps(prometheus.api("alerts")))


def test_dashboard_metrics_are_exposed_by_the_live_worker(worker: Worker):
    exposed = {
        line.split()[2] for line in worker.metrics_text().splitlines()
        if line.startswith("# TYPE ")
    }
    # prometheus-client names counter families without `_total` in TYPE lines.
    exposed |= {f"{name}_total" for name in exposed}
    dashboard = json.loads(DASHBOARD.read_text())
    for where, expr in dashboard_queries(dashboard):
        for name in metric_names(expr):
            assert base_name(name) in exposed, f"{where}: {name} not on /metrics"
    assert exposed >= METRIC_NAMES
