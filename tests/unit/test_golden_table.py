"""The golden sentence table is well formed: ids, types, CAMEO codes, actor codes, figures.

The table (tests/fixtures/golden/) is a specification written blind to the coder; this test
only checks its form against the contract, so that a typo in the table never reads as a coder
error. It does not run the coder.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
TABLE = ROOT / "tests" / "fixtures" / "golden" / "sentences.yaml"
CAMEO_TSV = ROOT / "streams" / "classify" / "data" / "cameo_eventcodes.tsv"

# The contract's event taxonomy with the CAMEO codes it lists per type (CONTRACT.md, "Event
# taxonomy"). casualties.reported takes "the violent act's code": any code of the CAMEO
# ASSAULT (18) and FIGHT (19) families, checked separately below.
ALLOWED_CODES: dict[str, frozenset[str]] = {
    "ceasefire.rejected": frozenset({"125", "1246", "127"}),
    "ceasefire.proposed": frozenset({"0356", "107", "0256"}),
    "ceasefire.agreed": frozenset({"0871"}),
    "ceasefire.violated": frozenset({"196"}),
    "negotiation.held": frozenset({"046", "036"}),
    "negotiation.stalled": frozenset({"164"}),
    "attack.infrastructure": frozenset({"183", "195", "194", "190", "1712"}),
    "attack.aerial": frozenset({"195"}),
    "attack.military_target": frozenset({"195", "190"}),
    "casualties.reported": frozenset(),
    "accusation.terrorism": frozenset({"112"}),
    "threat.military": frozenset({"138"}),
}
EVENT_TYPES = frozenset(ALLOWED_CODES)
VIOLENT_ROOTS = ("18", "19")

# ISO 3166-1 alpha-3 codes the table uses. A new country goes here with its name, which
# catches old CAMEO spellings and typos ("SUD" for Sudan, "DRC" for Congo).
COUNTRIES: dict[str, str] = {
    "AFG": "Afghanistan",
    "ARM": "Armenia",
    "AZE": "Azerbaijan",
    "BFA": "Burkina Faso",
    "CHN": "China",
    "COD": "DR Congo",
    "COL": "Colombia",
    "DZA": "Algeria",
    "EGY": "Egypt",
    "ERI": "Eritrea",
    "ETH": "Ethiopia",
    "FIN": "Finland",
    "FRA": "France",
    "GBR": "United Kingdom",
    "HTI": "Haiti",
    "IND": "India",
    "IRN": "Iran",
    "IRQ": "Iraq",
    "ISR": "Israel",
    "KHM": "Cambodia",
    "KOR": "South Korea",
    "LBN": "Lebanon",
    "LTU": "Lithuania",
    "MEX": "Mexico",
    "MLI": "Mali",
    "MMR": "Myanmar",
    "NGA": "Nigeria",
    "NOR": "Norway",
    "PAK": "Pakistan",
    "POL": "Poland",
    "PRK": "North Korea",
    "PSE": "Palestine",
    "QAT": "Qatar",
    "RUS": "Russia",
    "SAU": "Saudi Arabia",
    "SDN": "Sudan",
    "SOM": "Somalia",
    "SYR": "Syria",
    "THA": "Thailand",
    "TUR": "Turkey",
    "TWN": "Taiwan",
    "UKR": "Ukraine",
    "USA": "United States",
    "VAT": "Holy See",
    "YEM": "Yemen",
}
INTERNATIONAL = frozenset({"UNO", "NATO", "EUR"})
ACTOR_PATTERN = re.compile(r"^[A-Z]{3}([A-Z]{3})?$")
ROLES = frozenset({"GOV", "MIL", "REB", "SPY"})

ENTRY_KEYS = frozenset({"id", "text", "published_at", "expect", "note"})
REQUIRED_ENTRY_KEYS = frozenset({"id", "text", "expect", "note"})
EVENT_KEYS = frozenset({"type", "cameo_code", "actor", "target"})
FIGURE_KEYS = frozenset({"killed", "wounded"})
ID_PATTERN = re.compile(r"^(?P<family>[a-z]+)-(?P<number>\d{3})$")
FAMILIES = frozenset(
    [
        "rej",
        "prop",
        "agr",
        "viol",
        "talk",
        "stall",
        "infra",
        "air",
        "mil",
        "cas",
        "terr",
        "thr",
        "mix",
    ]
)
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")


def load_cameo_codes() -> frozenset[str]:
    """The codes of the project's copy of the CAMEO table, read as plain data."""
    with CAMEO_TSV.open(encoding="utf-8", newline="") as handle:
        return frozenset(row["cameo_code"] for row in csv.DictReader(handle, delimiter="\t"))


