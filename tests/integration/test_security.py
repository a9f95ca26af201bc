"""A broker that needs TLS and SCRAM: a second, throwaway KRaft broker with a SASL_SSL
listener (client certificates required), a real worker, `wirewatch feed` and
`wirewatch alerts` all authenticating through the WIREWATCH_SECURITY_* settings; the password
never reaches the worker's log, and a wrong password is refused."""

from __future__ import annotations

import asyncio
import json
import logging
import subprocess
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pydantic import SecretStr

from streams.kafka_security import KafkaSecurity
from tests.brokers import Broker, TlsMaterial, sasl_ssl_overrides, start_broker, tls_material
from tests.brokers import wait_until_ready as broker_ready
from tests.conftest import ROOT, WORKER_BIN, make_worker

pytestmark = [pytest.mark.integration, pytest.mark.timeout(180)]

USER = "wirewatch"
# Random per run and distinctive, so finding it in a log can only mean it leaked.
PASSWORD = f"pw-{uuid.uuid4().hex}"
MECHANISM = "SCRAM-SHA-512"
WIRE = {
    "id": "urn:wirewatch:test:secured-truce",
    "headline": "Moscow rejects ceasefire proposal",
    "body": (
        "MOSCOW (Reuters) - Russia on Tuesday rejected a Ukrainian proposal for a 30-day "
        "ceasefire, the Kremlin said, as fighting continued along the front line."
    ),
    "source": "Reuters",
    "published_at": "2026-12-01T10:00:00Z",
}


def security(
    tls: TlsMaterial, password: str = PASSWORD, mechanism: str = MECHANISM
) -> KafkaSecurity:
    return KafkaSecurity(
        protocol="SASL_SSL", ssl_cafile=tls.ca, ssl_certfile=tls.client_cert,
        ssl_keyfile=tls.client_key, ssl_key_password=SecretStr(tls.client_key_password),
        sasl_mechanism=mechanism, sasl_username=USER, sasl_password=SecretStr(password),
    )


@pytest.fixture(scope="module")
def secured(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Broker, TlsMaterial]]:
    base = tmp_path_factory.mktemp("secured-broker")
    tls = tls_material(base / "tls")
    broker = start_broker(
        base / "kafka", client_protocol="SASL_SSL",
        overrides=sasl_ssl_overrides(tls, (MECHANISM,), plain_users={USER: PASSWORD}),
        scram={MECHANISM: (USER, PASSWORD)},
    )
    try:
        asyncio.run(broker_ready(broker, security(tls).aiokafka_kwargs(), timeout=90))
        yield broker, tls
    finally:
        broker.stop()


def client_env(broker: Broker, tls: TlsMaterial, secrets: Path) -> dict[str, str]:
    """The worker's settings: secrets from files (*_FILE), as a Kubernetes Secret mounts them."""
    secrets.mkdir(exist_ok=True)
    (secrets / "sasl-password").write_text(PASSWORD + "\n")
    (secrets / "key-password").write_text(tls.client_key_password)
    return {
        "WIREWATCH_BROKER": f"kafka://{broker.bootstrap}",
        "WIREWATCH_SECURITY_PROTOCOL": "SASL_SSL",
        "WIREWATCH_SSL_CAFILE": str(tls.ca),
        "WIREWATCH_SSL_CERTFILE": str(tls.client_cert),
        "WIREWATCH_SSL_KEYFILE": str(tls.client_key),
        "WIREWATCH_SSL_KEY_PASSWORD_FILE": str(secrets / "key-password"),
        "WIREWATCH_SASL_MECHANISM": MECHANISM,
        "WIREWATCH_SASL_USERNAME": USER,
        "WIREWATCH_SASL_PASSWORD_FILE": str(secrets / "sasl-password"),
    }


def wirewatch(env: dict[str, str], *args: str, timeout: float = 90) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(WORKER_BIN), *args], env=env, capture_output=True, text=True, timeout=timeout,
        cwd=ROOT, check=False,
    )


