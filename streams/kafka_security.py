"""How to reach a broker that needs TLS or SASL: one parsed, validated set of settings that
the Faust worker and the plain aiokafka clients (`wirewatch feed`, `wirewatch alerts`)
share, so the two can never disagree on how they authenticate.

Secrets (SASL password, TLS key password) are held as pydantic `SecretStr` and kept out of
every repr, so neither a log line nor a traceback that prints the settings shows them.
"""

from __future__ import annotations

import logging
import os
import re
import ssl
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from pydantic import SecretStr

PROTOCOLS = ("PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL")
MECHANISMS = ("PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512")
_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off"}


# Secrets handed to a Kafka client; log records that contain one are rewritten.
_SECRETS: set[str] = set()
# aiokafka logs every request at DEBUG, the SASL login too: with PLAIN its payload is
# `\0user\0password` in clear, with SCRAM a nonce and a proof.
_SASL_PAYLOAD = re.compile(r"(SaslAuthenticate\w*)\(.*", re.DOTALL)
# Shorter secrets would redact fragments of ordinary words; the login request, the one
# place aiokafka puts a password, is redacted whatever the password's length.
_MIN_REDACTED_LENGTH = 4


def _redacting(base: Any) -> Any:
    def make_record(*args: Any, **kwargs: Any) -> logging.LogRecord:
        record = base(*args, **kwargs)
        try:
            text = record.getMessage()
        except Exception:  # a malformed record: logging reports it itself
            return record
        clean = _SASL_PAYLOAD.sub(r"\1(<redacted>)", text) if "SaslAuthenticate" in text else text
        for secret in _SECRETS:
            clean = clean.replace(secret, "<redacted>")
        if clean != text:
            record.msg, record.args = clean, ()
        return record

    make_record.wirewatch_redacting = True  # type: ignore[attr-defined]
    return make_record


def redact_in_logs(*secrets: str) -> None:
    """Keep these secrets, and every SASL login payload, out of all log records from now on,
    whatever logger or level (a worker run with `--loglevel debug` included).

    A log-record factory rather than a filter: filters see only their own logger's records,
    and Faust installs its handlers after the settings are read."""
    _SECRETS.update(s for s in secrets if len(s) >= _MIN_REDACTED_LENGTH)
    factory = logging.getLogRecordFactory()
    if not getattr(factory, "wirewatch_redacting", False):
        logging.setLogRecordFactory(_redacting(factory))


class SecurityConfigError(ValueError):
    """A broker security setting is missing, malformed or contradicts another one."""


def _secret_source(env: Mapping[str, str], name: str) -> str | None:
    """`name` from the environment, or the content of the file `name_FILE` points at (how
    Kubernetes and Compose mount secrets). One trailing line break is dropped: `echo` and
    most editors add one, and it is never part of a password."""
    value = env.get(name) or None
    path = env.get(f"{name}_FILE") or None
    if value is not None and path is not None:
        raise SecurityConfigError(f"set {name} or {name}_FILE, not both")
    if path is None:
        return value
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise SecurityConfigError(f"{name}_FILE={path}: cannot read it ({exc.strerror})") from exc
    text = text.removesuffix("\n").removesuffix("\r")
    if not text:
        raise SecurityConfigError(f"{name}_FILE={path}: the file is empty")
    return text


def _env_bool(env: Mapping[str, str], name: str, default: bool) -> bool:
    raw = (env.get(name) or "").strip().lower()
    if not raw:
        return default
    if raw in _TRUE:
        return True
    if raw in _FALSE:
        return False
    raise SecurityConfigError(f"{name}={raw!r}: expected true or false")


def _env_path(env: Mapping[str, str], name: str) -> Path | None:
    raw = env.get(name) or None
    return Path(raw) if raw else None


