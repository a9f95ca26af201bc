"""Throwaway Kafka brokers for tests: a second single-node KRaft broker beside the shared one,
from the same jars and the same java invocation as deploy/kafka/kafka.sh, with its own data
dir and ports, stopped by the test that started it.

`tls_material` makes a CA, a broker certificate and a client certificate with openssl, so
tests can run a broker that needs TLS (and SASL) without any file checked into the repo.
"""

from __future__ import annotations

import asyncio
import base64
import signal
import subprocess
import time
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
KAFKA = ROOT / "deploy" / "kafka"
LIB = KAFKA / "target" / "lib"


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def java_command(log_dir: Path, *args: str, heap: str = "512m") -> list[str]:
    """kafka.sh's java invocation (G1, headless, its log4j2 config, every jar in LIB)."""
    return [
        "java", "-Xms128m", f"-Xmx{heap}",
        "-XX:+UseG1GC", "-Djava.awt.headless=true",
        f"-Dkafka.logs.dir={log_dir}",
        f"-Dlog4j2.configurationFile={KAFKA / 'log4j2.yaml'}",
        "-cp", f"{LIB}/*", *args,
    ]


@dataclass(frozen=True)
class TlsMaterial:
    """PEM files: the CA, the broker's key and chain in one file (Kafka's PEM keystore), and
    a client certificate whose key is encrypted with `client_key_password`."""

    ca: Path
    broker_keystore: Path
    client_cert: Path
    client_key: Path
    client_key_password: str


def _openssl(*args: str, cwd: Path) -> None:
    done = subprocess.run(
        ["openssl", *args], cwd=cwd, capture_output=True, text=True, timeout=60, check=False
    )
    if done.returncode:
        raise RuntimeError(f"openssl {' '.join(args[:2])} failed:\n{done.stderr}")


def tls_material(directory: Path, client_key_password: str = "client-key-pass") -> TlsMaterial:
    """A throwaway CA; a broker certificate for 127.0.0.1 and localhost; a client certificate."""
    directory.mkdir(parents=True, exist_ok=True)
    d = directory
    _openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
             "-subj", "/CN=wirewatch-test-ca", "-keyout", "ca.key", "-out", "ca.pem", cwd=d)
    (d / "broker.ext").write_text(
        "subjectAltName=IP:127.0.0.1,DNS:localhost\n"
        "extendedKeyUsage=serverAuth,clientAuth\n"
    )
    # Kafka's PEM keystore wants an unencrypted PKCS#8 key ("BEGIN PRIVATE KEY").
    _openssl("genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048",
             "-out", "broker.key", cwd=d)
    _openssl("req", "-new", "-key", "broker.key", "-subj", "/CN=127.0.0.1",
             "-out", "broker.csr", cwd=d)
    _openssl("x509", "-req", "-in", "broker.csr", "-CA", "ca.pem", "-CAkey", "ca.key",
             "-CAcreateserial", "-days", "2", "-extfile", "broker.ext",
             "-out", "broker.pem", cwd=d)
    keystore = d / "broker.keystore.pem"
    keystore.write_text(
        (d / "broker.key").read_text() + (d / "broker.pem").read_text()
        + (d / "ca.pem").read_text()
    )
    (d / "client.ext").write_text("extendedKeyUsage=clientAuth\n")
    _openssl("genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048",
             "-aes-256-cbc", "-pass", f"pass:{client_key_password}",
             "-out", "client.key", cwd=d)
    _openssl("req", "-new", "-key", "client.key", "-passin", f"pass:{client_key_password}",
             "-subj", "/CN=wirewatch-client", "-out", "client.csr", cwd=d)
    _openssl("x509", "-req", "-in", "client.csr", "-CA", "ca.pem", "-CAkey", "ca.key",
             "-CAcreateserial", "-days", "2", "-extfile", "client.ext",
             "-out", "client.pem", cwd=d)
    return TlsMaterial(
        ca=d / "ca.pem", broker_keystore=keystore, client_cert=d / "client.pem",
        client_key=d / "client.key", client_key_password=client_key_password,
    )


