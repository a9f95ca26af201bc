"""Broker security settings: what each combination of WIREWATCH_SECURITY_* variables gives
the clients, which combinations are refused and why, and that secrets never show."""

from __future__ import annotations

import logging
import ssl
from pathlib import Path

import pytest

from streams import cli, config
from streams.kafka_security import (
    KafkaSecurity,
    SecurityConfigError,
    check_broker_url,
    redact_in_logs,
)
from tests.brokers import TlsMaterial, tls_material

PASSWORD = "hunter2-do-not-log"
KEY_PASSWORD = "key-pass-do-not-log"


@pytest.fixture(scope="module")
def tls(tmp_path_factory: pytest.TempPathFactory) -> TlsMaterial:
    return tls_material(tmp_path_factory.mktemp("tls"), client_key_password=KEY_PASSWORD)


def scram_env(tls: TlsMaterial, **extra: str) -> dict[str, str]:
    env = {
        "WIREWATCH_SECURITY_PROTOCOL": "SASL_SSL",
        "WIREWATCH_SSL_CAFILE": str(tls.ca),
        "WIREWATCH_SASL_MECHANISM": "SCRAM-SHA-512",
        "WIREWATCH_SASL_USERNAME": "wirewatch",
        "WIREWATCH_SASL_PASSWORD": PASSWORD,
    }
    env.update(extra)
    return env


def refused(env: dict[str, str]) -> str:
    with pytest.raises(SecurityConfigError) as info:
        KafkaSecurity.from_env(env)
    return str(info.value)


# --- what valid settings give the clients --------------------------------------------------


def test_no_settings_is_plaintext() -> None:
    security = KafkaSecurity.from_env({})
    assert security.aiokafka_kwargs() == {"security_protocol": "PLAINTEXT"}
    assert security.ssl_context() is None
    assert security.faust_credentials() is None


def test_sasl_ssl_with_scram_gives_verified_tls_and_the_login(tls: TlsMaterial) -> None:
    kwargs = KafkaSecurity.from_env(scram_env(tls)).aiokafka_kwargs()
    context = kwargs.pop("ssl_context")
    assert kwargs == {
        "security_protocol": "SASL_SSL",
        "sasl_mechanism": "SCRAM-SHA-512",
        "sasl_plain_username": "wirewatch",
        "sasl_plain_password": PASSWORD,
    }
    assert isinstance(context, ssl.SSLContext)
    assert context.verify_mode == ssl.CERT_REQUIRED
    assert context.check_hostname is True
    # The CA file was loaded, besides nothing else (create_default_context with a cafile).
    assert [c["subject"] for c in context.get_ca_certs()] == [
        ((("commonName", "wirewatch-test-ca"),),)
    ]


def test_sasl_plaintext_has_no_tls_context() -> None:
    env = {
        "WIREWATCH_SECURITY_PROTOCOL": "sasl_plaintext",  # case does not matter
        "WIREWATCH_SASL_MECHANISM": "plain",
        "WIREWATCH_SASL_USERNAME": "u",
        "WIREWATCH_SASL_PASSWORD": PASSWORD,
    }
    assert KafkaSecurity.from_env(env).aiokafka_kwargs() == {
        "security_protocol": "SASL_PLAINTEXT",
        "sasl_mechanism": "PLAIN",
        "sasl_plain_username": "u",
        "sasl_plain_password": PASSWORD,
    }


def test_ssl_with_a_client_certificate_and_an_encrypted_key(
    tls: TlsMaterial, tmp_path: Path
) -> None:
    (tmp_path / "key-password").write_text(KEY_PASSWORD + "\n")
    env = {
        "WIREWATCH_SECURITY_PROTOCOL": "SSL",
        "WIREWATCH_SSL_CAFILE": str(tls.ca),
        "WIREWATCH_SSL_CERTFILE": str(tls.client_cert),
        "WIREWATCH_SSL_KEYFILE": str(tls.client_key),
        "WIREWATCH_SSL_KEY_PASSWORD_FILE": str(tmp_path / "key-password"),
        "WIREWATCH_SSL_CHECK_HOSTNAME": "false",
    }
    security = KafkaSecurity.from_env(env)
    assert security.ssl_key_password is not None
    assert security.ssl_key_password.get_secret_value() == KEY_PASSWORD  # newline dropped
    kwargs = security.aiokafka_kwargs()
    assert set(kwargs) == {"security_protocol", "ssl_context"}
    assert kwargs["security_protocol"] == "SSL"
    assert kwargs["ssl_context"].check_hostname is False
    assert kwargs["ssl_context"].verify_mode == ssl.CERT_REQUIRED, "the chain is still checked"


