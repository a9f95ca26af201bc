"""The speed-ups added after test_classify_speed_equivalence.py give what the plain versions
give: the word-start automaton (ASCII text) against the substring one, and the linear-time
last-word regexes against the ones they replaced."""

from __future__ import annotations

import random
import re

from streams.classify import lexicon, places, roles
from streams.classify.lexicon import AUTOMATON, fold


def _both(text: str) -> tuple[list[lexicon.Hit], list[lexicon.Hit]]:
    padded = f"\0{fold(text)}\0"
    return sorted(lexicon._scan_words(text, padded)), sorted(lexicon._scan_any(text, padded))


def test_word_start_scan_matches_substring_scan_on_fuzz() -> None:
    keys = list(AUTOMATON.keys())
    seps = [" ", "  ", "\n", ".", ",", "-", "'", '"', "(", ")", ":", "$", "_", "/", "x", "1", ""]
    rng = random.Random(7)
    checked = 0
    for _ in range(20_000):
        parts: list[str] = [rng.choice(seps)]
        for _ in range(rng.randint(1, 8)):
            key = rng.choice(keys)
            key = rng.choice([key, key.upper(), key.title()])
            if rng.random() < 0.2 and len(key) > 2:
                key = key[: rng.randint(1, len(key) - 1)]
            parts += [key, rng.choice(seps)]
        text = "".join(parts)
        if not text.isascii():
            continue
        words, substrings = _both(text)
        assert words == substrings, repr(text)
        checked += 1
    assert checked > 10_000


def test_word_start_scan_matches_on_wires() -> None:
    from tests.unit.classify.test_classify_speed_equivalence import TEXTS

    for text in TEXTS:
        if f"\0{fold(text)}\0".isascii():
            words, substrings = _both(text)
            assert words == substrings


def test_last_word_regexes_match_the_plain_ones() -> None:
    plain_places = re.compile(r"([\w']+)\W*$")
    plain_roles = re.compile(r"([\w']+)[^\w']*$")
    alphabet = [*"ab 'Z,.’-\n_é1", "in ", "the ", "'s "]
    rng = random.Random(1)
    for _ in range(50_000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14)))
        for fast, plain in ((places._PREV_WORD, plain_places), (roles._PREV, plain_roles)):
            a, b = fast.search(text), plain.search(text)
            assert (a and a.group(1)) == (b and b.group(1)), repr(text)


def test_trusted_construct_builds_what_model_construct_builds() -> None:
    from schemas import Event, Evidence
    from streams.classify import coder
    from tests.unit.classify.classify_helpers import code

    events = code(
        "Russian missiles struck a power plant in Kharkiv on Monday, killing 3 people, "
        "Ukraine's military said."
    )
    assert events
    for event in events:
        values = {name: getattr(event, name) for name in Event.model_fields}
        evidence = {name: getattr(event.evidence, name) for name in Evidence.model_fields}
        for fast, plain in (
            (coder._new_event(**values), Event.model_construct(**values)),
            (coder._new_evidence(**evidence), Evidence.model_construct(**evidence)),
        ):
            assert fast.__dict__ == plain.__dict__
            assert list(fast.__dict__) == list(plain.__dict__)
            assert fast.model_fields_set == plain.model_fields_set
            assert fast.model_dump_json() == plain.model_dump_json()