@dataclass
class Broker:
    """A broker process started by `start_broker`; `stop` is idempotent."""

    port: int
    directory: Path
    proc: subprocess.Popen
    log_path: Path
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def bootstrap(self) -> str:
        return f"127.0.0.1:{self.port}"

    def log(self, tail: int = 4000) -> str:
        parts = []
        for path in (self.log_path, self.directory / "logs" / "server.log"):
            if path.exists():
                parts.append(path.read_text(errors="replace")[-tail:])
        return "\n".join(parts)

    def stop(self, timeout: float = 30.0) -> None:
        stop_process(self.proc, timeout)


def stop_process(proc: subprocess.Popen | None, timeout: float = 30.0) -> None:
    """Controlled shutdown (SIGTERM), SIGKILL only if it hangs; idempotent."""
    if proc is None or proc.poll() is not None:
        return
    proc.send_signal(signal.SIGTERM)
    try:
        proc.wait(timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(10)


def format_storage(
    config: Path, log_dir: Path, scram: Mapping[str, tuple[str, str]] | None = None
) -> None:
    """`kafka-storage format` with a new cluster id (and `scram` users: mechanism ->
    (name, password))."""
    cluster_id = base64.urlsafe_b64encode(uuid.uuid4().bytes).rstrip(b"=").decode()
    # `=` form: a URL-safe base64 id may start with "-", which argparse takes for an option
    # (Kafka's own random-uuid never does; uuid4 here does, one time in 64).
    format_args = ["kafka.tools.StorageTool", "format", f"--cluster-id={cluster_id}",
                   "-c", str(config)]
    for mechanism, (name, password) in (scram or {}).items():
        format_args += ["--add-scram", f"{mechanism}=[name={name},password={password}]"]
    done = subprocess.run(
        java_command(log_dir, *format_args, heap="256m"),
        capture_output=True, text=True, timeout=120, check=False,
    )
    if done.returncode:
        raise RuntimeError(f"kafka storage format failed:\n{done.stdout}\n{done.stderr}")


def server_properties(
    directory: Path, *, port: int, controller_port: int, internal_port: int,
    client_protocol: str = "PLAINTEXT", overrides: Mapping[str, str] | None = None,
) -> str:
    """A single-node KRaft config: the listener CLIENT (speaking `client_protocol`) on
    `port`, controller and inter-broker listeners in plaintext on loopback."""
    props = {
        "process.roles": "broker,controller",
        "node.id": "1",
        "controller.quorum.voters": f"1@127.0.0.1:{controller_port}",
        "listeners": (
            f"CLIENT://127.0.0.1:{port},CONTROLLER://127.0.0.1:{controller_port},"
            f"INTERNAL://127.0.0.1:{internal_port}"
        ),
        "advertised.listeners": f"CLIENT://127.0.0.1:{port},INTERNAL://127.0.0.1:{internal_port}",
        "controller.listener.names": "CONTROLLER",
        "inter.broker.listener.name": "INTERNAL",
        "listener.security.protocol.map": (
            f"CONTROLLER:PLAINTEXT,INTERNAL:PLAINTEXT,CLIENT:{client_protocol}"
        ),
        "log.dirs": str(directory / "data"),
        "num.partitions": "4",
        "default.replication.factor": "1",
        "offsets.topic.replication.factor": "1",
        "offsets.topic.num.partitions": "4",
        "transaction.state.log.replication.factor": "1",
        "transaction.state.log.min.isr": "1",
        "share.coordinator.state.topic.replication.factor": "1",
        "share.coordinator.state.topic.min.isr": "1",
        "auto.create.topics.enable": "true",
        "group.initial.rebalance.delay.ms": "0",
        "message.max.bytes": "4194304",
        "num.network.threads": "1",
        "num.io.threads": "2",
    }
    props.update(overrides or {})
    return "".join(f"{key}={value}\n" for key, value in props.items())


def sasl_ssl_overrides(
    tls: TlsMaterial, mechanisms: tuple[str, ...], plain_users: Mapping[str, str] | None = None
) -> dict[str, str]:
    """The CLIENT listener as SASL_SSL, client certificates required: SCRAM logins (users
    made at format time) and, with `plain_users` (name -> password), PLAIN logins."""
    props = {
        "sasl.enabled.mechanisms": ",".join(mechanisms),
        "listener.name.client.ssl.keystore.type": "PEM",
        "listener.name.client.ssl.keystore.location": str(tls.broker_keystore),
        "listener.name.client.ssl.truststore.type": "PEM",
        "listener.name.client.ssl.truststore.location": str(tls.ca),
        "listener.name.client.ssl.client.auth": "required",
    }
    for mechanism in mechanisms:
        props[f"listener.name.client.{mechanism.lower()}.sasl.jaas.config"] = (
            "org.apache.kafka.common.security.scram.ScramLoginModule required;"
        )
    if plain_users:
        props["sasl.enabled.mechanisms"] += ",PLAIN"
        users = " ".join(f'user_{name}="{password}"' for name, password in plain_users.items())
        props["listener.name.client.plain.sasl.jaas.config"] = (
            f"org.apache.kafka.common.security.plain.PlainLoginModule required {users};"
        )
    return props


async def wait_until_ready(
    broker: Broker, client_kwargs: Mapping[str, Any], timeout: float = 60.0
) -> None:
    """Poll an admin client (with the listener's credentials) until list_topics answers."""
    from aiokafka.admin import AIOKafkaAdminClient

    deadline = time.monotonic() + timeout
    last: Exception | None = None
    while time.monotonic() < deadline:
        if broker.proc.poll() is not None:
            raise RuntimeError(f"broker exited during start-up:\n{broker.log()}")
        admin = AIOKafkaAdminClient(
            bootstrap_servers=broker.bootstrap, request_timeout_ms=3000, **client_kwargs
        )
        try:
            await admin.start()
            await admin.list_topics()
            return
        except Exception as exc:  # not listening yet, or still loading its metadata
            last = exc
            await asyncio.sleep(0.25)  # poll interval, not a wait for readiness
        finally:
            await admin.close()
    raise RuntimeError(f"broker not ready after {timeout}s ({last!r}):\n{broker.log()}")


def start_broker(
    directory: Path,
    *,
    client_protocol: str = "PLAINTEXT",
    overrides: Mapping[str, str] | None = None,
    scram: Mapping[str, tuple[str, str]] | None = None,
    heap: str = "512m",
) -> Broker:
    """Format a fresh KRaft log dir (creating `scram` users: mechanism -> (name, password))
    and start the broker. The caller waits for readiness (`wait_until_ready`) with its own
    credentials and must call `stop`, whatever happens."""
    if not any(LIB.glob("kafka_2.13-*.jar")):
        raise RuntimeError(
            f"no broker jars in {LIB}: "
            "mvn -q -B -f deploy/kafka/pom.xml dependency:copy-dependencies"
        )
    directory.mkdir(parents=True, exist_ok=True)
    logs = directory / "logs"
    logs.mkdir(exist_ok=True)
    port, controller_port, internal_port = free_port(), free_port(), free_port()
    config = directory / "server.properties"
    config.write_text(server_properties(
        directory, port=port, controller_port=controller_port, internal_port=internal_port,
        client_protocol=client_protocol, overrides=overrides,
    ))
    format_storage(config, logs, scram)
    log_path = logs / "stdout.log"
    with log_path.open("wb") as out:
        proc = subprocess.Popen(
            java_command(logs, "kafka.Kafka", str(config), heap=heap),
            stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
        )
    return Broker(port=port, directory=directory, proc=proc, log_path=log_path)
