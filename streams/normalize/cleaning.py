"""Text cleaning: the one place that decides what an article's characters are.

Evidence offsets downstream point into the cleaned `body`, so cleaning must be deterministic and
conservative: it removes what no reader sees (markup, zero-width and control characters) and
evens out whitespace, but keeps every visible character as published. In particular curly
quotes, dashes and accents are *not* folded to ASCII.
"""

from __future__ import annotations

import html
import re
import unicodedata
from html.parser import HTMLParser

# Invisible format characters a feed leaks from word processors and CMSs: zero-width space,
# word joiner, BOM, soft hyphen, bidi marks/embeddings/isolates, invisible math operators,
# Mongolian vowel separator, interlinear annotation marks. ZWJ/ZWNJ (U+200C/U+200D) are kept on
# purpose: they change spelling in Persian and Indic scripts and build emoji sequences.
_INVISIBLE_CHARS = (
    "\u00ad\u061c\u180e\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ufff9-\ufffb"
)
# In identifiers even ZWJ/ZWNJ and whitespace are only a way to make two ids look alike.
_ID_REMOVE = re.compile(f"[{_INVISIBLE_CHARS}\u200c\u200d\\x00-\\x1f\\x7f-\\x9f]+")
# ZWJ/ZWNJ between two letters of a script that never uses them (Latin, Greek, Cyrillic): they
# change nothing a reader sees, but split the word for every matcher ("str\u200dike").
_LATIN_GREEK_CYRILLIC = "A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u052f"
_JOINER_IN_WORD = re.compile(
    f"(?<=[{_LATIN_GREEK_CYRILLIC}])[\u200c\u200d]+(?=[{_LATIN_GREEK_CYRILLIC}])"
)
# C0/C1 controls other than tab, line feed, carriage return and the ones that mean "new line".
_CONTROL_CHARS = "\x00-\x08\x0e-\x1f\x7f\x80-\x84\x86-\x9f"
_REMOVE = re.compile(f"[{_INVISIBLE_CHARS}{_CONTROL_CHARS}]+")
# Line breaks in all their spellings: CRLF, CR, vertical tab, form feed, NEL, LS, PS.
_LINE_BREAK = re.compile("\r\n|[\r\x0b\x0c\x85\u2028\u2029]")
# Horizontal whitespace other than a single ASCII space: a run of two or more, or any tab,
# no-break or typographic space (so the common single space is never rewritten).
_WIDE_SPACES = "\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000"
_HSPACE = re.compile(f"[{_WIDE_SPACES}][ {_WIDE_SPACES}]*| [ {_WIDE_SPACES}]+")
# Spaces hugging a line break, then more than one blank line.
_SPACE_AROUND_NEWLINE = re.compile(" ?\n ?")
_MANY_NEWLINES = re.compile("\n{3,}")
# Any run of whitespace that contains a line break (used for single-line fields).
_ANY_NEWLINE_RUN = re.compile(r"\s*\n\s*")

# Markup that makes a body HTML rather than text containing a '<'.
_HTML_TAG = re.compile(
    r"<(?:/?(?:p|br|div|span|a|b|i|u|em|strong|ul|ol|li|h[1-6]|blockquote|figure|figcaption|"
    r"img|table|thead|tbody|tr|td|th|section|article|header|footer|hr|pre|sup|sub|small|q|"
    r"cite|abbr|dl|dt|dd|main|aside|nav|font|center|body|html)\b[^<>]*|!--)>?",
    re.IGNORECASE,
)
_HTML_ENTITY = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});")


