"""The sentence view the rules read and the gates every sentence passes; the rule families
themselves are specs (`data/rules.yaml`) run by `engine.py`.

The output of the rules is a Draft; coder.py adds places, dates and article-level context.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from schemas import Casualties
from streams.classify.lexicon import Hit
from streams.classify.roles import Roles, Sentence
from streams.classify.scope import LONG_AFTER, Scope, words_between
from streams.classify.taxonomy import Taxonomy
from streams.classify.words import default_words


def _default_taxonomy() -> Taxonomy:
    from streams.classify.loader import default_coder

    return default_coder().taxonomy


@dataclass
class Draft:
    """An event before article-level resolution: type, code, roles and the sentence it is in."""

    type: str
    code: str
    trigger: Hit
    roles: Roles
    casualties: Casualties | None = None
    assets: list[str] = field(default_factory=list)
    strategic: bool = False
    anchors: list[Hit] = field(default_factory=list)
    needs_violence: bool = False
    needs_conflict: bool = False
    needs_truce: bool = False
    needs_talks: bool = False
    # whose dead a toll counts: "victims", "attackers" ("six khwarij were sent to hell"),
    # "attackers_rough" ("dozens of the attackers"),
    # "both" (one sentence counts them apart and adds them), "toll" (a death toll's figure,
    # whose dead it does not say), "" (no dead)
    dead: str = ""


class _View:
    """Hits of one sentence by category, with the scope that governs them."""

    def __init__(self, s: Sentence, tax: Taxonomy | None = None) -> None:
        self.s = s
        self.tax = tax if tax is not None else _default_taxonomy()
        self.words = s.words or default_words()
        self.scope = Scope(s.text, s.start, s.hits, self.words.barriers, self.words.modals,
                           self.words.phrases["exercise_stems"], self.words.conditionals)
        self.by_cat: dict[str, list[Hit]] = {}
        for hit in s.hits:
            self.by_cat.setdefault(hit.cat, []).append(hit)
        self._prefixed: dict[str, list[Hit]] = {}
        # what a rule has taken for itself ("talks ... were suspended": those talks are not
        # also held), by category; and the rule book's named distances
        self.pool: dict[str, list[Hit]] = {}
        self.distances: dict[str, int] = {}
        # a violent act's groups of hits, verbs and targets by name (engine.read_act), which
        # the act's predicates read
        self.act: dict[str, list[Hit]] = {}
        # what a predicate found once for the whole sentence, by name
        self.memo: dict[object, Any] = {}

    def present(self, cat: str) -> bool:
        """Whether the sentence has a hit of `cat` that no earlier rule has taken."""
        taken = self.pool.get(cat)
        return cat in self.by_cat if taken is None else bool(taken)

    def objects(self, cat: str) -> list[Hit]:
        """The hits of `cat` no earlier rule of the sentence has taken, in order."""
        taken = self.pool.get(cat)
        return self.get(cat) if taken is None else taken

    # get and valid run dozens of times per sentence, mostly for categories the sentence
    # lacks: plain loops (no comprehension frames), and no sorting or scoping of nothing.
    def get(self, *cats: str) -> list[Hit]:
        by_cat = self.by_cat
        if len(cats) == 1:
            one = by_cat.get(cats[0])
            return sorted(one) if one else []
        found: list[Hit] = []
        for cat in cats:
            if cat in by_cat:
                found += by_cat[cat]
        if found:
            found.sort()
        return found

    def valid(self, cats: Iterable[str], block: Iterable[str]) -> list[Hit]:
        by_cat = self.by_cat
        found: list[Hit] = []
        for cat in cats:
            if cat in by_cat:
                found += by_cat[cat]
        if not found:
            return found
        found.sort()
        block = tuple(block)
        blocked = self.scope.blocked
        return [h for h in found if not blocked(h, block)]

    def distance(self, hit: Hit, nouns: list[Hit]) -> int:
        return min(
            (words_between(self.s.text, min(hit.end, n.end), max(hit.start, n.start))
             for n in nouns),
            default=10_000,
        )

    def prefixed(self, prefix: str) -> list[Hit]:
        """Hits of every category starting with `prefix` ("infra:", "mil:"), in order: found
        once per sentence from the categories (fewer than the hits), a new list per call."""
        found = self._prefixed.get(prefix)
        if found is None:
            found = sorted(
                h for cat, hits in self.by_cat.items() if cat.startswith(prefix) for h in hits
            )
            self._prefixed[prefix] = found
        return list(found)


def opens(view: _View) -> bool:
    """Whether the sentence's rules run at all: not for another sense, a refuted claim, a
    memorial or anniversary, nor "Two years ago this week, ... signed" (history)."""
    if view.get("nonconflict") or view.scope.refuted or view.scope.retro:
        return False
    ago = view.get("retro_ago")
    if not ago:
        return True
    # a date of its own opens it again ("Two years ago today"), not the "years ago" itself
    return any(not any(a.start <= d.start < a.end for a in ago) for d in view.get("date_hint"))


def closes(view: _View, drafts: list[Draft]) -> list[Draft]:
    """The drafts less those a "Two years after the Jeddah talks broke down, ..." clause
    dates as history."""
    if view.get(LONG_AFTER):
        drafts = [d for d in drafts if not view.scope.governs(LONG_AFTER, d.trigger)]
    return drafts


def code_sentence(s: Sentence, tax: Taxonomy | None = None) -> list[Draft]:
    """Every event the sentence states, at most one per type, by the default coder's rule
    book (`engine.RuleBook`) and `tax` (default: the default coder's taxonomy)."""
    from streams.classify.loader import default_coder

    view = _View(s, tax)
    if not opens(view):
        return []
    return closes(view, default_coder().rules.code_sentence(view))


def _inside(hit: Hit, spans: list[Hit]) -> bool:
    """Whether `hit` overlaps any of `spans`."""
    return any(s.start < hit.end and hit.start < s.end for s in spans)
