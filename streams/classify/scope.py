"""Which cues govern a trigger: negation, hedges, intent and background, NegEx style.

A cue governs a trigger when it comes before it in the same clause, within a few words.
That keeps "did not attack" and "could trigger" out, while "rejected ..., arguing that it
would" stays a rejection.
"""

from __future__ import annotations

import re
import threading
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Iterable

from streams.classify.lexicon import Hit

NEGATION = "negation"
HEDGE = "hedge"
INTENT = "intent"
BACKGROUND = "background"
DENIAL = "denial"
AFTER = "after_clause"
LONG_AFTER = "long_after"
# a standing charge, no incident: "since the truce began", "systematically" before a breach word
STANDING = "standing"
# a negation that follows its noun: "атаки ... не было", "ударов не было" (read in `governs`
# for NEGATION: a cue after the trigger, the next words of its clause, no other cue between)
NEGATION_AFTER = "negation_after"

# a relative aside ("the truce, which took effect on Sunday, ...") that dates or names
# something other than the sentence's own clause: shared by the rules, roles and the coder
ASIDE = re.compile(r",\s*(?:which|who)\b[^,;]*,")
_BARRIER = re.compile(r"[;:—(]|,\s|\s(?:but|while|although|though|whereas|and)\s|[“”\"]")
_WINDOW = {NEGATION: 6, HEDGE: 8, INTENT: 7, BACKGROUND: 8, DENIAL: 14, AFTER: 8,
           LONG_AFTER: 14, STANDING: 8}
# words between a noun trigger and the negation after it ("атаки на город не было": 2)
_AFTER_WINDOW = 4
# a condition's reach ("если ..." to the end of its clause): further than another hedge's
_CONDITION_WINDOW = 14
# the cue categories a negation after a noun may belong to instead of the trigger: "в
# результате удара пострадавших не было" negates the casualties, not the strike
_NOUN_CUES = frozenset({"attack", "airstrike", "aerial", "artillery", "bombing", "small_arms",
                        "terror", "cyber", "damage", "kill", "wound", "missing", "truce",
                        "talks", "naval_drone"})
# of those, the weapons: one right after the trigger is its instrument ("атаки беспилотников на
# завод не было" negates the attack), not a noun the negation would belong to instead
_INSTRUMENTS = frozenset({"aerial", "naval_drone", "artillery"})
# a subordinate "after"/"since" clause runs on over "and" ("hours after A and B agreed")
_SOFT_BARRIER = re.compile(r"[;:—(]|,\s|\s(?:but|while|although|though|whereas)\s|[“”\"]")
_PAST_CLAUSE = re.compile(r"\s(?:after|since)\s", re.IGNORECASE)
_MODALS = frozenset({"could", "would", "might", "may", "could trigger", "would trigger",
                     "likely to", "is likely", "are likely"})
_RELATIVE = re.compile(r"\b(?:that|which|who|where|said|says|warned)\b")
# staged violence: "drills simulating blockades of ports and strikes" covers the whole list
STAGED = ("simulat", "rehears", "drill", "exercise", "war game", "wargame", "practis", "practic",
          "test launch", "test-launch", "test fire", "test-fire", "test range")
# a sentence that opens on a condition or a scenario: "If ...", "In a second scenario, ...",
# a war game's "In the scenarios, ..." (every run it reports is imagined), or a candidate's
# pledge ("When I am governor, there will be no truce", "A government I support will never")
_CONDITIONAL = re.compile(
    r"[\"“]?(?:if|unless|should|in case|(?:in|under)\s+(?:a|the|one|another|this|that|these|"
    r"those|all|most|some|many)\s+(?:[\w-]+\s+)?scenarios?|(?:when|once)\s+(?:i\s+am|"
    r"elected)|a\s+government\s+i\s+(?:support|lead))\b", re.IGNORECASE)
# a condition runs on over "and" like a subordinate clause: "if the sanctions return and
# talks fail", "in case the talks between A and B fail" (English's; a hedge cue whose whole
# text is one of these)
_CONDITIONALS = frozenset({"if", "unless", "in case"})


