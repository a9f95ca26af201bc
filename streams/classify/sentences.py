"""Sentence spans of a field: one regex pass, with the abbreviations wires use."""

from __future__ import annotations

import re

from streams.classify.resources import load_yaml

# Same matches as `[.!?]["”’')\]]*\s+|\n+`, written to start with one character class so
# the regex engine can skip ahead to candidates instead of trying both branches everywhere.
_END = re.compile(r"[.!?\n](?:(?<=[.!?])[\"”’')\]]*\s+|(?<=\n)\n*)")
_OPENING = frozenset("\"“‘'([")
_ABBREV = frozenset(str(w) for w in load_yaml("lexicon.yaml")["abbreviations"])
_LAST_WORD = re.compile(r"([\w.]+)\.$")


def split(text: str) -> list[tuple[int, int]]:
    """[start, end) of each sentence, whitespace trimmed, never across a line break."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _END.finditer(text):
        stop, after = match.span()
        gap = match.group()
        if "\n" in gap:
            end = stop
        else:
            following = text[after : after + 2]
            first = following[1:2] if following[:1] in _OPENING else following[:1]
            if not (first.isupper() or first.isdigit()):
                continue
            # only a full stop can end an abbreviation ("Gen.", "U.S.")
            if text[stop] == ".":
                word = _LAST_WORD.search(text, max(start, stop - 11), stop + 1)
                if word and _is_abbreviation(word.group(1)):
                    continue
            end = stop + len(gap.rstrip())
        piece = text[start:end]
        kept = piece.strip()  # str.strip() and str.isspace() agree on what whitespace is
        if kept:
            start += len(piece) - len(piece.lstrip())
            spans.append((start, start + len(kept)))
        start = after
    _add(spans, text, start, len(text))
    return spans


def _is_abbreviation(word: str) -> bool:
    lowered = word.lower()
    return lowered in _ABBREV or (len(word) == 1 and word.isupper())


def _add(spans: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    piece = text[start:end]
    kept = piece.strip()  # str.strip() and str.isspace() agree on what whitespace is
    if kept:
        start += len(piece) - len(piece.lstrip())
        spans.append((start, start + len(kept)))
