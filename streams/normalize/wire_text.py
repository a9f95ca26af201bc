"""Plain UTF-8 wire text: an optional `Caption:` line, an optional headline, then the story.

The headline is only taken when the first line clearly is one, because a wrongly promoted line
is lost from the body that evidence offsets point into. A first line counts as a headline when
it is short, starts with a capital, has no closing punctuation, is not a dateline, and the text
after it reads as prose that starts a new sentence, i.e. not the first line of a hard-wrapped
paragraph. A lone all-capitals bulletin is handled by the shared bulletin rule.
"""

from __future__ import annotations

import re

from streams.normalize.cleaning import clean_text
from streams.normalize.dateline import split_dateline
from streams.normalize.draft import Draft

_CAPTION = re.compile(r"(?:photo\s+|image\s+)?caption\s*:[ \t]*", re.IGNORECASE)
_LABELLED_HEADLINE = re.compile(r"(?:headline|title)\s*:[ \t]*", re.IGNORECASE)
# A photo credit at the end of a caption. Unambiguous labels may follow anything; short ones
# (`Photo:`, `Credit:`) only count after the caption's closing punctuation or a separator.
_CREDIT = re.compile(
    r"(?:\s+[|\u2013\u2014-]\s*|(?<=[.!?\"”’)\]])\s+|\s+(?=(?:source|image|photo)\s+"
    r"(?:image|source|credit)\s*:)|^)"
    r"(?:source\s+image|image\s+source|photo\s+source|photo\s+credit|image\s+credit|"
    r"photograph|photo|image|picture|credit)\s*:[^\n]*$",
    re.IGNORECASE,
)
_BRACKETED_CREDIT = re.compile(
    r"\s*[(\[](?:source\s+image|photo|image|picture|credit|file)\b[^()\[\]\n]*[)\]]\s*$",
    re.IGNORECASE,
)

_MAX_HEADLINE_CHARS = 200
_MAX_HEADLINE_WORDS = 30
# Closing punctuation that ends a sentence (or a line that continues, like `:` and `,`).
_FINAL_PUNCTUATION = frozenset(".!?:;,…")
_CLOSERS = "\"'”’»)]"
# A line ending in one of these words was cut mid-sentence by hard wrapping.
_CONTINUATION_WORDS = frozenset(
    {
        "a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "of", "on",
        "or", "said", "than", "that", "the", "to", "was", "were", "which", "who", "with",
    }
)  # fmt: skip
_SENTENCE_BREAK = re.compile(r"[.!?][\"”’]?\s+[A-Z\"“‘]")
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*(?:\s|$)")
# Hard-wrapped text: lines of nearly equal width, all wider than this.
_WRAP_MIN_WIDTH = 50
_WRAP_TOLERANCE = 12


def strip_credit(caption: str) -> str:
    """A caption without its trailing photo credit (`... terrorism. Source image: File image`)."""
    caption = _BRACKETED_CREDIT.sub("", caption)
    return _CREDIT.sub("", caption).strip()


def _is_hard_wrapped(first: str, following: list[str]) -> bool:
    """Whether `first` opens a paragraph broken into fixed-width lines, not a headline."""
    if len(first) < _WRAP_MIN_WIDTH or not following:
        return False
    # The paragraph's last line may be short: compare the others.
    widths = [len(line) for line in following[:3] if line]
    full = widths[:-1] if len(widths) > 1 else widths
    return all(abs(width - len(first)) <= _WRAP_TOLERANCE for width in full)


def looks_like_headline(first: str, following: list[str]) -> bool:
    """The careful headline heuristic described in the module docstring."""
    rest = "\n".join(following).strip()
    if not rest or len(first) > _MAX_HEADLINE_CHARS or len(first) < 3:
        return False
    words = first.split()
    if len(words) > _MAX_HEADLINE_WORDS:
        return False
    opening = next((ch for ch in first if ch.isalnum()), "")
    if not (opening.isupper() or opening.isdigit()):
        return False
    if first.rstrip(_CLOSERS)[-1:] in _FINAL_PUNCTUATION:
        return False
    if words[-1].casefold() in _CONTINUATION_WORDS or _SENTENCE_BREAK.search(first):
        return False
    if rest[0].islower() or _SENTENCE_END.search(rest) is None:
        return False
    if split_dateline(first)[0] is not None:
        return False
    return not _is_hard_wrapped(first, following)


def read_wire_text(text: str) -> Draft:
    """Read caption, headline and body (dateline still on it) from plain wire text."""
    lines = clean_text(text).split("\n")
    caption: str | None = None
    headline: str | None = None

    match = _CAPTION.match(lines[0])
    if match is not None:
        caption = strip_credit(lines[0][match.end() :]) or None
        lines = lines[1:]
    while lines and not lines[0]:
        lines = lines[1:]

    if lines:
        match = _LABELLED_HEADLINE.match(lines[0])
        if match is not None:
            headline = lines[0][match.end() :].strip() or None
            lines = lines[1:]
        elif looks_like_headline(lines[0], lines[1:]):
            headline = lines[0]
            lines = lines[1:]

    return Draft(
        format="text",
        body="\n".join(lines).strip(),
        headline=headline,
        caption=caption,
        cleaned=True,
    )
