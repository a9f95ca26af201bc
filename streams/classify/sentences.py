"""Sentence spans of a field: one regex pass, with the abbreviations wires use."""

from __future__ import annotations

import re
from collections.abc import Iterable

# Candidate ends, the same matches as `[.!?]["”’')\]]*\s+|\n+` at every position that can
# end a sentence. Speed: a pattern that starts with one literal lets the regex engine skip
# ahead at C speed (a character class or `\n+` is several times slower), so full stops,
# `!`/`?` (only searched for when the text has one) and line breaks are found by separate
# patterns and merged. Whitespace is matched possessively and a gap with no line break must
# be followed by something that can open a sentence (not `[a-z]`, not end of text): the
# candidates the full check below would reject anyway never reach Python.
_GAP = (
    r"[\"”’')\]]*+(?:[^\S\n]*+\n\s*+|[^\S\n]++(?=[A-Z0-9\"'(\[]|[^\x00-\x7f]))"
)
_STOP = re.compile(r"\." + _GAP)
_MARK = re.compile(r"[.!?]" + _GAP)
_BREAK = re.compile(r"\n\n*")  # not `\n+`: a literal first is what makes the search fast
_OPENING = frozenset("\"“‘'([")
_LAST_WORD = re.compile(r"([\w.]+)\.$")
# a day written as an ordinal before its month ("am 28. März", German): no sentence end
_DAY = re.compile(r"(?<![\w.,])\d{1,2}$")
_NEXT_WORD = re.compile(r"\w+")


class Splitter:
    """Sentence splitting with a language's abbreviations (the lexicon's `abbreviations`)."""

    def __init__(
        self, abbreviations: Iterable[object], quotes_open: str = "", quotes_close: str = "",
        dateline: re.Pattern[str] | None = None, months: Iterable[object] = (),
        numerals: Iterable[object] = (),
    ) -> None:
        """`quotes_open`/`quotes_close`: a language's own quotation marks (« », „ “) that a
        sentence may end inside and start with, besides English's; `dateline`: the agency
        dateline a field may open with ("МОСКВА, 4 июня. /ТАСС/."), which is no sentence:
        the lede is the first sentence after it, and the city that files the wire is no
        actor or place of the lede's events. `months`: the language's month forms; a full
        stop after a day's one or two digits and before a month ("vom 28. März") ends no
        sentence. `numerals`: abbreviations that stand for "number" ("No. 10"), which end
        a sentence unless a digit follows ("Q: Will you accept it? A: No. We reject it.")."""
        self._numerals = frozenset(str(w) for w in numerals)
        self._dateline = dateline
        self._months = frozenset(str(m).lower() for m in months)
        self._abbrev = frozenset(str(w) for w in abbreviations)
        self._stop, self._mark, self._opening = _STOP, _MARK, _OPENING
        if quotes_open or quotes_close:
            gap = _GAP.replace("’')", "’')" + re.escape(quotes_close).replace("]", "\\]"), 1)
            self._stop = re.compile(r"\." + gap)
            self._mark = re.compile(r"[.!?]" + gap)
            self._opening = _OPENING | frozenset(quotes_open)
        # the last two characters of every abbreviation: a word ending otherwise (or in a
        # capital, "U.S.", "A.") cannot be one, and that is most full stops, so the regex
        # below rarely runs (a one-letter abbreviation in the data turns this shortcut off)
        self._ends = frozenset(w[-2:] for w in self._abbrev)
        self._shortcut = all(len(w) >= 2 for w in self._abbrev)

    def split(self, text: str) -> list[tuple[int, int]]:
        """[start, end) of each sentence, whitespace trimmed, never across a line break."""
        marks = [m.span() for m in
                 (self._mark if "!" in text or "?" in text else self._stop).finditer(text)]
        lines = "\n" in text
        opening, ends, shortcut = self._opening, self._ends, self._shortcut
        spans: list[tuple[int, int]] = []
        start = 0
        resume = 0  # where the last candidate end's match stopped
        if self._dateline is not None:
            dateline = self._dateline.match(text)
            if dateline is not None:
                start = resume = dateline.end()
        for stop, after in marks:
            if stop < resume:
                continue  # a full stop inside the dateline
            # the line breaks before this candidate end: a line break inside a candidate's
            # match (".\n") is that candidate's; one elsewhere ends a sentence where it is
            # (found between the matches, not merged into them from a pass over the text)
            if lines and text.find("\n", resume, stop) >= 0:
                for line in _BREAK.finditer(text, resume, stop):
                    _add(spans, text, start, line.start())
                    start = line.end()
            resume = after
            gap = text[stop:after]
            if lines and "\n" in gap:
                end = stop
            else:
                first = text[after]  # the lookahead saw a character there
                if first in opening:
                    first = text[after + 1 : after + 2]
                if not (first.isupper() or first.isdigit()):
                    continue
                if self._months and text[stop] == "." and text[stop - 1].isdigit():
                    day = _DAY.search(text, max(start, stop - 3), stop)
                    month = _NEXT_WORD.match(text, after)
                    if day and month and month.group(0).lower() in self._months:
                        continue
                # only a full stop can end an abbreviation ("Gen.", "U.S.")
                if text[stop] == "." and (
                    not shortcut
                    or stop < 2
                    or text[stop - 2 : stop].lower() in ends
                    or text[stop - 1].isupper()
                ):
                    word = _LAST_WORD.search(text, max(start, stop - 11), stop + 1)
                    if word and self.is_abbreviation(word.group(1)) and not (
                            word.group(1).lower() in self._numerals
                            and not text[after : after + 1].isdigit()):
                        continue
                end = stop + len(gap.rstrip())
            piece = text[start:end]
            kept = piece.strip()  # str.strip() and str.isspace() agree on what whitespace is
            if kept:
                start += len(piece) - len(piece.lstrip())
                spans.append((start, start + len(kept)))
            start = after
        if lines and text.find("\n", resume) >= 0:
            for line in _BREAK.finditer(text, resume):
                _add(spans, text, start, line.start())
                start = line.end()
        _add(spans, text, start, len(text))
        return spans

    def is_abbreviation(self, word: str) -> bool:
        lowered = word.lower()
        return lowered in self._abbrev or (len(word) == 1 and word.isupper())


def _default() -> Splitter:
    from streams.classify.loader import default_coder

    return default_coder().splitter


def split(text: str) -> list[tuple[int, int]]:
    """`Splitter.split` of the process-wide default coder (see `load_coder`)."""
    return _default().split(text)


def _is_abbreviation(word: str) -> bool:
    return _default().is_abbreviation(word)


def _add(spans: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    piece = text[start:end]
    kept = piece.strip()  # str.strip() and str.isspace() agree on what whitespace is
    if kept:
        start += len(piece) - len(piece.lstrip())
        spans.append((start, start + len(kept)))
