"""docker-compose.yml, the Dockerfile and .dockerignore, checked without a Docker engine.

`docker compose config` (the Compose v2 CLI plugin; .ci/run builds it from the Go module
github.com/docker/compose/v5) resolves and validates the file; the compose-spec JSON schema
that check-jsonschema vendors validates it a second, independent way.
"""

from __future__ import annotations

import fnmatch
import json
import re
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from pathlib import Path

import jsonschema
import pytest
import yaml

ROOT = Path(__file__).resolve().parents[3]
COMPOSE = ROOT / "docker-compose.yml"
DOCKERFILE = ROOT / "Dockerfile"


@pytest.fixture(scope="module")
def compose_config() -> dict:
    docker = shutil.which("docker")
    assert docker, "docker CLI not found"
    done = subprocess.run(
        [docker, "compose", "-f", str(COMPOSE), "config", "--format", "json"],
        cwd=ROOT, capture_output=True, text=True, timeout=60, check=False,
        env={"PATH": "/usr/local/bin:/usr/bin:/bin", "HOME": str(Path.home())},
    )
    assert done.returncode == 0, f"docker compose config failed:\n{done.stderr}"
    return json.loads(done.stdout)


def test_compose_file_matches_the_compose_spec_schema() -> None:
    schema_file = resources.files("check_jsonschema.builtin_schemas.vendor") / "compose-spec.json"
    schema = json.loads(schema_file.read_text())
    document = yaml.safe_load(COMPOSE.read_text())
    jsonschema.validate(document, schema)
    document["services"]["worker"]["depends_on"]["kafka"]["condition"] = "service_ready"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(document, schema)


def test_compose_has_the_four_services(compose_config: dict) -> None:
    services = compose_config["services"]
    assert set(services) == {"kafka", "worker", "prometheus", "grafana"}
    assert services["kafka"]["image"].startswith("apache/kafka:")
    assert services["prometheus"]["image"].startswith("prom/prometheus:")
    assert services["grafana"]["image"].startswith("grafana/grafana:")
    assert services["worker"]["build"]["dockerfile"] == "Dockerfile"


def test_kafka_runs_kraft_single_node_with_a_healthcheck(compose_config: dict) -> None:
    kafka = compose_config["services"]["kafka"]
    env = kafka["environment"]
    assert env["KAFKA_PROCESS_ROLES"] == "broker,controller"
    assert env["KAFKA_CONTROLLER_QUORUM_VOTERS"] == f"{env['KAFKA_NODE_ID']}@kafka:9093"
    assert "PLAINTEXT://kafka:9092" in env["KAFKA_ADVERTISED_LISTENERS"].split(",")
    # A KRaft cluster id is 16 bytes in URL-safe base64 without padding.
    assert re.fullmatch(r"[A-Za-z0-9_-]{22}", env["CLUSTER_ID"])
    assert "kafka-broker-api-versions.sh" in " ".join(kafka["healthcheck"]["test"])


def test_worker_reaches_kafka_and_exposes_metrics(compose_config: dict) -> None:
    worker = compose_config["services"]["worker"]
    env = worker["environment"]
    assert env["WIREWATCH_BROKER"] == "kafka://kafka:9092"
    assert env["WIREWATCH_WEB_HOST"] == "0.0.0.0"
    assert worker["depends_on"]["kafka"]["condition"] == "service_healthy"
    prometheus = yaml.safe_load((ROOT / "deploy/prometheus/prometheus.yml").read_text())
    (job,) = [j for j in prometheus["scrape_configs"] if j["job_name"] == "wirewatch"]
    assert job["static_configs"][0]["targets"] == [f"worker:{env['WIREWATCH_WEB_PORT']}"]


def mounts(service: dict) -> dict[str, str]:
    return {v["target"]: v["source"] for v in service["volumes"] if v["type"] == "bind"}