# the comma that closes a parenthetical hedge ("армия, вероятно, попытается")
_PARENTHESIS_CLOSE = re.compile(r"\s*,(?=\s)")
_TOKEN = re.compile(r"\S+")  # `\s` is exactly what str.split() splits on (str.isspace)
_SHORT_GAP = 160  # characters: a gap this short is counted directly, faster than an index


class _WordOffsets(threading.local):
    """Where the words of the last long text asked about start and end (one text at a time:
    the coder reads one field after another), as compact arrays for bisection.

    Per thread: the worker codes in a budgeted thread (streams/budget.py), and a thread left
    running past its budget must not swap the arrays under its successor."""

    def __init__(self) -> None:
        self.text = ""
        self.starts = array("q")
        self.ends = array("q")

    def count(self, text: str, start: int, end: int) -> int:
        if self.text is not text:
            starts, ends = array("q"), array("q")
            for match in _TOKEN.finditer(text):
                starts.append(match.start())
                ends.append(match.end())
            self.text, self.starts, self.ends = text, starts, ends
        # the words that start before `end`, less those that end by `start`
        return bisect_left(self.starts, end) - bisect_right(self.ends, start)


_OFFSETS = _WordOffsets()


def words_between(text: str, start: int, end: int) -> int:
    """Words in text[start:end], a word cut by either end included: len(slice.split()).

    The rules ask this of pairs of cues, so counting by splitting each gap costs the square
    of a long sentence's length; a long gap is counted from the text's word offsets instead
    (found once per text) by bisection."""
    if end - start <= _SHORT_GAP or start < 0:
        return len(text[start:end].split())
    return _OFFSETS.count(text, start, end)


