"""IPTC ninjs documents, versions 1.x, 2.x and 3.x, read through one mapping.

- 1.x: `headline`, `body_text` / `body_html`, `versioncreated`, `firstcreated`, `pubstatus`,
  `copyrightholder`.
- 2.x: `headlines[]` and `bodies[]` of `{value, role, contenttype}`, `infosources[]`.
- 3.x: the 2.x structure in camelCase (`versionCreated`, `pubStatus`, `contentType`,
  `infoSources`, `copyrightHolder` as an object).

Every spelling is looked up, so a document mixing versions (common in hand-rolled feeds) still
reads. `uri` is the article id, `version` the revision, pubstatus `canceled`/`withdrawn` marks a
retraction. `located` is the place of filing, not a source, so it does not become `source`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from streams.normalize.cleaning import decode_markup, html_to_text
from streams.normalize.draft import Draft
from streams.normalize.fields import (
    invalid,
    json_type,
    optional_id,
    optional_str,
    parse_timestamp,
    parse_version,
    shown,
)

# Keys only a ninjs document has; any one of them identifies the shape.
NINJS_KEYS = frozenset(
    {
        "uri", "body_text", "body_html", "body_xhtml", "bodies", "headlines",
        "versioncreated", "versionCreated", "firstcreated", "firstCreated",
        "pubstatus", "pubStatus", "contentcreated", "contentCreated",
    }
)  # fmt: skip
_RETRACTED_STATUSES = frozenset({"canceled", "cancelled", "withdrawn"})
# Roles that name the main text among several headlines or bodies.
_MAIN_ROLES = frozenset({"", "main", "default", "body", "headline", "text"})


def is_ninjs(obj: Mapping[str, Any]) -> bool:
    """A JSON object is ninjs when it carries any ninjs-only key."""
    return not NINJS_KEYS.isdisjoint(obj)


def _first_present(obj: Mapping[str, Any], *keys: str) -> tuple[str, Any]:
    """The first of `keys` with a non-null value (and that key), else the first key and None."""
    for key in keys:
        value = obj.get(key)
        if value is not None:
            return key, value
    return keys[0], None


def _entries(obj: Mapping[str, Any], key: str) -> list[Mapping[str, Any]]:
    """The `{value, role, ...}` objects of a 2.x/3.x array, rejecting anything else."""
    value = obj[key]
    if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
        raise invalid(key, f"is {json_type(value)} ({shown(value)})", "send an array of objects")
    for index, item in enumerate(value):
        if item.get("value") is not None and not isinstance(item["value"], str):
            raise invalid(
                f"{key}[{index}].value",
                f"is {json_type(item['value'])}",
                "send the text as a string",
            )
    return [item for item in value if isinstance(item.get("value"), str)]


def _role(entry: Mapping[str, Any]) -> str:
    role = entry.get("role")
    return role.strip().casefold() if isinstance(role, str) else ""


def _content_type(entry: Mapping[str, Any]) -> str:
    _, value = _first_present(entry, "contenttype", "contentType")
    return value.casefold() if isinstance(value, str) else ""


def _pick_main(entries: list[Mapping[str, Any]]) -> Mapping[str, Any] | None:
    """The entry whose role is main (or unset), else the first; plain text over HTML."""
    main = [entry for entry in entries if _role(entry) in _MAIN_ROLES] or entries
    plain = [entry for entry in main if "html" not in _content_type(entry)]
    return (plain or main or [None])[0]


def _headline(obj: Mapping[str, Any]) -> str | None:
    headline = optional_str(obj, "headline")
    if headline is None and obj.get("headlines") is not None:
        entry = _pick_main(_entries(obj, "headlines"))
        headline = entry["value"] if entry is not None else None
    return decode_markup(headline) if headline else None


def _body(obj: Mapping[str, Any]) -> tuple[str, str]:
    """The body as plain text and the field it came from. Plain text is preferred over HTML."""
    text = optional_str(obj, "body_text")
    if text is not None:
        return decode_markup(text), "body_text"
    for key in ("body_html", "body_xhtml"):
        markup = optional_str(obj, key)
        if markup is not None:
            return html_to_text(markup), key
    if obj.get("bodies") is not None:
        entry = _pick_main(_entries(obj, "bodies"))
        if entry is not None:
            value: str = entry["value"]
            if "html" in _content_type(entry):
                return html_to_text(value), "bodies"
            return decode_markup(value), "bodies"
    return "", "body_text"


def _caption(obj: Mapping[str, Any]) -> str | None:
    """A 2.x/3.x description whose role is a caption (a summary or abstract is not one)."""
    if not isinstance(obj.get("descriptions"), list):
        return None
    for entry in _entries(obj, "descriptions"):
        if "caption" in _role(entry):
            return decode_markup(entry["value"])
    return None


def _name_of(value: Any) -> str | None:
    """A party's name: ninjs gives a plain string (1.x/2.x) or an object with `name` (3.x)."""
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, dict):
        for key in ("name", "literal"):
            name = value.get(key)
            if isinstance(name, str) and name.strip():
                return name.strip()
    return None


def _source(obj: Mapping[str, Any]) -> str | None:
    """The agency: an info source (the originating one first), else the copyright holder."""
    _, sources = _first_present(obj, "infosources", "infoSources", "infosource", "infoSource")
    if isinstance(sources, dict | str):
        sources = [sources]
    if isinstance(sources, list):
        ranked = sorted(
            sources,
            key=lambda item: 0 if isinstance(item, dict) and "origin" in _role(item) else 1,
        )
        for item in ranked:
            name = _name_of(item)
            if name:
                return name
    _, holder = _first_present(obj, "copyrightholder", "copyrightHolder")
    return _name_of(holder)


def _retracted(obj: Mapping[str, Any]) -> bool:
    key, status = _first_present(obj, "pubstatus", "pubStatus")
    if status is None:
        return False
    if not isinstance(status, str):
        raise invalid(
            key, f"is {json_type(status)} ({shown(status)})", "send usable, withheld or canceled"
        )
    # 1.x examples use the bare word; some feeds send the IPTC qcode `stat:canceled`.
    return status.strip().casefold().removeprefix("stat:") in _RETRACTED_STATUSES


def read_ninjs(obj: dict[str, Any]) -> Draft:
    """Map a ninjs document (any version) onto a Draft."""
    body, body_field = _body(obj)
    time_key, created = _first_present(
        obj, "versioncreated", "versionCreated", "firstcreated", "firstCreated"
    )
    return Draft(
        format="ninjs",
        body=body,
        body_field=body_field,
        headline=_headline(obj),
        caption=_caption(obj),
        article_id=optional_id(obj, "uri"),
        source=_source(obj),
        url=optional_str(obj, "url"),
        published_at=parse_timestamp(created, time_key),
        language=optional_str(obj, "language"),
        version=parse_version(obj.get("version"), "version"),
        retracted=_retracted(obj),
    )