CAMEO_CODES = load_cameo_codes()


def actor_problem(code: Any) -> str | None:
    """Why an actor or target code breaks the scheme, or None when it follows it."""
    if code is None or code in INTERNATIONAL:
        return None
    if not isinstance(code, str) or not ACTOR_PATTERN.match(code):
        return f"actor code {code!r} does not match the scheme"
    if code[:3] not in COUNTRIES:
        return f"actor code {code!r}: {code[:3]} is not a known ISO 3166 alpha-3 country"
    if len(code) == 6 and code[3:] not in ROLES:
        return f"actor code {code!r}: role {code[3:]} is not one of {sorted(ROLES)}"
    return None


def code_allowed(event_type: str, code: str) -> bool:
    """Whether the contract allows this CAMEO code for this event type."""
    if event_type == "casualties.reported":
        return code.startswith(VIOLENT_ROOTS)
    return code in ALLOWED_CODES[event_type]


def event_problems(event: Any) -> list[str]:
    """Everything wrong with one expected event."""
    if not isinstance(event, dict):
        return [f"event {event!r} is not a mapping"]
    problems = []
    keys = set(event)
    if missing := EVENT_KEYS - keys:
        problems.append(f"event misses {sorted(missing)}")
    if unknown := keys - EVENT_KEYS - FIGURE_KEYS:
        problems.append(f"event has unknown keys {sorted(unknown)}")
    event_type = event.get("type")
    code = event.get("cameo_code")
    if event_type not in EVENT_TYPES:
        problems.append(f"unknown event type {event_type!r}")
    if not isinstance(code, str):
        problems.append(f"cameo_code {code!r} must be a quoted string (leading zeros matter)")
    elif code not in CAMEO_CODES:
        problems.append(f"cameo_code {code} is not in the CAMEO table")
    elif event_type in EVENT_TYPES and not code_allowed(event_type, code):
        problems.append(f"cameo_code {code} is not allowed for {event_type} by the contract")
    for role in ("actor", "target"):
        if problem := actor_problem(event.get(role)):
            problems.append(f"{role}: {problem}")
    if event.get("actor") is not None and event.get("actor") == event.get("target"):
        problems.append(f"actor and target are both {event['actor']}")
    figures = {key: event[key] for key in FIGURE_KEYS & keys}
    if event_type == "casualties.reported":
        if not figures:
            problems.append("casualties.reported needs killed and/or wounded")
        if figures and not any(isinstance(v, int) and v > 0 for v in figures.values()):
            problems.append("casualties.reported needs a positive figure")
    elif figures:
        problems.append(f"only casualties.reported carries figures, not {event_type}")
    for key, value in figures.items():
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            problems.append(f"{key} must be a non-negative integer, got {value!r}")
    return problems


def entry_problems(entry: Any) -> list[str]:
    """Everything wrong with one table entry (ids are checked for uniqueness separately)."""
    if not isinstance(entry, dict):
        return [f"entry {entry!r} is not a mapping"]
    problems = []
    keys = set(entry)
    if missing := REQUIRED_ENTRY_KEYS - keys:
        problems.append(f"entry misses {sorted(missing)}")
    if unknown := keys - ENTRY_KEYS:
        problems.append(f"entry has unknown keys {sorted(unknown)}")
    match = ID_PATTERN.match(str(entry.get("id", "")))
    if not match:
        problems.append(f"id {entry.get('id')!r} is not family-NNN")
    elif match["family"] not in FAMILIES:
        problems.append(f"id {entry['id']}: unknown family {match['family']}")
    text = entry.get("text")
    if not isinstance(text, str) or len(text.strip()) < 20 or text != text.strip():
        problems.append("text must be a stripped sentence of some length")
    if "published_at" in entry:
        stamp = entry["published_at"]
        if not isinstance(stamp, str) or not RFC3339.match(stamp):
            problems.append(f"published_at {stamp!r} is not RFC 3339 with a zone")
        else:
            datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    if not isinstance(entry.get("note"), str):
        problems.append("note must be a string (may be empty)")
    expect = entry.get("expect")
    if not isinstance(expect, list):
        return [*problems, "expect must be a list ([] for a trap)"]
    for event in expect:
        problems.extend(event_problems(event))
    tuples = [
        (e.get("type"), e.get("cameo_code"), e.get("actor"), e.get("target"))
        for e in expect
        if isinstance(e, dict)
    ]
    if len(tuples) != len(set(tuples)):
        problems.append("expect lists the same (type, code, actor, target) twice: it is a set")
    return problems


TABLE_ENTRIES: list[dict[str, Any]] = yaml.safe_load(TABLE.read_text(encoding="utf-8"))


