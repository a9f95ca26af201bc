"""The provisioned Grafana dashboard charts only metrics the worker exports, in valid PromQL."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
import yaml

from streams.metrics import METRIC_NAMES
from tests.unit.deploy.promql import (
    base_name,
    dashboard_queries,
    metric_names,
    substitute_grafana_variables,
)

GRAFANA = Path(__file__).resolve().parents[3] / "deploy" / "grafana"
DASHBOARD = GRAFANA / "dashboards" / "wirewatch.json"


@pytest.fixture(scope="module")
def dashboard() -> dict:
    return json.loads(DASHBOARD.read_text())


def panels(dashboard: dict) -> list[dict]:
    return [p for p in dashboard["panels"] if p["type"] != "row"]


def test_dashboard_identity(dashboard: dict) -> None:
    assert dashboard["uid"] == "wirewatch"
    assert dashboard["title"] == "Wirewatch"
    ids = [p["id"] for p in dashboard["panels"]]
    assert len(ids) == len(set(ids))
    variables = {v["name"]: v for v in dashboard["templating"]["list"]}
    assert variables["datasource"]["query"] == "prometheus"
    for panel in panels(dashboard):
        assert panel["datasource"] == {"type": "prometheus", "uid": "${datasource}"}
        assert panel["targets"], panel["title"]
        assert panel.get("description"), panel["title"]


def test_issue_panels_are_present(dashboard: dict) -> None:
    titles = {p["title"] for p in panels(dashboard)}
    assert titles >= {
        "Throughput per stage",
        "Consumer lag per partition",
        "Dead letters by reason",
        "Events by type",
        "Alerts by kind and severity",
        "Stage duration",
        "Ingest-to-alert latency",
    }
    exprs = " ".join(expr for _, expr in dashboard_queries(dashboard))
    assert "histogram_quantile(" in exprs
    for grouping in ("by (topic, partition)", "by (stage, reason)", "by (type)",
                     "by (kind, severity)", "by (le, stage)"):
        assert grouping in exprs, grouping


def test_every_query_uses_only_exported_metrics(dashboard: dict) -> None:
    used: set[str] = set()
    for where, expr in dashboard_queries(dashboard):
        names = {base_name(name) for name in metric_names(expr)}
        assert names, f"{where}: no metric in {expr!r}"
        assert names <= METRIC_NAMES, f"{where}: {sorted(names - METRIC_NAMES)} not exported"
        used |= names
    # ... and every exported metric is on the dashboard.
    assert used == METRIC_NAMES, sorted(METRIC_NAMES - used)


def test_histogram_suffixes_only_on_histograms(dashboard: dict) -> None:
    histograms = {"wirewatch_stage_duration_seconds", "wirewatch_ingest_to_alert_seconds"}
    for where, expr in dashboard_queries(dashboard):
        for name in metric_names(expr):
            if name != base_name(name):
                assert base_name(name) in histograms, (where, name)
            else:
                assert name not in histograms, f"{where}: histogram {name} without a suffix"


def test_every_query_is_valid_promql(dashboard: dict, promtool: str, tmp_path: Path) -> None:
    """promtool parses each query, with Grafana's variables filled in, as a recording rule."""
    rules = [
        {"record": f"dashboard:query_{i}", "expr": substitute_grafana_variables(expr)}
        for i, (_, expr) in enumerate(dashboard_queries(dashboard))
    ]
    path = tmp_path / "dashboard.rules.yml"
    path.write_text(yaml.safe_dump({"groups": [{"name": "dashboard", "rules": rules}]}))
    done = subprocess.run([promtool, "check", "rules", str(path)], capture_output=True,
                          text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    assert f"SUCCESS: {len(rules)} rules found" in done.stdout


def test_panels_do_not_overlap(dashboard: dict) -> None:
    cells: dict[tuple[int, int], str] = {}
    for panel in dashboard["panels"]:
        grid = panel["gridPos"]
        assert grid["x"] >= 0 and grid["x"] + grid["w"] <= 24, panel["title"]
        for x in range(grid["x"], grid["x"] + grid["w"]):
            for y in range(grid["y"], grid["y"] + grid["h"]):
                assert (x, y) not in cells, f"{panel['title']} overlaps {cells[(x, y)]}"
                cells[(x, y)] = panel["title"]


def test_provisioning_points_at_the_dashboard_and_datasource(dashboard: dict) -> None:
    datasources = yaml.safe_load((GRAFANA / "provisioning/datasources/prometheus.yml").read_text())
    (source,) = datasources["datasources"]
    assert source["type"] == "prometheus"
    default = next(v for v in dashboard["templating"]["list"] if v["name"] == "datasource")
    assert default["current"]["value"] == source["uid"]
    providers = yaml.safe_load((GRAFANA / "provisioning/dashboards/wirewatch.yml").read_text())
    (provider,) = providers["providers"]
    assert provider["type"] == "file"
    assert provider["options"]["path"].startswith("/")


def test_promql_helper() -> None:
    expr = ('histogram_quantile(0.99, sum by (le, stage) (rate(a_seconds_bucket{x=~"$instance",'
            'y="up"}[$__rate_interval]))) / on (stage) group_left sum(b_total offset 5m) > 1e3'
            ' and c')
    assert metric_names(expr) == {"a_seconds_bucket", "b_total", "c"}
    assert metric_names("label_values_are_not_here") == {"label_values_are_not_here"}
    assert base_name("a_seconds_bucket") == "a_seconds"
    with pytest.raises(ValueError):
        substitute_grafana_variables("rate(x[$unknown])")
