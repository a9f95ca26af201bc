"""docker-compose.yml, the Dockerfile and .dockerignore, checked without Docker.

The compose file is validated against the Compose Specification's JSON Schema, which
check-jsonschema vendors (`--builtin-schema vendor.compose-spec`), before and after variable
interpolation; then `compose_config` resolves it the way `docker compose config` does for the
features this file uses (`${VAR:-default}`, short port and volume syntax, paths relative to
the project) so the assertions below read the model Compose would run. This replaces
building the Compose v2 plugin from Go source just to print that model.
"""

from __future__ import annotations

import fnmatch
import re
import subprocess
import sys
import threading
from collections.abc import Iterator, Mapping
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[3]
COMPOSE = ROOT / "docker-compose.yml"
DOCKERFILE = ROOT / "Dockerfile"
CHECK_JSONSCHEMA = Path(sys.executable).with_name("check-jsonschema")


class _UniqueKeyLoader(yaml.SafeLoader):
    """Compose rejects a mapping with a repeated key; PyYAML would keep the last one."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict:
        seen: set = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"duplicate key {key!r}", key_node.start_mark
                )
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


def load_compose(text: str) -> dict:
    return yaml.load(text, Loader=_UniqueKeyLoader)


_VARIABLE = re.compile(
    r"\$(?:(?P<escaped>\$)|\{(?P<braced>[A-Za-z_][A-Za-z0-9_]*)(?:(?P<op>:?[-?])(?P<arg>[^}]*))?\}"
    r"|(?P<bare>[A-Za-z_][A-Za-z0-9_]*))"
)


def interpolate(value: Any, env: Mapping[str, str]) -> Any:
    """Compose's variable substitution: $$, $VAR, ${VAR}, ${VAR:-d}, ${VAR-d}, ${VAR:?e}."""
    if isinstance(value, dict):
        return {k: interpolate(v, env) for k, v in value.items()}
    if isinstance(value, list):
        return [interpolate(v, env) for v in value]
    if not isinstance(value, str):
        return value

    def substitute(match: re.Match) -> str:
        if match["escaped"]:
            return "$"
        name = match["braced"] or match["bare"]
        op, arg = match["op"], match["arg"]
        unset = name not in env or (op is not None and op.startswith(":") and env[name] == "")
        if op in {":-", "-"} and unset:
            return arg
        if op in {":?", "?"} and unset:
            raise ValueError(f"required variable {name}: {arg}")
        return env.get(name, "")

    return _VARIABLE.sub(substitute, value)


def _environment(raw: dict | list | None) -> dict[str, str | None]:
    if isinstance(raw, list):
        pairs = (item.split("=", 1) if "=" in item else (item, None) for item in raw)
        return {k: v for k, v in pairs}
    return {k: (None if v is None else str(v).lower() if isinstance(v, bool) else str(v))
            for k, v in (raw or {}).items()}


def _port(raw: str | int | dict) -> dict:
    if isinstance(raw, dict):
        return {"host_ip": raw.get("host_ip", ""), "published": str(raw.get("published", "")),
                "target": int(raw["target"]), "protocol": raw.get("protocol", "tcp")}
    spec, _, protocol = str(raw).partition("/")
    parts = spec.rsplit(":", 2)
    host_ip, published = ("", "") if len(parts) == 1 else (
        (parts[0], parts[1]) if len(parts) == 3 else ("", parts[0]))
    return {"host_ip": host_ip, "published": published, "target": int(parts[-1]),
            "protocol": protocol or "tcp"}


def _volume(raw: str | dict) -> dict:
    if isinstance(raw, dict):
        volume = dict(raw)
    else:
        source, target, *mode = raw.split(":")
        volume = {"source": source, "target": target, "read_only": mode == ["ro"],
                  "type": "bind" if source.startswith((".", "/", "~")) else "volume"}
    if volume["type"] == "bind":
        volume["source"] = str((ROOT / volume["source"]).resolve())
    return volume


