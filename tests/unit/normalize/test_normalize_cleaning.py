"""Cleaning keeps every visible character and paragraph, and drops what no reader sees."""

import pytest

from streams.normalize.cleaning import (
    clean_line,
    clean_text,
    decode_markup,
    html_to_text,
    looks_like_html,
)


def test_curly_quotes_dashes_and_accents_are_kept():
    text = "“Not now,” the minister’s aide said — in Zürich."
    assert clean_text(text) == text


def test_unicode_is_composed_to_nfc():
    assert clean_text("Zu\u0308rich") == "Z\u00fcrich"


@pytest.mark.parametrize(
    "invisible",
    ["\u200b", "\u00ad", "\ufeff", "\u2060", "\u200e", "\u202a", "\x00", "\x07", "\x9f"],
)
def test_invisible_and_control_characters_are_removed(invisible):
    assert clean_text(f"cease{invisible}fire") == "ceasefire"


def test_joiners_are_kept_because_they_spell_words():
    persian = "می\u200cخواهم"
    assert clean_text(persian) == persian


def test_whitespace_is_evened_within_lines_and_paragraphs_kept():
    text = (
        "  First\tline  with\u00a0\u00a0gaps.  \r\nSecond\u2003line.\r\r\n\n\n\n\n"
        "Third.\u2028Fourth. "
    )
    assert clean_text(text) == "First line with gaps.\nSecond line.\n\nThird.\nFourth."


def test_clean_text_is_idempotent():
    once = clean_text(" a\u200b  b \n\n\n\n c\u00a0d ")
    assert clean_text(once) == once


def test_clean_line_joins_lines():
    assert clean_line(" Pier\n closed \n\n after collapse ") == "Pier closed after collapse"


def test_html_paragraphs_entities_and_skipped_elements():
    markup = (
        "<html><head><title>Page</title><style>p {color: red}</style></head><body>"
        "<h1>Pier&nbsp;closed</h1>\n<p>The harbour &amp; the\n   docks &#8212; closed.</p>"
        "<ul><li>One</li><li>Two</li></ul><p>Line<br>break<br/>again</p>"
        "<table><tr><td>a</td><td>b</td></tr></table><script>alert(1)</script>"
        "<p>It&rsquo;s &ldquo;over&rdquo;.</p></body></html>"
    )
    assert html_to_text(markup) == (
        "Pier closed\nThe harbour & the docks — closed.\nOne\nTwo\nLine\nbreak\nagain\n"
        "a b\nIt’s “over”."
    )


def test_html_pre_keeps_its_lines():
    assert html_to_text("<p>x\ny</p><pre>a\n  b</pre>") == "x y\na\nb"


def test_broken_html_still_yields_text():
    assert html_to_text("<p>Unclosed <b>bold <i>text") == "Unclosed bold text"


@pytest.mark.parametrize(
    ("text", "is_html"),
    [
        ("<p>x</p>", True),
        ("a<br/>b", True),
        ('<a href="x">link</a>', True),
        ("<!-- comment -->text", True),
        ("turnout <40 percent", False),
        ("3 < 4 and 5 > 2", False),
        ("<Reuters> said", False),
    ],
)
def test_looks_like_html(text, is_html):
    assert looks_like_html(text) is is_html


def test_decode_markup_unescapes_entities_without_tags():
    assert decode_markup("AT&amp;T &lt;3") == "AT&T <3"
    assert decode_markup("Q&A session") == "Q&A session"