def test_a_wrong_key_password_fails_when_the_context_is_built(tls: TlsMaterial) -> None:
    security = KafkaSecurity.from_env({
        "WIREWATCH_SECURITY_PROTOCOL": "SSL",
        "WIREWATCH_SSL_CERTFILE": str(tls.client_cert),
        "WIREWATCH_SSL_KEYFILE": str(tls.client_key),
        "WIREWATCH_SSL_KEY_PASSWORD": "wrong",
    })
    with pytest.raises(SecurityConfigError, match="cannot load the TLS files"):
        security.ssl_context()


def test_password_and_username_from_files(tls: TlsMaterial, tmp_path: Path) -> None:
    (tmp_path / "user").write_text("from-a-file\n")
    (tmp_path / "password").write_text(PASSWORD + "\r\n")
    env = scram_env(tls, WIREWATCH_SASL_USERNAME_FILE=str(tmp_path / "user"),
                    WIREWATCH_SASL_PASSWORD_FILE=str(tmp_path / "password"))
    del env["WIREWATCH_SASL_USERNAME"], env["WIREWATCH_SASL_PASSWORD"]
    kwargs = KafkaSecurity.from_env(env).aiokafka_kwargs()
    assert kwargs["sasl_plain_username"] == "from-a-file"
    assert kwargs["sasl_plain_password"] == PASSWORD


def test_faust_gets_the_same_connection_as_the_plain_clients(tls: TlsMaterial) -> None:
    """The worker's credentials, turned into aiokafka arguments by Faust itself, match the
    CLI's: the two can never authenticate differently."""
    import faust
    from faust.transport.drivers.aiokafka import credentials_to_aiokafka_auth

    security = KafkaSecurity.from_env(scram_env(tls, WIREWATCH_SASL_MECHANISM="SCRAM-SHA-256"))
    credentials = security.faust_credentials()
    assert isinstance(credentials, faust.SASLCredentials)
    assert PASSWORD not in repr(credentials)
    from_faust = credentials_to_aiokafka_auth(credentials)
    ours = security.aiokafka_kwargs()
    assert isinstance(from_faust.pop("ssl_context"), ssl.SSLContext)
    ours.pop("ssl_context")
    assert from_faust == ours

    ssl_only = KafkaSecurity.from_env({"WIREWATCH_SECURITY_PROTOCOL": "SSL",
                                       "WIREWATCH_SSL_CAFILE": str(tls.ca)})
    auth = credentials_to_aiokafka_auth(ssl_only.faust_credentials())
    assert auth["security_protocol"] == "SSL"
    assert isinstance(auth["ssl_context"], ssl.SSLContext)