def compose_config(env: Mapping[str, str] | None = None) -> dict:
    """docker-compose.yml as `docker compose config` models it: interpolated and normalised."""
    document = interpolate(load_compose(COMPOSE.read_text()), env or {})
    for service in document["services"].values():
        service["environment"] = _environment(service.get("environment"))
        service["ports"] = [_port(p) for p in service.get("ports", [])]
        service["volumes"] = [_volume(v) for v in service.get("volumes", [])]
        depends = service.get("depends_on", {})
        if isinstance(depends, list):
            depends = {name: {"condition": "service_started"} for name in depends}
        service["depends_on"] = depends
    return document


def check_jsonschema(path: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(CHECK_JSONSCHEMA), "--builtin-schema", "vendor.compose-spec", str(path)],
        capture_output=True, text=True, timeout=60, check=False,
    )


def test_compose_file_matches_the_compose_spec_schema(tmp_path: Path) -> None:
    done = check_jsonschema(COMPOSE)
    assert done.returncode == 0, done.stdout + done.stderr
    # After interpolation too: a default that makes a port or a number invalid shows here.
    resolved = tmp_path / "resolved.yml"
    resolved.write_text(yaml.safe_dump(interpolate(load_compose(COMPOSE.read_text()), {})))
    done = check_jsonschema(resolved)
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.parametrize(
    ("path", "value", "complaint"),
    [
        (("services", "worker", "depends_on", "kafka", "condition"), "service_ready",
         "service_ready"),
        (("services", "kafka", "healthcheck", "intervall"), "10s", "intervall"),
        (("services", "prometheus", "restart"), ["always"], "restart"),
    ],
)
def test_schema_check_rejects_a_broken_file(tmp_path: Path, path: tuple, value: Any,
                                            complaint: str) -> None:
    document = load_compose(COMPOSE.read_text())
    node = document
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    broken = tmp_path / "docker-compose.yml"
    broken.write_text(yaml.safe_dump(document))
    done = check_jsonschema(broken)
    assert done.returncode == 1
    assert complaint in done.stdout


def test_repeated_keys_are_rejected() -> None:
    with pytest.raises(yaml.constructor.ConstructorError, match="duplicate key 'image'"):
        load_compose("services:\n  a:\n    image: x\n    image: y\n")


def test_interpolation_follows_compose() -> None:
    env = {"SET": "v", "EMPTY": ""}
    assert interpolate("${SET:-d} ${UNSET:-d} ${EMPTY:-d} ${EMPTY-d} $SET $$SET", env) == \
        "v d d  v $SET"
    with pytest.raises(ValueError, match="required variable UNSET"):
        interpolate("${UNSET:?set it}", env)


def test_compose_has_the_four_services() -> None:
    services = compose_config()["services"]
    assert set(services) == {"kafka", "worker", "prometheus", "grafana"}
    assert services["kafka"]["image"].startswith("apache/kafka:")
    assert services["prometheus"]["image"].startswith("prom/prometheus:")
    assert services["grafana"]["image"].startswith("grafana/grafana:")
    assert services["worker"]["build"] == {"context": ".", "dockerfile": "Dockerfile"}
    assert (ROOT / services["worker"]["build"]["dockerfile"]).is_file()


