"""Long texts for the coder's cost bound: a conflict text with no full stop at all (one
giant "sentence"), and an ordinary long wire (a live blog of many short reports).

Written for Wirewatch. Both are seeded: the same size and seed give the same text, so a
timing at two sizes compares like with like. The unpunctuated text packs the cues the rules
pair up (attacks, assets, negations, truces, talks, tolls, actors, places, numbers) densely,
which is what made the coder super-linear on it.
"""

from __future__ import annotations

import json
import random

from bench.wires import make_wire

_PARTIES = ["Russian forces", "Ukrainian troops", "the Sudanese army", "the RSF", "Hamas",
            "Israeli jets", "Hezbollah", "the Houthis", "Kyiv", "Moscow", "the junta",
            "Ethiopian troops", "al-Shabaab fighters", "the Arakan Army", "Israel", "Iran"]
_PLACES = ["Kharkiv", "Odesa", "Khartoum", "Gaza", "Aden", "Goma", "Mandalay", "Sumy",
           "Kherson", "El Fasher", "Marib", "Gao", "Beirut", "Idlib", "Tigray", "Sittwe"]
_ASSETS = ["a power plant", "the bridge", "an air base", "the refinery", "a substation",
           "the dam", "a fuel depot", "the port", "a warship", "an ammunition depot",
           "the water station", "a command centre", "the railway station", "the airport"]
_DAYS = ["on Monday", "on Tuesday", "overnight", "at dawn", "on Friday", "late on Sunday",
         "early on Thursday", "this morning", "in March", "in 2019", "last week"]
_WEEKDAYS = ["Monday", "Tuesday", "Wednesday"]
_CLAUSES = [
    "{party} struck {asset} near {place} {day} killing {k} people and wounding {w}",
    "drones attacked {asset} outside {place} {day}",
    "{party} did not attack {asset} in {place} officials said",
    "{party} denied that any strike on {asset} took place",
    "{asset} was not damaged according to {party}",
    "{party} rejected a {d}-day ceasefire proposed by {party2}",
    "{party} would not agree to any truce with {party2}",
    "the ceasefire around {place} was violated {day} by {party}",
    "{party} accused {party2} of breaking the truce",
    "talks in {place} stalled after {party} walked out {day}",
    "{party} and {party2} held talks in {place} {day}",
    "a strike on {asset} could trigger a disaster {party} warned",
    "at least {k} civilians were killed and {w} injured in shelling of {place}",
    "{party} said it had destroyed {asset} and {a} tanks",
    "missiles hit {asset} in {place} {day} knocking out power to {n},000 homes",
    "{party} called the bombing of {asset} a terrorist act",
    "{party} vowed to keep targeting warships if the blockade continued",
    "residents fled across the bridge as artillery shelled {place}",
    "the death toll from the air strikes on {place} rose to {k}",
    "{party} proposed a pause in fighting that {party2} ignored",
    "no damage was reported at {asset} after the blast",
    "{party} downed {a} drones over {place} {day}",
]
# what joins two clauses: no full stop, ever; mostly no punctuation at all
_JOINS = [" and ", " and ", " while ", " as ", " after ", " but ", ", ", " then ", " ",
          " even though ", " whereas ", "; "]


def _clauses(rng: random.Random, count: int) -> list[str]:
    clauses = []
    for _ in range(count):
        party, party2 = rng.sample(_PARTIES, 2)
        clauses.append(rng.choice(_CLAUSES).format(
            party=party, party2=party2, asset=rng.choice(_ASSETS), place=rng.choice(_PLACES),
            day=rng.choice(_DAYS), k=rng.randint(2, 90), w=rng.randint(3, 200),
            d=rng.choice([3, 10, 30]), a=rng.randint(2, 12), n=rng.randint(5, 90)))
    return clauses


def unpunctuated_conflict(size: int, *, seed: int = 11) -> str:
    """About `size` characters of conflict reporting with no sentence end anywhere."""
    rng = random.Random(seed)
    parts: list[str] = []
    total = 0
    while total < size:
        clause = _clauses(rng, 1)[0]
        join = rng.choice(_JOINS) if parts else ""
        parts.append(join + clause)
        total += len(join) + len(clause)
    text = "".join(parts)
    return text[0].upper() + text[1:]


def long_wire(size: int, *, seed: int = 13) -> str:
    """About `size` characters of an ordinary wire, like a day-long live blog: paragraphs of
    full sentences, each a few event reports (the clauses above, one per sentence) and the
    background sentences of the bench wires, so events keep coming all the way down."""
    rng = random.Random(seed)
    paragraphs: list[str] = []
    total = 0
    i = 0
    while total < size:
        events = _clauses(rng, rng.randint(1, 3))
        background = make_wire(i, rng, target_bytes=400).split(" - ", 1)[1].split("\n")
        sentences = [c[0].upper() + c[1:] + "." for c in events] + background
        paragraph = " ".join(sentences)
        paragraphs.append(paragraph)
        total += len(paragraph) + 1
        i += 1
    return "KHARKIV (Reuters) - " + "\n".join(paragraphs)


def message(body: str, *, name: str = "long") -> bytes:
    """`body` as a project-JSON message, as the bench and the tests feed the coder."""
    return json.dumps({"id": name, "headline": "Fighting continues", "body": body,
                       "source": "bench", "published_at": "2025-06-04T12:00:00Z"}).encode()


def split_tolls(size: int, *, seed: int = 17) -> str:
    """About `size` characters of one incident's tolls told group by group, a paragraph a
    pair, as a day's roundup of raids on one district reads: every attackers' toll is a
    candidate for every victims' toll above it, the pairing the coder must index."""
    rng = random.Random(seed)
    paragraphs: list[str] = []
    total = 0
    while total < size:
        paragraph = (
            f"Seven soldiers were killed when gunmen raided a checkpoint near Tarmiyah on "
            f"{rng.choice(_WEEKDAYS)}, the army said. Three attackers were also killed in the "
            f"firefight, it said.")
        paragraphs.append(paragraph)
        total += len(paragraph) + 1
    return "BAGHDAD (Reuters) - " + "\n".join(paragraphs)
