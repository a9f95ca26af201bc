"""One raw `news.raw` message to one `NormalizedArticle`, or a `Rejected` saying why not.

The checks run cheapest first and each names its own dead-letter reason: no value, too large
(before any decoding, so a huge message costs nothing), not UTF-8, blank, broken JSON, JSON of an
unknown shape, a bad field, and finally no text left after cleaning.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import orjson

from schemas.article import NormalizedArticle
from streams.normalize.draft import Draft, finish
from streams.normalize.ninjs import is_ninjs, read_ninjs
from streams.normalize.project_json import is_project_json, read_project_json
from streams.normalize.rejected import Rejected
from streams.normalize.wire_text import read_wire_text

DEFAULT_MAX_BYTES = 1_000_000
_BOM = "\ufeff"
# Characters that may surround a message without being content.
_BLANK = " \t\r\n\x0b\x0c\u00a0\u200b\ufeff"
_MAX_KEYS_SHOWN = 12
_XML_STARTS = ("<?xml", "<!doctype", "<nitf", "<newsmessage", "<newsitem", "<html", "<rss")
_ACCEPTED = (
    'send project JSON with a "body" string, an IPTC ninjs document '
    "(body_text, body_html or bodies[]), or plain UTF-8 wire text"
)


def _decode(value: bytes) -> str:
    try:
        text = value.decode("utf-8")
    except UnicodeDecodeError as exc:
        bad = value[exc.start : exc.end].hex(" ")
        raise Rejected(
            "invalid_utf8",
            f"The message is not valid UTF-8: byte offset {exc.start} (bytes {bad}) is "
            f"{exc.reason}; re-encode the article as UTF-8 (it may be Latin-1 or Windows-1252).",
        ) from None
    return text.removeprefix(_BOM)


def _parse_json(text: str) -> Any:
    try:
        return orjson.loads(text)
    except orjson.JSONDecodeError as exc:
        raise Rejected(
            "invalid_json",
            f"The message starts like JSON but does not parse: {exc.msg} at line {exc.lineno}, "
            f"column {exc.colno} (character {exc.pos}); fix the JSON, or send plain text that "
            "does not start with '{' or '['.",
        ) from None


def _describe_keys(obj: dict[str, Any]) -> str:
    keys = [repr(key) for key in list(obj)[:_MAX_KEYS_SHOWN]]
    more = len(obj) - len(keys)
    listed = ", ".join(keys) + (f" and {more} more" if more > 0 else "")
    return f"keys {listed}" if keys else "no keys"


def _read_json(text: str) -> Draft:
    document = _parse_json(text)
    if isinstance(document, list):
        raise Rejected(
            "unknown_shape",
            f"The message is a JSON array of {len(document)} items, not an article object; "
            f"send one article per message: {_ACCEPTED}.",
        )
    if not isinstance(document, dict):
        raise Rejected("unknown_shape", f"The message is JSON but not an object; {_ACCEPTED}.")
    if is_project_json(document):
        return read_project_json(document)
    if is_ninjs(document):
        return read_ninjs(document)
    if "headline" in document:
        return read_project_json(document)  # a flash: a headline (and caption), no body
    raise Rejected(
        "unknown_shape",
        f"The JSON object ({_describe_keys(document)}) is none of the accepted shapes; "
        f"{_ACCEPTED}.",
    )


def normalize_message(
    value: bytes | None,
    *,
    received_at: datetime,
    ingest_ts_ms: int | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> NormalizedArticle:
    """Normalize one raw message value (project JSON, ninjs or wire text).

    `received_at` is when the pipeline took the message (a naive value is taken as UTC);
    `ingest_ts_ms` is the raw message's Kafka timestamp, carried for latency metrics.
    Raises `Rejected` with a dead-letter reason for anything that is not a usable article.
    """
    if value is None:
        raise Rejected("empty", f"The message has no value (null); {_ACCEPTED}.")
    if isinstance(value, bytearray | memoryview):
        value = bytes(value)
    if not value:
        raise Rejected("empty", f"The message value is empty (0 bytes); {_ACCEPTED}.")
    if len(value) > max_bytes:
        raise Rejected(
            "oversized",
            f"The message is {len(value):,} bytes, over the {max_bytes:,}-byte limit; send the "
            "article text alone (no embedded media) or split it.",
        )
    text = _decode(value)
    start = text.lstrip(_BLANK)
    if not start:
        raise Rejected(
            "empty", f"The message holds only whitespace ({len(value)} bytes); {_ACCEPTED}."
        )
    if start[0] in "{[":
        draft = _read_json(text)
    elif start[0] == "<" and start[:16].casefold().startswith(_XML_STARTS):
        raise Rejected(
            "unknown_shape",
            f"The message is an XML or HTML document, which is not accepted; {_ACCEPTED}.",
        )
    else:
        draft = read_wire_text(text)
    return finish(draft, received_at=received_at, ingest_ts_ms=ingest_ts_ms)


def article_key(value: bytes | None) -> bytes | None:
    """The article id a raw message will be given, when the message itself names it (project
    JSON `id`, ninjs `uri`): the key a feeder sends it under, so the worker codes it on the
    partition where it lands (`streams.shell.ingest`). None when the id would come from the
    text (a hash of the normalized text) or the message is unusable: such a wire is re-keyed
    once by the worker instead."""
    try:
        if not value or len(value) > DEFAULT_MAX_BYTES:
            return None
        text = _decode(bytes(value))
        if not text.lstrip(_BLANK).startswith("{"):
            return None
        article_id = _read_json(text).article_id
    except Exception:
        return None
    return article_id.encode() if article_id else None
