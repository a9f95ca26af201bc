"""Event dates written relative to the wire ("on May 31", "overnight", "on Tuesday"),
resolved against its publication date (or the time it was received)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from datetime import date, timedelta
from typing import NamedTuple

_MONTHS = {
    name: index
    for index, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sept", "sep"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTH = (  # capitalized only, so the modal "may 10" is never a date
    r"(?-i:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
# "eight days ago", "two years ago": a day counted back from the wire's
_AGO = {word: n for n, word in enumerate(
    ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
     "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
     "nineteen", "twenty"), start=2)}
_AGO_NUMBERS = "|".join(sorted(_AGO, key=len, reverse=True))
# "two years ago", "a month ago": the unit's days, a month and a year as their usual lengths
# (only how far back matters: an act that long ago is history)
_AGO_UNIT = {"day": 1, "week": 7, "month": 30, "year": 365, "decade": 3652}
_DATE_RE = re.compile(
    rf"\b(?:(?P<iso>(?P<iy>\d{{4}})-(?P<im>\d{{2}})-(?P<id>\d{{2}}))"
    rf"|(?P<md>(?P<m1>{_MONTH})\s+(?P<d1>\d{{1}}|[0-2]\d|3[01])(?:st|nd|rd|th)?(?!\d)(?:,?\s+(?P<y1>(?:19|20)\d\d))?)"
    rf"|(?P<dm>(?P<d2>\d{{1}}|[0-2]\d|3[01])(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>{_MONTH})(?:,?\s+(?P<y2>(?:19|20)\d\d))?)"
    rf"|(?P<wd>(?:(?P<last>last)\s+)?(?P<day>monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?:\s+(?:night|morning|evening|afternoon))?)"
    rf"|(?P<ago>(?P<n>\d{{1,2}}|{_AGO_NUMBERS}|an?)\s+(?P<unit>days?|weeks?|months?|years?|decades?)\s+ago)"
    rf"|(?P<rel>overnight|yesterday|today|tonight|last\s+night|this\s+morning|earlier\s+today|early\s+hours))\b",
    re.IGNORECASE,
)


def _matches(
    text: str, start: int, end: int, hints: Iterable[int] | None
) -> Iterator[re.Match[str]]:
    if hints is None:
        yield from _DATE_RE.finditer(text, start, end)
        return
    done = start
    for hint in hints:
        if hint < done:
            continue
        match = _DATE_RE.search(text, max(done, hint - 12), min(end, hint + 24))
        if match is not None:
            done = match.end()
            yield match


class DateMention(NamedTuple):
    """A resolved date phrase at [start, end) of its field; `explicit` if a calendar date."""

    start: int
    end: int
    value: date
    text: str
    explicit: bool


def _calendar(year: int | None, month: int, day: int, ref: date) -> date | None:
    try:
        value = date(year or ref.year, month, day)
    except ValueError:
        return None
    if year is None and value > ref + timedelta(days=7):
        value = value.replace(year=ref.year - 1)
    return value


def _relative(match: re.Match[str], ref: date) -> date | None:
    if match.group("day"):
        weekday = _WEEKDAYS.index(match.group("day").lower())
        back = (ref.weekday() - weekday) % 7
        if match.group("last") and back == 0:
            back = 7
        return ref - timedelta(days=back)
    phrase = " ".join(match.group("rel").lower().split())
    if phrase in {"yesterday", "last night"}:
        return ref - timedelta(days=1)
    return ref  # overnight, today, tonight, this morning: the night or day of the wire


def find_dates(
    text: str, start: int, end: int, ref: date, hints: Iterable[int] | None = None
) -> list[DateMention]:
    """Date phrases in text[start:end] resolved against the wire's date `ref`.

    With `hints` (offsets of month, weekday and relative-day words from the scan) the regex
    only runs in small windows around them: on a slow core that is most of the saving."""
    found: list[DateMention] = []
    for match in _matches(text, start, end, hints):
        explicit = True
        if match.group("iso"):
            value = _calendar(int(match["iy"]), int(match["im"]), int(match["id"]), ref)
        elif match.group("md"):
            year = int(match["y1"]) if match["y1"] else None
            value = _calendar(year, _MONTHS[match["m1"].lower().rstrip(".")], int(match["d1"]), ref)
        elif match.group("dm"):
            year = int(match["y2"]) if match["y2"] else None
            value = _calendar(year, _MONTHS[match["m2"].lower().rstrip(".")], int(match["d2"]), ref)
        elif match.group("ago"):
            count = match["n"].lower()
            number = int(count) if count.isdigit() else _AGO.get(count, 1)  # "a year ago"
            value = ref - timedelta(days=number * _AGO_UNIT[match["unit"].lower().rstrip("s")])
        else:
            explicit = False
            value = _relative(match, ref)
        if value is not None:
            found.append(DateMention(match.start(), match.end(), value, match.group(0), explicit))
    return found


class LanguageDates:
    """Date phrases in a language's own words: "31 мая", "4 червня 2025", "в субботу",
    "вчера", from its lexicon's `months`, `weekdays` (Monday 0) and `relative_days` (days
    back: вчера 1, сегодня 0), resolved like English ones against the wire's date."""

    def __init__(self, months: dict[str, int], weekdays: dict[str, int],
                 relative: dict[str, int]) -> None:
        self._months = months
        self._weekdays = weekdays
        self._relative = relative

        def alts(words: Iterable[str]) -> str:
            ordered = sorted(words, key=len, reverse=True)
            return "|".join(r"\s+".join(map(re.escape, w.split())) for w in ordered) or "(?!)"

        self._re = re.compile(
            rf"(?<!\w)(?:(?P<dm>(?P<d>[0-2]?\d|3[01])\s+(?P<m>{alts(months)})"
            rf"(?:\s+(?P<y>(?:19|20)\d\d))?)"
            rf"|(?P<wd>{alts(weekdays)})|(?P<rel>{alts(relative)}))(?!\w)",
            re.IGNORECASE,
        )

    def _matches(self, text: str, start: int, end: int,
                 hints: Iterable[int] | None) -> Iterator[re.Match[str]]:
        if hints is None:
            yield from self._re.finditer(text, start, end)
            return
        done = start
        for hint in hints:
            if hint < done:
                continue
            match = self._re.search(text, max(done, hint - 12), min(end, hint + 24))
            if match is not None:
                done = match.end()
                yield match

    def find(self, text: str, start: int, end: int, ref: date,
             hints: Iterable[int] | None = None) -> list[DateMention]:
        """`find_dates` for the language (hints: offsets of its date words from the scan)."""
        found: list[DateMention] = []
        for match in self._matches(text, start, end, hints):
            value: date | None
            if match.group("dm"):
                year = int(match["y"]) if match["y"] else None
                value = _calendar(year, self._months[_key(match["m"])], int(match["d"]), ref)
                explicit = True
            elif match.group("wd"):
                back = (ref.weekday() - self._weekdays[_key(match["wd"])]) % 7
                value, explicit = ref - timedelta(days=back), False
            else:
                value = ref - timedelta(days=self._relative[_key(match["rel"])])
                explicit = False
            if value is not None:
                found.append(DateMention(match.start(), match.end(), value, match.group(0),
                                         explicit))
        return found


def _key(words: str) -> str:
    return " ".join(words.lower().replace("ё", "е").split())