def test_settings_from_env_carry_security_into_client_kwargs(
    tls: TlsMaterial, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name, value in scram_env(tls).items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("WIREWATCH_BROKER", "kafka://b1.example:9093;kafka://b2.example:9093")
    kwargs = config.Settings.from_env().kafka_client_kwargs()
    assert kwargs["bootstrap_servers"] == "b1.example:9093,b2.example:9093"
    assert kwargs["security_protocol"] == "SASL_SSL"
    assert kwargs["sasl_plain_password"] == PASSWORD


# --- refused combinations -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"WIREWATCH_SECURITY_PROTOCOL": "TLS"},
         "WIREWATCH_SECURITY_PROTOCOL='TLS': expected one of PLAINTEXT, SSL, SASL_PLAINTEXT"),
        ({"WIREWATCH_SECURITY_PROTOCOL": "SASL_SSL", "WIREWATCH_SASL_USERNAME": "u",
          "WIREWATCH_SASL_PASSWORD": "p"},
         "WIREWATCH_SASL_MECHANISM missing: SASL_SSL needs one of PLAIN, SCRAM-SHA-256"),
        ({"WIREWATCH_SECURITY_PROTOCOL": "SASL_PLAINTEXT", "WIREWATCH_SASL_MECHANISM": "GSSAPI",
          "WIREWATCH_SASL_USERNAME": "u", "WIREWATCH_SASL_PASSWORD": "p"},
         "WIREWATCH_SASL_MECHANISM 'GSSAPI'"),
        ({"WIREWATCH_SECURITY_PROTOCOL": "SASL_PLAINTEXT", "WIREWATCH_SASL_MECHANISM": "PLAIN",
          "WIREWATCH_SASL_USERNAME": "u"},
         "WIREWATCH_SASL_PASSWORD missing: SASL_PLAINTEXT with PLAIN needs a username"),
        ({"WIREWATCH_SECURITY_PROTOCOL": "SASL_PLAINTEXT",
          "WIREWATCH_SASL_MECHANISM": "SCRAM-SHA-256"},
         "WIREWATCH_SASL_USERNAME and WIREWATCH_SASL_PASSWORD missing"),
        ({"WIREWATCH_SASL_USERNAME": "u", "WIREWATCH_SASL_PASSWORD": "p"},
         "WIREWATCH_SASL_USERNAME, WIREWATCH_SASL_PASSWORD set but "
         "WIREWATCH_SECURITY_PROTOCOL=PLAINTEXT: SASL settings need SASL_SSL or SASL_PLAINTEXT"),
        ({"WIREWATCH_SECURITY_PROTOCOL": "SASL_PLAINTEXT", "WIREWATCH_SASL_MECHANISM": "PLAIN",
          "WIREWATCH_SASL_USERNAME": "u", "WIREWATCH_SASL_PASSWORD": "p",
          "WIREWATCH_SSL_CAFILE": "/etc/hostname"},
         "WIREWATCH_SSL_CAFILE set but WIREWATCH_SECURITY_PROTOCOL=SASL_PLAINTEXT: "
         "TLS settings need SSL or SASL_SSL"),
        ({"WIREWATCH_SECURITY_PROTOCOL": "SSL", "WIREWATCH_SSL_CAFILE": "/nonexistent/ca.pem"},
         "WIREWATCH_SSL_CAFILE=/nonexistent/ca.pem: no such file"),
        ({"WIREWATCH_SECURITY_PROTOCOL": "SSL", "WIREWATCH_SSL_KEYFILE": "/etc/hostname"},
         "WIREWATCH_SSL_KEYFILE needs WIREWATCH_SSL_CERTFILE"),
        ({"WIREWATCH_SECURITY_PROTOCOL": "SSL", "WIREWATCH_SSL_KEY_PASSWORD": "k"},
         "WIREWATCH_SSL_KEY_PASSWORD needs WIREWATCH_SSL_CERTFILE"),
        ({"WIREWATCH_SECURITY_PROTOCOL": "SSL", "WIREWATCH_SSL_CHECK_HOSTNAME": "maybe"},
         "WIREWATCH_SSL_CHECK_HOSTNAME='maybe': expected true or false"),
        ({"WIREWATCH_SASL_PASSWORD": "p", "WIREWATCH_SASL_PASSWORD_FILE": "/etc/hostname"},
         "set WIREWATCH_SASL_PASSWORD or WIREWATCH_SASL_PASSWORD_FILE, not both"),
        ({"WIREWATCH_SASL_PASSWORD_FILE": "/nonexistent/password"},
         "WIREWATCH_SASL_PASSWORD_FILE=/nonexistent/password: cannot read it"),
    ],
)
def test_invalid_combinations_are_refused_with_the_variable_named(
    env: dict[str, str], message: str
) -> None:
    assert message in refused(env)


def test_an_empty_secret_file_is_refused(tmp_path: Path) -> None:
    (tmp_path / "empty").write_text("\n")
    assert "the file is empty" in refused({"WIREWATCH_SASL_PASSWORD_FILE": str(tmp_path / "empty")})