@dataclass(frozen=True)
class KafkaSecurity:
    """The broker connection's security: protocol, TLS material and SASL login.

    Built by `from_env`; every combination is checked when the object is made, so a worker
    with a broken configuration stops at start-up with the variable's name in the message
    instead of retrying a refused connection forever."""

    protocol: str = "PLAINTEXT"
    ssl_cafile: Path | None = None
    ssl_certfile: Path | None = None
    ssl_keyfile: Path | None = None
    ssl_key_password: SecretStr | None = field(default=None, repr=False)
    ssl_check_hostname: bool = True
    sasl_mechanism: str | None = None
    sasl_username: str | None = None
    sasl_password: SecretStr | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        if self.protocol not in PROTOCOLS:
            raise SecurityConfigError(
                f"WIREWATCH_SECURITY_PROTOCOL={self.protocol!r}: expected one of "
                + ", ".join(PROTOCOLS)
            )
        self._check_tls()
        self._check_sasl()

    @property
    def uses_tls(self) -> bool:
        return self.protocol in ("SSL", "SASL_SSL")

    @property
    def uses_sasl(self) -> bool:
        return self.protocol in ("SASL_PLAINTEXT", "SASL_SSL")

    def _check_tls(self) -> None:
        given = {
            "WIREWATCH_SSL_CAFILE": self.ssl_cafile,
            "WIREWATCH_SSL_CERTFILE": self.ssl_certfile,
            "WIREWATCH_SSL_KEYFILE": self.ssl_keyfile,
            "WIREWATCH_SSL_KEY_PASSWORD": self.ssl_key_password,
        }
        if not self.uses_tls:
            # Certificates next to a plaintext protocol mean the protocol was forgotten;
            # connecting in the clear regardless would hide that.
            extra = [name for name, value in given.items() if value is not None]
            if extra:
                raise SecurityConfigError(
                    f"{', '.join(extra)} set but WIREWATCH_SECURITY_PROTOCOL={self.protocol}: "
                    "TLS settings need SSL or SASL_SSL"
                )
            return
        if self.ssl_keyfile is not None and self.ssl_certfile is None:
            raise SecurityConfigError(
                "WIREWATCH_SSL_KEYFILE needs WIREWATCH_SSL_CERTFILE (the client certificate)"
            )
        if self.ssl_key_password is not None and self.ssl_certfile is None:
            raise SecurityConfigError(
                "WIREWATCH_SSL_KEY_PASSWORD needs WIREWATCH_SSL_CERTFILE and its key"
            )
        for name, path in given.items():
            if isinstance(path, Path) and not path.is_file():
                raise SecurityConfigError(f"{name}={path}: no such file")

    def _check_sasl(self) -> None:
        if not self.uses_sasl:
            extra = [
                name for name, value in (
                    ("WIREWATCH_SASL_MECHANISM", self.sasl_mechanism),
                    ("WIREWATCH_SASL_USERNAME", self.sasl_username),
                    ("WIREWATCH_SASL_PASSWORD", self.sasl_password),
                ) if value is not None
            ]
            if extra:
                raise SecurityConfigError(
                    f"{', '.join(extra)} set but WIREWATCH_SECURITY_PROTOCOL={self.protocol}: "
                    "SASL settings need SASL_SSL or SASL_PLAINTEXT"
                )
            return
        if self.sasl_mechanism not in MECHANISMS:
            got = "missing" if self.sasl_mechanism is None else repr(self.sasl_mechanism)
            raise SecurityConfigError(
                f"WIREWATCH_SASL_MECHANISM {got}: {self.protocol} needs one of "
                + ", ".join(MECHANISMS)
            )
        missing = [
            name for name, value in (
                ("WIREWATCH_SASL_USERNAME", self.sasl_username),
                ("WIREWATCH_SASL_PASSWORD", self.sasl_password),
            ) if not value
        ]
        if missing:
            raise SecurityConfigError(
                f"{' and '.join(missing)} missing: {self.protocol} with {self.sasl_mechanism} "
                "needs a username and a password (or the *_FILE variant)"
            )

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> KafkaSecurity:
        """Read WIREWATCH_SECURITY_PROTOCOL, WIREWATCH_SSL_* and WIREWATCH_SASL_*; the
        secrets (and the username) may come from files named by their *_FILE variant."""
        env = os.environ if env is None else env
        key_password = _secret_source(env, "WIREWATCH_SSL_KEY_PASSWORD")
        password = _secret_source(env, "WIREWATCH_SASL_PASSWORD")
        mechanism = (env.get("WIREWATCH_SASL_MECHANISM") or "").strip().upper() or None
        return cls(
            protocol=(env.get("WIREWATCH_SECURITY_PROTOCOL") or "PLAINTEXT").strip().upper(),
            ssl_cafile=_env_path(env, "WIREWATCH_SSL_CAFILE"),
            ssl_certfile=_env_path(env, "WIREWATCH_SSL_CERTFILE"),
            ssl_keyfile=_env_path(env, "WIREWATCH_SSL_KEYFILE"),
            ssl_key_password=SecretStr(key_password) if key_password is not None else None,
            ssl_check_hostname=_env_bool(env, "WIREWATCH_SSL_CHECK_HOSTNAME", True),
            sasl_mechanism=mechanism,
            sasl_username=_secret_source(env, "WIREWATCH_SASL_USERNAME"),
            sasl_password=SecretStr(password) if password is not None else None,
        )

    def _guard_logs(self) -> None:
        secrets = [
            secret.get_secret_value()
            for secret in (self.sasl_password, self.ssl_key_password)
            if secret is not None
        ]
        if secrets or self.uses_sasl:
            redact_in_logs(*secrets)

    def ssl_context(self) -> ssl.SSLContext | None:
        """A client TLS context (system CAs unless a CA file is given), or None without TLS.

        The chain is always verified; WIREWATCH_SSL_CHECK_HOSTNAME=false only skips the
        name check, for brokers reached by an address their certificate does not list."""
        if not self.uses_tls:
            return None
        from aiokafka.helpers import create_ssl_context

        try:
            context = create_ssl_context(
                cafile=self.ssl_cafile,
                certfile=self.ssl_certfile,
                keyfile=self.ssl_keyfile,
                password=(
                    self.ssl_key_password.get_secret_value() if self.ssl_key_password else None
                ),
            )
        except ssl.SSLError as exc:
            raise SecurityConfigError(
                f"cannot load the TLS files (CA {self.ssl_cafile}, certificate "
                f"{self.ssl_certfile}, key {self.ssl_keyfile}): {exc.reason or exc}"
            ) from exc
        context.check_hostname = self.ssl_check_hostname
        return context

    def aiokafka_kwargs(self) -> dict[str, Any]:
        """Keyword arguments for AIOKafkaProducer, AIOKafkaConsumer and AIOKafkaAdminClient."""
        self._guard_logs()
        kwargs: dict[str, Any] = {"security_protocol": self.protocol}
        if self.uses_tls:
            kwargs["ssl_context"] = self.ssl_context()
        if self.uses_sasl:
            assert self.sasl_password is not None  # checked in __post_init__
            kwargs.update(
                sasl_mechanism=self.sasl_mechanism,
                sasl_plain_username=self.sasl_username,
                sasl_plain_password=self.sasl_password.get_secret_value(),
            )
        return kwargs

    def faust_credentials(self) -> Any:
        """Faust's `broker_credentials`: SSLCredentials, SASLCredentials, or None for
        plaintext. Faust hands them to every client it makes (consumer, producer, and the
        topic-creating admin calls), and its reprs show the username only."""
        if self.protocol == "PLAINTEXT":
            return None
        import faust  # late: `feed` and `alerts` never pay for importing Faust

        self._guard_logs()
        context = self.ssl_context()
        if self.protocol == "SSL":
            return faust.SSLCredentials(context)
        assert self.sasl_password is not None  # checked in __post_init__
        return faust.SASLCredentials(
            username=self.sasl_username,
            password=self.sasl_password.get_secret_value(),
            ssl_context=context,
            mechanism=self.sasl_mechanism,
        )


def check_broker_url(broker: str) -> None:
    """Refuse credentials in WIREWATCH_BROKER: Faust prints the broker URL in its start-up
    banner, so a password there would land in every log. The message names the host only."""
    for part in broker.replace(";", ",").split(","):
        part = part.strip()
        if not part:
            continue
        netloc = urlsplit(part if "://" in part else f"kafka://{part}").netloc
        if "@" in netloc:
            host = netloc.rpartition("@")[2]
            raise SecurityConfigError(
                f"WIREWATCH_BROKER must not carry credentials (user:password@{host}): set "
                "WIREWATCH_SASL_USERNAME and WIREWATCH_SASL_PASSWORD instead"
            )
