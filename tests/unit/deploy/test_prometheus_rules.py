"""The Prometheus configs and alert rules: promtool accepts them, and they are well formed."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
import yaml

from streams.metrics import METRIC_NAMES
from tests.unit.deploy.promql import base_name, metric_names

PROMETHEUS = Path(__file__).resolve().parents[3] / "deploy" / "prometheus"
RULES = PROMETHEUS / "rules" / "wirewatch.rules.yml"
RULE_TESTS = PROMETHEUS / "rules" / "wirewatch.rules.test.yml"
CONFIGS = ["prometheus.yml", "prometheus.local.yml"]
SEVERITIES = {"info", "warning", "critical"}


def promtool_run(promtool: str, *args: str, cwd: Path = PROMETHEUS) -> str:
    done = subprocess.run(
        [promtool, *args], cwd=cwd, capture_output=True, text=True, timeout=120, check=False
    )
    output = done.stdout + done.stderr
    assert done.returncode == 0, output
    return output


def alert_rules() -> list[dict]:
    groups = yaml.safe_load(RULES.read_text())["groups"]
    return [rule for group in groups for rule in group["rules"]]


@pytest.mark.parametrize("config", CONFIGS)
def test_promtool_check_config(promtool: str, config: str) -> None:
    output = promtool_run(promtool, "check", "config", config)
    assert "is valid prometheus config file syntax" in output
    assert "WARNING" not in output
    # The rule_files glob really picks up the rules file.
    assert "SUCCESS: 1 rule files found" in output
    assert f"SUCCESS: {len(alert_rules())} rules found" in output


def test_promtool_check_rules(promtool: str) -> None:
    output = promtool_run(promtool, "check", "rules", str(RULES))
    assert f"SUCCESS: {len(alert_rules())} rules found" in output


def test_promtool_test_rules(promtool: str) -> None:
    output = promtool_run(promtool, "test", "rules", RULE_TESTS.name, cwd=RULES.parent)
    assert "SUCCESS" in output
    assert "FAILED" not in output


def test_configs_scrape_the_worker_port_as_job_wirewatch() -> None:
    targets = {}
    for name in CONFIGS:
        config = yaml.safe_load((PROMETHEUS / name).read_text())
        assert config["rule_files"] == ["rules/*.rules.yml"]
        (job,) = [j for j in config["scrape_configs"] if j["job_name"] == "wirewatch"]
        assert job["metrics_path"] == "/metrics"
        targets[name] = [t for sc in job["static_configs"] for t in sc["targets"]]
    # compose service name and the contract's default WIREWATCH_WEB_PORT
    assert targets == {
        "prometheus.yml": ["worker:6066"],
        "prometheus.local.yml": ["127.0.0.1:6066"],
    }
    # The rule tests' file is not loaded as a rule file by the glob.
    assert not RULE_TESTS.name.endswith(".rules.yml")


def test_file_sd_targets_are_valid() -> None:
    for path in (PROMETHEUS / "targets").glob("*.yml"):
        entries = yaml.safe_load(path.read_text())
        assert isinstance(entries, list), path
        for entry in entries:
            assert all(":" in target for target in entry["targets"]), path


def test_every_rule_has_severity_summary_description_and_runbook() -> None:
    rules = alert_rules()
    names = [rule["alert"] for rule in rules]
    assert len(names) == len(set(names))
    for rule in rules:
        assert rule["alert"].startswith("Wirewatch"), rule
        assert rule["labels"]["severity"] in SEVERITIES, rule["alert"]
        annotations = rule["annotations"]
        assert set(annotations) >= {"summary", "description", "runbook"}, rule["alert"]
        assert f"docs/monitoring.md#{rule['alert'].lower()}" in annotations["runbook"]
        assert "for" in rule, f"{rule['alert']} fires on a single evaluation"


def test_rules_cover_the_issue() -> None:
    assert {rule["alert"] for rule in alert_rules()} == {
        "WirewatchWorkerDown",
        "WirewatchWorkerNotReady",
        "WirewatchNoWorkers",
        "WirewatchConsumerLagGrowing",
        "WirewatchNoArticlesReceived",
        "WirewatchDeadLettersHigh",
        "WirewatchDeadLetterWritesFailing",
        "WirewatchAlertEmissionStalled",
        "WirewatchIngestToAlertLatencyHigh",
    }


def test_rules_query_only_metrics_the_worker_exports() -> None:
    for rule in alert_rules():
        names = {base_name(name) for name in metric_names(rule["expr"])}
        assert names, rule["alert"]
        assert names <= METRIC_NAMES | {"up"}, (rule["alert"], names - METRIC_NAMES)


def test_every_rule_has_a_firing_and_a_quiet_unit_test() -> None:
    tests = yaml.safe_load(RULE_TESTS.read_text())
    assert tests["rule_files"] == [RULES.name]
    firing: set[str] = set()
    quiet: set[str] = set()
    for case in tests["tests"]:
        for check in case.get("alert_rule_test", []):
            (firing if check["exp_alerts"] else quiet).add(check["alertname"])
    names = {rule["alert"] for rule in alert_rules()}
    assert firing == names, names - firing
    assert quiet == names, names - quiet


def test_runbook_anchors_exist_in_the_monitoring_doc() -> None:
    doc = (PROMETHEUS.parents[1] / "docs" / "monitoring.md").read_text()
    headings = {line.lstrip("#").strip().lower() for line in doc.splitlines()
                if line.startswith("#")}
    for rule in alert_rules():
        assert rule["alert"].lower() in headings, rule["alert"]