def test_kafka_runs_kraft_single_node_with_a_healthcheck() -> None:
    kafka = compose_config()["services"]["kafka"]
    env = kafka["environment"]
    assert env["KAFKA_PROCESS_ROLES"] == "broker,controller"
    assert env["KAFKA_CONTROLLER_QUORUM_VOTERS"] == f"{env['KAFKA_NODE_ID']}@kafka:9093"
    assert "PLAINTEXT://kafka:9092" in env["KAFKA_ADVERTISED_LISTENERS"].split(",")
    # A KRaft cluster id is 16 bytes in URL-safe base64 without padding.
    assert re.fullmatch(r"[A-Za-z0-9_-]{22}", env["CLUSTER_ID"])
    # Every listener has a security protocol; the controller's is the one named as such.
    protocols = dict(p.split(":") for p in env["KAFKA_LISTENER_SECURITY_PROTOCOL_MAP"].split(","))
    listeners = {entry.split("://")[0] for entry in env["KAFKA_LISTENERS"].split(",")}
    assert listeners <= set(protocols)
    assert env["KAFKA_CONTROLLER_LISTENER_NAMES"] in listeners
    # One broker: internal topics cannot ask for more replicas than there are brokers.
    assert env["KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR"] == "1"
    assert env["KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR"] == "1"
    assert "kafka-broker-api-versions.sh" in " ".join(kafka["healthcheck"]["test"])
    assert kafka["healthcheck"]["retries"] >= 1


def test_the_host_port_reaches_the_host_listener_and_can_move() -> None:
    """Clients on the host connect to the published port; the broker must advertise it."""
    for env, host_port in (({}, "9092"), ({"WIREWATCH_KAFKA_HOST_PORT": "19092"}, "19092")):
        kafka = compose_config(env)["services"]["kafka"]
        (port,) = kafka["ports"]
        assert port == {"host_ip": "127.0.0.1", "published": host_port, "target": 9094,
                        "protocol": "tcp"}
        advertised = kafka["environment"]["KAFKA_ADVERTISED_LISTENERS"].split(",")
        assert f"HOST://127.0.0.1:{host_port}" in advertised
        assert "HOST://:9094" in kafka["environment"]["KAFKA_LISTENERS"].split(",")


def test_every_published_port_stays_on_loopback() -> None:
    for name, service in compose_config()["services"].items():
        for port in service["ports"]:
            assert port["host_ip"] == "127.0.0.1", name


def test_worker_reaches_kafka_and_exposes_metrics() -> None:
    worker = compose_config()["services"]["worker"]
    env = worker["environment"]
    assert env["WIREWATCH_BROKER"] == "kafka://kafka:9092"
    assert env["WIREWATCH_WEB_HOST"] == "0.0.0.0"
    assert env["WIREWATCH_TOPIC_PREFIX"] == ""
    assert worker["depends_on"]["kafka"]["condition"] == "service_healthy"
    assert [p["target"] for p in worker["ports"]] == [int(env["WIREWATCH_WEB_PORT"])]
    (data,) = [v for v in worker["volumes"] if v["target"] == env["WIREWATCH_DATA_DIR"]]
    assert data["type"] == "volume"
    prometheus = yaml.safe_load((ROOT / "deploy/prometheus/prometheus.yml").read_text())
    (job,) = [j for j in prometheus["scrape_configs"] if j["job_name"] == "wirewatch"]
    assert job["static_configs"][0]["targets"] == [f"worker:{env['WIREWATCH_WEB_PORT']}"]


def test_start_order_waits_on_health_where_there_is_a_healthcheck() -> None:
    services = compose_config()["services"]
    for name, service in services.items():
        for dependency, how in service["depends_on"].items():
            assert dependency in services, (name, dependency)
            if how["condition"] == "service_healthy":
                assert "healthcheck" in services[dependency], (name, dependency)
    assert services["grafana"]["depends_on"]["prometheus"]["condition"] == "service_healthy"


def test_named_volumes_are_declared_and_bind_mounts_exist() -> None:
    config = compose_config()
    declared = set(config["volumes"])
    used = set()
    for name, service in config["services"].items():
        for volume in service["volumes"]:
            if volume["type"] == "volume":
                used.add(volume["source"])
            else:
                assert Path(volume["source"]).exists(), (name, volume["source"])
                assert volume["read_only"], (name, volume["source"])
    assert used == declared


def mounts(service: dict) -> dict[str, str]:
    return {v["target"]: v["source"] for v in service["volumes"] if v["type"] == "bind"}


def test_prometheus_and_grafana_mount_the_provisioned_files() -> None:
    services = compose_config()["services"]
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
