"""Kubernetes manifests: valid against the API schemas, offline, and consistent with each other.

Core kinds are validated with kubernetes-validate, which ships the Kubernetes OpenAPI schemas
(strict: unknown fields are errors). The Prometheus Operator kinds are validated by
tests/unit/deploy/crd/validate.mjs with @kubernetes-models/prometheus-operator from npm, whose
schemas are generated from the operator's monitoring.coreos.com/v1 API types; `make test`
installs it (`npm ci`, stamp file on package-lock.json).

Why npm and not PyPI: check-jsonschema vendors no Kubernetes CRD schema, and the one PyPI
package with the operator's CRD models (cloudcoil-models-prometheus-operator) runs on
Python 3.11 only up to operator v0.80, and pulls in cloudcoil, whose auto-loaded pytest plugin
(kind/k3d cluster fixtures) fails every pytest run unless its test extra is installed.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import kubernetes_validate
import pytest
import yaml

ROOT = Path(__file__).resolve().parents[3]
K8S = ROOT / "deploy" / "k8s"
CRD_CHECK = Path(__file__).resolve().parent / "crd"
# The oldest Kubernetes still widely run, and the newest schemas the package ships.
KUBERNETES_VERSIONS = ["1.30.0", kubernetes_validate.latest_version()]
OPERATOR_KINDS = {"ServiceMonitor", "PrometheusRule"}
CONTRACT_ENV = {
    "WIREWATCH_BROKER", "WIREWATCH_TOPIC_PREFIX", "WIREWATCH_APP_ID", "WIREWATCH_WEB_PORT",
    "WIREWATCH_DATA_DIR",
}


def manifests() -> list[dict]:
    docs = []
    for path in sorted(K8S.glob("*.yaml")):
        if path.name == "kustomization.yaml":
            continue
        docs.extend(doc for doc in yaml.safe_load_all(path.read_text()) if doc)
    return docs


def by_kind(kind: str) -> dict:
    (obj,) = [doc for doc in manifests() if doc["kind"] == kind]
    return obj


@pytest.mark.parametrize("version", KUBERNETES_VERSIONS)
def test_core_manifests_validate_strictly(version: str) -> None:
    core = [doc for doc in manifests() if doc["kind"] not in OPERATOR_KINDS]
    assert {doc["kind"] for doc in core} == {
        "Namespace", "ConfigMap", "Deployment", "Service", "PodDisruptionBudget",
    }
    for doc in core:
        kubernetes_validate.validate(doc, version, strict=True)


def test_strict_validation_rejects_a_typo() -> None:
    """The validator really looks at the documents (a misspelt field fails)."""
    broken = json.loads(json.dumps(by_kind("Deployment")))
    probe = broken["spec"]["template"]["spec"]["containers"][0]["livenessProbe"]
    probe["periodSecond"] = probe.pop("periodSeconds")
    with pytest.raises(kubernetes_validate.ValidationError):
        kubernetes_validate.validate(broken, KUBERNETES_VERSIONS[-1], strict=True)


def validate_operator_objects(objects: list[dict]) -> subprocess.CompletedProcess:
    node = shutil.which("node")
    assert node, "node not found (Debian: apt-get install nodejs npm)"
    assert (CRD_CHECK / "node_modules").is_dir(), (
        "tests/unit/deploy/crd/node_modules is missing: `make test-deps` (make test) runs npm ci"
    )
    return subprocess.run(
        [node, "validate.mjs"], cwd=CRD_CHECK, input=json.dumps(objects), capture_output=True,
        text=True, timeout=60, check=False,
    )


def test_operator_manifests_validate() -> None:
    objects = [doc for doc in manifests() if doc["kind"] in OPERATOR_KINDS]
    assert {doc["kind"] for doc in objects} == OPERATOR_KINDS
    done = validate_operator_objects(objects)
    assert done.returncode == 0, done.stdout + done.stderr
    results = [json.loads(line) for line in done.stdout.splitlines()]
    assert [r["ok"] for r in results] == [True] * len(objects)


def test_operator_validation_rejects_a_bad_interval() -> None:
    broken = json.loads(json.dumps(by_kind("ServiceMonitor")))
    broken["spec"]["endpoints"][0]["interval"] = "15 seconds"
    del broken["spec"]["selector"]
    done = validate_operator_objects([broken])
    assert done.returncode == 1
    assert "interval must match pattern" in done.stdout
    assert "required property selector" in done.stdout


def test_prometheus_rule_matches_the_rules_file() -> None:
    rules = yaml.safe_load((ROOT / "deploy/prometheus/rules/wirewatch.rules.yml").read_text())
    assert by_kind("PrometheusRule")["spec"]["groups"] == rules["groups"]


def test_kustomization_lists_every_manifest() -> None:
    kustomization = yaml.safe_load((K8S / "kustomization.yaml").read_text())
    listed = sorted(kustomization["resources"])
    present = sorted(p.name for p in K8S.glob("*.yaml") if p.name != "kustomization.yaml")
    assert listed == present


def test_everything_lives_in_the_namespace() -> None:
    namespace = by_kind("Namespace")["metadata"]["name"]
    for doc in manifests():
        if doc["kind"] != "Namespace":
            assert doc["metadata"]["namespace"] == namespace, doc["kind"]


def test_config_map_carries_the_contract_environment() -> None:
    data = by_kind("ConfigMap")["data"]
    assert set(data) >= CONTRACT_ENV
    assert all(isinstance(value, str) for value in data.values())
    assert data["WIREWATCH_BROKER"].startswith("kafka://")
    # The worker binds 127.0.0.1 by default; probes and scrapes come from outside the pod.
    assert data["WIREWATCH_WEB_HOST"] == "0.0.0.0"
    assert int(data["WIREWATCH_PARTITIONS"]) >= 1


def test_deployment_probes_resources_security_and_scrape_annotations() -> None:
    deployment = by_kind("Deployment")
    config = by_kind("ConfigMap")
    pod = deployment["spec"]["template"]
    (container,) = pod["spec"]["containers"]
    port = int(config["data"]["WIREWATCH_WEB_PORT"])

    assert container["envFrom"] == [{"configMapRef": {"name": config["metadata"]["name"]}}]
    assert container["ports"] == [{"name": "http", "containerPort": port, "protocol": "TCP"}]
    for probe in ("startupProbe", "livenessProbe"):
        assert container[probe]["httpGet"] == {"path": "/health", "port": "http"}, probe
    assert container["readinessProbe"]["httpGet"] == {"path": "/ready", "port": "http"}
    assert set(container["resources"]) == {"requests", "limits"}
    assert container["resources"]["limits"]["memory"]

    assert pod["spec"]["securityContext"]["runAsNonRoot"] is True
    assert pod["spec"]["securityContext"]["runAsUser"] != 0
    assert container["securityContext"]["allowPrivilegeEscalation"] is False
    assert container["securityContext"]["capabilities"]["drop"] == ["ALL"]
    # A read-only root filesystem needs the data dir mounted writable.
    mounts = {m["mountPath"] for m in container["volumeMounts"]}
    assert config["data"]["WIREWATCH_DATA_DIR"] in mounts

    annotations = pod["metadata"]["annotations"]
    assert annotations["prometheus.io/scrape"] == "true"
    assert annotations["prometheus.io/port"] == str(port)
    assert annotations["prometheus.io/path"] == "/metrics"

    # Replicas beyond the partition count would only idle.
    assert deployment["spec"]["replicas"] <= int(config["data"]["WIREWATCH_PARTITIONS"])
    selector = deployment["spec"]["selector"]["matchLabels"]
    assert selector.items() <= pod["metadata"]["labels"].items()


def test_service_servicemonitor_and_pdb_select_the_workers() -> None:
    pod_labels = by_kind("Deployment")["spec"]["template"]["metadata"]["labels"]
    service = by_kind("Service")
    monitor = by_kind("ServiceMonitor")
    pdb = by_kind("PodDisruptionBudget")

    assert service["spec"]["selector"].items() <= pod_labels.items()
    assert pdb["spec"]["selector"]["matchLabels"].items() <= pod_labels.items()
    assert pdb["spec"]["minAvailable"] < by_kind("Deployment")["spec"]["replicas"]
    service_labels = service["metadata"]["labels"]
    assert monitor["spec"]["selector"]["matchLabels"].items() <= service_labels.items()
    assert monitor["spec"]["namespaceSelector"]["matchNames"] == [service["metadata"]["namespace"]]
    port_names = {p["name"] for p in service["spec"]["ports"]}
    for endpoint in monitor["spec"]["endpoints"]:
        assert endpoint["port"] in port_names
        assert endpoint["path"] == "/metrics"
    # The operator names the job after the Service; the alert rules expect job="wirewatch".
    assert service["metadata"]["name"] == "wirewatch"
