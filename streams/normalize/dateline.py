"""Datelines: the `KYIV, June 3 (Reuters) -` or `(The Post News)-` that opens a wire story.

Split off so the body starts with the story's first sentence (offsets, leads, hashing) while the
place and the agency stay available: the agency is the article's `source` when none is given,
the city is where the story was filed.

The forms recognized, at the very start of the body, with any of `-`, `--`, `–`, `—`:

- `(Agency)-` / `(Agency) —`, and a city dateline after it: `(Desk)- CITY, June 3 -`
- `CITY (Agency) —`, `CITY, Region (Agency) -`, `CITY, June 3 (Agency) -`, and with an agency a
  colon for the dash: `QUETTA, Nov 18 (APP): ...`
- `CITY —`, `CITY, June 3 -` (no agency: the city must be in capitals)

A city without an agency is only taken when written in capitals and not a wire label such as
`BREAKING` or `UPDATE`, and followed by a capitalized sentence, so an ordinary sentence with a
dash is never cut.
"""

from __future__ import annotations

import re

from schemas.article import Dateline

# A hyphen only counts as the dateline's dash when a space follows (`KYIV-based` is a word);
# double hyphens and the typographic dashes count as they are.
_DASH = r"(?:--|[\u2010\u2011\u2012\u2013\u2014\u2015]|-(?=\s|$))"
_NOT_DASH_OR_PAREN = r"[^()\n\-\u2010-\u2015,]"
# A word of letters with inner apostrophes or periods (`O'HARE`, `ST.`), not starting with a digit.
_WORD = r"[^\W\d_][^\W_]*(?:['’.][^\W\d_]+)*\.?"
_CITY = rf"{_WORD}(?:[ \-/]{_WORD}){{0,4}}"
_AGENCY = r"\((?P<agency>[^()\n]{1,60})\)"

_AGENCY_ONLY = re.compile(rf"{_AGENCY}[ \t]*{_DASH}\s*")
_CITY_DATELINE = re.compile(
    rf"(?P<city>{_CITY})"
    rf"(?P<extra>(?:,[ \t]*{_NOT_DASH_OR_PAREN}{{1,30}}){{0,2}})"
    # after an agency, South Asian agencies' colon ends it too: `QUETTA, Nov 18 (APP): ...`
    rf"[ \t]*(?:{_AGENCY}[ \t]*(?:{_DASH}|:(?=\s))|{_DASH})\s*"
)

# Capitalized labels wire desks put before a dash that are not places.
_NOT_A_CITY = frozenset(
    {
        "ADVISORY", "ALERT", "ANALYSIS", "BREAKING", "BREAKING NEWS", "BULLETIN", "COMMENT",
        "CORRECTED", "CORRECTION", "EDITORIAL", "EXCLUSIVE", "EXPLAINER", "FACTBOX", "FEATURE",
        "FLASH", "INTERVIEW", "LEAD", "LIVE", "NEWSALERT", "OPINION", "PHOTOS", "REFILE",
        "REVIEW", "UPDATE", "UPDATED", "URGENT", "VIDEO", "WATCH", "WRAPUP",
    }
)  # fmt: skip
_MAX_AGENCY_WORDS = 6


def _plausible_agency(agency: str) -> bool:
    """An agency name is short, has letters and is capitalized (bar one-word names like `dpa`);
    `(2)` or an aside such as `(in Istanbul)` is not one."""
    words = agency.split()
    if not 0 < len(words) <= _MAX_AGENCY_WORDS or not any(ch.isalpha() for ch in agency):
        return False
    return len(words) == 1 or not agency[0].islower()


def _city_name(city: str) -> str:
    """The city as a name: the first of `KYIV/MOSCOW`, title-cased when written in capitals."""
    first = city.split("/", 1)[0].strip()
    return first.title() if first.isupper() else first


def split_dateline(body: str) -> tuple[Dateline | None, str]:
    """Split a leading dateline off `body`; return it (or None) and the rest of the body.

    `Dateline.text` is the dateline as it stood, without its dash and surrounding spaces.
    """
    if not body:
        return None, body
    if body[0] == "(":
        match = _AGENCY_ONLY.match(body)
        if match is None:
            return None, body
        agency = match.group("agency").strip()
        if not _plausible_agency(agency):
            return None, body
        text = f"({match.group('agency')})"
        rest = body[match.end() :]
        city_line, after = _city_dateline(rest, agency_allowed=False)
        if city_line is not None:
            # `(Kashmir Desk)- SRINAGAR, June 13 - One person ...`: a desk's credit, then the
            # city's dateline; the story starts after both
            return Dateline(text=body[: match.end() + len(city_line.text)].strip(),
                            city=city_line.city, agency=agency), after
        return Dateline(text=text, agency=agency), rest

    return _city_dateline(body)


def _city_dateline(body: str, *, agency_allowed: bool = True) -> tuple[Dateline | None, str]:
    """`CITY, June 3 (Agency) -` at the start of `body`, or (`agency_allowed` false, after a
    desk's credit) `CITY, June 3 -` only."""
    match = _CITY_DATELINE.match(body)
    if match is None or body[match.end() : match.end() + 1].islower():
        # The story after a dateline opens a sentence; a lower-case word means a mid-sentence dash.
        return None, body
    city = match.group("city")
    agency = match.group("agency")
    if agency is not None:
        agency = agency.strip()
        if not agency_allowed or not _plausible_agency(agency):
            return None, body
        # With an agency the city may be in title case (`Kyiv, June 3 (Reuters) -`).
        if not (city.isupper() or all(word[:1].isupper() for word in city.split())):
            return None, body
    elif not city.isupper() or city.rstrip(".") in _NOT_A_CITY:
        # Without an agency, only a place in capitals is a dateline.
        return None, body
    dash = re.search(rf"[ \t]*(?:{_DASH}|:)\s*$", match.group(0))
    text = match.group(0)[: dash.start()] if dash else match.group(0)
    return (
        Dateline(text=text.strip(), city=_city_name(city), agency=agency),
        body[match.end() :],
    )