@pytest.mark.parametrize(
    "broker",
    [
        f"kafka://wirewatch:{PASSWORD}@broker.example:9093",
        f"wirewatch:{PASSWORD}@broker.example:9093",
        f"kafka://ok.example:9092;kafka://u:{PASSWORD}@broker.example:9093",
    ],
)
def test_credentials_in_the_broker_url_are_refused_without_echoing_them(broker: str) -> None:
    with pytest.raises(SecurityConfigError) as info:
        config.Settings(broker=broker)
    assert "WIREWATCH_BROKER must not carry credentials" in str(info.value)
    assert "broker.example:9093" in str(info.value)
    assert PASSWORD not in str(info.value)
    assert "wirewatch:" not in str(info.value)


def test_plain_broker_urls_pass() -> None:
    for broker in ("kafka://127.0.0.1:9092", "a:9092,b:9092", "kafka://a:1;kafka://[::1]:2"):
        check_broker_url(broker)


def test_the_cli_reports_a_bad_setting_and_exits_2(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("WIREWATCH_SECURITY_PROTOCOL", "SASL_SSL")
    monkeypatch.setenv("WIREWATCH_SASL_PASSWORD", PASSWORD)
    for name in ("WIREWATCH_SASL_MECHANISM", "WIREWATCH_SASL_USERNAME", "WIREWATCH_BROKER"):
        monkeypatch.delenv(name, raising=False)
    assert cli.main(["alerts", "--timeout", "1"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("wirewatch: WIREWATCH_SASL_MECHANISM missing")
    assert PASSWORD not in err


# --- secrets stay out of reprs -------------------------------------------------------------


def test_secrets_are_not_in_repr_or_str(tls: TlsMaterial) -> None:
    env = scram_env(
        tls, WIREWATCH_SSL_CERTFILE=str(tls.client_cert),
        WIREWATCH_SSL_KEYFILE=str(tls.client_key), WIREWATCH_SSL_KEY_PASSWORD=KEY_PASSWORD,
    )
    security = KafkaSecurity.from_env(env)
    settings = config.Settings(security=security)
    for text in (repr(security), str(security), repr(settings), str(settings),
                 repr(security.sasl_password), f"{security.ssl_key_password}"):
        assert PASSWORD not in text
        assert KEY_PASSWORD not in text
    # The repr still says what matters for debugging.
    assert "protocol='SASL_SSL'" in repr(security)
    assert "sasl_username='wirewatch'" in repr(security)


def test_handing_out_the_password_keeps_it_out_of_every_log(
    caplog: pytest.LogCaptureFixture,
) -> None:
    secret = "s3cr3t-for-the-log-test"
    env = {"WIREWATCH_SECURITY_PROTOCOL": "SASL_PLAINTEXT", "WIREWATCH_SASL_MECHANISM": "PLAIN",
           "WIREWATCH_SASL_USERNAME": "u", "WIREWATCH_SASL_PASSWORD": secret}
    caplog.set_level(logging.DEBUG)
    log = logging.getLogger("any.library")
    log.debug("before: %s", secret)
    KafkaSecurity.from_env(env).aiokafka_kwargs()
    log.debug("after: %s", secret)
    # What aiokafka.conn logs for a PLAIN login: the password inside the payload's repr.
    logging.getLogger("aiokafka.conn").debug(
        "Request to %s:%d %d: %s", "127.0.0.1", 9092, 3,
        "SaslAuthenticateRequest_v1(sasl_auth_bytes=b'\\x00u\\x00pw')",
    )
    log.info("an ordinary line stays as it was")
    messages = [record.getMessage() for record in caplog.records]
    assert messages == [
        f"before: {secret}",  # nothing registered yet: the redaction is really doing this
        "after: <redacted>",
        "Request to 127.0.0.1:9092 3: SaslAuthenticateRequest_v1(<redacted>)",
        "an ordinary line stays as it was",
    ]


def test_a_short_password_is_redacted_in_the_login_only(
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.INFO)
    redact_in_logs("ab")
    logging.getLogger("any.library").info("about abc")
    logging.getLogger("aiokafka.conn").info("SaslAuthenticateRequest_v1(sasl_auth_bytes=b'ab')")
    assert [r.getMessage() for r in caplog.records] == [
        "about abc", "SaslAuthenticateRequest_v1(<redacted>)",
    ]


# --- the deployment files carry the settings ------------------------------------------------

K8S = Path(__file__).resolve().parents[2] / "deploy" / "k8s"


def k8s(name: str) -> dict:
    import yaml

    return yaml.safe_load((K8S / name).read_text())


def pod_environment(secret: dict | None, mount: Path, **config_overrides: str) -> dict[str, str]:
    """The worker's environment as the kubelet builds it: the ConfigMap, then each env entry
    whose optional Secret key exists; Secret paths moved from the pod to `mount`."""
    env = {**k8s("configmap.yaml")["data"], **config_overrides}
    (container,) = k8s("deployment.yaml")["spec"]["template"]["spec"]["containers"]
    data = (secret or {}).get("stringData", {})
    for entry in container["env"]:
        ref = entry["valueFrom"]["secretKeyRef"]
        if secret is not None and ref["name"] == secret["metadata"]["name"] and ref["key"] in data:
            env[entry["name"]] = data[ref["key"]]
    for key, value in data.items():
        (mount / key).write_text(value)
    return {k: v.replace("/etc/wirewatch/kafka", str(mount)) for k, v in env.items()}


def test_k8s_defaults_to_plaintext_without_the_secret(tmp_path: Path) -> None:
    security = KafkaSecurity.from_env(pod_environment(None, tmp_path))
    assert security.aiokafka_kwargs() == {"security_protocol": "PLAINTEXT"}


def test_k8s_secret_gives_the_worker_a_complete_login(tmp_path: Path) -> None:
    secret = k8s("examples/kafka-secret.yaml")
    env = pod_environment(
        secret, tmp_path, WIREWATCH_SECURITY_PROTOCOL="SASL_SSL",
        WIREWATCH_SASL_MECHANISM="SCRAM-SHA-512",
        WIREWATCH_SSL_CAFILE="/etc/wirewatch/kafka/ca.crt",
    )
    security = KafkaSecurity.from_env(env)
    assert security.sasl_username == secret["stringData"]["sasl-username"]
    assert security.sasl_password is not None
    assert security.sasl_password.get_secret_value() == secret["stringData"]["sasl-password"]
    assert security.ssl_cafile == tmp_path / "ca.crt"


def test_k8s_secret_is_optional_everywhere_and_validates() -> None:
    import kubernetes_validate

    secret = k8s("examples/kafka-secret.yaml")
    kubernetes_validate.validate(secret, kubernetes_validate.latest_version(), strict=True)
    pod = k8s("deployment.yaml")["spec"]["template"]["spec"]
    (container,) = pod["containers"]
    refs = [e["valueFrom"]["secretKeyRef"] for e in container["env"]]
    assert refs and all(r["optional"] is True for r in refs)
    assert {r["name"] for r in refs} == {secret["metadata"]["name"]}
    (volume,) = [v for v in pod["volumes"] if "secret" in v]
    assert volume["secret"] == {
        "secretName": secret["metadata"]["name"], "optional": True, "defaultMode": 0o440,
    }
    mount = {m["name"]: m for m in container["volumeMounts"]}[volume["name"]]
    assert mount["mountPath"] == "/etc/wirewatch/kafka" and mount["readOnly"] is True


def test_compose_defaults_are_a_valid_plaintext_configuration() -> None:
    """Every `${VAR:-default}` of the worker resolved as Compose does with nothing set."""
    import re

    import yaml

    compose = yaml.safe_load((K8S.parents[1] / "docker-compose.yml").read_text())
    environment = compose["services"]["worker"]["environment"]
    resolved = {
        name: re.sub(r"\$\{\w+:-([^}]*)\}", r"\1", str(value))
        for name, value in environment.items()
    }
    names = {n for n in resolved if n.startswith(("WIREWATCH_SSL_", "WIREWATCH_SASL_"))}
    assert {"WIREWATCH_SASL_PASSWORD", "WIREWATCH_SASL_PASSWORD_FILE", "WIREWATCH_SSL_CAFILE",
            "WIREWATCH_SASL_MECHANISM", "WIREWATCH_SASL_USERNAME"} <= names
    security = KafkaSecurity.from_env(resolved)
    assert security.aiokafka_kwargs() == {"security_protocol": "PLAINTEXT"}
    check_broker_url(resolved["WIREWATCH_BROKER"])