def test_prometheus_and_grafana_mount_the_provisioned_files(compose_config: dict) -> None:
    services = compose_config["services"]
    prometheus = mounts(services["prometheus"])
    assert prometheus["/etc/prometheus"] == str(ROOT / "deploy/prometheus")
    assert "--config.file=/etc/prometheus/prometheus.yml" in services["prometheus"]["command"]

    grafana = mounts(services["grafana"])
    assert grafana["/etc/grafana/provisioning"] == str(ROOT / "deploy/grafana/provisioning")
    providers = yaml.safe_load(
        (ROOT / "deploy/grafana/provisioning/dashboards/wirewatch.yml").read_text()
    )["providers"]
    dashboards_dir = providers[0]["options"]["path"]
    assert grafana[dashboards_dir] == str(ROOT / "deploy/grafana/dashboards")
    env = services["grafana"]["environment"]
    assert env["GF_AUTH_ANONYMOUS_ENABLED"] == "true"
    assert env["GF_AUTH_ANONYMOUS_ORG_ROLE"] == "Viewer"
    home = env["GF_DASHBOARDS_DEFAULT_HOME_DASHBOARD_PATH"]
    assert home.startswith(dashboards_dir + "/")
    assert (ROOT / "deploy/grafana/dashboards" / Path(home).name).is_file()

    datasources = yaml.safe_load(
        (ROOT / "deploy/grafana/provisioning/datasources/prometheus.yml").read_text()
    )["datasources"]
    assert datasources[0]["url"] == "http://prometheus:9090"


def instructions() -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) of the Dockerfile, continuation lines joined."""
    text = re.sub(r"\\\n", " ", DOCKERFILE.read_text())
    found = []
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            word, _, rest = line.partition(" ")
            found.append((word.upper(), rest.strip()))
    return found


def test_dockerfile_is_slim_non_root_and_runs_the_worker() -> None:
    steps = instructions()
    assert steps[0] == ("FROM", "python:3.11-slim-bookworm")
    (user,) = [args for word, args in steps if word == "USER"]
    assert user.split(":")[0] not in {"0", "root"}
    assert ("EXPOSE", "6066") in steps
    assert steps[-1] == ("CMD", '["wirewatch", "worker"]')
    env = " ".join(args for word, args in steps if word == "ENV")
    assert "WIREWATCH_WEB_HOST=0.0.0.0" in env
    assert any(word == "RUN" and "pip install ." in args for word, args in steps)


def dockerignore_excludes(path: str) -> bool:
    excluded = False
    for pattern in (ROOT / ".dockerignore").read_text().splitlines():
        pattern = pattern.strip()
        if not pattern or pattern.startswith("#"):
            continue
        negate = pattern.startswith("!")
        pattern = pattern.lstrip("!").rstrip("/").removeprefix("**/")
        parts = Path(path).parts
        hit = any(fnmatch.fnmatch("/".join(parts[:i + 1]), pattern) for i in range(len(parts)))
        hit = hit or any(fnmatch.fnmatch(part, pattern) for part in parts)
        if hit:
            excluded = not negate
    return excluded


def test_dockerfile_copies_only_what_the_build_context_keeps() -> None:
    sources = []
    for word, args in instructions():
        if word == "COPY":
            sources.extend(args.split()[:-1])
    assert sources == ["pyproject.toml", "README.md", "schemas/", "streams/"]
    for source in sources:
        assert not dockerignore_excludes(source.rstrip("/")), source
    for path in (".venv", "var", "tests", ".git", "deploy/kafka/target"):
        assert dockerignore_excludes(path), path
    # pyproject's package discovery finds exactly the copied packages.
    assert "include = [\"streams*\", \"schemas*\"]" in (ROOT / "pyproject.toml").read_text()


class _Health(BaseHTTPRequestHandler):
    status = 200

    def do_GET(self) -> None:
        self.send_response(self.status if self.path == "/health" else 404)
        self.end_headers()
        self.wfile.write(b"ok")

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def health_server() -> Iterator[ThreadingHTTPServer]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Health)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def test_healthcheck_command_passes_on_200_and_fails_otherwise(health_server) -> None:
    (healthcheck,) = [args for word, args in instructions() if word == "HEALTHCHECK"]
    command = healthcheck.split(" CMD ", 1)[1]
    port = str(health_server.server_address[1])
    # The image's `python` is the first on PATH; here, the test's own interpreter.
    env = {"PATH": f"{Path(sys.executable).parent}:/usr/bin:/bin", "WIREWATCH_WEB_PORT": port}

    def run() -> int:
        return subprocess.run(["/bin/sh", "-c", command], env=env, timeout=30, check=False,
                              capture_output=True).returncode

    assert run() == 0
    _Health.status = 503
    try:
        assert run() == 1
    finally:
        _Health.status = 200
    health_server.shutdown()
    health_server.server_close()
    assert run() == 1
