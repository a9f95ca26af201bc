"""The fast paths of the coder give exactly what the plain algorithms they replaced give.

Each reference below is the straightforward version (the code before the speed-up); the
tests run both over every corpus fixture, the seed wire, the benchmark wires and random
fuzz, and demand identical output.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from bench.wires import make_messages
from streams.classify import default_coder, engine, lexicon, places, sentences
from streams.classify.lexicon import AUTOMATON, Hit, fold, scan
from streams.classify.roles import Sentence
from streams.classify.rules import Draft, _View

ROOT = Path(__file__).resolve().parents[3]
SEEDS = [ROOT.parent / "shared" / "samples" / "seed_wire_truce_rejected.txt"]


def _texts() -> list[str]:
    import json

    texts = [
        path.read_text(encoding="utf-8", errors="replace")
        for path in sorted((ROOT / "tests" / "fixtures" / "corpus").rglob("*"))
        if path.is_file() and path.suffix in {".txt", ".json"}
    ]
    texts += [json.loads(m)["body"] for m in make_messages(60)]
    texts += [seed.read_text(encoding="utf-8") for seed in SEEDS if seed.exists()][:1]
    return texts


TEXTS = _texts()

# --- sentences ------------------------------------------------------------------------

_REF_END = re.compile(r"[.!?][\"”’')\]]*\s+|\n+")
_REF_LAST_WORD = re.compile(r"([\w.]+)\.$")


def _ref_split(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    start = 0

    def add(start: int, end: int) -> None:
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            spans.append((start, end))

    for match in _REF_END.finditer(text):
        newline = "\n" in match.group(0)
        if not newline:
            following = text[match.end() : match.end() + 2]
            first = following[1:2] if following[:1] in sentences._OPENING else following[:1]
            if not (first.isupper() or first.isdigit()):
                continue
            word = _REF_LAST_WORD.search(text[max(start, match.start() - 11) : match.start() + 1])
            # "No." is "number" only before a digit (the lexicon's `numeral_abbreviations`)
            numeral = word is not None and word.group(1).lower() in sentences._default(
            )._numerals and not text[match.end() : match.end() + 1].isdigit()
            if word and sentences._is_abbreviation(word.group(1)) and not numeral:
                continue
        add(start, match.start() + (0 if newline else len(match.group(0).rstrip())))
        start = match.end()
    add(start, len(text))
    return spans


def test_split_matches_reference_on_wires() -> None:
    for text in TEXTS:
        assert sentences.split(text) == _ref_split(text)


def test_split_matches_reference_on_fuzz() -> None:
    rng = random.Random(3)
    alphabet = [*"ab XY.!?\n\t \u00a0\"”’')]([“‘5", "U.S.", "Gen.", "Mr.", "\r", "\x1c", "\u2028"]
    for _ in range(20_000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
        assert sentences.split(text) == _ref_split(text), repr(text)


# --- lexicon scan ---------------------------------------------------------------------


def _ref_scan(text: str) -> list[Hit]:
    folded = fold(text)
    size = len(folded)
    hits: list[Hit] = []
    for end_index, (length, _, plain, other) in AUTOMATON.iter(folded):
        start = end_index - length + 1
        if start > 0 and folded[start - 1].isalnum() and folded[start].isalnum():
            continue
        end = end_index + 1
        runs_on = end < size and folded[end].isalnum()
        entries = [(cat, payload, False, None) for cat, payload in plain]
        entries += [(e.cat, e.payload, e.prefix, e.exact_case) for e in other]
        for cat, payload, prefix, exact in entries:
            if runs_on and not prefix:
                continue
            if exact is not None and text[start:end] != exact:
                continue
            hits.append(Hit(start, end, cat, payload))
    hits.sort()
    spans = [(h.start, h.end, lexicon._MASKS[h.cat]) for h in hits if h.cat in lexicon._MASKERS]
    return [
        h for h in hits
        if not any(h.cat in cats and h.start < end and start < h.end for start, end, cats in spans)
    ]


def test_scan_matches_reference() -> None:
    for text in TEXTS:
        got = scan(text)
        assert got == _ref_scan(text)
        assert all(type(h) is Hit for h in got)


# --- places ---------------------------------------------------------------------------


class _Everything:
    def __contains__(self, item: object) -> bool:
        return True


def test_place_prefilter_changes_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    spans = [(text, s, e) for text in TEXTS for s, e in sentences.split(text)]
    fast = [places.find_places(*span) for span in spans]
    gazetteer = default_coder().gazetteer
    monkeypatch.setattr(gazetteer, "first_words", _Everything())
    monkeypatch.setattr(gazetteer, "resolvable", _Everything())
    slow = [places.find_places(*span) for span in spans]
    assert fast == slow
    assert sum(map(len, fast)) > 100  # the corpus does name places


# --- rule view ------------------------------------------------------------------------

_QUESTIONS = [("truce",), ("attack", "bombing", "cyber"), ("kill",), ("aerial", "airstrike"),
              ("attack", "damage", "bombing"), ("held",), ("nonconflict",), ("reject",)]


def test_view_answers_match_plain_sort() -> None:
    from streams.classify.scope import HEDGE, NEGATION

    for text in TEXTS:
        hits = scan(text)
        for start, end in sentences.split(text):
            sent = Sentence(text, start, end, [h for h in hits if start <= h.start < end], [])
            view = _View(sent)
            for cats in _QUESTIONS:
                plain = sorted(h for h in sent.hits if h.cat in cats)
                assert view.get(*cats) == plain
                assert view.valid(list(cats), (NEGATION, HEDGE)) == [
                    h for h in plain if not view.scope.blocked(h, (NEGATION, HEDGE))
                ]
                first = view.get(*cats)
                first.append(hits[0] if hits else Hit(0, 0, "x", "x"))
                assert view.get(*cats) == plain  # callers own the list they get


# --- rule book ------------------------------------------------------------------------


def _ref_code_sentence(book: engine.RuleBook, view: _View) -> list[Draft]:
    """`RuleBook.code_sentence` before its per-family plan: every family and every rule is
    asked whether the sentence has its trigger."""
    view.distances = book.distances
    cats = view.by_cat.keys()
    drafts: list[Draft] = []
    for _, family in book.families:
        if isinstance(family, engine._Act):
            if not cats.isdisjoint(family.triggers):
                drafts += book._act(view, family)
            continue
        if isinstance(family, engine._Toll):
            if not cats.isdisjoint(family.triggers):
                drafts += book._toll(view, family, drafts)
            continue
        coded = {d.type for d in drafts}
        for rule in family:
            if rule.spec.type in coded or (rule.triggers and cats.isdisjoint(rule.triggers)):
                continue
            draft = book._run(view, rule, coded)
            if draft is not None:
                drafts.append(draft)
                coded.add(draft.type)
    return drafts


def test_rule_plan_matches_asking_every_rule() -> None:
    coder = default_coder()
    coded = 0
    for text in TEXTS:
        hits = coder.lexicon.scan(text)
        mentions = coder.actors.mentions(hits, text)
        for start, end in coder.splitter.split(text):
            sent_hits = [h for h in hits if start <= h.start < end]
            if coder.rules.candidates.isdisjoint(h.cat for h in sent_hits):
                continue
            s = Sentence(text, start, end, sent_hits,
                         [m for m in mentions if start <= m.start < end], coder.words)
            fast = coder.rules.code_sentence(_View(s, coder.taxonomy))
            assert fast == _ref_code_sentence(coder.rules, _View(s, coder.taxonomy))
            coded += bool(fast)
    assert coded > 500  # the corpus does state events


# --- figures --------------------------------------------------------------------------


def test_constructed_figures_are_the_validated_ones() -> None:
    from schemas import Figure

    coder = default_coder()
    seen = 0
    for text in TEXTS:
        hits = coder.lexicon.scan(text)
        for figure in coder.words.figures.find_figures(text, 0, hits):
            validated = Figure(**figure.__dict__)
            assert figure.__dict__ == validated.__dict__
            assert list(figure.__dict__) == list(validated.__dict__)
            assert figure.model_fields_set == validated.model_fields_set
            assert figure.model_dump_json() == validated.model_dump_json()
            seen += 1
    assert seen > 100


# --- regex prefilters -----------------------------------------------------------------


def test_regex_prefilters_answer_as_the_regexes() -> None:
    from streams.classify import predicates

    windows = [(text, s, e) for text in TEXTS for s, e in sentences.split(text)]
    rng = random.Random(5)
    words = ["would", "WOULD", "Will", "wıll", "WİLL", "could", "ready", "prepared", "is",
             "hit", "strike", "from", "FROM", "by", "By", "launched", "fired", "intercepted",
             "the", "a", "base", "\u017f", "ſtood", "stood", "were", "to", ",", "Ünited"]
    for _ in range(20_000):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(1, 9)))
        windows.append((text, 0, len(text)))
    for text, start, end in windows:
        assert predicates._no_future_force(text, start, end) == (
            predicates._FUTURE_FORCE.search(text, start, end) is None), repr(text[start:end])