def clean_text(text: str) -> str:
    """Clean a multi-line text: paragraphs stay on their own lines, at most one blank line.

    Most wire text needs almost nothing, and regex scans cost far more than `str` checks, so
    each step first asks cheaply whether it has anything to do. `str.isprintable` is false for
    every control, format (zero-width, bidi) and non-ASCII space character, which lets clean
    text skip the character scans altogether.
    """
    if (
        "\r" in text
        or "\x0b" in text
        or "\x0c" in text
        or "\x85" in text
        or "\u2028" in text
        or "\u2029" in text
    ):
        text = _LINE_BREAK.sub("\n", text)
    if not text.replace("\n", "").isprintable():
        text = _REMOVE.sub("", text)
        if "\u200c" in text or "\u200d" in text:
            text = _JOINER_IN_WORD.sub("", text)
        text = _HSPACE.sub(" ", text)
    elif "  " in text:
        text = _HSPACE.sub(" ", text)
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    if " \n" in text or "\n " in text:
        text = _SPACE_AROUND_NEWLINE.sub("\n", text)
    if "\n\n\n" in text:
        text = _MANY_NEWLINES.sub("\n\n", text)
    return text.strip()


def clean_identifier(text: str) -> str:
    """An id or URL: every invisible, bidi, zero-width and control character removed, no
    surrounding space. Ids are compared byte for byte, so nothing a reader cannot see may
    tell two of them apart."""
    if text.isprintable():
        return text.strip()
    return _ID_REMOVE.sub("", text).strip()


def clean_line(text: str) -> str:
    """Clean a single-line field (headline, caption, source): line breaks become spaces."""
    return _ANY_NEWLINE_RUN.sub(" ", clean_text(text))


def looks_like_html(text: str) -> bool:
    """Whether a body that should be text carries HTML tags (feeds often send markup anyway)."""
    return "<" in text and _HTML_TAG.search(text) is not None


def decode_markup(text: str) -> str:
    """Turn a text field that may carry HTML or entities into plain text.

    Tags go through the HTML parser; a text with entities but no tags (`AT&amp;T`) is only
    unescaped, so a literal `<` in plain prose is never mistaken for markup.
    """
    if looks_like_html(text):
        return html_to_text(text)
    if "&" in text and _HTML_ENTITY.search(text):
        return html.unescape(text)
    return text


# Elements whose boundaries are paragraph boundaries in the text.
_BLOCK_TAGS = frozenset(
    {
        "address", "article", "aside", "blockquote", "caption", "dd", "div", "dl", "dt",
        "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr",
        "li", "main", "nav", "ol", "p", "pre", "section", "table", "tr", "ul",
    }
)  # fmt: skip
_LINE_TAGS = frozenset({"br", "hr"})
_CELL_TAGS = frozenset({"td", "th"})
# Elements whose content is not article text.
_SKIPPED_TAGS = frozenset({"head", "script", "style", "template", "noscript", "title", "svg"})
_HTML_SPACE = re.compile(r"[ \t\n\r\f]+")
_BREAK_RUN = re.compile(r"[ \t]*\n\s*")


class _TextExtractor(HTMLParser):
    """Collects the visible text of an HTML fragment, one paragraph per line."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0
        self._preformatted = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED_TAGS:
            self._skipping += 1
        elif tag in _BLOCK_TAGS or tag in _LINE_TAGS:
            self.parts.append("\n")
            if tag == "pre":
                self._preformatted += 1
        elif tag in _CELL_TAGS:
            self.parts.append(" ")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        # `<br/>`, `<p/>`: a break, and never the start of a skipped region.
        if tag in _BLOCK_TAGS or tag in _LINE_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED_TAGS:
            self._skipping = max(0, self._skipping - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")
            if tag == "pre":
                self._preformatted = max(0, self._preformatted - 1)
        elif tag in _CELL_TAGS:
            self.parts.append(" ")

    def handle_data(self, data: str) -> None:
        if self._skipping:
            return
        # In HTML a source line break is just a space; only <pre> keeps its lines.
        self.parts.append(data if self._preformatted else _HTML_SPACE.sub(" ", data))


def html_to_text(markup: str) -> str:
    """Visible text of an HTML body: entities decoded, one paragraph per line, cleaned.

    Uses the standard library's tolerant parser, so broken markup still yields its text.
    """
    parser = _TextExtractor()
    parser.feed(markup)
    parser.close()
    return clean_text(_BREAK_RUN.sub("\n", "".join(parser.parts)))