def test_wire_in_alert_out_over_tls_and_scram(
    secured: tuple[Broker, TlsMaterial], tmp_path: Path
) -> None:
    from streams.offline import code_wire

    broker, tls = secured
    env = client_env(broker, tls, tmp_path / "secrets")
    worker = make_worker(tmp_path, **env)
    wire = tmp_path / "wire.json"
    wire.write_text(json.dumps(WIRE))
    _, expected = code_wire(wire.read_bytes(), now=datetime.now(UTC))
    assert [a.kind for a in expected] == ["truce_rejected"]

    # debug: the banner and every client request, the SASL login included, are in the log
    # that the leak check reads
    worker.start(timeout=90.0, loglevel="debug")
    try:
        # The CLI clients take the password from the variable itself, the worker from a file.
        cli_env = {k: v for k, v in worker.env.items() if k != "WIREWATCH_SASL_PASSWORD_FILE"}
        cli_env["WIREWATCH_SASL_PASSWORD"] = PASSWORD
        fed = wirewatch(cli_env, "feed", "--quiet", str(wire))
        assert fed.returncode == 0, fed.stderr
        read = wirewatch(cli_env, "alerts", "--from-beginning", "--json", "--count", "1",
                         "--timeout", "60")
        assert read.returncode == 0, read.stderr
        alerts = [json.loads(line) for line in read.stdout.splitlines() if line.strip()]
        assert len(alerts) == 1, (read.stdout, read.stderr, worker.log())
        (alert,) = alerts
        assert alert["kind"] == "truce_rejected"
        assert alert["article_id"] == WIRE["id"]
        assert alert["alert_id"] == expected[0].alert_id
        assert alert["dyad"] == expected[0].dyad
    finally:
        worker.stop()

    log = worker.log_path.read_text(errors="replace")
    # The log is the banner and the logins (it names the broker), yet holds no secret.
    assert broker.bootstrap in log, log[-3000:]
    assert f"Authenticated as {USER} via {MECHANISM}" in log
    assert "SaslAuthenticateRequest_v1(<redacted>)" in log
    assert PASSWORD not in log
    assert tls.client_key_password not in log
    assert PASSWORD not in fed.stderr + read.stderr


async def test_wrong_password_is_refused(
    secured: tuple[Broker, TlsMaterial], caplog: pytest.LogCaptureFixture
) -> None:
    from aiokafka import AIOKafkaProducer
    from aiokafka.errors import KafkaConnectionError

    broker, tls = secured
    caplog.set_level(logging.ERROR, logger="aiokafka")
    producer = AIOKafkaProducer(
        bootstrap_servers=broker.bootstrap, request_timeout_ms=5000,
        **security(tls, password="not-the-password").aiokafka_kwargs(),
    )
    with pytest.raises(KafkaConnectionError):
        await producer.start()
    await producer.stop()
    # Refused by the SCRAM login itself, not by TLS or a closed port.
    assert "SaslAuthenticationFailed" in caplog.text
    assert "invalid credentials" in caplog.text


async def test_right_password_over_the_same_path_is_accepted(
    secured: tuple[Broker, TlsMaterial],
) -> None:
    """The control for the refusal above: only the password differs."""
    from aiokafka import AIOKafkaProducer

    broker, tls = secured
    producer = AIOKafkaProducer(
        bootstrap_servers=broker.bootstrap, request_timeout_ms=5000,
        **security(tls).aiokafka_kwargs(),
    )
    await producer.start()
    try:
        metadata = await producer.send_and_wait(f"security-probe-{uuid.uuid4().hex[:8]}", b"x")
        assert metadata.offset == 0
    finally:
        await producer.stop()


async def test_plain_login_logged_at_debug_level_hides_the_password(
    secured: tuple[Broker, TlsMaterial], caplog: pytest.LogCaptureFixture
) -> None:
    """aiokafka logs every request at DEBUG; a PLAIN login request carries the password
    itself (`\\0user\\0password`), so the worker's `--loglevel debug` would print it."""
    from aiokafka import AIOKafkaProducer

    broker, tls = secured
    caplog.set_level(logging.DEBUG, logger="aiokafka")
    producer = AIOKafkaProducer(
        bootstrap_servers=broker.bootstrap, request_timeout_ms=5000,
        **security(tls, mechanism="PLAIN").aiokafka_kwargs(),
    )
    await producer.start()
    try:
        await producer.send_and_wait(f"security-plain-{uuid.uuid4().hex[:8]}", b"x")
    finally:
        await producer.stop()
    logins = [r.getMessage() for r in caplog.records if "SaslAuthenticate" in r.getMessage()]
    assert logins, "the login request was logged (else this test checks nothing)"
    assert all(line.endswith("(<redacted>)") for line in logins), logins
    assert PASSWORD not in caplog.text