def test_the_table_is_a_list_of_at_least_320_entries():
    assert isinstance(TABLE_ENTRIES, list)
    assert len(TABLE_ENTRIES) >= 320


def test_ids_and_texts_are_unique():
    ids = Counter(entry.get("id") for entry in TABLE_ENTRIES)
    texts = Counter(entry.get("text") for entry in TABLE_ENTRIES)
    assert [i for i, n in ids.items() if n > 1] == []
    assert [t for t, n in texts.items() if n > 1] == []


def test_every_entry_is_well_formed():
    problems = {
        entry.get("id", f"#{index}"): found
        for index, entry in enumerate(TABLE_ENTRIES)
        if (found := entry_problems(entry))
    }
    assert problems == {}


def test_every_type_is_covered_and_traps_are_about_forty_percent():
    per_type = Counter(event["type"] for entry in TABLE_ENTRIES for event in entry["expect"])
    assert {t: per_type[t] for t in EVENT_TYPES if per_type[t] < 12} == {}
    traps = sum(1 for entry in TABLE_ENTRIES if entry["expect"] == [])
    assert 0.35 <= traps / len(TABLE_ENTRIES) <= 0.45


def test_every_family_has_positives_and_traps():
    families: dict[str, Counter[bool]] = {}
    for entry in TABLE_ENTRIES:
        family = entry["id"].split("-")[0]
        families.setdefault(family, Counter())[entry["expect"] == []] += 1
    assert set(families) == FAMILIES
    assert {f: dict(c) for f, c in families.items() if c[True] < 8 or c[False] < 8} == {}


GOOD_EVENT = {"type": "attack.aerial", "cameo_code": "195", "actor": "RUSMIL", "target": "UKR"}


@pytest.mark.parametrize(
    ("change", "fragment"),
    [
        ({"type": "attack.naval"}, "unknown event type"),
        ({"cameo_code": "1950"}, "not in the CAMEO table"),
        ({"cameo_code": "194"}, "not allowed for attack.aerial"),
        ({"cameo_code": 195}, "quoted string"),
        ({"actor": "SUDMIL"}, "not a known ISO"),
        ({"actor": "RUSARMY"}, "does not match"),
        ({"actor": "RUSCOP"}, "role COP"),
        ({"target": "RUSMIL"}, "actor and target"),
        ({"killed": 3}, "only casualties.reported"),
        ({"type": "casualties.reported"}, "needs killed"),
        ({"type": "casualties.reported", "killed": 0}, "positive figure"),
        ({"type": "casualties.reported", "cameo_code": "112", "killed": 2}, "not allowed"),
        ({"type": "casualties.reported", "killed": -1, "wounded": 2}, "non-negative"),
        ({"evidence": "x"}, "unknown keys"),
    ],
)
def test_the_checker_catches_broken_events(change: dict[str, Any], fragment: str):
    assert event_problems(GOOD_EVENT) == []
    found = event_problems({**GOOD_EVENT, **change})
    assert any(fragment in problem for problem in found), found


def test_the_checker_accepts_casualties_with_any_violent_code_and_international_actors():
    casualty = {**GOOD_EVENT, "type": "casualties.reported", "cameo_code": "1823", "wounded": 4}
    assert event_problems(casualty) == []
    assert (
        event_problems(
            {
                **GOOD_EVENT,
                "type": "ceasefire.proposed",
                "cameo_code": "107",
                "actor": "UNO",
                "target": None,
            }
        )
        == []
    )


GOOD_ENTRY = {"id": "rej-001", "text": "A sentence long enough here.", "expect": [], "note": ""}


@pytest.mark.parametrize(
    ("change", "fragment"),
    [
        ({"id": "rej-1"}, "family-NNN"),
        ({"id": "foo-001"}, "unknown family"),
        ({"expect": None}, "expect must"),
        ({"published_at": "2025-03-04 10:00"}, "RFC 3339"),
        ({"expect": [GOOD_EVENT, GOOD_EVENT]}, "twice"),
        ({"expect": [{**GOOD_EVENT, "actor": "SUD"}]}, "not a known ISO"),
        ({"text": " padded sentence that is long enough "}, "stripped"),
        ({"source": "AFP"}, "unknown keys"),
    ],
)
def test_the_checker_catches_broken_entries(change: dict[str, Any], fragment: str):
    assert entry_problems(GOOD_ENTRY) == []
    found = entry_problems({**GOOD_ENTRY, **change})
    assert any(fragment in problem for problem in found), found


def test_the_checker_catches_a_missing_note():
    entry = {key: value for key, value in GOOD_ENTRY.items() if key != "note"}
    assert any("misses" in problem for problem in entry_problems(entry))
