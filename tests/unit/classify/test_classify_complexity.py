"""The coder's cost grows at most as n log n with the text's length (issue 10: no message
can stall a worker).

Before the bound, a text without full stops (one giant "sentence") cost about the cube of
its length: 0.65 s at 10 KB, 54 s at 40 KB, and a 1 MB one never finished. Each check codes
a small and an eight times larger text in the same process, best of a few runs, and
compares the ratio of the times with what n log n allows (a ratio, not a wall-clock
threshold, so a slow or busy machine slows both sides alike). The texts are seeded and
written for this test (`bench/long_texts.py`), dense with the cues the rules pair up.
"""

from __future__ import annotations

import copy
import math
import random
import time
from collections.abc import Iterator
from datetime import UTC, date, datetime

import pytest

from bench.long_texts import long_wire, message, split_tolls, unpunctuated_conflict
from schemas import Actor, Casualties, Location, NormalizedArticle
from streams.classify import classify_article, coder
from streams.classify.dates import DateMention
from streams.classify.lexicon import Hit
from streams.classify.loader import default_coder
from streams.classify.roles import Roles
from streams.classify.rules import Draft
from streams.normalize import normalize_message

NOW = datetime(2026, 1, 1, tzinfo=UTC)
NOISE = 1.5  # headroom for a busy shared machine; a quadratic cost overshoots it several times
RUNS = 3  # best of: the small text gets more, since it is cheap and a pause hits it hardest


def _article(body: str) -> NormalizedArticle:
    return normalize_message(message(body), received_at=NOW)


def _best(article: NormalizedArticle, runs: int = RUNS) -> float:
    best = math.inf
    for _ in range(runs):
        # CPU time of this process: other people's processes on a shared machine don't count
        start = time.process_time()
        classify_article(article, now=NOW)
        best = min(best, time.process_time() - start)
    return best


def _check(small: NormalizedArticle, large: NormalizedArticle) -> None:
    classify_article(small, now=NOW)  # warm up: first-call caches are not the text's cost
    n_small, n_large = len(small.body), len(large.body)
    ratio = _best(large) / _best(small, 2 * RUNS)
    allowed = (n_large / n_small) * math.log(n_large) / math.log(n_small) * NOISE
    assert ratio <= allowed, (
        f"coding {n_large:,} chars took {ratio:.1f}x as long as {n_small:,} chars; "
        f"n log n allows {allowed:.1f}x"
    )


