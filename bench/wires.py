"""Synthetic ~3 KB wires for benchmarks: realistic length and vocabulary, distinct stories.

Written for Wirewatch. Every sentence is drawn from templates with several random slots, so
two wires share few 3-word shingles and the near-duplicate stage lets them through as the
distinct stories they are; each wire carries two event sentences for the coder's careful
rules, the rest is the background a real wire carries.
"""

from __future__ import annotations

import json
import random

CITIES = ["Kharkiv", "Odesa", "Dnipro", "Belgorod", "Kursk", "Khartoum", "Aden", "Sanaa",
          "Goma", "Mandalay", "Tripoli", "Mosul", "Kabul", "Beirut", "Idlib", "Sumy",
          "Kherson", "Nyala", "Marib", "Bunia", "Sittwe", "Gao", "Kidal", "Raqqa"]
AGENCIES = ["Reuters", "AP", "AFP", "dpa", "Anadolu", "Kyodo", "EFE", "ANSA"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
EVENTS = [
    "Missiles struck a power plant near {city} {when}, cutting electricity to {n},000 homes.",
    "At least {k} people were killed and {w} wounded when shells hit a {place} in {city}.",
    "The government rejected a proposal for a {d}-day ceasefire, officials in {city} said.",
    "Drones attacked an air base outside {city}, damaging {a} combat aircraft, the army said.",
    "Talks in {city} collapsed after one delegation walked out on {day}.",
    "A bridge on the {road} road into {city} was blown up on {day}, officials said.",
    "Both sides accused each other of violating the truce around {city} on {day}.",
]
SLOTS = {
    "who": ["the regional governor", "a ministry spokeswoman", "the deputy mayor",
            "an aid worker", "a local council member", "the head of the hospital",
            "a police officer", "a school director", "the emergency service chief",
            "a resident", "a shopkeeper", "a UN coordinator"],
    "verb": ["said", "told reporters", "wrote on social media", "told a local broadcaster",
             "said in a statement", "explained", "added", "noted"],
    "thing": ["fuel deliveries", "bread prices", "the night curfew", "school timetables",
              "water rationing", "bus routes", "mobile coverage", "pension payments",
              "heating points", "market hours", "grain exports", "tram services"],
    "state": ["resumed", "were delayed", "were suspended", "had doubled", "fell sharply",
              "were cut back", "returned to normal", "were under review"],
    "area": ["the northern district", "the old town", "the river port", "the industrial zone",
             "the eastern suburbs", "the university quarter", "the central market",
             "the railway junction", "the airport road", "the southern villages"],
    "period": ["this week", "since the spring", "for several days", "until further notice",
               "after the weekend", "over the past month", "since Tuesday", "for now"],
    "group": ["volunteers", "engineers", "medics", "teachers", "farmers", "drivers",
              "students", "pensioners", "journalists", "miners"],
    "act": ["queued for hours", "gathered outside the town hall", "cleared debris",
            "handed out blankets", "repaired windows", "set up field kitchens",
            "staged a silent protest", "waited for buses"],
}
FILLER = [
    "{who} {verb} that {thing} {state} in {area} {period}.",
    "In {area}, {group} {act} as {thing} {state}.",
    "{who} {verb} {group} in {area} had {act} {period}.",
    "According to {who}, {thing} {state} {period}, while {group} {act}.",
    "{group} from {area} {act}; {who} {verb} {thing} {state}.",
]


def _fill(template: str, rng: random.Random, base: dict[str, object]) -> str:
    values = {key: rng.choice(pool) for key, pool in SLOTS.items()}
    values.update(base)
    text = template.format(**values)
    return text[0].upper() + text[1:]


def make_wire(i: int, rng: random.Random, *, target_bytes: int = 3000) -> str:
    city = rng.choice(CITIES)
    base = dict(city=city, n=rng.randint(5, 90), k=rng.randint(2, 40), w=rng.randint(5, 90),
                d=rng.choice([3, 10, 30]), a=rng.randint(2, 12), day=rng.choice(DAYS),
                when=rng.choice(["overnight", "early on " + rng.choice(DAYS), "at dawn"]),
                place=rng.choice(["market", "bus station", "school", "clinic"]),
                road=rng.choice(["main", "northern", "coastal", "border"]))
    sentences = [_fill(s, rng, base) for s in rng.sample(EVENTS, 2)]
    while sum(len(s) + 1 for s in sentences) < target_bytes - 80:
        sentences.append(_fill(rng.choice(FILLER), rng, base))
    lead, rest = sentences[:2], sentences[2:]
    rng.shuffle(rest)
    ordered = [lead[0], *rest[:3], lead[1], *rest[3:]]
    paragraphs = [" ".join(ordered[j:j + 3]) for j in range(0, len(ordered), 3)]
    return f"{city.upper()} ({rng.choice(AGENCIES)}) - " + "\n".join(paragraphs) + \
        f"\n(Reporting ref. {i:07d})"


def make_messages(n: int, *, seed: int = 7,
                  published_at: str = "2025-06-04T12:00:00Z") -> list[bytes]:
    """`n` distinct wires as JSON messages, so neither duplicate check holds any back. One
    publication time for all: their alerts fold per kind, country pair and place."""
    rng = random.Random(seed)
    out = []
    for i in range(n):
        doc = {"id": f"bench-{seed}-{i}", "headline": f"Wire {i}", "body": make_wire(i, rng),
               "source": "bench", "published_at": published_at}
        out.append(json.dumps(doc).encode())
    return out
