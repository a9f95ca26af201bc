"""Datelines, captions and the headline heuristic of plain wire text."""

import pytest

from streams.normalize.dateline import split_dateline
from streams.normalize.wire_text import looks_like_headline, read_wire_text, strip_credit


@pytest.mark.parametrize(
    ("body", "text", "city", "agency", "rest"),
    [
        ("(Coast Wire)- The pier closed.", "(Coast Wire)", None, "Coast Wire", "The pier closed."),
        ("(AP) — The pier closed.", "(AP)", None, "AP", "The pier closed."),
        ("ODESA, June 3 (Reuters) - The pier.", "ODESA, June 3 (Reuters)", "Odesa", "Reuters",
         "The pier."),
        ("GAZA CITY (AP) — Crowds gathered.", "GAZA CITY (AP)", "Gaza City", "AP",
         "Crowds gathered."),
        ("PARIS (AFP) -- Ministers met.", "PARIS (AFP)", "Paris", "AFP", "Ministers met."),
        ("WASHINGTON — The Senate voted.", "WASHINGTON", "Washington", None, "The Senate voted."),
        ("WASHINGTON—The Senate voted.", "WASHINGTON", "Washington", None, "The Senate voted."),
        ("LVIV, Ukraine – Sirens sounded.", "LVIV, Ukraine", "Lviv", None, "Sirens sounded."),
        ("WINSTON-SALEM, N.C. (AP) — A storm hit.", "WINSTON-SALEM, N.C. (AP)", "Winston-Salem",
         "AP", "A storm hit."),
        ("ST. PETERSBURG, Russia (Reuters) - Ships left.", "ST. PETERSBURG, Russia (Reuters)",
         "St. Petersburg", "Reuters", "Ships left."),
        ("Odesa, June 3 (Reuters) - Ships left.", "Odesa, June 3 (Reuters)", "Odesa", "Reuters",
         "Ships left."),
        ("SÃO PAULO (Reuters) - Markets fell.", "SÃO PAULO (Reuters)", "São Paulo", "Reuters",
         "Markets fell."),
        ("KYIV/MOSCOW, June 3 (Reuters) -\nBoth sides spoke.", "KYIV/MOSCOW, June 3 (Reuters)",
         "Kyiv", "Reuters", "Both sides spoke."),
        # a desk's credit and then the city's dateline: the date's day is no casualty figure
        ("(Valley Desk)- JAMMU, May 9 - One man died.", "(Valley Desk)- JAMMU, May 9", "Jammu",
         "Valley Desk", "One man died."),
        ("(Coast Wire) - UPDATE - The pier closed.", "(Coast Wire)", None, "Coast Wire",
         "UPDATE - The pier closed."),
        # a South Asian agency's colon after its credit: the date's day is no casualty figure
        ("QUETTA, Nov 18 (APP): Three soldiers died.", "QUETTA, Nov 18 (APP)", "Quetta", "APP",
         "Three soldiers died."),
    ],
)  # fmt: skip
def test_dateline_styles(body, text, city, agency, rest):
    dateline, remainder = split_dateline(body)
    assert dateline is not None
    assert (dateline.text, dateline.city, dateline.agency) == (text, city, agency)
    assert remainder == rest


@pytest.mark.parametrize(
    "body",
    [
        "BREAKING - Ministers resign.",  # a wire label, not a place
        "UPDATE 2 - Ministers resign.",
        "NATO — the alliance said it would meet.",  # capitals, but no new sentence follows
        "The minister said - again - no.",
        "ODESA-based shipping firms said.",
        "Talks (in Istanbul) - stalled.",
        "(2) - The second point.",
        "(This is a long aside that is clearly not the name of any agency at all) - text",
        "Odesa — the port city reopened.",  # title case without agency
        "QUETTA: Three soldiers died.",  # a colon ends a dateline only after an agency
        "Note (see above): the pier closed.",
    ],
)
def test_not_datelines(body):
    assert split_dateline(body) == (None, body)


@pytest.mark.parametrize(
    ("caption", "expected"),
    [
        ("Ships at anchor. Source image: File image", "Ships at anchor."),
        ("Ships at anchor Source image: File image", "Ships at anchor"),
        ("Ships at anchor. Photo: Coast Wire", "Ships at anchor."),
        ("Ships at anchor | Credit: Coast Wire", "Ships at anchor"),
        ("Ships at anchor (Photo: Coast Wire)", "Ships at anchor"),
        ("Source image: File image", ""),
        ("A photo: the harbour at dawn", "A photo: the harbour at dawn"),  # not a credit
        ("Ships at anchor.", "Ships at anchor."),
    ],
)
def test_caption_credit_is_stripped(caption, expected):
    assert strip_credit(caption) == expected


def test_caption_line_is_split_off():
    draft = read_wire_text("caption: Ships at anchor.\n\nThe port reopened on Monday.")
    assert draft.caption == "Ships at anchor."
    assert draft.body == "The port reopened on Monday."
    assert draft.headline is None


def test_empty_caption_is_none():
    assert read_wire_text("Caption:\nThe port reopened on Monday.").caption is None


BODY = ["The port reopened on Monday after a week of repairs.", "Traffic resumed slowly."]


@pytest.mark.parametrize(
    "first",
    [
        "Port reopens after repairs",
        "PORT REOPENS AFTER REPAIRS",
        "Port reopens: traffic resumes",
        "‘Traffic resumes’, port says",
        "3 ships leave port",
    ],
)
def test_headline_is_recognized(first):
    assert looks_like_headline(first, BODY)


@pytest.mark.parametrize(
    ("first", "following"),
    [
        ("The port reopened on Monday.", BODY),  # final punctuation: a sentence
        ("Did the port reopen?", BODY),
        ("Port reopens after repairs", []),  # nothing after it
        ("port reopens after repairs", BODY),  # no capital
        ("Port reopens after repairs and", BODY),  # cut by wrapping
        ("Port reopens after repairs", ["and traffic resumed slowly."]),  # continues
        ("Port reopens after repairs", ["Traffic resumed slowly"]),  # no prose after it
        ("ODESA (Reuters) - Port reopens", BODY),  # a dateline
        ("Ships. Then more ships came in", BODY),  # two sentences
        ("Word " * 31, BODY),  # too long
        (
            # First line of a hard-wrapped paragraph: lines of the same width.
            "The harbour authority of the northern port said on Monday",
            [
                "Traffic would resume once divers had checked the channel",
                "Officials expected the first ships by the end of the week.",
                "More later.",
            ],
        ),
    ],
)
def test_not_a_headline(first, following):
    assert not looks_like_headline(first, following)
