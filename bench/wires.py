"""Synthetic ~3 KB wires for benchmarks: realistic length and vocabulary, unique content.

Written for Wirewatch; each wire mixes filler paragraphs with a few sentences that the
coder should pick up, so the benchmark exercises the careful rules, not just the scan.
"""

from __future__ import annotations

import json
import random

CITIES = ["Kharkiv", "Odesa", "Dnipro", "Belgorod", "Kursk", "Khartoum", "Aden", "Sanaa",
          "Goma", "Mandalay", "Tripoli", "Mosul", "Kabul", "Gaza City", "Beirut", "Idlib"]
AGENCIES = ["Reuters", "AP", "AFP", "dpa", "Anadolu"]
EVENT_SENTENCES = [
    "Missiles struck a power plant near {city} overnight, cutting electricity to {n},000 homes.",
    "At least {k} people were killed and {w} wounded when shells hit a market in {city}.",
    "The government rejected a proposal for a {d}-day ceasefire, officials in {city} said.",
    "Drones attacked an air base outside {city}, damaging {a} combat aircraft, the army said.",
    "Talks in {city} collapsed after one delegation walked out on {day}.",
    "A bridge on the main road into {city} was blown up on {day}, officials said.",
    "Both sides accused each other of violating the truce around {city} on {day}.",
]
FILLER = [
    "Officials gave no further details and said an investigation was under way.",
    "The regional administration said emergency crews were working through the night.",
    "Residents described long queues for water and fuel as the situation remained tense.",
    "Analysts said the coming weeks would show whether diplomatic efforts could make headway.",
    "The ministry published a statement on its website but did not take questions.",
    "Aid groups said access to the area had been difficult for several days.",
    "Local media reported that schools in the district would stay closed until further notice.",
    "A spokesperson for the mission said monitors had asked for safe passage to the site.",
    "Prices for bread and cooking oil have risen sharply in the city since the spring.",
    "The opposition called for an emergency session of parliament later in the week.",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def make_wire(i: int, rng: random.Random, *, target_bytes: int = 3000) -> str:
    city = rng.choice(CITIES)
    fill = dict(city=city, n=rng.randint(5, 90), k=rng.randint(2, 40), w=rng.randint(5, 90),
                d=rng.choice([3, 10, 30]), a=rng.randint(2, 12), day=rng.choice(DAYS))
    parts = [f"{city.upper()} ({rng.choice(AGENCIES)}) - "]
    sentences = [s.format(**fill) for s in rng.sample(EVENT_SENTENCES, 2)]
    while sum(len(s) for s in sentences) < target_bytes - 120:
        sentences.append(rng.choice(FILLER))
    rng.shuffle(sentences[1:])
    parts.append(" ".join(sentences[:3]))
    for start in range(3, len(sentences), 3):
        parts.append("\n" + " ".join(sentences[start:start + 3]))
    parts.append(f"\n(Reporting ref. {i:07d}; editing by the desk)")
    return "".join(parts)


def make_messages(n: int, *, seed: int = 7) -> list[bytes]:
    """`n` distinct wires as JSON messages, so exact-duplicate detection lets all through."""
    rng = random.Random(seed)
    out = []
    for i in range(n):
        doc = {"id": f"bench-{seed}-{i}", "headline": f"Wire {i}", "body": make_wire(i, rng),
               "source": "bench", "published_at": "2025-06-04T12:00:00Z"}
        out.append(json.dumps(doc).encode())
    return out
