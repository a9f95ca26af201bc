"""Field readers for JSON inputs: each either returns a clean value or rejects with `invalid_field`.

A feeder that sends a known shape with one bad field should hear which field, what it held and
what is expected, not see a generic validation dump.
"""

from __future__ import annotations

import re
import reprlib
from collections.abc import Mapping
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any

from schemas.article import MAX_ID_CHARS, MAX_VERSION
from streams.normalize.cleaning import clean_identifier
from streams.normalize.rejected import Rejected

_DIGITS = re.compile(r"[0-9]{1,9}")
_MAX_SHOWN = 60


def json_type(value: Any) -> str:
    """The JSON name of a value's type, for error messages."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


_REPR = reprlib.Repr()
_REPR.maxlevel, _REPR.maxlist, _REPR.maxdict = 3, 4, 4
_REPR.maxstring = _REPR.maxother = _MAX_SHOWN


def shown(value: Any) -> str:
    """A short quoted rendering of a bad value, so long garbage does not flood the dead letter.

    reprlib, not repr: a value nested a thousand deep (valid JSON) would exhaust the stack."""
    text = _REPR.repr(value)
    return text if len(text) <= _MAX_SHOWN else text[: _MAX_SHOWN - 1] + "…"


def invalid(field: str, problem: str, expected: str) -> Rejected:
    """An `invalid_field` rejection phrased the same way for every field."""
    return Rejected("invalid_field", f"Field '{field}' {problem}; {expected}.")


def optional_str(obj: Mapping[str, Any], key: str) -> str | None:
    """A string field that may be absent, null or blank (all meaning "not given")."""
    value = obj.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise invalid(
            key, f"is {json_type(value)} ({shown(value)})", "send a string or leave it out"
        )
    value = value.strip()
    return value or None


def optional_id(obj: Mapping[str, Any], key: str) -> str | None:
    """An identifier: a string, or an integer that feeders often send for numeric ids.

    Invisible characters are removed (an id with a U+202E override would display as another
    id) and the length is bounded, since ids become Kafka keys and log lines."""
    value = obj.get(key)
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    elif (value := optional_str(obj, key)) is None:
        return None
    value = clean_identifier(value)
    if len(value) > MAX_ID_CHARS:
        raise invalid(
            key, f"is {len(value):,} characters long", f"send an id of at most {MAX_ID_CHARS}"
        )
    return value or None


def parse_version(value: Any, field: str) -> int:
    """The article revision as an int: 3 and "3" are both 3; absent means 1 (first version)."""
    if value is None or value == "":
        return 1
    if isinstance(value, bool):
        raise invalid(field, "is a boolean", 'send a non-negative integer such as 1 or "2"')
    if isinstance(value, int):
        number = value
    elif isinstance(value, float) and value.is_integer():
        number = int(value)
    elif isinstance(value, str) and _DIGITS.fullmatch(value.strip()):
        number = int(value.strip())
    else:
        raise invalid(
            field,
            f"is {json_type(value)} ({shown(value)}), not a revision number",
            'send a non-negative integer such as 1 or "2"',
        )
    if number < 0:
        raise invalid(field, f"is negative ({number})", "revisions start at 0 or 1")
    if number > MAX_VERSION:
        raise invalid(
            field, f"is {shown(number)}, beyond the largest revision", f"send at most {MAX_VERSION}"
        )
    return number


def parse_timestamp(value: Any, field: str) -> datetime | None:
    """An RFC 3339 timestamp as an aware UTC datetime; a naive one is taken to be UTC.

    RFC 2822 dates (`Wed, 04 Jun 2025 09:30:00 GMT`, as RSS feeds carry them) are accepted too,
    because feeders relay them unchanged and they are unambiguous.
    """
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise invalid(
            field,
            f"is {json_type(value)} ({shown(value)})",
            "send an RFC 3339 timestamp string such as 2025-06-04T09:30:00Z",
        )
    text = value.strip()
    try:
        # RFC 3339 allows lower-case `t` and `z`; fromisoformat wants them upper-case.
        parsed = datetime.fromisoformat(text.upper())
    except ValueError:
        try:
            parsed = parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            raise invalid(
                field,
                f"is not an RFC 3339 timestamp ({shown(value)})",
                "send a form such as 2025-06-04T09:30:00Z or 2025-06-04T12:30:00+03:00",
            ) from None
    if parsed.tzinfo is None:
        return parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC)