@pytest.fixture
def whole_body(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The default coder reading every record wherever it is told, however long the field:
    the texts' density is what the bound is about, and the taxonomy's lead (coder 1.19.0)
    keeps only the first 1,500 characters' acts in its output, as the coder's reading bound
    (`READ_CHARS`) would stop the large texts short."""
    monkeypatch.setattr(coder, "READ_CHARS", 10**9)
    taxonomy = default_coder().taxonomy
    lead = taxonomy.lead_chars
    taxonomy.lead_chars = None
    try:
        yield
    finally:
        taxonomy.lead_chars = lead


@pytest.mark.usefixtures("whole_body")
def test_unpunctuated_text_costs_at_most_n_log_n() -> None:
    small, large = _article(unpunctuated_conflict(10_000)), _article(unpunctuated_conflict(80_000))
    assert "." not in large.body  # one giant "sentence"
    # the texts are what the bound is about: dense with events, all the way down
    events = classify_article(large, now=NOW).events
    assert len(events) > 200
    assert max(e.evidence.start for e in events) > 0.9 * len(large.body)
    _check(small, large)


@pytest.mark.usefixtures("whole_body")
def test_long_ordinary_wire_costs_at_most_n_log_n() -> None:
    small, large = _article(long_wire(25_000)), _article(long_wire(200_000))
    assert large.body.count(". ") > 1_000
    assert len(classify_article(large, now=NOW).events) > 500
    _check(small, large)



@pytest.mark.usefixtures("whole_body")
def test_tolls_told_group_by_group_cost_at_most_n_log_n() -> None:
    # every attackers' toll may pair with every victims' toll of its field: coder 1.18.0
    # tried each pair and scanned the text between them: 35x for 16x the text here
    small, large = _article(split_tolls(10_000)), _article(split_tolls(160_000))
    killed = {e.casualties.killed for e in classify_article(large, now=NOW).events
              if e.casualties is not None}
    assert 10 in killed and 7 not in killed  # seven soldiers and three attackers
    _check(small, large)

# --- the article-level fast paths give what the plain versions gave --------------------
# Past a few records, `_fill_from_neighbours` and `_group` replace a sort of every other
# record per record and a pass over every member of every group per record. The plain
# versions (the coder before the bound, which it still runs for a few records) and the fast
# ones both run on random articles' records (many per sentence, few and many per type,
# actors, dates and places missing or conflicting) and must agree exactly.


def _random_records(rng: random.Random) -> list[coder._Coded]:
    countries = ["UKR", "RUS", "SDN", None]
    actors = [None, None] + [Actor(name=f"a{c}", country=c) for c in countries]
    days = [None, None, date(2025, 6, 1), date(2025, 6, 2)]
    places = [[], [], [Location(name="Kharkiv", country="UKR")], [Location(name="Aden")]]
    tolls = [None, None, Casualties(killed=3), Casualties(killed=3, wounded=5),
             Casualties(wounded=5)]
    types = sorted(coder._VIOLENT)[: rng.randint(1, len(coder._VIOLENT))]
    records, order = [], 0
    for _ in range(rng.randint(1, 60)):
        order += rng.choice([0, 0, 1, 1, 2, 5])
        day = rng.choice(days)
        draft = Draft(rng.choice(types), "190", Hit(order, order + 1, "attack", ""),
                      Roles(None, None, None), casualties=rng.choice(tolls))
        records.append(coder._Coded(
            draft=draft, field="body", start=order, end=order + 1, text="x", order=order,
            actor=rng.choice(actors), target=rng.choice(actors), claimed_by=None,
            locations=list(rng.choice(places)),
            when=None if day is None else DateMention(0, 1, day, "x", False)))
    return records


def _state(records: list[coder._Coded]) -> list[tuple[object, ...]]:
    return [(c.actor, c.when, c.locations) for c in records]


def test_fill_and_merge_match_the_plain_versions() -> None:
    rng = random.Random(5)
    merged = 0
    for _ in range(500):
        records = _random_records(rng)
        plain = copy.deepcopy(records)
        coder._fill_from_neighbours(records)
        coder._fill_plain(plain)
        assert _state(records) == _state(plain)
        groups = [[c.start for c in g] for g in coder._group_plain(plain)]
        fast = [[c.start for c in g] for g in coder._group(records)]
        assert fast == groups
        merged += sum(len(g) > 1 for g in groups)
    assert merged > 300  # the random records do merge, often


# --- the coder's reading bound ----------------------------------------------------------
# Coding is linear past the bounds above, but at about 10 µs a character of dense conflict
# text: a 1 MB field was 10 s, the worker's whole message budget, with every article behind
# it waiting. The coder reads each field up to `READ_CHARS` (coder 1.19.1).


def test_read_extent_stops_at_the_last_whitespace_before_the_bound() -> None:
    short = "Drones struck the refinery."
    assert coder.read_extent(short) == len(short)
    exact = "x" * (coder.READ_CHARS - 6) + " word."
    assert coder.read_extent(exact) == coder.READ_CHARS  # not longer than the bound: whole
    words = ("shells hit the dam and " * 10_000)[: coder.READ_CHARS + 50]
    cut = coder.read_extent(words)
    assert cut < coder.READ_CHARS and words[cut].isspace()
    assert coder.READ_CHARS - cut <= len(" and")  # the last word that fits is read whole
    assert coder.read_extent("x" * (coder.READ_CHARS + 10)) == coder.READ_CHARS  # one word


def test_a_field_past_the_bound_is_coded_as_its_first_read_chars(
        monkeypatch: pytest.MonkeyPatch) -> None:
    long_body = unpunctuated_conflict(3 * coder.READ_CHARS)
    cut = coder.read_extent(long_body)
    assert cut < coder.READ_CHARS < len(long_body)
    scanned: list[int] = []
    lexicon = default_coder().lexicon
    scan = lexicon.scan

    def counting_scan(text: str) -> list[Hit]:
        scanned.append(len(text))
        return scan(text)

    monkeypatch.setattr(lexicon, "scan", counting_scan)
    whole = classify_article(_article(long_body), now=NOW)
    head = classify_article(_article(long_body[:cut]), now=NOW)
    # the work is the bound's, however long the field: every scan reads at most READ_CHARS
    assert scanned and max(scanned) <= coder.READ_CHARS
    # and the output is the head's, which the record says is all that was read
    assert [(e.type, e.cameo_code, e.evidence.start, e.evidence.end) for e in whole.events] == [
        (e.type, e.cameo_code, e.evidence.start, e.evidence.end) for e in head.events]
    assert whole.events and whole.read_chars == coder.READ_CHARS
    assert head.read_chars is None
    assert all(e.evidence.end <= cut for e in whole.events)