class Scope:
    """Cue hits of one sentence, indexed for the scope questions the rules ask."""

    def __init__(
        self, text: str, start: int, hits: Iterable[Hit],
        barriers: tuple[re.Pattern[str], re.Pattern[str]] | None = None,
        modals: frozenset[str] | None = None,
        staged: tuple[str, ...] | None = None,
        conditionals: tuple[frozenset[str], re.Pattern[str]] | None = None,
    ) -> None:
        self.text = text
        self.start = start
        # the language's exercise stems ("simulant", "имитирующ..."): a hedge that stages
        # the act reaches past "and" like a subordinate clause; English's by default
        self.staged = staged or STAGED
        # the language's modals after a noun trigger ("удары ... будут продолжены"); English's
        self.modals = modals or _MODALS
        # the language's clause barriers (`LanguageSettings.barriers`); English's by default
        self.barrier, self.soft_barrier = barriers or (_BARRIER, _SOFT_BARRIER)
        # "warned of more strikes after drones hit the refinery": what an intent or a hedge
        # is about stops at a clause of what already happened (English's; none by default
        # for a language with barriers of its own)
        self.past_clause = None if barriers else _PAST_CLAUSE
        # the language's condition words ("если", "якщо"): a hedge that is one reaches past
        # "and" and to the end of its clause, and a sentence that opens with one is
        # hypothetical throughout (English's "if", "unless", "in case" by default)
        self.conditionals, opener = conditionals or (_CONDITIONALS, _CONDITIONAL)
        self.conditional = opener.match(text, start) is not None
        exceptions = [h for h in hits if h.cat == "negation_exception"]
        self.cues: dict[str, list[Hit]] = {
            NEGATION: [], HEDGE: [], INTENT: [], BACKGROUND: [], DENIAL: [], AFTER: [],
            LONG_AFTER: [], STANDING: [], NEGATION_AFTER: [],
        }
        # the noun cues a negation after a trigger may belong to instead (reading order)
        self.nouns = [h for h in hits if h.cat in _NOUN_CUES]
        # sentence-wide: a refuted claim ("reports ... were untrue"), a retrospective one
        self.refuted = False
        self.retro = False
        for hit in hits:
            if hit.cat == "refuted":
                self.refuted = True
            elif hit.cat == "retro":
                self.retro = True
            if hit.cat not in self.cues:
                continue
            if hit.cat in (NEGATION, NEGATION_AFTER) and any(
                e.start <= hit.start < e.end for e in exceptions
            ):
                continue
            self.cues[hit.cat].append(hit)
        self.negation_starts = [n.start for n in self.cues[NEGATION]]  # in reading order

    def governs(self, cat: str, trigger: Hit) -> bool:
        """True if a `cat` cue scopes over `trigger` (before it, same clause, close).

        Negation includes denials, which reach further: "denied a report that X rejected"."""
        if cat == HEDGE and self.conditional:
            return True
        if cat == NEGATION and self.governs(DENIAL, trigger):
            return True
        if cat == NEGATION and self.cues[NEGATION_AFTER] and self._negated_after(trigger):
            return True
        for cue in self.cues[cat]:
            if cue.start >= trigger.start:
                continue
            if cue.end > trigger.start:
                return True  # the trigger inside the cue: "to prevent the collapse"
            word = self.text[cue.start : cue.end].lower()
            condition = cat == HEDGE and word in self.conditionals
            staged = condition or (cat == HEDGE and word.startswith(self.staged))
            barrier = self.soft_barrier if cat in (AFTER, LONG_AFTER) or staged else self.barrier
            window = 2 if word == "without" else (
                _CONDITION_WINDOW if condition else _WINDOW[cat])
            if words_between(self.text, cue.end, trigger.start) > window:
                continue  # "without agreement after X walked out": "without" takes its noun
            after = self._parenthetical(cue) if cat == HEDGE else cue.end
            if barrier.search(self.text, after, trigger.start) is not None:
                continue
            if (cat in (INTENT, HEDGE) and not staged and self.past_clause is not None
                    and self.past_clause.search(self.text, after, trigger.start) is not None):
                continue
            return True
        return False

    def _parenthetical(self, cue: Hit) -> int:
        """Where a hedge's clause starts: after the comma that closes it when the hedge is a
        parenthetical set off by commas ("армия, вероятно, попытается ...", "Possibly, the
        talks ..."), which belongs to the clause it stands in; else at its end."""
        text = self.text
        comma = _PARENTHESIS_CLOSE.match(text, cue.end)
        if comma is None:
            return cue.end
        before = text[self.start : cue.start].rstrip()
        return comma.end() if not before or before.endswith(",") else cue.end

    def _negated_after(self, trigger: Hit) -> bool:
        """ "ударов по городу не было": a negation cue right after the noun trigger, in its
        clause, with no other noun cue between (which it would negate instead)."""
        for cue in self.cues[NEGATION_AFTER]:
            if cue.start < trigger.end:
                continue
            if words_between(self.text, trigger.end, cue.start) > _AFTER_WINDOW:
                return False  # in reading order: the later ones are further still
            if self.barrier.search(self.text, trigger.end, cue.start) is not None:
                return False
            between = [h for h in self.nouns if trigger.end <= h.start < cue.start]
            if between and between[0].cat in _INSTRUMENTS and trigger.cat not in _INSTRUMENTS \
                    and not self.text[trigger.end : between[0].start].strip():
                # the weapon of the act ("атаки беспилотников"), and its other words
                between = [h for h in between[1:] if h.start >= between[0].end]
            return not between
        return False

    def modal_after(self, trigger: Hit) -> bool:
        """A noun trigger as the subject of a modal: "a strike ... could trigger"."""
        for cue in self.cues[HEDGE]:
            if cue.start < trigger.end or words_between(self.text, trigger.end, cue.start) > 8:
                continue
            if self.text[cue.start : cue.end].lower() not in self.modals:
                continue
            gap = self.text[trigger.end : cue.start]
            return self.barrier.search(gap) is None and _RELATIVE.search(gap) is None
        return False

    def blocked(self, trigger: Hit, cats: Iterable[str]) -> bool:
        return any(self.governs(cat, trigger) for cat in cats)

    def negated_after(self, hit: Hit, follow: Iterable[Hit]) -> bool:
        """"the plant was not damaged": a negation between a noun and the verb after it.

        `follow` is in reading order, so the first verb more than five words on ends the
        search (the ones after it are further still), and the negations (in reading order
        too) are found by bisection: a bounded look, not a pass over the sentence per verb."""
        starts = self.negation_starts
        if not starts:
            return False
        first = bisect_left(starts, hit.end)  # the first negation at or after the noun
        for verb in follow:
            if verb.start <= hit.end:
                continue
            if words_between(self.text, hit.end, verb.start) > 5:
                break
            if first < len(starts) and starts[first] < verb.start:
                return True
        return False
