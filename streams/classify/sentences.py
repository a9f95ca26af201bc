"""Sentence spans of a field: one regex pass, with the abbreviations wires use."""

from __future__ import annotations

import re

from streams.classify.resources import load_yaml

_END = re.compile(r"[.!?][\"”’')\]]*\s+|\n+")
_OPENING = frozenset("\"“‘'([")
_ABBREV = frozenset(str(w) for w in load_yaml("lexicon.yaml")["abbreviations"])
_LAST_WORD = re.compile(r"([\w.]+)\.$")


def split(text: str) -> list[tuple[int, int]]:
    """[start, end) of each sentence, whitespace trimmed, never across a line break."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _END.finditer(text):
        newline = "\n" in match.group(0)
        if not newline:
            following = text[match.end() : match.end() + 2]
            first = following[1:2] if following[:1] in _OPENING else following[:1]
            if not (first.isupper() or first.isdigit()):
                continue
            word = _LAST_WORD.search(text[max(start, match.start() - 11) : match.start() + 1])
            if word and _is_abbreviation(word.group(1)):
                continue
        end = match.start() + (0 if newline else len(match.group(0).rstrip()))
        _add(spans, text, start, end)
        start = match.end()
    _add(spans, text, start, len(text))
    return spans


def _is_abbreviation(word: str) -> bool:
    lowered = word.lower()
    return lowered in _ABBREV or (len(word) == 1 and word.isupper())


def _add(spans: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))
