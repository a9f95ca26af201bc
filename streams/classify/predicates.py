"""The named predicates rule specs refer to (`unless`, `require`, `prefer`, `drop_if_all`,
`code_if`, `or_if`, an object's `unless`) and the trigger finders (`finder`): what is truly
linguistic stays code, small and named, and a language's rules.yaml selects it by name.

Every predicate takes the sentence view and one hit (a trigger, or an object) and answers
one question about it; each is registered with an example it holds for and one it does not
(the unit tests run both), and with the named distances it reads from the rule book. These
are English predicates: another language registers its own and names them in its specs.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass
from operator import attrgetter

from streams.classify.actors import Mention
from streams.classify.figures import Count
from streams.classify.hits import Hit
from streams.classify.roles import (
    assign,
    blamed_party,
    broker,
    owner,
    parties,
    possessive,
    prev_word,
    speaker,
)
from streams.classify.rules import _inside, _View
from streams.classify.scope import (
    AFTER,
    ASIDE,
    BACKGROUND,
    DENIAL,
    INTENT,
    LONG_AFTER,
    NEGATION,
    STAGED,
    words_between,
)
from streams.classify.words import Words

_CLAUSE_GAP = re.compile(r"[,;:.]")
# violence named in the sentence itself (categories, not words)
_VIOLENT_CUES = frozenset({"attack", "bombing", "aerial", "airstrike", "artillery", "small_arms",
                           "terror", "conflict", "intercept"})

# characters looked back from a cue for the words before it: a few words
_LOOK_BACK = 40
_WORDS_LOOK_BACK = 30
_ACCUSER_LOOK_BACK = 60  # "the junta's spokesman in Niamey accused ..."

# "a proposal ... had been unveiled", "Paris had circulated the plan": a proposal named only
# by an anaphor; it stands when the article names a truce (coder.py checks)
_ANAPHOR_AFTER = re.compile(
    r"\s+(?:\w+\s+){0,2}?the\s+(?:new\s+|revised\s+|draft\s+)?"
    r"(?:plan|proposal|offer|initiative|draft|framework|idea|text)\b", re.IGNORECASE)
_ANAPHOR_BEFORE = re.compile(
    r"\b(?:the|this|that)\s+(?:new\s+|revised\s+)?(?:plan|proposal|offer|initiative|draft|"
    r"framework|idea)\s+(?:had\s+|has\s+)?(?:been|was|is)\s+(?:first\s+)?$", re.IGNORECASE)
_BE = frozenset({"be", "been", "being", "was", "were", "is", "are"})
_CONDITION_FREE_COULD = re.compile(r"could\b", re.IGNORECASE)
# "counter-terrorism", "anti-terror": the word names a police function, not an accusation
_COUNTER = re.compile(
    r"(?:counter|anti)[\s-]?$|\b(?:against|war\s+on|combat(?:ing)?|counter(?:ing)?|fight(?:ing)?"
    r"|(?P<sponsor>financing\s+of|sponsors?\s+of))\s+(?:the\s+)?(?:global\s+|international\s+)?$",
    re.IGNORECASE)
_DETERMINER = frozenset({"the", "a", "an", "its", "their", "this", "that", "his", "her"})
# "Moscow would hit decision-making centres": force stated as the speaker's own future act
_FUTURE_FORCE = re.compile(
    r"\b(?:would|will|could|(?:is|are|was|were|stands?|stood)\s+ready\s+to|"
    r"(?:is|are|was|were)\s+prepared\s+to)\s+(?:\w+ly\s+)?"
    r"(?:hit|strike|target|attack|destroy|retaliate|respond|use\s+force|crush|wipe\s+out|"
    r"set\s+(?:[\w'-]+\s+){1,6}on\s+fire|turn\s+(?:[\w'-]+\s+){1,3}into\s+(?:ashes|rubble)|"
    r"keep\s+(?:targeting|attacking|striking)|continue\s+(?:targeting|attacking|striking|to\s+"
    r"(?:target|attack|strike)))\b", re.IGNORECASE)
_HYPOTHETICAL = re.compile(r"\b(?:whether|if|could|might|may)\s+(?:[\w'-]+\s+){0,3}$",
                           re.IGNORECASE)
_IF = re.compile(r"\b(?:if|unless|should)\b", re.IGNORECASE)
# "the proposal, if accepted, would ...": a condition set off right after the noun
_IF_ASIDE = re.compile(r"\w*\s*,\s*(?:if|once|when)\s+(?:\w+\s+){0,2}?\w+(?:ed|en)\s*,",
                       re.IGNORECASE)
_INABILITY = frozenset({"failed to", "fail to", "fails to", "failing to", "unable to"})
_MEET = frozenset({"met", "meet", "meets"})
_MET_WITH = re.compile(
    r"\s+with\s+(?:a\s+|an\s+|the\s+)?(?:[\w'\"“”-]+\s+){0,2}?[\"“]?(?:response|force|fire|"
    r"resistance|retaliation|protests?|criticism|silence|anger|scepticism|skepticism)\b",
    re.IGNORECASE)
_PARTICIPLES = frozenset({"signed", "brokered", "agreed", "declared", "reached", "struck"})
# "the ceasefire [between A and B] [, which ...,] was broken": the truce noun as a passive subject
_PASSIVE_GAP = re.compile(
    r"(?:\s+(?:between|in|on|with|along|around|across|over|for|of)\b[^,;.]*?)?"
    r"\s+(?:has\s+|had\s+)?(?:been|was|were|is|are)\s+(?:\w+ly\s+)?", re.IGNORECASE)
_PREPOSITIONAL = re.compile(r"\s(?:from|of|on)$")
# "walked out of the concert hall": the "of" after a verb ending in "out"
_OUT_OF = re.compile(r"(?<=out)\s+of\b", re.IGNORECASE)
_RELATIVE_GAP = re.compile(r"^,?\s*(?:which|that)\s+(?:(?:has|had|was|is)\s+)?(?:been\s+)?$")
_RELATIVE_NOT = re.compile(
    r"\b(?:that|which|who)\s+(?:had\s+|have\s+|has\s+)?(?:not|never|did\s+not|didn't|"
    r"refused\s+to|declined\s+to)\s+(?:\w+\s+)?$", re.IGNORECASE)
_RESPONDING = re.compile(
    r"\b(?:responding|in\s+response|reacting|replying)\s+to\s+(?:[\w'-]+\s+){0,3}$", re.IGNORECASE)
_SELF_SUBJECT = re.compile(
    r"\b(?:it|they|we|the\s+(?:military|army|armed\s+forces|navy|air\s+force|country|group)|"
    r"our\s+(?:forces|army|military|troops))\s+$", re.IGNORECASE)
_TAKE_EFFECT = frozenset({"take effect", "come into force", "go into effect"})
# the speaker's own side named without a country: "it", "we", "the military", "our forces"
_WE = re.compile(r"\bwe\s+$", re.IGNORECASE)
_WORD = re.compile(r"[\w'-]+")
_WORDS_BEFORE = re.compile(r"(?:[\w'’\"-]+\s+){1,3}$")


def _not_a_proposal(view: _View, hit: Hit, truce: list[Hit]) -> bool:
    """ "a proposed 60-day pause" (an adjective), "asked whether Bangkok would propose",
    "could demand a halt", "urged the monitors to act" after a breach of the truce: none is a
    party putting a truce forward."""
    text = view.s.text
    before = _WORDS_BEFORE.search(text, max(view.s.start, hit.start - _LOOK_BACK), hit.start)
    words = before.group().lower().split() if before else []
    word = _WORD.match(text, hit.start)
    if word and word.group().lower() in ("proposed", "suggested") and words and (
        words[-1] in _DETERMINER
    ):
        return True
    if _HYPOTHETICAL.search(text, max(view.s.start, hit.start - _LOOK_BACK), hit.start):
        return True
    # the truce is named before the demand, or after it only in an aside about someone
    # else: what is urged is something else ("called it a violation of the ceasefire and
    # urged the monitors to act", "urged the United States, which brokered the truce, to act")
    if hit.cat not in ("demand", "appeal"):
        return False
    after = [t for t in truce if t.start >= hit.end]
    if not after:
        return True
    asides = [m.span() for m in ASIDE.finditer(text, hit.end, view.s.end)]
    return bool(asides) and all(any(a <= t.start < b for a, b in asides) for t in after)


def _not_an_agreement(view: _View, hit: Hit, breaches: list[Hit]) -> bool:
    """An agreement word that names the truce being breached, offered or discussed:
    "violating a U.S.-brokered moratorium", "a truce the elders had brokered", "offered to
    extend", "held talks on extending the truce", "groups that agree to join talks"."""
    text = view.s.text
    if hit.start > view.s.start and text[hit.start - 1] == "-":
        return True  # "U.S.-brokered", "UN-brokered": a compound adjective
    before = _WORDS_BEFORE.search(text, max(view.s.start, hit.start - _LOOK_BACK), hit.start)
    words = before.group().lower().split() if before else []
    if words and words[-1] in {"had", "that", "who", "which"}:
        return True
    if words and words[-1] in {"on", "about", "over", "discuss", "discussing"}:
        return True
    if words and words[-1] == "to" and text[hit.start : hit.end].lower() in _TAKE_EFFECT:
        return True  # "a ceasefire ... to take effect within days": not yet in force
    if any(p.end <= hit.start and words_between(text, p.end, hit.start) <= view.distances["close"]
           for p in view.get("propose", "demand", "appeal")):  # "offer|ed on Monday to extend"
        return True
    # "accused ... of violating the ceasefire commitments both sides signed": the agreement
    # named inside a breach is the old one
    return any(b.end <= hit.start for b in breaches)


def _claim_object(view: _View, hit: Hit) -> bool:
    # (a prefix cue ends mid-word: "dismiss|ing Israeli media reports")
    close, text = view.distances["close"], view.s.text
    if any(c.start >= hit.end and words_between(text, hit.end, c.start) <= close
           for c in view.get("claim_noun")):
        return True
    # "calling it a breach of the truce, an accusation Phnom Penh rejected": the claim noun
    # before its rejecter, in the same clause (not "the report that Hamas rejected ...")
    complementizers = view.words.set("complementizers")
    return any(c.end <= hit.start and words_between(text, c.end, hit.start) <= close
               and not _CLAUSE_GAP.search(text, c.end, hit.start)
               and not complementizers.intersection(text[c.end : hit.start].lower().split())
               for c in view.get("claim_noun"))


def _breaks_truce(view: _View, hit: Hit, truce: list[Hit]) -> bool:
    """ "broke its own truce", "the ceasefire was broken", "shelled ... despite its declared
    truce" (this one only beside violence: "despite the truce, talks stalled" is no breach)."""
    text, short = view.s.text, view.distances["short"]
    if hit.cat == "despite" and not any(h.cat in _VIOLENT_CUES or h.cat == "kill"
                                        for h in view.s.hits):
        return False
    for noun in truce:
        if noun.start >= hit.end and words_between(text, hit.end, noun.start) <= short and not (
            _CLAUSE_GAP.search(text, hit.end, noun.start)
        ):
            return True
        if hit.cat == "break" and noun.end <= hit.start and _PASSIVE_GAP.fullmatch(
            ASIDE.sub("", text[noun.end : hit.start])  # "the ceasefire, which took effect
        ):                                              # at midnight, was broken"
            return True
    return False


def _modifies(view: _View, hit: Hit, truce: list[Hit]) -> bool:
    """An agreement word that only describes the truce noun, not a new agreement:
    "a ceasefire brokered by Angola", "the truce signed this month", "the freshly agreed pause"."""
    text, adjacent = view.s.text, view.distances["adjacent"]
    participles = _PARTICIPLES | view.words.set("truce_participles")
    for noun in truce:
        if noun.end <= hit.start and _RELATIVE_GAP.match(text[noun.end : hit.start]):
            return True  # "the truce, which took effect on Sunday, ..."
        if (noun.end <= hit.start and text[noun.end : hit.start].strip() == ","
                and text[hit.start : hit.end].lower() in participles):
            return True  # "the ceasefire, agreed at talks in July, ..."
        if (noun.end <= hit.start and words_between(text, noun.end, hit.start) == 0
                and text[hit.start : hit.end].lower() in participles):
            return True  # a participle right after the noun, no auxiliary between
        if hit.end <= noun.start and words_between(text, hit.end, noun.start) <= adjacent:
            before = text[max(view.s.start, hit.start - _WORDS_LOOK_BACK) : hit.start].split()
            if before and (before[-1].lower() in _DETERMINER or before[-1].endswith("ly")):
                return True
    return False


def _passive_end(w: Words) -> re.Pattern[str]:
    """A passive auxiliary right before a rejection ("... was rejected", "... было
    отвергнуто"): the language's `passive_aux` (English: was, were, been)."""
    return w.pattern("passive_end", lambda w: rf"\b{w.alt('passive_aux')}\s+(?:\w+ly\s+)?$")


def _agent_after(w: Words) -> re.Pattern[str]:
    """The passive's agent preposition right after a verb ("rejected by Hamas"; a stem's hit
    ends inside its word: the rest of the word first)."""
    return w.pattern("agent_after",
                     lambda w: rf"\w*\s+{w.alternation(tuple(sorted(w.agent_preps)))}\b")


def _rejected_object(view: _View, hit: Hit) -> bool:
    """A proposal that is only the object of a rejection: "rejected a proposal for ...",
    "rejected a UN envoy's appeal", "rejected Kyiv's ceasefire proposal" (the golden table:
    its owner is the rejection's target, the proposal's making is not reported)."""
    text = view.s.text
    passive_end = _passive_end(view.words)
    agent_after = _agent_after(view.words)
    if _subject_words(view, hit) <= view.distances["modifier"] and any(
        r.start > hit.end and (passive_end.search(text, hit.end, r.start)
                               or agent_after.match(text, r.end))
        for r in view.get("reject")
    ):
        # "A proposal for a week-long pause ... was rejected by Hamas", and the headline's
        # passive without its auxiliary: "Week-long truce offer rejected by Hamas"
        return True
    floor = max(view.s.start, hit.start - _LOOK_BACK)
    close = view.distances["close"]
    if view.get("reject") and _RESPONDING.search(text, floor, hit.start):
        return True  # "saw no point in a truce, responding to a European call for a pause"
    return any(
        r.end <= hit.start and words_between(view.s.text, r.end, hit.start) <= close
        and "," not in view.s.text[r.end : hit.start]
        for r in view.get("reject")
    )


def _subject_words(view: _View, hit: Hit) -> int:
    """Words from the sentence's start to `hit`, a party's name counted as one word: "A
    United Nations proposal" opens its sentence as "A Qatari proposal" does."""
    s = view.s
    count = words_between(s.text, s.start, hit.start)
    for m in s.mentions:
        if m.end <= hit.start:
            count -= max(0, len(s.text[m.start : m.end].split()) - 1)
    return count


def _nearest(view: _View, hit: Hit, nouns: list[Hit]) -> Hit:
    return min(nouns, key=lambda n: (view.distance(hit, [n]), abs(n.start - hit.start)))


def _unable(view: _View, hit: Hit) -> bool:
    modifier = view.distances["modifier"]
    return any(
        n.end <= hit.start and words_between(view.s.text, n.end, hit.start) <= modifier
        and view.s.text[n.start : n.end].lower() in _INABILITY
        for n in view.get("negation")
    )


def _quoted(view: _View, hit: Hit) -> bool:
    """ "'This is a terrorist act,' he said": words inside a quotation that the sentence
    attributes to a speaker are that speaker's accusation, named or not."""
    text = view.s.text
    before = text[view.s.start : hit.start]
    inside = (before.count('"') % 2 == 1 or before.count("“") > before.count("”")
              or (before.count("'") - before.count("'s")) % 2 == 1)
    settings = view.words.settings
    # the language's own marks: "назвал произошедшее «актом ядерного терроризма»"
    inside = inside or any(before.count(o) > before.count(c) for o, c in
                           zip(settings.quotes_open, settings.quotes_close, strict=False))
    if not inside and settings.quotes_close:
        # «Перше речення. Це терористи», – заявив він: the quotation opened a sentence back
        after = text[hit.end : view.s.end]
        closes = [after.find(c) for c in settings.quotes_close if c in after]
        first = min(closes, default=-1)
        inside = first >= 0 and not any(o in after[:first] for o in settings.quotes_open)
    return inside and bool(view.get("report", "accuse"))


# where a quotation's speaker is named after it closes: `," he said` (a comma, or the !…
# that replace it, inside the mark), `», - сказал он` / `“, sagte er` / `», a déclaré`; a
# question ("?" before the close) asks, it accuses no one
_ATTRIBUTED_BEFORE = frozenset(",!…")
_ATTRIBUTION_AFTER = re.compile(r"\s*,\s*(?:[-—–]\s*)?[^\W\d_]")
_DASH_AFTER = re.compile(r"\s*[-—–]\s*[^\W\d_]")  # «...!» - воскликнул он
_QUOTE_REACH = 800  # characters a quotation may run over, either side of the word


def _quote_attributed(view: _View, hit: Hit) -> bool:
    """The word is inside a quotation, opened before it in its paragraph (maybe a sentence
    or two back) and closed after it (maybe a sentence or two on), whose close is followed by
    its speaker: "«Это теракт. Мы ответим», - сказал он" attributes both of its sentences,
    though only the last one names the speaker."""
    text = view.s.text
    floor = max(0, hit.start - _QUOTE_REACH, text.rfind("\n", 0, hit.start) + 1)
    ceiling = text.find("\n", hit.end, hit.end + _QUOTE_REACH)
    ceiling = ceiling if ceiling >= 0 else min(len(text), hit.end + _QUOTE_REACH)
    settings = view.words.settings
    before = text[floor : hit.start]
    pairs = [(o, c) for o, c in zip(settings.quotes_open, settings.quotes_close, strict=False)
             if before.count(o) > before.count(c)]
    if before.count('"') % 2 == 1:
        pairs.append(('"', '"'))
    if "“" not in settings.quotes_close and before.count("“") > before.count("”"):
        pairs.append(("“", "”"))
    for opening, closing in pairs:
        depth, at = 0, hit.end
        while True:
            at = min((i for i in (text.find(closing, at, ceiling),
                                  -1 if opening == closing else text.find(opening, at, ceiling))
                      if i >= 0), default=-1)
            if at < 0:
                break
            if text[at] == opening and opening != closing:
                depth += 1
            elif depth:
                depth -= 1
            else:
                last = text[at - 1]
                if last == "?":
                    break
                if (last in _ATTRIBUTED_BEFORE and text[at + 1 : at + 2].isspace()
                        and text[at + 2 : at + 3].isalpha()):
                    return True
                if _ATTRIBUTION_AFTER.match(text, at + 1) is not None or (
                        last in "!…" and _DASH_AFTER.match(text, at + 1) is not None):
                    return True
                break
            at += 1
    return False


def _generic_accuser(w: Words) -> re.Pattern[str]:
    # the language's `accuser_nouns` (English: "the junta", "the ministry", "police"), then up
    # to 30 characters of its own words before the accusation verb
    return w.pattern("generic_accuser",
                     lambda w: rf"\b{w.alt('accuser_nouns')}\b[^,;]{{0,30}}$")


def _unnamed_accuser(view: _View, terror: Hit) -> bool:
    """ "the junta accused Algeria of harbouring terrorists", "in what the government called a
    terrorist attack": an institution not named by country is still an accuser."""
    text, accuser = view.s.text, _generic_accuser(view.words)
    for cue in view.get("accuse", "accused_of"):
        if cue.start > terror.start:
            continue
        floor = max(view.s.start, cue.start - _ACCUSER_LOOK_BACK)
        if accuser.search(text, floor, cue.start):
            return True
    return False


def _possessive_speaker(view: _View) -> Mention | None:
    """ "Iran's defence minister said": the owner of the speaking official."""
    close = view.distances["close"]
    for report in view.get("report"):
        owners = [m for m in view.s.mentions if m.end <= report.start
                  and possessive(view.s.text, m)
                  and words_between(view.s.text, m.end, report.start) <= close
                  and "," not in view.s.text[m.end : report.start]]
        return owners[-1] if owners else None
    return None


# every `_FUTURE_FORCE` match has one of these words (lowercased)
_FUTURE_WORDS = ("would", "will", "could", "ready", "prepared")


def _no_future_force(text: str, start: int, end: int) -> bool:
    """`_FUTURE_FORCE` has no match in text[start:end]. In ASCII text a sentence without
    one of `_FUTURE_WORDS` has none, found without the regex (case-insensitive, it has no
    literal to skip ahead to and tries every position); other text ("wıll": a dotless i
    matches "i" case-insensitively) asks the regex."""
    window = text[start:end]
    if window.isascii():
        window = window.lower()
        if not any(word in window for word in _FUTURE_WORDS):
            return True
    return _FUTURE_FORCE.search(text, start, end) is None


def _future_force(view: _View) -> list[Hit]:
    """ "Medvedev said Moscow would hit decision-making centres if ...": a party's own side
    stating it will use force is a threat; "Kyiv said Russia would strike again" is not."""
    text = view.s.text
    if _no_future_force(text, view.s.start, view.s.end):
        return []  # no "would hit" at all (most sentences): no speaker to look for
    said_by = speaker(view.s) or _possessive_speaker(view)
    if said_by is None or not said_by.entry.country:
        # "'... we will set their bases on fire,' the commander told state TV": a quoted
        # first-person vow is its speaker's threat even when the speaker is not a party
        for match in _FUTURE_FORCE.finditer(text, view.s.start, view.s.end):
            if (_WE.search(text, max(view.s.start, match.start() - 12), match.start())
                    and _quoted(view, Hit(match.start(), match.end(), "threat", ""))):
                return [Hit(match.start(), match.end(), "threat", "")]
        return []
    for match in _FUTURE_FORCE.finditer(text, view.s.start, view.s.end):
        cue = next((h for h in view.s.hits if h.start == match.start()), None)
        if view.scope.governs(NEGATION, cue or Hit(match.start(), match.end(), "", "")):
            continue
        before = [m for m in view.s.mentions if m.end <= match.start()]
        subject = before[-1] if before else None
        own = subject is not None and (
            words_between(text, subject.end, match.start()) == 0
            and subject.entry.country == said_by.entry.country
        )
        if not own and not (subject is said_by
                            and _SELF_SUBJECT.search(text, subject.end, match.start())):
            continue
        if _CONDITION_FREE_COULD.match(match.group()) and not _IF.search(text, match.end(),
                                                                         view.s.end):
            continue  # "could strike" is a threat only with its condition: "... if ..."
        return [Hit(match.start(), match.end(), "threat", "")]
    return []


# --- the registry -----------------------------------------------------------------------

Test = Callable[[_View, Hit], bool]
Example = tuple[str, str, str]  # (sentence, the hit's text, the hit's category)


@dataclass(frozen=True)
class Predicate:
    """A named question about one hit, with an example it holds for and one it does not."""

    name: str
    test: Test
    holds: Example
    fails: Example
    distances: tuple[str, ...] = ()
    lists: tuple[str, ...] = ()


CountExample = tuple[str, str, str, int | None]  # (sentence, hit text, category, the count)


@dataclass(frozen=True)
class Counter:
    """A named reader of the figure a casualty cue states, with two examples."""

    name: str
    count: Callable[[_View, Hit], Count | None]
    holds: CountExample
    fails: CountExample
    distances: tuple[str, ...] = ()
    lists: tuple[str, ...] = ()


PREDICATES: dict[str, Predicate] = {}
FINDERS: dict[str, Callable[[_View], list[Hit]]] = {}
COUNTERS: dict[str, Counter] = {}


def predicate(
    name: str, *, holds: Example, fails: Example, distances: tuple[str, ...] = (),
    lists: tuple[str, ...] = (),
) -> Callable[[Test], Test]:
    """Register `name`: the specs refer to it, the loader checks it exists, that the rule
    book names the `distances` it reads and that the lexicon has the word `lists` it reads.
    A hit of category `count` in an example is the figure itself (for count predicates)."""

    def register(test: Test) -> Test:
        if name in PREDICATES:
            raise ValueError(f"predicate {name!r} registered twice")
        PREDICATES[name] = Predicate(name, test, holds, fails, distances, lists)
        return test

    return register


def counter(
    name: str, *, holds: CountExample, fails: CountExample, distances: tuple[str, ...] = (),
    lists: tuple[str, ...] = (),
) -> Callable[[Callable[[_View, Hit], Count | None]], Callable[[_View, Hit], Count | None]]:
    """Register the counter `name` (a toll spec's `count`) like a predicate."""

    def register(count: Callable[[_View, Hit], Count | None]
                 ) -> Callable[[_View, Hit], Count | None]:
        if name in COUNTERS:
            raise ValueError(f"counter {name!r} registered twice")
        COUNTERS[name] = Counter(name, count, holds, fails, distances, lists)
        return count

    return register


# --- ceasefire ----------------------------------------------------------------------------

@predicate("claim_object", distances=("close",), lists=("complementizers",),
           holds=("Kyiv dismissed reports of shelling as false.", "dismiss", "reject"),
           fails=("Kyiv dismissed the truce.", "dismiss", "reject"))
def claim_object(view: _View, hit: Hit) -> bool:
    """ "dismissing reports of overnight shelling as false": what is rejected is a claim."""
    return _claim_object(view, hit)


@predicate("unable", distances=("modifier",),
           holds=("Negotiators failed to agree on a truce.", "agree", "agree"),
           fails=("Negotiators did not agree on a truce.", "agree", "agree"))
def unable(view: _View, hit: Hit) -> bool:
    """ "negotiators failed to agree on a truce": a stall, not a refusal."""
    return _unable(view, hit)


@predicate("relative_not",
           holds=("Groups that did not sign the truce kept fighting.", "sign", "agree"),
           fails=("The rebels did not sign the truce.", "sign", "agree"))
def relative_not(view: _View, hit: Hit) -> bool:
    """ "groups that did not sign the 2018 peace deal": who they are, not news."""
    return _RELATIVE_NOT.search(view.s.text, max(view.s.start, hit.start - _WORDS_LOOK_BACK),
                                hit.start) is not None


@predicate("not_a_proposal",
           holds=("A proposed truce collapsed.", "propos", "propose"),
           fails=("Qatar proposed a truce.", "propos", "propose"))
def not_a_proposal(view: _View, hit: Hit) -> bool:
    """ "a proposed 60-day pause" (an adjective), "asked whether Bangkok would propose",
    a demand made before the truce is named: no party putting a truce forward."""
    return _not_a_proposal(view, hit, view.get("truce"))


def _uphold(w: Words) -> re.Pattern[str]:
    return w.pattern("uphold", lambda w: rf"\b{w.alt('uphold_verbs')}\b")


@predicate("upholds_truce", lists=("uphold_verbs",), distances=("near",),
           holds=("The envoy urged all parties to respect the ceasefire.", "urged", "appeal"),
           fails=("The envoy urged all parties to agree a ceasefire.", "urged", "appeal"))
def upholds_truce(view: _View, hit: Hit) -> bool:
    """ "urged all parties to respect the peace agreement and the permanent ceasefire it
    established": a call to keep a truce that exists, not to make one."""
    text, within = view.s.text, view.distances["near"]
    uphold = _uphold(view.words)
    return any(t.start > hit.end and words_between(text, hit.end, t.start) <= within
               and uphold.search(text, hit.end, t.start) is not None
               for t in view.get("truce"))


@predicate("rejected_object", distances=("close", "modifier"), lists=("passive_aux",),
           holds=("Hamas rejected a proposal for a truce.", "propos", "propose"),
           fails=("Qatar made a proposal for a truce.", "propos", "propose"))
def rejected_object(view: _View, hit: Hit) -> bool:
    """ "rejected a proposal for ...": a proposal that is only what is rejected."""
    return _rejected_object(view, hit)


def _plan_nouns(w: Words) -> re.Pattern[str]:
    return w.pattern("plan_nouns", lambda w: rf"\b{w.alt('plan_nouns')}\b")


@predicate("plan_rejected", lists=("plan_nouns",), distances=("close",),
           holds=("Israel rejected a Turkish plan for a truce.", "reject", "reject"),
           fails=("Israel rejected a Turkish proposal for a truce.", "reject", "reject"))
def plan_rejected(view: _View, hit: Hit) -> bool:
    """ "rejected a French plan for a phased ceasefire": what is rejected is a plan (CAMEO
    127), the truce only what it is for; "rejected a proposal for a truce" is the truce's
    refusal (1246)."""
    text = view.s.text
    truce = next((t.start for t in view.get("truce") if t.start >= hit.end), view.s.end)
    found = _plan_nouns(view.words).search(text, hit.end, truce)
    return found is not None and words_between(text, hit.end, found.start()) <= (
        view.distances["close"])


def _weapon_subject_re(w: Words) -> re.Pattern[str]:
    return w.pattern("weapon_subject", lambda w: (
        rf"\s+(?:{w.alt('weapon_subject_fillers')}\s+)?$" if w.set("weapon_subject_fillers")
        else r"\s+$"))


@predicate("no_weapon_subject", lists=("weapon_subject_fillers",),
           holds=("The drone operator was killed.", "killed", "kill"),
           fails=("A drone killed four people.", "killed", "kill"))
def no_weapon_subject(view: _View, hit: Hit) -> bool:
    """ "A drone killed four people queuing for water", "Missiles also wounded 12": a weapon
    right before the killing verb (an adverb or auxiliary at most between) is its subject,
    an aerial attack by itself; anything else before it leaves the toll a toll only."""
    text = view.s.text
    pattern = _weapon_subject_re(view.words)
    return not any(a.end <= hit.start and pattern.match(text, a.end, hit.start)
                   for a in view.get("aerial"))


_SINCE_WITHIN = 5  # "since the collapse of peace talks": the clause's own few words
_SINCE_NAMED_WITHIN = 16  # "since talks between A and B led by C broke down"


def _since_re(w: Words) -> re.Pattern[str]:
    return w.pattern("since_clause", lambda w: rf"\b{w.alt('since_words')}\b")


def _civil_party(w: Words) -> re.Pattern[str]:
    return w.pattern("civil_party", lambda w: rf"\b{w.alt('civil_parties')}(?!\w)")


_CIVIL_REACH = 8  # words from the talks' noun to a party named around it


@predicate("civil_talks", lists=("civil_parties",),
           holds=("Talks between the traders' leaders and the tax office collapsed.",
                  "collapsed", "stall"),
           fails=("Talks between the army and the rebels collapsed.", "collapsed", "stall"))
def civil_talks(view: _View, hit: Hit) -> bool:
    """ "Talks between the traders' leaders and the tax office collapsed", "its talks with
    the government on the release of jailed party leaders have collapsed": talks of traders,
    teachers, unions or parties (the language's `civil_parties` within a few words of the
    talks' noun) are another sense, whatever conflict the article also reports."""
    if not view.words.set("civil_parties"):
        return False
    text = view.s.text
    parties = [m.start() for m in _civil_party(view.words).finditer(text, view.s.start,
                                                                      view.s.end)]
    return any(words_between(text, *sorted((talks.end, at))) <= _CIVIL_REACH
               for talks in view.get("talks") for at in parties)


def _literal_object(w: Words) -> re.Pattern[str]:
    return w.pattern("literal_object", lambda w: (
        r"\s+(?:[\w'-]+\s+){0,2}?" rf"{w.alt('stall_literal_objects')}\b"))


@predicate("literal_object", lists=("stall_literal_objects",),
           holds=("A bomb derails a freight train in Yala.", "derails", "stall"),
           fails=("The bombing derails the peace talks.", "derails", "stall"))
def literal_object(view: _View, hit: Hit) -> bool:
    """ "a bomb derails a freight train": the verb's object, within two words, is a train,
    no talks derailed (the language's `stall_literal_objects`)."""
    return bool(view.words.set("stall_literal_objects")) and _literal_object(
        view.words).match(view.s.text, hit.end, view.s.end) is not None


@predicate("pluperfect", lists=("pluperfect_aux",),
           holds=("The talks had stalled after a series of bombings.", "stall", "stall"),
           fails=("The talks stalled on Monday after a bombing.", "stall", "stall"))
def pluperfect(view: _View, hit: Hit) -> bool:
    """ "The talks had stalled after a series of bombings early this year": the word in the
    pluperfect (the language's `pluperfect_aux` right before it, or an adverb between) is
    the past of the story's past, background; not in reported speech, whose tenses shift
    back ("the Kremlin said the delegation had walked out": that day's news)."""
    aux = view.words.set("pluperfect_aux")
    if not aux or any(r.start < hit.start for r in view.get("report")):
        return False
    before = view.s.text[max(view.s.start, hit.start - 30) : hit.start].split()
    return bool(before) and (before[-1].lower() in aux
                             or (len(before) > 1 and before[-2].lower() in aux
                                 and before[-1].lower().endswith("ly")))


@predicate("since_clause", lists=("since_words",),
           holds=("Raids rose since the collapse of talks.", "collapse", "stall"),
           fails=("Talks collapsed on Monday, the ministry said.", "collapsed", "stall"))
def since_clause(view: _View, hit: Hit) -> bool:
    """ "the first round of talks since the process collapsed several years ago", "attacks
    have multiplied since the collapse of peace talks between the government and ...": the
    word is in a clause that "since" opens a few words before it, in the same clause: an
    earlier day's news that dates something else."""
    text, start = view.s.text, view.s.start
    found = None
    for match in _since_re(view.words).finditer(text, max(start, hit.start - 120), hit.start):
        found = match  # the last one before the word
    if found is None:
        return False
    between = text[found.end() : hit.start]
    if any(c in between for c in ",;:"):
        return False
    gap = words_between(text, found.end(), hit.start)
    # "since talks between the government and the faction led by X broke down": the talks
    # the clause opens with may take a long name before their verb
    return gap <= _SINCE_WITHIN or (gap <= _SINCE_NAMED_WITHIN and any(
        t.start >= found.end() and words_between(text, found.end(), t.start) <= 1
        for t in view.get("talks")))


@predicate("mediated_proposal",
           holds=("Qatari mediators proposed a truce in Gaza.", "propos", "propose"),
           fails=("Turkey proposed a truce in Syria.", "propos", "propose"))
def mediated_proposal(view: _View, hit: Hit) -> bool:
    """ "Qatari mediators put forward a truce", "proposed by Turkish mediators", "Britain
    proposed a month-long truce": a go-between, or an actor of the taxonomy's
    `third_parties` (no side of any war covered) offering a truce, proposes as a third
    party's appeal (CAMEO 0256), not as a side's offer (0356); a third party's demand ("France
    demanded a ceasefire") stays a demand."""
    actor = assign(view.s, hit, True).actor
    if actor is None:
        return False
    entry = actor.entry
    return broker(view.s, actor) or (
        hit.cat == "propose" and (entry.country or entry.code) in view.tax.third_parties)


@predicate("owned",
           holds=("Kyiv's proposal for a truce was welcomed.", "propos", "propose"),
           fails=("A proposal for a truce was welcomed.", "propos", "propose"))
def owned(view: _View, hit: Hit) -> bool:
    """ "Kyiv's push for a truce": the word names its owner, the proposer."""
    return owner(view.s, hit) is not None


@predicate("modifies_truce", distances=("adjacent",), lists=("truce_participles",),
           holds=("The truce, which took effect on Sunday, held.", "took effect", "agree"),
           fails=("The two sides signed a truce on Sunday.", "signed", "agree"))
def modifies_truce(view: _View, hit: Hit) -> bool:
    """ "the truce signed in Doha", "the freshly agreed moratorium": the word describes the
    truce named, no new agreement."""
    return _modifies(view, hit, view.get("truce"))


def _of_object(w: Words) -> re.Pattern[str]:
    # "rejection of any displacement": the preposition that opens the verb noun's object
    return w.pattern("of_object", lambda w: rf"\s+{w.alt('object_preps')}\s+\w")


@predicate("other_object", lists=("object_preps",),
           holds=("Cairo urged both sides to keep the ceasefire and reiterated its rejection "
                  "of any displacement.", "reject", "reject"),
           fails=("Hamas announced its rejection of the ceasefire.", "reject", "reject"))
def other_object(view: _View, hit: Hit) -> bool:
    """ "stressed the need to consolidate the ceasefire ... and reiterated Egypt's categorical
    rejection of any displacement": the rejection names its own object (the language's
    `object_preps` right after it), and every truce word of the sentence is before it; no
    truce rejected."""
    truces = view.get("truce")
    if not truces or not view.words.phrases.get("object_preps") or any(
            t.start >= hit.end for t in truces):
        return False
    word = _WORD.match(view.s.text, hit.start)
    end = word.end() if word else hit.end
    return _of_object(view.words).match(view.s.text, end, view.s.end) is not None


_BARE_OBJECT = re.compile(r"\s+([a-z][\w'-]*)\b")  # a lower-case word right after the verb


@predicate("object_apart", lists=("object_determiners",),
           holds=("Ceasefire committee to meet next week, Qassem rules out disarmament",
                  "rules out", "reject"),
           fails=("Qassem rules out a ceasefire with Israel", "rules out", "reject"))
def object_apart(view: _View, hit: Hit) -> bool:
    """ "ceasefire committee to meet next week, army detonates ordnance near Khiam, Qassem
    rules out disarmament": every truce word is in an earlier clause and the rejection takes
    a bare noun of its own right after it; no truce rejected."""
    truces = view.get("truce")
    text = view.s.text
    if not truces or not view.words.set("object_determiners") or any(
            t.start >= hit.end for t in truces):
        return False  # (a language that lists no object openers reads no bare object)
    if not _CLAUSE_GAP.search(text, truces[-1].end, hit.start):
        return False
    word = _BARE_OBJECT.match(text, hit.end, view.s.end)
    if word is None or word.group(1) in view.words.set("object_determiners"):
        return False
    return not any(h.start == word.start(1) for h in view.s.hits)


@predicate("violation_object",
           holds=("The army ruled out a ceasefire violation.", "ruled out", "reject"),
           fails=("The army ruled out a ceasefire.", "ruled out", "reject"))
def violation_object(view: _View, hit: Hit) -> bool:
    """ "Army rules out ceasefire violation": what is rejected is a breach the truce word
    only qualifies (the first truce word after the verb, a violation word right after it), a
    denial, no truce rejected."""
    text = view.s.text
    truce = next((t for t in view.get("truce") if t.start >= hit.end), None)
    return truce is not None and any(
        v.start >= truce.end and not text[truce.end : v.start].strip()
        for v in view.get("violate"))


def _extends_another(w: Words) -> re.Pattern[str]:
    # a determiner and the one or two words of the verb's object
    return w.pattern("extends_another", lambda w: (
        rf"\s+{w.alt('none_determiners')}\s+[\w'-]+(?:\s+[\w'-]+)?"))


@predicate("extends_another", lists=("truce_extenders", "none_determiners"),
           holds=("Oil extended its slump as the truce held.", "extended", "agree"),
           fails=("The two sides extended their truce by a week.", "extended", "agree"))
def extends_another(view: _View, hit: Hit) -> bool:
    """ "Oil extended its slump on Thursday as the ceasefire held": the extending verb's
    object is another noun (a price's slide, a lead), no truce extended; "extended the
    60-day truce" names the truce within its object."""
    text = view.s.text
    if text[hit.start : hit.end].lower() not in view.words.set("truce_extenders"):
        return False
    found = _extends_another(view.words).match(text, hit.end)
    if found is None:
        return False
    return not any(hit.end <= t.start < found.end() for t in view.get("truce"))


@predicate("not_an_agreement", distances=("close",),
           holds=("Militias violated a U.S.-brokered truce.", "brokered", "agree"),
           fails=("The two sides signed a truce.", "signed", "agree"))
def not_an_agreement(view: _View, hit: Hit) -> bool:
    """ "violating a U.S.-brokered moratorium", "offered to extend", "held talks on extending
    the truce": the agreement word names the truce breached, offered or discussed."""
    breaches = view.valid(["violate", "break", "despite"], (NEGATION, "hedge", INTENT))
    return _not_an_agreement(view, hit, breaches)


_OBJECT_REACH = 4  # words from "struck a" to its noun: "struck a new 30-day truce"


@predicate("other_object_struck", lists=("indefinite_articles", "deal_nouns"),
           holds=("The truce monitors said a drone struck a cargo plane.", "struck a", "agree"),
           fails=("The two sides struck a truce on Monday.", "struck a", "agree"))
def other_object_struck(view: _View, hit: Hit) -> bool:
    """ "the ceasefire mechanism ... after an army drone struck a cargo plane": an agreement
    verb that takes its object right after an article ("struck a", "reached a") agrees
    nothing when no truce or deal word follows within a few words."""
    last = view.s.text[hit.start : hit.end].split()[-1].lower()
    if last not in view.words.set("indefinite_articles"):
        return False
    text = view.s.text
    following = {word.strip(",.;:'\"").lower()
                 for word in text[hit.end : view.s.end].split()[:_OBJECT_REACH]}
    if following & view.words.set("deal_nouns"):
        return False  # "struck a deal late on Wednesday for a ceasefire"
    return not any(h.start >= hit.end and words_between(text, hit.end, h.start) <= _OBJECT_REACH
                   for h in view.get("truce", "truce_anaphor", "peace_plan"))


def _asking(w: Words) -> re.Pattern[str]:
    # an asking verb, up to seven words (whom it asks: "the government and the AFC/M23"),
    # then "to" right before the agreement or talks word, or before its verb ("to hold talks
    # with")
    return w.pattern("asked_for", lambda w: rf"\b{w.alt('asking_verbs')}\s+"
                     r"(?:[\w'/.-]+\s+){0,7}?to\s+(?:[\w'-]+\s+)?$")


@predicate("asked_for", lists=("asking_verbs",),
           holds=("Washington pressed both sides to agree a truce.", "agree", "agree"),
           fails=("Both sides agreed a truce, Washington said.", "agreed", "agree"))
def asked_for(view: _View, hit: Hit) -> bool:
    """ "pressed both sides to agree a broader ceasefire", "pushed for the junta to hold talks
    with armed groups": what a party urges others to do is asked for, not done."""
    floor = max(view.s.start, hit.start - 60)
    return _asking(view.words).search(view.s.text, floor, hit.start) is not None


@predicate("breaks_truce", distances=("short",),
           holds=("The rebels broke the truce on Monday.", "broke", "break"),
           fails=("Despite the truce, talks stalled.", "despite", "despite"))
def breaks_truce(view: _View, hit: Hit) -> bool:
    """ "broke its own truce", "the ceasefire was broken", "shelled ... despite its declared
    truce" (only beside violence: "despite the truce, talks stalled" is no breach)."""
    return _breaks_truce(view, hit, view.get("truce"))


@predicate("proposal_noun",
           holds=("The offer was unveiled on Monday.", "offer", "propose"),
           fails=("Paris circulated the plan on Monday.", "circulated", "propose"))
def proposal_noun(view: _View, hit: Hit) -> bool:
    """ "the offer": the noun itself is not the act of proposing."""
    word = view.s.text[hit.start : hit.end].lower()
    return word.startswith(("proposal", "offer")) and not word.endswith("ed")


@predicate("plan_anaphor",
           holds=("Paris circulated the plan on Monday.", "circulated", "propose"),
           fails=("Paris circulated a memo on Monday.", "circulated", "propose"))
def plan_anaphor(view: _View, hit: Hit) -> bool:
    """ "Paris had circulated the plan", "the proposal had been unveiled": a proposal named
    only by an anaphor (it stands when the article names a truce: `needs_truce`)."""
    return bool(_ANAPHOR_AFTER.match(view.s.text, hit.end, view.s.end)
                or _ANAPHOR_BEFORE.search(view.s.text, view.s.start, hit.start))


# "not yet agreed"; the perfect's "the two sides have not agreed to it": a state, pending
_NOT_YET = re.compile(r"\b(?:not\s+yet|yet\s+to|still\s+not|not\s+(?:been\s+)?finally|"
                      r"(?:has|have)\s+not|hasn't|haven't)\s+(?:been\s+)?$", re.IGNORECASE)
def _to_comment(w: Words) -> re.Pattern[str]:
    # "declined to comment", "declined to give details": what the verb declines is to speak
    return w.pattern("to_comment", lambda w: (
        rf"\s+(?:to\s+)?{w.alt('decline_objects')}\b" if w.set("decline_objects") else "(?!)"))


@predicate("not_yet",
           holds=("A truce deal was close but not yet agreed.", "agreed", "agree"),
           fails=("Hamas did not agree to the truce.", "agree to", "accept"))
def not_yet(view: _View, hit: Hit) -> bool:
    """ "a ceasefire deal was 'very close' but not yet agreed": pending, not refused."""
    return _NOT_YET.search(view.s.text, max(view.s.start, hit.start - 20), hit.start) is not None


# the nouns a negation may govern before a terror word it leaves standing: "no truce with
# the terrorist militia" negates the truce, not the label
_OTHER_OBJECTS = frozenset({"truce", "talks", "peace_plan", "held", "propose"})


@predicate("negated_label",
           holds=("Police said it was not a terrorist attack.", "terrorist", "terror"),
           fails=('"There will be no truce with the terrorist militia," he said.', "terrorist",
                  "terror"))
def negated_label(view: _View, hit: Hit) -> bool:
    """A negation that governs the terror word itself ("not a terrorist attack", "ruled out
    terrorism"); one whose object is a truce or talks named before the word ("no truce with
    the terrorist militia", "does not hold talks with AA terrorists") leaves the label, an
    accusation, standing."""
    if not view.scope.governs(NEGATION, hit):
        return False
    if view.scope.governs(DENIAL, hit):
        return True
    negations = [n for n in view.get("negation") if n.end <= hit.start]
    if not negations:
        return True
    last = negations[-1].end
    return not any(last <= h.start < hit.start and h.cat in _OTHER_OBJECTS
                   for h in view.s.hits)


@predicate("standing_description", lists=("describing_relatives", "present_rejections"),
           holds=("Attacks came from groups that reject the peace process.", "reject",
                  "reject"),
           fails=("The groups rejected the peace process on Monday.", "reject", "reject"))
def standing_description(view: _View, hit: Hit) -> bool:
    """ "smaller armed groups that reject the peace process": a relative clause in the
    present tells what a party is, a standing position, no rejection made today."""
    text = view.s.text
    word = _WORD.match(text, hit.start)
    verb = (word.group() if word else text[hit.start : hit.end]).lower()
    return (verb in view.words.set("present_rejections")
            and prev_word(text, hit.start, view.s.start) in view.words.set("describing_relatives"))


def _principle(w: Words) -> re.Pattern[str]:
    return w.pattern("talks_in_principle", lambda w: (
        rf"\s+{w.alt('principle_preps')}\s+(?:the\s+)?{w.alt('principle_kinds')}\b"))


@predicate("talks_in_principle", lists=("principle_preps", "principle_kinds"),
           holds=("The minister ruled out negotiations with bandits.", "ruled out", "reject"),
           fails=("The rebels ruled out talks with the government.", "ruled out", "reject"))
def talks_in_principle(view: _View, hit: Hit) -> bool:
    """ "ruled out negotiations with bandits", "There will be no negotiations with
    terrorists": talks refused with a kind of foe, a principle with nothing on the table
    (corpus README, "hypothetical rejection"), not a refusal of talks offered."""
    if not view.words.phrases["principle_kinds"]:
        return False
    text, pattern = view.s.text, _principle(view.words)
    return any(t.start >= hit.start and pattern.match(text, t.end) is not None
               for t in view.get("talks"))


@predicate("no_comment", lists=("decline_objects",),
           holds=("The spokeswoman declined to comment on reports of truce talks.", "declin",
                  "reject"),
           fails=("The rebels declined the truce offer.", "declin", "reject"))
def no_comment(view: _View, hit: Hit) -> bool:
    """ "declined to comment on reports that ceasefire talks would resume": no refusal."""
    word = _WORD.match(view.s.text, hit.start)
    end = word.end() if word else hit.end
    return _to_comment(view.words).match(view.s.text, end, view.s.end) is not None


# a number right beside the verb, a share if the language's figure reader says so ("76%
# reject", "отвергают 76%", "76 процентов")
_POLL_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")
_POLL_REACH = 24  # characters either side of the verb: its subject or object, nothing further


@predicate("poll_share",
           holds=("Asked about a truce, 76% of respondents reject it.", "reject", "reject"),
           fails=("Hamas rejected the truce, a spokesman said.", "reject", "reject"))
def poll_share(view: _View, hit: Hit) -> bool:
    """ "a truce ... поддерживают лишь 14%, категорически отвергают 76%": a poll's share of
    respondents, no party's rejection."""
    text, start, end = view.s.text, view.s.start, view.s.end
    figures = view.words.figures
    return any(figures.is_share(text, m.end()) for span in (
        (max(start, hit.start - _POLL_REACH), hit.start),
        (hit.end, min(end, hit.end + _POLL_REACH))) for m in _POLL_NUMBER.finditer(text, *span))


_STAGED_OR_FICTION = (*STAGED, "scenario", "fictional", "hypothetical")


@predicate("conditional_or_staged",
           holds=("The EU would call for a truce if fighting spread.", "call for", "demand"),
           fails=("The EU would call for a truce, its spokesman said.", "call for", "demand"))
def conditional_or_staged(view: _View, hit: Hit) -> bool:
    """ "would call for a ceasefire if fighting spread", "the exercise scenario included a
    ceasefire proposal": a hedge that governs the word and a condition after it, or a
    staged or fictional frame, so no proposal is made (a plain "would propose" stays one:
    wires write the future of a proposal about to be tabled that way)."""
    scope = view.scope
    text = view.s.text
    if _IF_ASIDE.match(text, hit.end, view.s.end):
        return True  # "The proposal, if accepted, would see a truce": what it would do
    if not scope.governs("hedge", hit):
        return False
    if _IF.search(text, hit.end, view.s.end):
        return True
    return any(h.end <= hit.start and text[h.start : h.end].lower().startswith(_STAGED_OR_FICTION)
               for h in view.get("hedge"))


# --- negotiation --------------------------------------------------------------------------

@predicate("prepositional_without_talks", distances=("close",),
           holds=("Troops withdrew from civilian homes on Monday as talks resumed.",
                  "withdrew from", "stall"),
           fails=("The delegation withdrew from the talks.", "withdrew from", "stall"))
def prepositional_without_talks(view: _View, hit: Hit) -> bool:
    """ "withdrew from civilian homes", "walked out of the concert hall": the verb leaves
    something else than the talks."""
    close = view.distances["close"]
    text = view.s.text
    return (_PREPOSITIONAL.search(text, hit.start, hit.end) is not None
            or _OUT_OF.match(text, hit.end) is not None) and not any(
        t.start >= hit.end and words_between(view.s.text, hit.end, t.start) <= close
        for t in view.objects("talks")
    )


@predicate("talks_negated",
           holds=("No talks in Doha took place.", "took place", "held"),
           fails=("Talks in Doha took place.", "took place", "held"))
def talks_negated(view: _View, hit: Hit) -> bool:
    """ "no talks were held": the talks this verb is about (the nearest) are denied."""
    talks = view.objects("talks")
    return bool(talks) and view.scope.blocked(_nearest(view, hit, talks), (NEGATION,))


# a clause mark inside a sentence (the rule book's `clause_marks` less the full stop)
_CLAUSE_MARK = re.compile(r"[,;:]")


@predicate("talks_refused", distances=("refusal",),
           holds=("Kyiv refuses to attend talks in Minsk.", "talks in", "held"),
           fails=("Kyiv agreed to attend talks in Minsk.", "talks in", "held"))
def talks_refused(view: _View, hit: Hit) -> bool:
    """ "refuses to attend talks in Minsk": the talks are refused, not held. Only the talks
    the verb is about (the nearest) count: in "opened a round of talks with the coalition,
    even as the ELN turned down an invitation to return to negotiations" other talks are
    refused."""
    refusal = view.distances["refusal"]
    talks = view.objects("talks")
    if not talks:
        return False
    text = view.s.text
    own = _nearest(view, hit, talks)
    # with the talks words of its clause before it ("refused to send a delegation to talks")
    own_clause = [t for t in talks if t.start <= own.start
                  and _CLAUSE_MARK.search(text, t.end, own.start) is None]
    return any(r.end <= t.start and words_between(text, r.end, t.start) <= refusal
               for r in view.get("reject") for t in own_clause)


@predicate("planned",
           holds=("The sides plan to hold talks in Doha.", "hold talks", "held"),
           fails=("The sides hold talks in Doha.", "hold talks", "held"))
def planned(view: _View, hit: Hit) -> bool:
    """ "plan to hold talks": the talks are intended (CAMEO 036), not yet held (046)."""
    first = view.objects("talks")[0]
    intents = view.get("intent")
    return (view.scope.governs(INTENT, hit) or view.scope.governs(INTENT, first)
            or _inside(hit, intents) or _inside(first, intents))


@predicate("planned_but_hedged",
           holds=("The sides plan to hold talks that could collapse.", "hold talks", "held"),
           fails=("The sides plan to hold talks in Doha.", "hold talks", "held"))
def planned_but_hedged(view: _View, hit: Hit) -> bool:
    """ "planned talks could collapse before they begin": nothing took place."""
    return bool(view.get("hedge")) and planned(view, hit)


@predicate("talks_tally",
           holds=("Turkey hosted three rounds of talks in Istanbul this year.", "hosted", "held"),
           fails=("Turkey hosted a third round of talks in Istanbul on Monday.", "hosted",
                  "held"))
def talks_tally(view: _View, hit: Hit) -> bool:
    """ "hosted three rounds of talks in Istanbul this year": rounds counted over a period
    are the talks' history, not a meeting reported as news."""
    return bool(view.get("rounds_tally")) and bool(view.get("cumulative"))


@predicate("not_a_meeting_verb",
           holds=("The sides hold talks in Geneva.", "hold talks", "held"),
           fails=("Officials met in Geneva.", "met", "held"))
def not_a_meeting_verb(view: _View, hit: Hit) -> bool:
    """Only "meet", "met", "meets" say that parties met."""
    return view.s.text[hit.start : hit.end].lower() not in _MEET


@predicate("met_with",
           holds=("The offer was met with anger.", "met", "held"),
           fails=("Officials met in Geneva.", "met", "held"))
def met_with(view: _View, hit: Hit) -> bool:
    """ "would be met with a terrible response": no meeting of parties."""
    return prev_word(view.s.text, hit.start, view.s.start) in _BE or _MET_WITH.match(
        view.s.text, hit.end, view.s.end) is not None


@predicate("before_rejection",
           holds=("Moscow declared a three-day truce, but Kyiv dismissed it.", "declared",
                  "agree"),
           fails=("Kyiv dismissed the three-day truce Moscow declared.", "declared", "agree"))
def before_rejection(view: _View, hit: Hit) -> bool:
    """ "Moscow declared a three-day truce, but Kyiv dismissed it": the truce and its
    agreement stand in their own clause before any rejection or negation of the sentence
    (one party's declaration, another's refusal); "Kyiv dismissed the truce Moscow
    declared" names the agreement only inside the rejection."""
    text = view.s.text
    refusals = view.get("reject", "refuse_attend", "negation")
    if not refusals or refusals[0].start < hit.end:
        return False
    first = refusals[0].start
    mark = _CLAUSE_MARK.search(text, hit.end, first)
    if mark is None:
        return False
    return any(hit.end <= t.start and t.end <= mark.start() for t in view.get("truce"))


@predicate("accepted_together",
           holds=("Both Armenia and Azerbaijan accepted the truce.", "accept", "accept"),
           fails=("Armenia accepted the truce on Monday.", "accept", "accept"))
def accepted_together(view: _View, hit: Hit) -> bool:
    """ "Both Israel and Iran have accepted a ceasefire": two parties accepting one truce
    have agreed it (one side's acceptance is only its offer)."""
    pair = parties(view.s, hit, speaker(view.s), True)
    return pair is not None and pair[1].end <= hit.start


@predicate("parties_of_two_countries",
           holds=("Ukrainian and Russian officials met in Geneva.", "met", "held"),
           fails=("Officials met in Geneva on Monday.", "met", "held"))
def parties_of_two_countries(view: _View, hit: Hit) -> bool:
    """ "Ukrainian and Russian officials met": parties of two countries, named before; or
    the two sides of a civil war ("delegations of Syria's government and the SDF met"): an
    armed group and its own country's state, a dyad as much as two states are."""
    mentions = view.s.mentions
    if not any(m.end <= hit.start for m in mentions):
        return False
    countries = {m.entry.country for m in mentions if m.entry.country}
    if len(countries) >= 2:
        return True
    rebels = {m.entry.country for m in mentions
              if m.entry.code and m.entry.code.endswith("REB") and m.entry.country}
    return any(m.entry.country in rebels and not (m.entry.code or "").endswith("REB")
               for m in mentions)


@predicate("party_walked_out", distances=("close",),
           holds=("The Russian side then walked out.", "walked out", "walkout"),
           fails=("Hundreds of workers walked out.", "walked out", "walkout"))
def party_walked_out(view: _View, hit: Hit) -> bool:
    """ "The Russian side then walked out": a party (a state, its government or forces, an
    armed group) is the walkout's subject, a few words before it in its clause; workers or
    a person walking out are no party to talks."""
    text = view.s.text
    for mention in reversed(view.s.mentions):
        if mention.end > hit.start:
            continue
        gap = text[mention.end : hit.start]
        return (mention.entry.kind not in ("person", "org") and not any(c in gap for c in ",;:")
                and words_between(text, mention.end, hit.start) <= view.distances["close"])
    return False


# --- accusation ---------------------------------------------------------------------------

@predicate("counter_terror",
           holds=("Police staged a counter-terrorism raid.", "terrorism", "terror"),
           fails=("Moscow called the bombing terrorism.", "terrorism", "terror"))
def counter_terror(view: _View, hit: Hit) -> bool:
    """ "counter-terrorism", "the fight against terrorism", "the list of state sponsors of
    terrorism": a function, no accusation; but "accused Iran of being the leading sponsor of
    terrorism" is one (an accusation cue before it)."""
    match = _COUNTER.search(view.s.text, max(view.s.start, hit.start - 24), hit.start)
    if match is None:
        return False
    return match.group("sponsor") is None or not any(
        h.end <= match.start() for h in view.get("accuse", "accused_of"))


@predicate("said_in_the_past",
           holds=("The army has in the past said it targets terrorist groups.", "terrorist",
                  "terror"),
           fails=("The army said on Monday it targeted terrorist groups.", "terrorist",
                  "terror"))
def said_in_the_past(view: _View, hit: Hit) -> bool:
    """ "It has in the past said its air operations target 'terrorist' groups": the
    accusation is quoted from an old statement (a background cue governs the speech verb
    nearest before the label), not made now."""
    speech = [h for h in view.get("report", "accuse", "accused_of") if h.end <= hit.start]
    return bool(speech) and view.scope.governs(BACKGROUND, speech[-1])


@predicate("unnamed_accuser", lists=("accuser_nouns",),
           holds=("The junta accused Algeria of harbouring terrorists.", "terrorists", "terror"),
           fails=("Algeria accused the junta of harbouring terrorists.", "terrorists", "terror"))
def unnamed_accuser(view: _View, hit: Hit) -> bool:
    """ "the junta accused Algeria of ...": an institution named without its country is
    still an accuser."""
    return _unnamed_accuser(view, hit)


@predicate("quoted",
           holds=("'This is a terrorist act,' he said.", "terrorist", "terror"),
           fails=("This is a terrorist act, he said.", "terrorist", "terror"))
def quoted(view: _View, hit: Hit) -> bool:
    """ "'This is a terrorist act,' he said": the quotation is its speaker's."""
    return _quoted(view, hit)


@predicate("terror_persons", lists=("terror_persons",),
           holds=('"These terrorists will not go unpunished," he said.', "terrorists",
                  "terror"),
           fails=('"There is a high threat of terrorism," it said.', "terrorism", "terror"))
def terror_persons(view: _View, hit: Hit) -> bool:
    """ "these terrorists", "the Khawarij terrorists": the word names people as terrorists
    (the language's `terror_persons`, the hit's last word), not terror in the abstract."""
    words = view.s.text[hit.start : hit.end].lower().split()
    return bool(words) and words[-1] in view.words.set("terror_persons")


@predicate("quote_attributed",
           holds=('"This was a terrorist attack. We will answer," the governor said.',
                  "terrorist", "terror"),
           fails=('"This was a terrorist attack." The governor visited the site.', "terrorist",
                  "terror"))
def quote_attributed(view: _View, hit: Hit) -> bool:
    """ "'This was a terrorist attack. We will answer,' the governor said": words of a
    quotation whose speaker is named where it closes, in this sentence or a later one, or
    where it opens (`_quote_continued`: "Government spokesman: \"The Khawarij terrorists
    fired mortars ...\"")."""
    return _quote_attributed(view, hit) or _quote_continued(view, hit)


# --- threat -------------------------------------------------------------------------------

def _pronoun_before(w: Words) -> re.Pattern[str]:
    # a speaker pronoun as the last word before the speech verb, after the sentence's start,
    # a comma or a closing quotation mark ('," he said'); read on the sentence up to the verb
    return w.pattern("threat:pronoun_before",
                     lambda w: rf"(?:^[\"“]?|[,\"”’']\s*)\b{w.alt('policy_subjects')}\s+$")


@predicate("pronoun_speaker", lists=("policy_subjects",),
           holds=("He warned the shipping firms that more strikes would follow.", "warned",
                  "threat"),
           fails=("Analysts warned that more strikes would follow.", "warned", "threat"))
def pronoun_speaker(view: _View, hit: Hit) -> bool:
    """ "He warned shipping firms that attacks will continue", "It warned the military would
    respond": a vow whose speaker an earlier sentence named (a person or body the actor
    dictionary may not know) is still that speaker's; a speech verb of the sentence opens
    with a pronoun subject. An anonymous "analysts warned" is not."""
    pattern = _pronoun_before(view.words)
    text = view.s.text
    for cue in view.get("report", "threat"):
        if cue.start > hit.end:
            break
        if pattern.search(text[view.s.start : cue.start]):
            return True
    return False


@predicate("quoted_on",
           holds=('"This is our answer. We will hit back," the governor said.', "hit back",
                  "threat"),
           fails=('"This is our answer." We will hit back, the governor said.', "hit back",
                  "threat"))
def quoted_on(view: _View, hit: Hit) -> bool:
    """ "'... Until then, the operation continues,' he said": words of a quotation opened a
    sentence or two back, its speaker named where it closes, are that speaker's."""
    return _quoted(view, hit) or _quote_attributed(view, hit) or _quote_continued(view, hit)


_TAIL_WORDS = 15  # words of an attribution after a quotation closes: `," the spokesman ... said.`


def _quote_continued(view: _View, hit: Hit) -> bool:
    """The word is inside a quotation opened right after its speaker was named: after a
    colon ("the adviser said: \"The CTG ... The armed forces will continue operations\"") or
    right after an attributed quotation closed ("... in Iraq,\" the spokesman said in a
    statement. \"Our operations will continue ...\""): the same speaker goes on."""
    text = view.s.text
    floor = max(0, hit.start - _QUOTE_REACH, text.rfind("\n", 0, hit.start) + 1)
    before = text[floor : hit.start]
    if before.count('"') % 2 == 1:
        opening = floor + before.rfind('"')
    elif before.count("“") > before.count("”"):
        opening = floor + before.rfind("“")
    else:
        return False
    prev = text[floor:opening].rstrip()
    if prev.endswith(":"):
        return True
    if not prev.endswith("."):
        return False
    close = max(prev.rfind('"'), prev.rfind("”"))
    if close < 0:
        return False
    tail = prev[close + 1 :]
    attributed = prev[close - 1 : close] in _ATTRIBUTED_BEFORE or tail.lstrip().startswith(",")
    return (attributed and '"' not in tail and "“" not in tail
            and len(tail.split()) <= _TAIL_WORDS)


@predicate("inside_asset",
           holds=("Iran threatened the nuclear plant.", "nuclear", "force"),
           fails=("Iran threatened a nuclear strike.", "nuclear", "force"))
def inside_asset(view: _View, hit: Hit) -> bool:
    """ "the nuclear plant": a force word inside the name of an asset is no force."""
    return any(a.start <= hit.start < a.end for a in view.prefixed("infra:"))


@predicate("warning_after", lists=("warning_nouns",),
           holds=("Officials urged residents to heed air raid sirens.", "air raid", "aerial"),
           fails=("Officials threatened an air raid on the port.", "air raid", "aerial"))
def warning_after(view: _View, hit: Hit) -> bool:
    """ "heed air raid sirens": a warning, not a strike."""
    return _warning(view.words).match(view.s.text, hit.end, view.s.end) is not None


_RISK_REACH = 40  # characters: "at risk of relapse into full-scale war"


def _risk_of(w: Words) -> re.Pattern[str]:
    return w.pattern("risk_of", lambda w: rf"\b{w.alt('risk_words')}\s+(?:[\w-]+\s+){{0,3}}$")


@predicate("risk_named", lists=("risk_words",),
           holds=("The envoy warned that the country was at risk of relapse into war.", "war",
                  "force"),
           fails=("The army warned it would use force.", "force", "force"))
def risk_named(view: _View, hit: Hit) -> bool:
    """ "warns South Sudan at risk of relapse into full-scale war": the force is a danger
    warned of, not one the speaker threatens (an object's `unless` for threats)."""
    return _risk_of(view.words).search(
        view.s.text, max(view.s.start, hit.start - _RISK_REACH), hit.start) is not None


def _assessed_of(w: Words) -> re.Pattern[str]:
    return w.pattern("assessed_of", lambda w: rf"\b{w.alt('assessed_nouns')}\s+of\s+"
                     r"[\w\s'’-]{0,40}$")


def _assessed_level(w: Words) -> re.Pattern[str]:
    return w.pattern("assessed_level", lambda w: r"[\w\s'’-]{0,40}?\b"
                     rf"{w.alt('level_verbs')}\s+(?:still\s+)?['\"‘’“]?(?:very\s+)?"
                     rf"{w.alt('assessed_levels')}\b")


@predicate("assessed_threat", lists=("assessed_nouns", "level_verbs", "assessed_levels"),
           holds=("The navy warned that the threat of missile strikes remained high.",
                  "strikes", "attack"),
           fails=("The navy warned that missile strikes on the port would follow.", "strikes",
                  "attack"))
def assessed_threat(view: _View, hit: Hit) -> bool:
    """ "the threat of cruise-missile strikes from the sea remained high": a level of danger
    assessed (a weekly briefing, an intelligence estimate), not an actor's threat or a
    strike (a veto of the act and of a threat's force word)."""
    text = view.s.text
    return (_assessed_of(view.words).search(
                text, max(view.s.start, hit.start - _RISK_REACH), hit.start) is not None
            and _assessed_level(view.words).match(text, hit.end, view.s.end) is not None)


@predicate("dated_force",
           holds=("UNHCR warned that the fighting since the rebels' offensive had displaced "
                  "millions.", "offensive", "attack"),
           fails=("The rebels warned of a new offensive.", "offensive", "attack"))
def dated_force(view: _View, hit: Hit) -> bool:
    """ "warning that the fighting since the M23 rebels' offensive had produced a crisis": a
    force dated by a "since" or "days after" clause is a past one, not a threat's."""
    return view.scope.governs(AFTER, hit)


_PAST_OWNED = re.compile(
    r"\b(?:last|previous|past)\s+(?:year|month)['’]s\s+(?:[\w-]+\s+){0,2}$"
    r"|\b(?:19|20)\d\d['’]s\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)


@predicate("past_owned",
           holds=("Last year's truce violations were listed in a report.", "violat",
                  "violate"),
           fails=("Truce violations were reported on Monday.", "violat", "violate"))
def past_owned(view: _View, hit: Hit) -> bool:
    """ "Last year's ceasefire violations", "2023's truce breaches": acts of an earlier
    year or month named as their owner, history, not news."""
    return _PAST_OWNED.search(view.s.text, max(view.s.start, hit.start - 40),
                              hit.start) is not None


# a thousand or more: "10,000", "1,200", "2500" (a weekend's "312 violations" is news)
_THOUSANDS = r"(?<![\d,.])(?:\d{1,3}(?:[,.]\d{3})+|\d{4,})"


def _counted_before(w: Words) -> re.Pattern[str]:
    return w.pattern("counted_before", lambda w: (
        rf"(?:{_THOUSANDS}|\b{w.alt('count_words')})\s+(?:of\s+)?(?:[\w'-]+\s+)?$"
        if w.set("count_words") else rf"{_THOUSANDS}\s+(?:[\w'-]+\s+)?$"))


@predicate("counted", lists=("count_words",),
           holds=("Israel had committed more than 10,000 violations of the truce.", "violat",
                  "violate"),
           fails=("Monitors recorded 312 truce violations over the weekend.", "violat",
                  "violate"))
def counted(view: _View, hit: Hit) -> bool:
    """ "more than 10,000 violations of the truce", "thousands of ceasefire breaches": acts
    counted by the thousand are a war-long tally, no act of the day ("one of hundreds of
    violations", a weekend's "312 violations" are the news)."""
    return _counted_before(view.words).search(
        view.s.text, max(view.s.start, hit.start - 30), hit.start) is not None


_HABIT_REACH = 14  # words from the violation to the frequency that follows it in its clause


def _habit_after(w: Words) -> re.Pattern[str]:
    return w.pattern("habitual_after", lambda w: rf"\b{w.alt('habitual_after')}\b")


@predicate("habitual", lists=("habitual_after",),
           holds=("Lebanon has accused Israel of violating the truce almost daily.", "violat",
                  "violate"),
           fails=("Lebanon accused Israel of violating the truce on Monday.", "violat",
                  "violate"))
def habitual(view: _View, hit: Hit) -> bool:
    """ "accused Israel of violating the truce almost daily", "reports of ceasefire
    violations in Masisi ... in recent weeks": a frequency or a span after the act, in its
    clause, makes it a standing charge, no breach of the day (`standing` reads the cues
    before the act)."""
    if not view.words.phrases["habitual_after"]:
        return False
    text = view.s.text
    mark = _CLAUSE_MARK.search(text, hit.end, view.s.end)
    end = mark.start() if mark else view.s.end
    found = _habit_after(view.words).search(text, hit.end, end)
    return found is not None and words_between(text, hit.end, found.start()) <= _HABIT_REACH


@predicate("modal_after",
           holds=("He warned that a strike could plunge the region into war.", "strike",
                  "attack"),
           fails=("He warned that a strike hit the port.", "strike", "attack"))
def modal_after(view: _View, hit: Hit) -> bool:
    """ "warned that a strike could plunge ... into": the force is a hypothetical subject."""
    return view.scope.modal_after(hit)


_GERUND_REACH = 12  # words from the gerund to its copula: "shooting down bombers ... is"


def _gerund_opener(w: Words) -> re.Pattern[str]:
    return w.pattern("gerund_opener", lambda w: rf"(?:\b{w.alt('subject_openers')}|[,:])\s+$")


def _copula(w: Words) -> re.Pattern[str]:
    return w.pattern("copula", lambda w: rf"\b{w.alt('copulas')}\s+(?![\w-]+ing\b)")


@predicate("gerund_subject", lists=("subject_openers", "copulas"),
           holds=("Officials said that shooting down bombers before they release their bombs "
                  "is a pressing need.", "shooting", "small_arms"),
           fails=("Officials said that shelling of the town is continuing.", "shelling",
                  "artillery"))
def gerund_subject(view: _View, hit: Hit) -> bool:
    """ "shooting down Russian bombers before they release guided bombs is one of the most
    pressing needs": the act named as an activity (a gerund subject of "is", not of a
    progressive "is continuing"), no event."""
    text, start = view.s.text, view.s.start
    if not text[hit.start : hit.end].split(maxsplit=1)[0].lower().endswith("ing"):
        return False
    if text[start:hit.start].strip() and not _gerund_opener(view.words).search(
            text, max(start, hit.start - _LOOK_BACK), hit.start):
        return False
    copula = _copula(view.words).search(text, hit.end, view.s.end)
    return (copula is not None and words_between(text, hit.end, copula.start()) <= _GERUND_REACH
            and not _CLAUSE_GAP.search(text, hit.end, copula.start()))


# --- attacks ------------------------------------------------------------------------------
# Regex shapes over the coder's word lists (lexicon `phrases:`), compiled once per coder.
# Characters looked at around a hit, by what is looked for:
_TRUCE_JOIN_REACH = 80    # "прекратить удары ракетами и беспилотниками, а также атаки"
_TRUCE_LOOK_BACK = 40      # "a ceasefire on strikes against": a few words before the attack
_SERVICE_LOOK_BACK = 60    # "a decommissioned bomber on display at the museum"
_SUBJECT_LOOK_BACK = 30    # "a fire destroyed": the subject right before the verb
_PLACE_LOOK_BACK = 60      # "in the area of the Kursk nuclear power plant": the words before
_FRAME_LOOK_BACK = 60      # "stormed an airliner in a counter-terrorism exercise"
_RELATIVE_LOOK_BACK = 120  # "fighting in which at least 40 people died"
_PERFECT_LOOK_BACK = 20    # "have been killed"
_NONE_LOOK_BACK = 20       # "none of the 180 people"
_APPOSITION_LOOK_BACK = 160  # "at least a dozen people, among them five children, were"

_FIRST_WORD = re.compile(r"\s*([\w'-]+)")
# the word after an asset, past its possessive: "the nuclear plant's city of Enerhodar"
_HEAD_WORD = re.compile(r"(?:['’]s\b)?\s*([\w'-]+)")
# "Port-au-Prince", "Port Sudan": a capitalised asset word that begins a place's name
_LOWER_WORD_BEFORE = re.compile(r"\b[a-z][\w'-]*\s+$")
_PLACE_NAME_NEXT = re.compile(r"(?:-[a-z]{1,3}-[A-Z]|\s+[A-Z][a-z])")
# the parties that destroy things on purpose: actor kinds, not words
_PARTIES = frozenset({"mil", "gov", "state", "demonym", "group", "spy"})
# asset classes: the bases whose own fuel store is military, not infrastructure
_BASES = frozenset({"airbase", "military", "warship"})
_FUEL = "fuel"
_PORT = "port"
_NAVAL = "warship"  # the class of "naval base" and of the ships moored there


def _warning(w: Words) -> re.Pattern[str]:
    return w.pattern("warning", lambda w: rf"\s*{w.alt('warning_nouns')}\b")


def _truce_on(w: Words) -> re.Pattern[str]:
    return w.pattern("truce_on", lambda w: rf"\b{w.alt('stoppage_nouns')}\s+"
                     rf"{w.alt('stoppage_preps')}\s+(?:[\w-]+\s+){{0,2}}$")


def _not_in_service(w: Words) -> re.Pattern[str]:
    return w.pattern("not_in_service", lambda w: rf"\b{w.alt('out_of_service')}\b[^,;]*$")


def _embedded(w: Words) -> re.Pattern[str]:
    # a closing quotation mark may end the asset's name: "a Hamas command centre" operating in
    return w.pattern("embedded", lambda w: rf"[\"”’']?\s+(?:[\w-]+[\"”’']?\s+){{0,3}}?"
                     rf"{w.alt('embedded_verbs')}\s+{w.alt('embedded_preps')}\b")


def _hit_by(w: Words) -> re.Pattern[str]:
    # as written, lowercase: a headline's "Hit By" is not read. A language whose modifiers
    # follow the noun lets that many words stand between ("un navire russe touché par")
    after = w.settings.modifiers_after
    lead = rf"(?:\s+[\w'’-]+){{0,{after}}}" if after else ""
    return w.pattern("hit_by", lambda w: rf"{lead}\s{{0,2}}{w.alt('hit_by')}", 0)


def _under(w: Words) -> re.Pattern[str]:
    return w.pattern("under", lambda w: rf"(?:{w.alt('under_fire_verbs')}\s+)?"
                     rf"{w.alt('under_fire_preps')}\s")


def _relative(w: Words) -> re.Pattern[str]:
    return w.pattern("relative", lambda w: rf"\b{w.alt('person_relatives')}\b")


def _that(w: Words) -> re.Pattern[str]:
    return w.pattern("that", lambda w: rf"\b{w.alt('complementizers')}\b")


def _consequence(w: Words) -> re.Pattern[str]:
    return w.pattern("consequence", lambda w: rf"[;]|\b{w.alt('closure_words')}\b")


def _own_predicate(w: Words) -> re.Pattern[str]:
    return w.pattern("own_predicate", lambda w: rf"\s+(?:{w.alt('service_aux')}\s+)?"
                     rf"{w.alt('service_states')}\b")


def _in_place(w: Words) -> re.Pattern[str]:
    # "a cargo ship at the port", "a cargo plane on the airstrip"
    return w.pattern("in_place", lambda w: rf"\b{w.alt('base_preps')}\s+"
                     rf"(?:{w.alt('place_determiners')}\s+)?(?:[\w'-]+\s+){{0,2}}$")


def _mobile(w: Words) -> re.Pattern[str]:
    return w.pattern("mobile", lambda w: rf"\b{w.alt('mobile_nouns')}\b")


def _along(w: Words) -> re.Pattern[str]:
    return w.pattern("along", lambda w: rf"\b{w.alt('along_preps')}\s+"
                     rf"(?:{w.alt('place_determiners')}\s+)?(?:[\w'-]+\s+){{0,2}}$")


def _near_place(w: Words) -> re.Pattern[str]:
    # up to two words between, or a proper name's capitalized words ("next to Mogadishu's
    # Aden Adde International Airport"; not where every noun is capitalized)
    names = "" if w.settings.nouns_capitalised else r"|(?:(?-i:[A-Z])[\w'’.-]*\s+){3,5}"
    return w.pattern("near_place", lambda w: rf"\b{w.alt('near_preps')}\s+"
                     rf"(?:{w.alt('near_determiners')}\s+)?"
                     rf"(?:(?:[\w'-]+\s+){{0,2}}{names})$")


def _accident_subject(w: Words) -> re.Pattern[str]:
    return w.pattern("accident_subject", lambda w: rf"\b{w.alt('accident_nouns')}\b[^,;]*$")


def _stage_frame(w: Words) -> re.Pattern[str]:
    # "in a counter-terrorism exercise", and through a part of it ("in the final live-fire
    # phase of a two-week exercise": `frame_links`)
    return w.pattern("stage_frame", lambda w: rf"\b{w.alt('stage_frames')}\s+"
                     rf"(?:{w.alt('stage_determiners')}\s+)?(?:[\w-]+\s+){{0,3}}"
                     rf"(?:{w.alt('frame_links')}\s+(?:{w.alt('stage_determiners')}\s+)?"
                     rf"(?:[\w-]+\s+){{0,3}})?$")


def _conflict_relative(w: Words) -> re.Pattern[str]:
    # "the war between Israel and Hezbollah, which began in October 2023, killed": the war
    # may be named by its parties or its place before the relative
    return w.pattern("conflict_relative", lambda w: rf"\b(?:{w.alt('conflict_nouns')}|"
                     rf"{w.alt('war_nouns')}\s+{w.alt('conflict_places')}\s+[^,;.]{{1,60}}?)"
                     rf"\s*,?\s+{w.alt('conflict_relatives')}\b[^.;]*$")


def _perfect(w: Words) -> re.Pattern[str]:
    return w.pattern("perfect", lambda w: rf"\b{w.alt('perfect_aux')}\s+"
                     rf"(?:{w.alt('perfect_passive')}\s+)?(?:\w+\s+)?$")


def _toll_cue(w: Words) -> re.Pattern[str]:
    return w.pattern("toll_cue", lambda w: rf"(?:.*{w.alt('toll_nouns')}|{w.alt('count_nouns')}\s)")


def _livestock(w: Words) -> re.Pattern[str]:
    return w.pattern("livestock", lambda w: rf"\s+(?:{w.alt('livestock_measures')}\s+)?"
                     rf"{w.alt('livestock')}\b")


def _none_of(w: Words) -> re.Pattern[str]:
    return w.pattern("none_of", lambda w: rf"\b{w.alt('none_of')}\s+"
                     rf"(?:{w.alt('none_determiners')}\s+)?$")


def _apposition(w: Words) -> re.Pattern[str]:
    return w.pattern("apposition", lambda w: rf",\s+{w.alt('apposition_openers')}\b"
                     r"[^,;]{0,80},\s*(?:[\w'-]+\s+){0,3}$")


def _in_sentence(view: _View, pattern: Callable[[Words], re.Pattern[str]]) -> bool:
    """Whether the sentence has a match of `pattern` (one of this module's builders):
    searched once per sentence, however many hits a sentence-wide veto is judged on."""
    found = view.memo.get(pattern)
    if found is None:
        found = view.memo[pattern] = pattern(view.words).search(
            view.s.text, view.s.start, view.s.end) is not None
    return found


def _word(view: _View, hit: Hit) -> str:
    return view.s.text[hit.start : hit.end].lower()


def _verbs(view: _View) -> list[Hit]:
    """The violent act's verbs (set by the engine's `read_targets`), less the cues that name
    who fights rather than what they do ("Armed gangs control the main roads", "Gunmen
    occupy the air base": phrases `act_agents`)."""
    verbs: list[Hit] = view.act.get("verbs", [])
    agents = view.words.set("act_agents")
    if not agents or not verbs:
        return verbs
    text = view.s.text
    return [v for v in verbs if text[v.start : v.end].lower() not in agents]


_GENERIC_MODAL_REACH = 10  # "An attack on a desalination plant's control system can ..."


@predicate("generic_attack", lists=("generic_determiners", "indefinite_articles", "generic_modals"),
           holds=("Any attack on the dam would be a crime.", "attack", "attack"),
           fails=("An attack on the dam killed two.", "attack", "attack"))
def generic_attack(view: _View, hit: Hit) -> bool:
    """ "any attack on the dam would ...": an attack in general, not one that happened; so
    is "An attack on a desalination plant's control system can leave a city without water":
    an indefinite act whose clause goes on in a generic modal (`generic_modals`)."""
    text = view.s.text
    before = prev_word(text, hit.start, view.s.start)
    if before in view.words.set("generic_determiners"):
        return True
    if before not in view.words.set("indefinite_articles"):
        return False
    mark = _CLAUSE_MARK.search(text, hit.end, view.s.end)
    following = text[hit.end : mark.start() if mark else view.s.end].lower().split()
    modals = view.words.set("generic_modals")
    return any(word in modals for word in following[:_GENERIC_MODAL_REACH])


def _truce_widened(w: Words) -> re.Pattern[str]:
    return w.pattern("truce_widened", lambda w: rf"\b{w.alt('truce_extenders')}\s+"
                     rf"(?:{w.alt('truce_pronouns')}|(?:the|a|its)\s+(?:[\w-]+\s+)?"
                     rf"{w.alt('stoppage_nouns')})\s+{w.alt('stoppage_preps')}\s+"
                     r"(?:[\w-]+\s+){0,2}$")


def _truce_joined(w: Words) -> re.Pattern[str]:
    # the words between a truce cue and an attack joined to what it stops: a few words of
    # the first object, then "а также" (a comma allowed before it) or a bare "и"
    return w.pattern("truce_joined", lambda w: r"(?:\s+[\w-]+){0,4}?"
                     rf"(?:\s*,?\s+{w.alt('stoppage_also')}|\s+{w.alt('stoppage_and')})\s+$")


@predicate("stopped_by_truce",
           lists=("stoppage_nouns", "stoppage_preps", "truce_extenders", "truce_pronouns",
                  "stoppage_also", "stoppage_and"),
           holds=("Kyiv wants a ban on strikes against power plants.", "strikes", "attack"),
           fails=("Russian strikes hit power plants.", "strikes", "attack"))
def stopped_by_truce(view: _View, hit: Hit) -> bool:
    """ "a ceasefire on strikes against energy facilities", "proposed extending it to
    strikes on civilian infrastructure": attacks named as what a truce would stop; and, in a
    language that lists the joining words, an attack joined to the object of a truce verb
    ("прекратить удары ракетами, а также атаки на порты")."""
    text, floor = view.s.text, max(view.s.start, hit.start - _TRUCE_LOOK_BACK)
    if (_truce_on(view.words).search(text, floor, hit.start) is not None
            or _truce_widened(view.words).search(text, floor, hit.start) is not None):
        return True
    if not view.words.phrases["stoppage_also"] and not view.words.phrases["stoppage_and"]:
        return False
    joined = _truce_joined(view.words)
    return any(h.cat == "truce" and h.end <= hit.start
               and hit.start - h.end <= _TRUCE_JOIN_REACH
               and joined.match(text, h.end, hit.start) is not None for h in view.s.hits)


def _stated_policy(w: Words) -> re.Pattern[str]:
    return w.pattern("stated_policy", lambda w: rf"\b{w.alt('policy_reports')}\s+(?:that\s+)?"
                     rf"{w.alt('policy_subjects')}\s+(?:only\s+)?(?:\w+ly\s+)?$")


def _owned_policy(w: Words) -> re.Pattern[str]:
    # "says its strikes target": a present reporting verb, a possessive, the acts' noun
    return w.pattern("owned_policy", lambda w: rf"\b{w.alt('policy_reports')}\s+(?:that\s+)?"
                     rf"{w.alt('policy_owners')}\s+{w.alt('policy_acts')}\s+(?:only\s+)?$")


def _owned_act(w: Words) -> re.Pattern[str]:
    # the noun of "says its strikes target" as the hit: the whole phrase around it
    return w.pattern("owned_act", lambda w: rf"\b{w.alt('policy_reports')}\s+(?:that\s+)?"
                     rf"{w.alt('policy_owners')}\s+{w.alt('policy_acts')}\s+(?:only\s+)?"
                     rf"{w.alt('policy_verbs')}\b")


@predicate("stated_policy", lists=("policy_reports", "policy_subjects", "policy_owners",
                                   "policy_acts", "policy_verbs"),
           holds=("Moscow says it strikes only military and energy facilities.", "strikes",
                  "attack"),
           fails=("Moscow said it struck military and energy facilities overnight.", "struck",
                  "attack"))
def stated_policy(view: _View, hit: Hit) -> bool:
    """ "Russia denies targeting civilians and says it strikes military and energy
    facilities": a party's stated policy in the present (a reporting verb in the present,
    a pronoun, a verb in -s), no strike reported; so is "says its strikes target militants
    and infrastructure" (a possessive, the acts' noun, a present verb of `policy_verbs`:
    not "hit", which is also a past)."""
    text = view.s.text
    floor = max(view.s.start, hit.start - _LOOK_BACK)
    word = text[hit.start : hit.end].lower()
    if word in view.words.set("policy_verbs") and _owned_policy(
            view.words).search(text, floor, hit.start) is not None:
        return True
    if word in view.words.set("policy_acts") and any(
            m.start() < hit.start and m.end() > hit.end
            for m in _owned_act(view.words).finditer(text, floor, view.s.end)):
        return True  # the noun itself: "says its strikes target ..."
    return text[hit.end - 1 : hit.end].lower() == "s" and _stated_policy(view.words).search(
        text, floor, hit.start) is not None


def _sirens(view: _View) -> list[Hit]:
    """The aerial words of the sentence that name a warning, found once per sentence."""
    found = view.memo.get("sirens")
    if found is None:
        warning = _warning(view.words)
        found = view.memo["sirens"] = [h for h in view.get("airstrike", "aerial")
                                       if warning.match(view.s.text, h.end, view.s.end)]
    return found


@predicate("in_warning", lists=("warning_nouns",),
           holds=("An air raid siren sounded over Kyiv.", "raid", "attack"),
           fails=("An air raid hit Kyiv.", "raid", "attack"))
def in_warning(view: _View, hit: Hit) -> bool:
    """ "an air raid siren sounded": every word of the warning is masked."""
    return _inside(hit, _sirens(view))


@predicate("speaker_word", distances=("short",),
           holds=("Ukraine's air force said it downed ten drones.", "air force", "aerial"),
           fails=("The air force bombed depots, the ministry said.", "air force", "aerial"))
def speaker_word(view: _View, hit: Hit) -> bool:
    """ "Ukraine's air force said ...": the aerial word names the speaker, not a weapon."""
    for report in view.get("report"):
        if report.start >= hit.end:
            return (words_between(view.s.text, hit.end, report.start) <= view.distances["short"]
                    and "," not in view.s.text[hit.end : report.start])
    return False


@predicate("unowned_craft",
           holds=("Passenger jets were grounded after the strike.", "jets", "party_craft"),
           fails=("Israeli jets struck a depot near Homs.", "jets", "party_craft"))
def unowned_craft(view: _View, hit: Hit) -> bool:
    """ "Israeli jets bombed the port", "Sudanese army aircraft bombed": jets and aircraft
    are an air strike's weapon only as a party's (its name right before them); "passenger
    jets", "aircraft on the ground" are not."""
    if hit.cat != "party_craft":
        return False
    if any(h.start <= hit.start and hit.end <= h.end and h.end - h.start > hit.end - hit.start
           and h.cat.startswith("mil:") for h in view.s.hits):
        return True  # "a US aircraft carrier": the word names another asset
    # a state's or its forces' ("a United Nations aircraft" is no weapon)
    if any((0 <= hit.start - m.end <= 1 or (m.start <= hit.start and hit.end <= m.end))
           and m.entry.kind in _ARMED_OWNERS for m in view.s.mentions):
        return False
    # "Israel's military said its jets struck": a pronoun for an armed party named before
    owners = view.words.own_pronouns
    return not (owners and prev_word(view.s.text, hit.start, view.s.start) in owners and any(
        m.end <= hit.start and m.entry.kind in _ARMED_OWNERS for m in view.s.mentions))


_ARMED_OWNERS = frozenset({"state", "demonym", "mil"})


def _asset_relative(w: Words) -> re.Pattern[str]:
    return w.pattern("asset_relative", lambda w: (
        rf"\s*,?\s*{w.alt('conflict_relatives')}\s[^,;:.]*$"))


@predicate("describes_asset", lists=("conflict_relatives",),
           holds=("Sea drones hit a frigate, which carries cruise missiles used against cities.",
                  "missiles", "aerial"),
           fails=("Cruise missiles hit a frigate, which sank.", "missiles", "aerial"))
def describes_asset(view: _View, hit: Hit) -> bool:
    """ "hit a frigate, which carries cruise missiles used to strike cities": the weapon
    belongs to a relative clause that describes the asset hit, not to the attack."""
    assets = view.prefixed("mil:") + view.prefixed("infra:")
    if not assets:
        return False
    text, relative = view.s.text, _asset_relative(view.words)
    return any(a.end <= hit.start and relative.match(text, a.end, hit.start) is not None
               for a in assets)


def _procured(w: Words) -> re.Pattern[str]:
    # a purchase phrase, then a list of goods (words, commas, "and"; no relative, no verb of
    # use) up to the hit: "pays for more air defence systems, artillery ammunition and "
    return w.pattern("procured", lambda w: rf"\b{w.alt('purchase_words')}\s+"
                     r"(?:(?!\b(?:that|which|who|to|on|at|against|into)\b)[\w'’-]+,?\s+)"
                     r"{0,8}$")


@predicate("procured", lists=("purchase_words",),
           holds=("The budget pays for more tanks, artillery shells and drones.", "shells",
                  "attack"),
           fails=("The budget was cut as the army fired shells at the town.", "shells",
                  "attack"))
def procured(view: _View, hit: Hit) -> bool:
    """ "the package pays for more air defence systems, artillery ammunition and long-range
    drones": weapons named as goods bought, funded or delivered, not used (a veto of the
    act's cue)."""
    return _procured(view.words).search(
        view.s.text, max(view.s.start, hit.start - 2 * _LOOK_BACK), hit.start) is not None


def _comment_declined(w: Words) -> re.Pattern[str]:
    # the phrase, then the object's words up to the hit (no relative clause, no clause end)
    return w.pattern("comment_declined", lambda w: rf"\b{w.alt('no_comment_phrases')}\s+"
                     r"(?:(?!\b(?:which|that|who|when|after|as|while)\b)[\w'’,-]+\s+){0,12}$")


@predicate("comment_declined", lists=("no_comment_phrases",),
           holds=("The ministry declined to comment on the weekend's drone attacks on two "
                  "depots.", "attacks", "attack"),
           fails=("The ministry declined to comment after drones attacked two depots.",
                  "attacked", "attack"))
def comment_declined(view: _View, hit: Hit) -> bool:
    """ "Peskov declined to comment on the weekend's drone attacks on oil facilities": the
    act is what a spokesman would not talk about, reported elsewhere, not the news here (a
    veto of the act's cue)."""
    return _comment_declined(view.words).search(
        view.s.text, max(view.s.start, hit.start - 2 * _LOOK_BACK), hit.start) is not None


@predicate("weapon_named", lists=("weapon_nouns",),
           holds=("Police arrested men who assembled explosives.", "explosives", "bombing"),
           fails=("A car bomb exploded at the market.", "car bomb", "bombing"))
def weapon_named(view: _View, hit: Hit) -> bool:
    """ "as they assembled explosives": the word names a weapon, not its use."""
    return _word(view, hit) in view.words.set("weapon_nouns")


@predicate("party_destroys", distances=("result",),
           lists=("accident_nouns", "person_relatives", "complementizers", "passive_aux",
                  "perfect_aux", "near_preps"),
           holds=("Russia's defence ministry said it destroyed a Patriot battery.", "destroyed",
                  "damage"),
           fails=("A fire destroyed a Patriot battery.", "destroyed", "damage"))
def party_destroys(view: _View, hit: Hit) -> bool:
    """ "Russia's defence ministry said it had destroyed a Patriot battery": a party
    destroying a military asset is an attack; "a fire destroyed a depot" is not (no cause)."""
    text, within = view.s.text, view.distances["result"]
    if not any(a.start >= hit.end and words_between(text, hit.end, a.start) <= within
               for a in view.prefixed("mil:")) and not any(
            _before_final_verb(view, a, [hit], within) for a in view.prefixed("mil:")):
        return False  # (verb-final: "hat ... ein Landungsschiff ... zerstört")
    if _accident_subject(view.words).search(
            text, max(view.s.start, hit.start - _SUBJECT_LOOK_BACK), hit.start):
        return False
    return any(m.end <= hit.start and m.entry.kind in _PARTIES for m in view.s.mentions)


@predicate("staged_action", lists=("staged_stems", "stage_frames", "stage_determiners",
                                   "frame_links"),
           holds=("Commandos stormed an airliner in a counter-terrorism exercise.", "exercise",
                  "hedge"),
           fails=("Police said the exercise was cancelled.", "exercise", "hedge"))
def staged_action(view: _View, hit: Hit) -> bool:
    """ "stormed an airliner in a counter-terrorism exercise", "army drill simulates a raid":
    the action itself is a drill (the act spec keeps an attack during drills that kills
    people). In a verb-final
    language the staging verb may close the clause instead ("hat die Abwehr eines
    Luftangriffs auf den Hafen geübt")."""
    if not _word(view, hit).startswith(tuple(view.words.phrases["staged_stems"])):
        return False
    text = view.s.text
    if _stage_frame(view.words).search(
            text, max(view.s.start, hit.start - _FRAME_LOOK_BACK), hit.start) is not None:
        return True
    following = _FIRST_WORD.match(text, hit.end, view.s.end)
    if following is not None and following.group(1).lower().startswith(
            tuple(view.words.phrases["staged_stems"])):
        return True  # "army drill simulates a raid", "an exercise simulating a barrage"
    return (view.words.settings.verb_final and text[hit.start].islower()
            and _CLOSES_CLAUSE.match(text, hit.end, view.s.end) is not None)


# nothing after a word in its clause: a verb-final language's verb ("... geübt.")
_CLOSES_CLAUSE = re.compile(r"\s*(?:[.,;:!?\"“”»«)]|$)")


@predicate("weak_verb", lists=("weak_violence",),
           holds=("The outage hit the capital.", "hit", "attack"),
           fails=("Drones attacked the capital.", "attacked", "attack"))
def weak_verb(view: _View, hit: Hit) -> bool:
    """ "the outage hit the capital", "a blast at a plant": violent only in a conflict."""
    return _word(view, hit) in view.words.set("weak_violence")


# military targets

_WORD_REST = re.compile(r"[\w'’-]*")
_JOIN_REACH = 40  # characters from an asset to the next asset word of its phrase
_JOIN_MOST = 3  # asset words one phrase may run through: "F-16 fighter jets"
_START = attrgetter("start")
_JOINED_ASSET = re.compile(r"[\w'’-]*\s+")  # the rest of a word, then one space or more


def asset_end(hits: list[Hit], text: str, asset: Hit) -> int:
    """Where the asset's noun phrase ends: at the end of its word ("F-16" in "F-16s") and
    past another asset's words right after it ("F-16 fighter jets responded": the phrase
    the verb after "jets" has for its subject)."""
    end, moved, joined = asset.end, True, 0
    while moved and joined < _JOIN_MOST:
        moved, joined = False, joined + 1
        # the hits are in order of start: only those a few characters on can join (a
        # bisection, not a pass over the sentence's hits for each asset)
        for i in range(bisect_left(hits, end, key=_START), len(hits)):
            h = hits[i]
            if h.start > end + _JOIN_REACH:
                break
            if h.cat.startswith("mil:") and h.end > end and _JOINED_ASSET.fullmatch(
                    text, end, h.start) is not None:
                end, moved = h.end, True
                break
    rest = _WORD_REST.match(text, end)
    return rest.end() if rest is not None else end


def shoots_next(w: Words, text: str, pos: int, end: int) -> bool:
    """The word after an asset (past an auxiliary or a copula: "had shot down", "air defence
    is working") is one of the language's `shooter_verbs`: the asset acts, it is not hit."""
    following = _FIRST_WORD.match(text, pos, end)
    if following is not None and (following.group(1).lower() in w.set("perfect_aux")
                                  or following.group(1).lower() in w.set("copulas")):
        following = _FIRST_WORD.match(text, following.end(), end)
    return following is not None and following.group(1).lower() in w.set("shooter_verbs")


@predicate("shooting", lists=("shooter_verbs", "perfect_aux", "copulas", "striker_verbs",
                               "striker_objects", "striker_weapons"),
           holds=("Air defence fire lit up the sky.", "air defence", "mil:air_defence"),
           fails=("Drones struck an air defence system.", "air defence", "mil:air_defence"))
def shooting(view: _View, hit: Hit) -> bool:
    """ "air defence fire lit up the sky", "said air defences had shot down most of the
    drones": the asset is shooting, not hit; "intercepted by air defences" ("von der
    Luftabwehr abgefangen"): an air defence after the agent's preposition is the
    interceptor. So is a craft that strikes something ("military jets bomb a neighbouring
    village", "attack helicopters of the air force struck the base", "its aircraft had
    neutralised dozens"): see `_striking`."""
    after = asset_end(view.s.hits, view.s.text, hit)
    if shoots_next(view.words, view.s.text, after, view.s.end):
        return True
    striking = _striking(view.words).match(view.s.text, after, view.s.end)
    if striking is not None and _struck_weapon(view.words).match(
            view.s.text, striking.end(), view.s.end) is None:
        return True
    return hit.cat == "mil:air_defence" and _by_agent(view.words).search(
        view.s.text, max(view.s.start, hit.start - _AGENT_LOOK_BACK), hit.start) is not None


_AGENT_LOOK_BACK = 40  # "by the Ukrainian air defence", "von der ukrainischen Flugabwehr"


def _struck_weapon(w: Words) -> re.Pattern[str]:
    """ "their patrol struck a landmine": what the asset struck is a weapon that hit it
    (the language's `striker_weapons`, within the object's first words)."""
    return w.pattern("struck_weapon", lambda w: (
        r"(?:[\w'-]*\s+){0,2}?" rf"{w.alt('striker_weapons')}\b"))


def _striking(w: Words) -> re.Pattern[str]:
    """After an asset: an active verb of striking with its object ("bomb neighbouring
    villages", "of the air force struck the base"), or in the perfect ("had "neutralised""),
    which a passive ("were struck", "struck by") never is. An "of" phrase of up to four
    words may name the asset's force first, and another craft may share the verb
    ("helicopters and drones had "struck the fleeing terrorists"")."""
    return w.pattern("striking", lambda w: (
        r"(?:\s+of(?:\s+[\w'’-]+){1,4}?)?(?:\s+and\s+[\w'’-]+)?\s+"
        rf"(?:{w.alt('perfect_aux')}\s+[\"“']?{w.alt('striker_verbs')}\b"
        rf"|{w.alt('striker_verbs')}\s+(?:{w.alt('striker_objects')}|\d)\b)"))


def _by_agent(w: Words) -> re.Pattern[str]:
    """The agent's preposition and up to two words (a determiner, an adjective) before a hit."""
    return w.pattern("by_agent", lambda w: rf"\b{w.alternation(tuple(sorted(w.agent_preps)))}"
                     r"\s+(?:[\w'-]+\s+){0,2}$")


@predicate("out_of_service", lists=("out_of_service",),
           holds=("A drone hit a decommissioned bomber at the museum.", "bomber", "mil:bomber"),
           fails=("A drone hit a bomber at the base.", "bomber", "mil:bomber"))
def out_of_service(view: _View, hit: Hit) -> bool:
    """ "a decommissioned bomber on display at the museum", decoys: not in service."""
    return _not_in_service(view.words).search(
        view.s.text, max(view.s.start, hit.start - _SERVICE_LOOK_BACK), hit.start) is not None


@predicate("embedded", lists=("embedded_verbs", "embedded_preps"),
           holds=("Jets struck a command centre embedded inside the school.", "command centre",
                  "mil:command"),
           fails=("Jets struck a command centre.", "command centre", "mil:command"))
def embedded(view: _View, hit: Hit) -> bool:
    """ "a command centre embedded inside the school": a disputed claim about a place."""
    return _embedded(view.words).match(view.s.text, hit.end) is not None


def _wielded_re(w: Words) -> re.Pattern[str]:
    return w.pattern("wielded", lambda w: (
        rf"\b(?:{w.alternation(tuple(sorted(w.wield)))})\s+(?:[\w.'’-]+\s+){{0,3}}$"))


@predicate("wielded",
           holds=("Its forces used HIMARS rocket launchers to bring down the bridge.",
                  "rocket launchers", "mil:military"),
           fails=("Jets struck two rocket launchers near the border.", "rocket launchers",
                  "mil:military"))
def wielded(view: _View, hit: Hit) -> bool:
    """ "used HIMARS rocket launchers to bring down the bridge": the weapon the attackers
    used, not an asset they hit (a few words may name it between)."""
    if not view.words.wield:
        return False
    return _wielded_re(view.words).search(
        view.s.text, max(view.s.start, hit.start - 60), hit.start) is not None


def _site_labelled(w: Words) -> re.Pattern[str]:
    # after a civilian site: a few words, the attacker's label, a few words before the asset
    return w.pattern("site_labelled", lambda w: (
        rf"\s*(?:[\w'’-]+\s+){{0,3}}?{w.alt('site_labels')}\s+(?:[\w'’-]+\s+){{0,3}}$"))


@predicate("disputed_site", lists=("site_labels",),
           holds=("Moscow said it destroyed a command post, while Kyiv said the missile hit a "
                  "school.", "command post", "mil:command"),
           fails=("Moscow said it destroyed a command post near a school.", "command post",
                  "mil:command"))
def disputed_site(view: _View, hit: Hit) -> bool:
    """ "Russia said it had destroyed a command post, while Ukrainian officials said the
    missile had hit a school": the other side's account puts the hit on a civilian site, a
    disputed claim, not a military target (contrast words: the language's clause words
    less its "and"), also told the other way round ("hit a wing of the hospital, while the
    army said the building had been used as a command centre"). So does the attacker's own
    label on a civilian site it hit: "strikes
    school-turned-shelter it calls Hamas command centre" (the language's `site_labels`)."""
    sites = view.get("civilian_site")
    if not sites:
        return False
    text, settings = view.s.text, view.words.settings
    if view.words.phrases.get("site_labels") and any(
            site.end <= hit.start and _site_labelled(view.words).match(text, site.end, hit.start)
            for site in sites):
        return True
    contrast = {w for w in settings.clause_words if w not in settings.and_words}
    for report in view.get("report"):
        if report.start < hit.end or not any(c.start > report.end for c in sites):
            continue
        gap = text[hit.end : report.start].lower()
        if contrast.intersection(re.findall(r"\w+", gap)):
            return True
    # "hit a wing of the teaching hospital ..., while the army said the building had been
    # used as a command centre": the site first, then the other side's account of it
    for report in view.get("report"):
        if report.end > hit.start:
            continue
        for site in sites:
            if site.end <= report.start and contrast.intersection(
                    re.findall(r"\w+", text[site.end : report.start].lower())):
                return True
    return False


@predicate("military_hit", distances=("modifier", "verb_object", "passive"),
           lists=("hit_by", "under_fire_verbs", "under_fire_preps", "person_relatives",
                  "passive_aux", "complementizers", "perfect_aux", "near_preps", "act_agents"),
           holds=("Drones struck an air base overnight.", "air base", "mil:airbase"),
           fails=("An air base lies near the city where drones struck homes.", "air base",
                  "mil:airbase"))
def military_hit(view: _View, hit: Hit) -> bool:
    """A military asset on the receiving end: "army posts came under fire", "the depot was
    hit by", after the verb ("struck an air base"), or a passive subject before it ("two
    warships were hit"). Reads the act's verbs."""
    text, verbs = view.s.text, _verbs(view)
    words = view.words
    modifier = view.distances["modifier"]
    under = _under(words)
    if _hit_by(words).match(text, hit.end) or any(
        hit.end <= v.start and words_between(text, hit.end, v.start) <= modifier
        and under.match(text, v.start) for v in verbs
    ):
        return True
    return (_after_verb(view, hit, verbs) or _passive_subject(view, hit, verbs)
            or _before_final_verb(view, hit, verbs, view.distances["verb_object"]))


def _before_final_verb(view: _View, asset: Hit, verbs: list[Hit], within: int) -> bool:
    """In a verb-final language (`verb_final` in language.yaml), "Drohnen haben ein
    Munitionsdepot ... angegriffen": the asset is the object of the verb closing its clause,
    with no clause mark, linker, relative or complementizer between them."""
    if not view.words.settings.verb_final:
        return False
    text, words = view.s.text, view.words
    # a clause opens after a comma, a semicolon, a colon or a dash ("wirft Kambodscha Bruch
    # der Waffenruhe vor – Grenzposten ... unter Beschuss": "vor" is the verb's particle)
    opening = max(text.rfind(c, view.s.start, asset.start) for c in ",;:–—")
    before = text[max(opening + 1, view.s.start) : asset.start].split()
    if _governed_by_preposition(words, before):
        return False  # "über dem Kraftwerk", "von der Flugabwehr": a place, an agent
    # after the clause's finite auxiliary ("Die Ukraine hat ... einen Kampfjet abgeschossen")
    # the asset is the object; before it ("Die Flugabwehr hat ... abgeschossen"), the subject
    # ... unless the weapons shot at stand before that auxiliary, fronted as its object ("Die
    # meisten Drohnen habe die Flugabwehr ... abgeschossen")
    passive, perfect = words.set("passive_aux"), words.set("perfect_aux")
    clause_start = max(opening + 1, view.s.start)
    aux = next((m.start() for m in _WORD_RE.finditer(text, clause_start, asset.start)
                if m.group().lower() in perfect), None)
    fronted = aux is not None and not any(
        h.cat == "aerial" and clause_start <= h.start < aux for h in view.s.hits)
    relative, that, final = _relative(words), _that(words), _clause_final(words)
    for verb in verbs:
        if verb.start < asset.end:
            continue
        # one word in parentheses is an aside, no clause mark ("eine Kommandozentrale der Rapid
        # Support Forces (RSF) in Nyala bombardiert")
        gap = _ONE_WORD_PARENS.sub("", text[asset.end : verb.start])
        if "," in gap:
            # a relative clause right after the asset ("Das Heizkraftwerk, das ... versorgt,
            # wurde ... getroffen"): read past it
            gap = _past_aside(view, gap) or gap
        gap_words = {w.lower() for w in gap.split()}
        if not fronted and passive.isdisjoint(gap_words) and (
                verb.cat == "intercept" or not perfect.isdisjoint(gap_words)):
            # the asset that shoots down, not what was shot down; before the active perfect's
            # finite auxiliary ("die Flugabwehr habe ... 27 Drohnen zerstört") it is the
            # subject of any verb
            continue
        # a dash opens another clause ("Kampfjets greifen den Flughafen an – Passagiermaschine
        # zerstört": the jets are not what was destroyed)
        if any(c in gap for c in "–—"):
            continue
        # the subject of a passive, its finite auxiliary right after it ("Die Raffinerie ...
        # sind in der Nacht zum Sonntag von Drohnen getroffen worden"): the middle field
        # between the auxiliary and the participle may be long
        reach = within * 2 if not passive.isdisjoint(
            w.lower() for w in gap.split()[:_PASSIVE_HEAD]) else within
        if (len(gap.split()) <= reach and not any(c in gap for c in ";:()")
                and ("," not in gap or _listing(gap, view.words.settings.nouns_capitalised))
                and final.match(text, verb.end) is not None
                and relative.search(gap) is None and that.search(gap) is None):
            return True
    return False


_WORD_RE = re.compile(r"[\w'-]+")
_COMMA_NEXT = re.compile(r",\s*(\S)")
_ONE_WORD_PARENS = re.compile(r"\s*\([^\s()]{2,10}\)")
# words after a passive's subject its finite auxiliary may stand ("Der Ölhafen der
# Schwarzmeerstadt Tuapse sind"): a genitive attribute and a name
_PASSIVE_HEAD = 6


def _governed_by_preposition(words: Words, before: list[str]) -> bool:
    """The words before an asset, back to its clause's start, put it after a preposition of
    place or of the agent ("über dem Kraftwerk", "von der Flugabwehr"): the lower-case words
    in between are its determiners and adjectives, a capitalised word ends the look back."""
    preps = words.agent_preps | words.set("near_preps")
    for word in reversed(before[-4:]):
        lowered = word.lower().strip("„“\"'»«")
        if lowered in preps:
            return True
        if word[:1].isupper() or word[:1].isdigit():
            return False
    return False


def _listing(gap: str, nouns_capitalised: bool) -> bool:
    """Commas that only list nouns ("in Teheran, Chusestan und Ilam getroffen"), in a
    language that capitalises every noun: each comma is followed by a capital, where a
    relative or a subordinate clause (", die ...", ", nachdem ...") starts in lower case."""
    return nouns_capitalised and all(m.group(1).isupper() for m in _COMMA_NEXT.finditer(gap))


def _clause_final(w: Words) -> re.Pattern[str]:
    """A verb that closes its clause, auxiliaries aside ("getroffen worden sei.", "zerstört
    zu haben,"), or a ticker flash ("... unter Beschuss +++"): a verb-second one ("... und
    trafen ein Schiff") is not."""
    clause = "|".join(re.escape(c) for c in w.settings.clause_words) or "(?!)"
    return w.pattern("clause_final", lambda w: rf"(?:\s+(?:{w.alt('passive_aux')}|"
                     rf"{w.alt('perfect_aux')})\b)*\s*(?:[.,;:!?)\"“”»«+–—]|$|\s+(?:{clause})\b)")


def _after_verb(view: _View, asset: Hit, verbs: list[Hit]) -> bool:
    """ "struck an air base": the asset follows a verb, outside a relative clause and in the
    verb's own clause ("drones hit the port, killing two; the air force scrambles jets": the
    jets are the other clause's, not a target)."""
    text = view.s.text
    before = [v for v in verbs if v.end <= asset.start]
    within = view.distances["verb_object"]
    if not any(words_between(text, v.end, asset.start) <= within
               and text.find(";", v.end, asset.start) < 0 for v in before):
        return False
    # A "who" between any of these verbs and the asset: the widest gap holds every other
    # gap's matches but one kind, a "who" right at a verb's end (a search that starts there
    # sees a word boundary). One search and an anchored match per verb, not a search of
    # each gap: linear, not quadratic, in a long sentence.
    relative = _relative(view.words)
    return not (relative.search(text, min(v.end for v in before), asset.start)
                or any(relative.match(text, v.end, asset.start) for v in before))


_ASIDE_WORDS = 25  # the longest aside between an asset and its passive verb


def _passive_subject(view: _View, asset: Hit, verbs: list[Hit]) -> bool:
    """ "two warships were hit": the asset is the subject of a passive verb after it, also
    across an aside between commas ("the corvette Kolomna, moored at Kaspiysk, was hit")."""
    aux, within = view.words.set("passive_aux"), view.distances["passive"]
    text = view.s.text
    for v in verbs:
        if asset.end > v.start:
            continue
        gap = text[asset.end : v.start]
        if "," not in gap:
            if words_between(text, asset.end, v.start) <= within and not aux.isdisjoint(
                    gap.split()):
                return True
            continue
        if _past_aside(view, gap) is not None:
            return True
    return False


_CLAUSE_END = re.compile(r"[;:.!?()]")


def _past_aside(view: _View, gap: str) -> str | None:
    """The words between an asset and its passive verb without the aside between commas
    ("la corvette Kolomna, qui mouillait ..., a été touchée": "Kolomna a été"), in a language
    whose modifiers follow the noun (English keeps its comma as the end of the subject): the
    asset's name (as many words as modifiers follow it) closed by a comma, the aside, a comma,
    and only auxiliaries, at least one passive, before the verb. None when not so."""
    settings = view.words.settings
    after = settings.modifiers_after
    head, _, rest = gap.partition(",")
    aside, _, tail = rest.rpartition(",")
    if not after and settings.verb_final and settings.relatives:
        # a verb-final language: a relative clause right after the asset, then the finite
        # passive auxiliary opening the middle field that the participle closes ("Das
        # Heizkraftwerk, das die Bezirke ... versorgt, wurde ... getroffen")
        aux = view.words.set("passive_aux")
        first = aside.split()[:1]
        tail_words = tail.split()
        if (not head.strip() and first and first[0].lower() in settings.relatives
                and len(aside.split()) <= _ASIDE_WORDS and not _CLAUSE_END.search(aside)
                and tail_words and tail_words[0].lower() in aux
                and len(tail_words) <= 2 * view.distances["passive"]):
            return f"{head} {tail}"
        return None
    if not after:
        return None
    if (aside and len(head.split()) <= after + 1
            and len(aside.split()) <= _ASIDE_WORDS and not _CLAUSE_END.search(aside)
            and 0 < len(tail.split()) <= 3
            and not view.words.set("passive_aux").isdisjoint(tail.split())):
        return f"{head} {tail}"
    return None


# infrastructure

def _next_item(w: Words) -> re.Pattern[str]:
    # the next item of a list: ", its water reservoir", " or the city's water plant"
    return w.pattern("next_item", lambda w: (
        rf"(?:,\s*|,?\s+{w.alt('list_links')}\s+)(?:[\w'’-]+\s+){{0,3}}"))


@predicate("negated_list", lists=("list_links",),
           holds=("The shelling did not hit the power station or its water reservoir.",
                  "reservoir", "infra:dam"),
           fails=("The shelling hit the power station and its water reservoir.", "reservoir",
                  "infra:dam"))
def negated_list(view: _View, hit: Hit) -> bool:
    """ "did not hit the city's power station or its water reservoir": an asset listed after
    a negated one is negated with it, however far the list runs from the negation."""
    if NEGATION not in view.by_cat and DENIAL not in view.by_cat:
        return False  # no negation in the sentence: most stop here
    text = view.s.text
    previous = next((h for h in reversed(view.s.hits)
                     if h.end <= hit.start and h.cat.startswith(("infra:", "mil:"))), None)
    if previous is None:
        return False
    return _next_item(view.words).fullmatch(text, previous.end, hit.start) is not None and (
        view.scope.governs(NEGATION, previous))


@predicate("inside_military",
           holds=("Drones struck an ammunition and fuel depot.", "fuel depot", "infra:fuel"),
           fails=("Drones struck a fuel depot.", "fuel depot", "infra:fuel"))
def inside_military(view: _View, hit: Hit) -> bool:
    """ "an ammunition and fuel depot": an infrastructure word inside a longer military
    asset's name is that asset's."""
    return any(h.cat.startswith("mil:") and h.start <= hit.start and hit.end <= h.end
               and (h.end - h.start) > (hit.end - hit.start) for h in view.s.hits)


@predicate("negated_later",
           holds=("The power plant was not damaged in the attack.", "power plant",
                  "infra:power"),
           fails=("The power plant was damaged in the attack.", "power plant", "infra:power"))
def negated_later(view: _View, hit: Hit) -> bool:
    """ "the plant was not damaged": a negation between the asset and the verb after it."""
    return view.scope.negated_after(hit, view.get("attack", "damage", "bombing"))


_CRAFT_LOOK_BACK = 30  # "two military transport planes": the words before the craft


def _military_craft(w: Words) -> re.Pattern[str]:
    return w.pattern("military_craft", lambda w: rf"\b{w.alt('military_craft_words')}\b"
                     r"[^,;.]*$")


def _military_part(w: Words) -> re.Pattern[str]:
    return w.pattern("military_part", lambda w: rf"\b{w.alt('military_parts')}\b")


@predicate("civil_airport_craft",
           lists=("generic_craft", "military_craft_words", "military_parts"),
           holds=("Drones hit the airport overnight, damaging two aircraft on the apron.",
                  "aircraft", "mil:aircraft"),
           fails=("Drones hit the airport overnight, destroying two military transport planes.",
                  "planes", "mil:aircraft"))
def civil_airport_craft(view: _View, hit: Hit) -> bool:
    """ "Drones hit Vnukovo airport, damaging two aircraft on the apron": planes at a civilian
    airport are its traffic, not an armed force's aircraft (no strategic strike), unless the
    text calls them military ("fighter jets", "military transport planes") or names an air
    base."""
    if hit.payload != "aircraft":
        return False
    text = view.s.text
    if text[hit.start : hit.end].lower() not in view.words.set("generic_craft"):
        return False
    if not any(h.cat == "infra:airport" for h in view.s.hits) or any(
            h.cat == "mil:airbase" for h in view.s.hits) or _in_sentence(view, _military_part):
        return False  # "attacked the military section of Bamako's airport": the army's
    return _military_craft(view.words).search(
        text, max(view.s.start, hit.start - _CRAFT_LOOK_BACK), hit.start) is None


_PART_REACH = 40  # characters: "the military section of the Erbil airport complex"


def _part_before(w: Words) -> re.Pattern[str]:
    return w.pattern("part_before", lambda w: rf"\b{w.alt('military_parts')}\b[^,;.]*$")


def _place_gap(w: Words) -> re.Pattern[str]:
    return w.pattern("place_gap", lambda w: rf"\s+{w.alt('place_preps')}\s+[^,;.]*")


@predicate("military_airport", lists=("military_parts", "place_preps", "act_agents"),
           holds=("A drone hit the army's air base at the city airport.", "airport",
                  "infra:airport"),
           fails=("A drone hit the city airport, closing the runway.", "airport",
                  "infra:airport"))
def military_airport(view: _View, hit: Hit) -> bool:
    """An airport named as where a military asset was hit is no attack on the airport
    (corpus README: a ship, aircraft or vehicle hit at a port or airport is not an attack on
    it; an air base's parts are the air base): "the coalition's air base at Erbil airport",
    "a radar at the airport",
    "the military section of the airport", "struck the airport, destroying an air defence
    system". A hit on the airport that names no military asset stays infrastructure. Reads
    the act's military targets and verbs."""
    if hit.payload != "airport":
        return False
    text, words = view.s.text, view.words
    if not _word(view, hit).startswith("airport") and any(
            h.cat == "mil:airbase" for h in view.s.hits):
        return True  # "the air base ..., cratering the main runway": the base's runway
    floor = max(view.s.start, hit.start - _PART_REACH)
    if _part_before(words).search(text, floor, hit.start):
        return True  # "struck the military section of the airport complex"
    targets = view.act.get("military", [])
    gap = _place_gap(words)
    for asset in targets:
        if asset.end <= hit.start:
            if hit.start - asset.end <= _PART_REACH and gap.fullmatch(
                    text, asset.end, hit.start):
                return True  # "the air base at the city airport", "a radar at the airport"
            continue
        # "struck Nyala airport ..., destroying an air defence system": what was destroyed
        # there is named, and it is military
        if any(hit.end < v.start < asset.start and "," in text[hit.end : v.start]
               and ";" not in text[hit.end : asset.start] for v in _verbs(view)):
            return True
    return False


def _on_base(w: Words) -> re.Pattern[str]:
    return w.pattern("on_base", lambda w: (
        rf"\s*(?:[\w'-]+\s+)?{w.alt('base_preps')}\s+(?:{w.alt('place_determiners')}\s+)?"
        rf"(?:[\w'-]+\s+){{0,2}}"))


@predicate("base_fuel", lists=("base_preps", "place_determiners"),
           holds=("Drones hit a fuel depot at the air base.", "fuel depot", "infra:fuel"),
           fails=("Drones hit the main fuel depot in Port Sudan and an air base at the "
                  "airport.", "fuel depot", "infra:fuel"))
def base_fuel(view: _View, hit: Hit) -> bool:
    """ "a fuel depot at the air base", "pounded the air base, hitting bombers and a fuel
    storage site", "a fuel storage site on the base": a base's own fuel store is military
    (named after the base, or "at" or "on" it); "the main fuel depot in Port Sudan and an air
    base" are two targets. Reads the act's military targets. So is a berth or a pier "at the
    naval base" (any naval base the sentence names)."""
    text, at = view.s.text, _on_base(view.words)
    if hit.payload == _PORT:
        # "hit in its berth at the naval base": a naval base's own berths are the base's
        return any(base.payload == _NAVAL and base.start >= hit.end
                   and at.fullmatch(text, hit.end, base.start) is not None
                   for base in view.prefixed("mil:"))
    if hit.payload != _FUEL:
        return False
    return any(base.payload in _BASES and (
        base.end <= hit.start or at.fullmatch(text, hit.end, base.start) is not None)
        for base in view.act.get("military", []))


def _sited_before(w: Words) -> re.Pattern[str]:
    return w.pattern("sited_before", lambda w: (
        rf"(?:\b{w.alt('site_relatives')}\s+{w.alt('site_verbs')}\s+(?:[\w'’-]+\s+){{0,4}}?"
        rf"|\b{w.alt('guard_words')}\s+)(?:[\w'’-]+\s+){{0,3}}?$"
        if w.set("site_verbs") and w.set("guard_words") else "(?!)"))


_SITED_LOOK_BACK = 70  # characters: "which sits on the northern edge of the airfield"


@predicate("sited", lists=("site_relatives", "site_verbs", "guard_words"),
           holds=("Insurgents attacked an army post guarding the airport.", "airport",
                  "infra:airport"),
           fails=("Insurgents attacked the airport and an army post.", "airport",
                  "infra:airport"))
def sited(view: _View, hit: Hit) -> bool:
    """ "attacked a military post guarding the airport", "the post, which sits at the edge of
    the airfield": an asset that places or describes the target (a relative clause of where
    it lies, a guard's participle) is not what was hit."""
    text = view.s.text
    floor = max(view.s.start, hit.start - _SITED_LOOK_BACK)
    found = _sited_before(view.words).search(text, floor, hit.start)
    return found is not None and "," not in text[found.start() : hit.start]


def _near_miss(w: Words) -> re.Pattern[str]:
    return w.pattern("near_miss", lambda w: rf"\b{w.alt('miss_verbs')}\s+{w.alt('near_preps')}\s+"
                     rf"(?:{w.alt('near_determiners')}\s+)?(?:[\w'’-]+\s+){{0,2}}$")


def _overflown(w: Words) -> re.Pattern[str]:
    return w.pattern("overflown", lambda w: (
        rf"\b{w.alt('overflight_verbs')}\s+{w.alt('over_preps')}\s+"
        rf"(?:{w.alt('near_determiners')}\s+)?(?:[\w'’-]+\s+){{0,2}}$"))


@predicate("overflown", lists=("overflight_verbs", "over_preps", "near_determiners"),
           holds=("Soldiers brought down a drone flying over the air base.", "air base",
                  "mil:airbase"),
           fails=("Soldiers said a drone had struck the air base.", "air base", "mil:airbase"))
def overflown(view: _View, hit: Hit) -> bool:
    """ "German soldiers brought down a small drone flying over the Büchel air base": the
    site a craft flew over is where it was, not what was hit (the language's
    `overflight_verbs` right before its `over_preps`)."""
    if not view.words.phrases["overflight_verbs"]:
        return False
    return _overflown(view.words).search(
        view.s.text, max(view.s.start, hit.start - _PLACE_LOOK_BACK), hit.start) is not None


@predicate("near_site", lists=("miss_verbs", "near_preps", "near_determiners"),
           holds=("A missile hit close to the Nevatim air base.", "air base", "mil:airbase"),
           fails=("A drone dropped a bomb near an army post.", "army post", "mil:military"))
def near_site(view: _View, hit: Hit) -> bool:
    """ "one of them hit close to the Nevatim air base", "shells landed near the base": a
    weapon that came down near the site missed it (`miss_verbs` right before the place's
    preposition); "dropped a bomb near an army post" attacked the post."""
    if not view.words.phrases["miss_verbs"]:
        return False
    return _near_miss(view.words).search(
        view.s.text, max(view.s.start, hit.start - _PLACE_LOOK_BACK), hit.start) is not None


@predicate("locative", lists=("place_heads", "near_preps", "near_determiners", "base_preps",
                              "place_determiners", "mobile_nouns", "along_preps"),
           holds=("Shells hit a market in the port city of Odesa.", "port", "infra:port"),
           fails=("Drones hit the port of Odesa.", "port", "infra:port"))
def locative(view: _View, hit: Hit) -> bool:
    """ "the port city of Odesa", "a market near the railway station": the asset names where
    something else was hit, not what was hit; "Port-au-Prince", "Port Sudan" name a city."""
    text, words = view.s.text, view.words
    if (hit.start > view.s.start and text[hit.start].isupper()
            and not words.settings.nouns_capitalised
            and _PLACE_NAME_NEXT.match(text, hit.end)
            and _LOWER_WORD_BEFORE.search(text, max(view.s.start, hit.start - 20), hit.start)):
        return True  # (in running text: a title-case headline capitalises every word)
    following = _HEAD_WORD.match(text, hit.end, view.s.end)
    if following and following.group(1).lower() in words.set("place_heads"):
        return True
    floor = max(view.s.start, hit.start - _PLACE_LOOK_BACK)
    if _near_place(words).search(text, floor, hit.start):
        return True
    inside = _in_place(words).search(text, floor, hit.start)
    mobile = _mobile(words)
    if inside is not None and any(
        h.end <= inside.start() and mobile.search(text, h.end, inside.start())
        and not _CLAUSE_GAP.search(text, h.end, inside.start())
        for h in view.get("attack", "airstrike", "bombing", "artillery", "damage")
    ):
        return True  # "hit a cargo ship at the port"; not "a training centre at the plant"
    along = _along(words).search(text, floor, hit.start) if hit.payload == "road" else None
    # "a petrol station on the highway" is a place; "a strike on the highway" is a target
    return along is not None and not any(
        h.end <= along.start() and words_between(text, h.end, along.start()) == 0
        for h in view.get("attack", "airstrike", "bombing", "artillery", "damage")
    )


# between an asset and a later verb, these make someone or something else the verb's
# subject; between a verb and a later asset, these open another clause (categories)
_OTHER_AGENT = frozenset({"report", "aerial", "airstrike", "attack", "artillery", "bombing",
                          "small_arms"})
_NEW_CLAUSE = frozenset({"report", "threat", "accuse", "intent", "hedge"})


def _past_blame(view: _View, start: int, end: int) -> int:
    """Where the words after an attack's noun go on past a clause blaming it on a party
    (the party's end), else `start`."""
    party = blamed_party(view.s, start, end)
    return start if party is None else party.end


@predicate("infrastructure_hit", distances=("receiving", "adjacent", "result"),
           lists=("person_relatives", "complementizers", "closure_words", "service_aux",
                  "service_states", "linkers", "passive_aux", "perfect_aux", "near_preps",
                  "blame_links", "act_agents"),
           holds=("Missiles struck the refinery.", "refinery", "infra:refinery"),
           fails=("Residents fled across the bridge as shells fell.", "bridge",
                  "infra:bridge"))
def infrastructure_hit(view: _View, hit: Hit) -> bool:
    """An infrastructure asset that was hit: after the verb ("struck the refinery"), its
    subject or passive subject ("the bridge collapsed", "a substation was hit"), or named
    with it ("the refinery attack"); not a bystander ("fled across the bridge as ...
    shelled"). An attack's noun and its verb may hold a clause that blames it on a party
    ("a cyberattack that officials blamed on Russia disrupted the water supply"): read from
    the party named. Reads the act's verbs."""
    text, words = view.s.text, view.words
    receiving = view.distances["receiving"]
    relative, that = _relative(words), _that(words)
    consequence, own = _consequence(words), _own_predicate(words)
    for verb in _verbs(view):
        if verb.end <= hit.start:
            start = _past_blame(view, verb.end, hit.start)
            if words_between(text, verb.end, hit.start) <= receiving and not relative.search(
                text, start, hit.start
            ) and not that.search(text, start, hit.start) and not any(
                h.cat in _NEW_CLAUSE and start <= h.start < hit.start for h in view.s.hits
            ) and not consequence.search(text, start, hit.start) and not own.match(
                text, hit.end
            ):
                return True
            continue
        gap = text[hit.end : verb.start]
        if "," in gap:
            gap = _past_aside(view, gap) or ";"  # "le pont ..., principal ouvrage ..., a été"
        if ";" in gap or any(
            h.cat in _OTHER_AGENT and hit.end <= h.start < verb.start for h in view.s.hits
        ):
            continue
        split = gap.split()
        if (len(split) <= view.distances["adjacent"]
                and words.set("linkers").isdisjoint(split)) or (
            len(split) <= receiving and not words.set("passive_aux").isdisjoint(split)
        ) or (len(split) <= view.distances["result"] and verb.cat == "damage"):
            return True
    return _before_final_verb(view, hit, _verbs(view), receiving)


def _judicial(w: Words) -> re.Pattern[str]:
    return w.pattern("judicial", lambda w: rf"\b{w.alt('trial_words')}\b")


@predicate("judicial", lists=("trial_words",),
           holds=("A judge postponed the trial of the man accused of the 1988 bombing that "
                  "killed 270 people.", "killed", "kill"),
           fails=("A bombing killed 27 people in the market on Monday.", "killed", "kill"))
def judicial(view: _View, hit: Hit) -> bool:
    """ "postponed the trial of the man accused of the bombing that killed 270": the
    sentence reports a trial, verdict or extradition, not the attack (a veto of the act and
    the toll, judged on any of their cues). Read from `trial_words`, not from the wider
    `judicial` category: "prosecutors said gunmen killed 12 on Monday" is news."""
    return "judicial" in view.by_cat and _in_sentence(view, _judicial)


_WARD_LOOK_BACK = 60  # "protects the power grid from cyberattacks"


def _war_origin(w: Words) -> re.Pattern[str]:
    return w.pattern("war_origin", lambda w: rf"\b{w.alt('war_origin')}\b")


def _origin_excluded(w: Words) -> re.Pattern[str]:
    return w.pattern("origin_excluded", lambda w: rf"\b{w.alt('origin_excluded')}\s+$")


@predicate("war_origin", lists=("war_origin", "origin_excluded"),
           holds=("The war began when militants attacked border towns, killing 1,200 people.",
                  "killing", "kill"),
           fails=("It was the largest attack since the war began, killing 12 people.",
                  "killing", "kill"))
def war_origin(view: _View, hit: Hit) -> bool:
    """ "The war began when militants attacked ..., killing 1,200": how the war started is
    its history, not today's news (a veto of the act and the toll, judged on any of their
    cues); "the largest attack since the war began" is today's."""
    if "war_origin" not in view.by_cat:
        return False
    found = view.memo.get("war_origin")
    if found is None:
        text = view.s.text
        excluded = _origin_excluded(view.words)
        found = view.memo["war_origin"] = any(
            not excluded.search(text, max(view.s.start, m.start() - _WORDS_LOOK_BACK), m.start())
            for m in _war_origin(view.words).finditer(text, view.s.start, view.s.end))
    return found


def _ward_off(w: Words) -> re.Pattern[str]:
    return w.pattern("ward_off", lambda w: rf"\b{w.alt('ward_off')}\s+"
                     r"(?:[\w'-]+\s+){0,3}$")


_PROTECT_LOOK_BACK = 110  # "to protect air bases, police stations and oil sites from attacks"


def _protect_from(w: Words) -> re.Pattern[str]:
    # what is protected may be a list ("air bases, police stations and oil sites"): its
    # commas are read past, up to eight words
    return w.pattern("protect_from", lambda w: rf"\b{w.alt('protect')}\s+"
                     rf"(?:[\w'-]+,?\s+){{0,8}}{w.alt('protect_preps')}\s+(?:[\w'-]+\s+){{0,2}}$")


@predicate("warded_off", lists=("ward_off", "protect", "protect_preps"),
           holds=("The firm sells software that protects the power grid from cyberattacks.",
                  "cyberattack", "cyber"),
           fails=("Hackers hit the power grid in cyberattacks on Monday.", "cyberattack",
                  "cyber"))
def warded_off(view: _View, hit: Hit) -> bool:
    """ "to deter an attack", "protects the power grid from cyberattacks": an attack to be
    warded off, none that happened."""
    by_cat = view.by_cat
    floor = max(view.s.start, hit.start - _WARD_LOOK_BACK)
    text = view.s.text
    if (("ward_off" in by_cat and _ward_off(view.words).search(text, floor, hit.start))
            or ("protect" in by_cat and _protect_from(view.words).search(
                text, max(view.s.start, hit.start - _PROTECT_LOOK_BACK), hit.start))):
        return True
    # a verb-final language names the verb after the attack: "vor Drohnenangriffen
    # schützen", "um Angriffe abzuwehren"
    return view.words.settings.verb_final and ("ward_off" in by_cat or "protect" in by_cat) and (
        _warded_after(view.words).match(text, hit.end, view.s.end) is not None)


def _warded_after(w: Words) -> re.Pattern[str]:
    return w.pattern("warded_after", lambda w: r"\s+(?:[\w'-]+\s+){0,4}?"
                     rf"(?:{w.alt('ward_off')}|{w.alt('protect')})\b")


_YEAR_NAMED_LOOK_BACK = 40  # "the Oct. 7, 2023 Hamas attack": a date and a word before
# a violent noun named by its year: "the 2019 bombing", "the Oct. 7, 2023 Hamas attack"
_YEAR_BEFORE = re.compile(r"\b(?:19|20)\d\d(?:'s|’s)?\s+(?:[\w'’-]+\s+)?$")
_YEAR_CUES = frozenset({"attack", "bombing", "aerial", "airstrike", "artillery", "small_arms"})


def _year_excluded(w: Words) -> re.Pattern[str]:
    return w.pattern("year_excluded", lambda w: rf"\b{w.alt('origin_excluded')}\s+"
                     r"(?:the\s+|a\s+)?(?:[\w.,'’-]+\s+){0,3}$")


@predicate("year_named", lists=("origin_excluded",),
           holds=("The hostages were taken in the Oct. 7, 2023 attack, in which militants "
                  "killed about 1,200 people.", "killed", "kill"),
           fails=("It was the deadliest attack since the 2019 bombing, killing 40 people.",
                  "killing", "kill"))
def year_named(view: _View, hit: Hit) -> bool:
    """ "the Oct. 7, 2023 attack, in which militants killed about 1,200": an attack named by
    its year is one the reader already knows, history (a veto of the act and the toll,
    judged on any of their cues); "the deadliest attack since the 2019 bombing" compares
    today's with it."""
    found = view.memo.get("year_named")
    if found is None:
        text, start = view.s.text, view.s.start
        excluded = _year_excluded(view.words)
        found = False
        for h in view.s.hits:
            if h.cat not in _YEAR_CUES:
                continue
            year = _YEAR_BEFORE.search(text, max(start, h.start - _YEAR_NAMED_LOOK_BACK),
                                       h.start)
            if year is not None and not excluded.search(
                    text, max(start, year.start() - _WORDS_LOOK_BACK), year.start()):
                found = True
                break
        view.memo["year_named"] = found
    return found


def _follows(w: Words) -> re.Pattern[str]:
    return w.pattern("follows", lambda w: rf"\b{w.alt('follow_verbs')}\s+"
                     r"(?:[\w.'’-]+\s+){0,3}$")


_DIPLOMACY = frozenset({"truce", "talks", "peace_plan"})


@predicate("recalled_cause", lists=("follow_verbs",),
           holds=("The truce followed U.S. strikes on three nuclear sites on Sunday.", "strikes",
                  "attack"),
           fails=("The fire followed U.S. strikes on the depot on Sunday.", "strikes",
                  "attack"))
def recalled_cause(view: _View, hit: Hit) -> bool:
    """ "The truce followed U.S. strikes on three Iranian nuclear sites on Sunday": a truce or
    talks named as what came after the strikes recall them as their cause, already
    reported (a fire that "followed" strikes is the strikes' own damage)."""
    found = _follows(view.words).search(
        view.s.text, max(view.s.start, hit.start - _LOOK_BACK), hit.start)
    return found is not None and any(h.cat in _DIPLOMACY and h.end <= found.start()
                                     for h in view.s.hits)


def _answered(w: Words) -> re.Pattern[str]:
    return w.pattern("answered", lambda w: rf"\b{w.alt('answer_preps')}\s+"
                     r"(?:[\w-]+\s+){0,3}$")


@predicate("answered_act", lists=("answer_preps",),
           holds=("In response to drone attacks on its refineries, Russia struck a depot.",
                  "attacks", "attack"),
           fails=("Drone attacks on its refineries went on, and Russia struck a depot.",
                  "attacks", "attack"))
def answered_act(view: _View, hit: Hit) -> bool:
    """ "в ответ на террористические атаки ... на объекты инфраструктуры нанесен удар по
    складу": the act answered is an earlier one, what it hit no target of the strike
    reported (a few words between, no mark)."""
    return _answered(view.words).search(
        view.s.text, max(view.s.start, hit.start - _LOOK_BACK), hit.start) is not None


def _aggregate(w: Words) -> re.Pattern[str]:
    return w.pattern("aggregate", lambda w: rf"\b{w.alt('aggregate_marks')}\b")


@predicate("aggregate_toll", lists=("aggregate_marks",),
           holds=("Gunmen killed 12 people in three separate attacks on villages.", "killed",
                  "kill"),
           fails=("Gunmen killed 12 people in an attack on a village.", "killed", "kill"))
def aggregate_toll(view: _View, hit: Hit) -> bool:
    """ "killed 12 people in three separate attacks", "54 people were killed across the
    country in the past week": a toll over several incidents or days, no incident's (a veto
    of the toll; the corpus never adds separate incidents up)."""
    return _in_sentence(view, _aggregate)


def _intercept_tally(w: Words) -> re.Pattern[str]:
    return w.pattern("intercept_tally", lambda w: rf"\b{w.alt('intercept_tallies')}\b")


@predicate("intercept_tally", lists=("intercept_tallies",),
           holds=("Air defences shot down 31 drones over the past day.", "shot down",
                  "intercept"),
           fails=("Air defences shot down 31 drones over Kursk.", "shot down", "intercept"))
def intercept_tally(view: _View, hit: Hit) -> bool:
    """ "за сутки средства ПВО сбили ... 31 беспилотник": a day's interception tally, war-wide,
    no raid of its own (a veto of the act in a sentence with no attack or harm word; a
    language that leaves `intercept_tallies` empty codes the downings as the raid)."""
    return _in_sentence(view, _intercept_tally)


def _places_counted(w: Words) -> re.Pattern[str]:
    # "in 147 districts": the places a tally counts, after the language's place preposition
    return w.pattern("day_tally:counted", lambda w: (
        rf"\b{w.alt('place_preps')}\s+\d[\d,.]*\s+{w.alt('tally_places')}\b"))


def _tally_places(w: Words) -> re.Pattern[str]:
    return w.pattern("day_tally:places", lambda w: rf"\d[\d,.]*\s+{w.alt('tally_places')}\b")


@predicate("day_tally", lists=("intercept_tallies", "tally_places", "place_preps",
                               "indefinite_articles"),
           holds=("Over the past day, artillery struck fuel depots in 146 areas.", "struck",
                  "attack"),
           fails=("Drones struck a power plant in Kharkiv over the past day.", "struck",
                  "attack"))
def day_tally(view: _View, hit: Hit) -> bool:
    """ "Over the past day, ... struck workshops, fuel depots and deployment points in 146
    areas", "listed four tanks, 13 armoured vehicles and one air defence system as destroyed
    over the past day": a defence ministry's or general staff's day across the whole front,
    no incident (a veto of the act when the sentence counts at least two things or the
    places it struck); "a group strike with Kinzhal missiles on an airfield" over the same
    day names one."""
    text, start, end = view.s.text, view.s.start, view.s.end
    if not _in_sentence(view, _intercept_tally):  # searched once a sentence, as its twin does
        # "... hit enterprises of the military-industrial complex, fuel infrastructure
        # facilities ... in 147 districts": the places counted are the front's whole day,
        # even where "over the past day" stood in the sentence before; not where harm is told
        # ("cut power in 40 settlements"), nor where a day or one site is named ("hit a
        # substation on Wednesday, ... in 28 settlements"): a summary counts kinds of targets
        if view.get("damage", "kill", "wound", "date_hint") or _places_counted(
                view.words).search(text, start, end) is None:
            return False
        single = view.words.set("indefinite_articles")
        return not any(h.cat.startswith(("infra:", "mil:"))
                       and prev_word(text, h.start, start) in single for h in view.s.hits)
    figures = view.words.figures
    counts = (m for m in figures.number_re.finditer(text, start, end)
              if m.group("num").lower() not in figures.determiners or m.group("mult"))
    return ((next(counts, None) is not None and next(counts, None) is not None)
            or _tally_places(view.words).search(text, start, end) is not None)


def _over_a_period(w: Words) -> re.Pattern[str]:
    # "throughout 2023", "throughout the Gaza war" (a war named with a word or two before it)
    return w.pattern("over_a_period", lambda w: rf"\b(?:{w.alt('period_preps')}\s+"
                     r"(?:(?:the\s+year\s+|the\s+whole\s+of\s+)?(?:19|20)\d\d|"
                     rf"the\s+(?:[\w'-]+\s+){{0,2}}?{w.alt('war_nouns')}(?!['’]s))|"
                     rf"{w.alt('period_spans')}|"
                     # a span opening a tally, not one dating an incident ("за неделю до")
                     rf"{w.alt('period_open')}(?!\s+{w.alt('period_open_unless')}\b)|"
                     # a span of days ("с 26 января по 1 февраля", "с 3 по 9 марта")
                     rf"{w.alt('span_from')}\s+\d{{1,2}}\s+(?:{w.month_alt()}\s+)?"
                     rf"{w.alt('span_to')}\s+\d{{1,2}}\s+{w.month_alt()})\b")


@predicate("over_a_period", lists=("period_preps", "period_spans", "war_nouns",
                                   "span_from", "span_to", "period_open", "period_open_unless"),
           holds=("Russia attacked the base repeatedly throughout 2023.", "attacked", "attack"),
           fails=("Russia attacked the base overnight in its largest raid of 2023.", "attacked",
                  "attack"))
def over_a_period(view: _View, hit: Hit) -> bool:
    """ "Russia attacked it repeatedly with drones and missiles throughout 2023", "damage
    caused by Russian attacks on power plants over the past year": violence spread over a
    year or months is a pattern, not an incident (a veto of the act and the toll, judged on
    any of their cues)."""
    return _in_sentence(view, _over_a_period)


def _test_firing(w: Words) -> re.Pattern[str]:
    return w.pattern("test_firing", lambda w: rf"\b{w.alt('test_firing')}\b")


@predicate("test_firing", lists=("test_firing",),
           holds=("A missile was launched at a test range in Kamchatka.", "launched", "attack"),
           fails=("A missile was launched at the port of Odesa.", "launched", "attack"))
def test_firing(view: _View, hit: Hit) -> bool:
    """ "a missile was launched ... at a test range": a weapons test, no attack (a veto of
    the act, judged on any of its cues)."""
    return "test_firing" in view.by_cat and _in_sentence(view, _test_firing)


_MARKET_LOOK_BACK = 40  # "Short-sellers attacked"


def _market_before(w: Words) -> re.Pattern[str]:
    return w.pattern("market_before", lambda w: rf"\b{w.alt('market')}\s+"
                     r"(?:[\w'-]+\s+)?$")


def _market_after(w: Words) -> re.Pattern[str]:
    return w.pattern("market_after", lambda w: rf"\s+(?:[\w'-]+\s+)?{w.alt('market')}\b")


def _craft_type(w: Words) -> re.Pattern[str]:
    # right after the cue: a space or a hyphen, then the craft's noun ("attack helicopters")
    return w.pattern("craft_type", lambda w: rf"[\s-]{w.alt('attack_craft')}\b")


@predicate("craft_type", lists=("craft_modifiers", "attack_craft"),
           holds=("The air force took delivery of two attack helicopters.", "attack",
                  "attack"),
           fails=("Drones attack helicopters parked at the base.", "attack", "attack"))
def craft_type(view: _View, hit: Hit) -> bool:
    """ "took delivery of four Su-25 ground attack jets": "attack" naming the craft's type,
    not an act (the word itself, right before one of the language's `attack_craft`, with
    no weapon, party or attacker named right before it: "drones attack helicopters" is an
    act)."""
    text = view.s.text
    if text[hit.start : hit.end].lower() not in view.words.set("craft_modifiers"):
        return False
    if _craft_type(view.words).match(text, hit.end) is None:
        return False
    before = text[: hit.start].rstrip()
    return not any(h.end == len(before) and h.cat in ("aerial", "actor", "naval_drone")
                   for h in view.s.hits)


@predicate("market_sense", lists=("market",),
           holds=("Short-sellers attacked shares of the pipeline operator.", "attacked",
                  "attack"),
           fails=("Shares fell after drones attacked the pipeline.", "attacked", "attack"))
def market_sense(view: _View, hit: Hit) -> bool:
    """ "short-sellers attacked shares of the operator": the market's sense, with a market
    word as the verb's subject or object."""
    if "market" not in view.by_cat:
        return False
    text = view.s.text
    return bool(_market_before(view.words).search(
        text, max(view.s.start, hit.start - _MARKET_LOOK_BACK), hit.start)
        or _market_after(view.words).match(text, hit.end, view.s.end))


def _commemoration(w: Words) -> re.Pattern[str]:
    return w.pattern("commemoration", lambda w: rf"\b{w.alt('commemoration')}\b")


def _burial_count(w: Words) -> re.Pattern[str]:
    # "buried 18 people killed ...", "bury 18 killed in ...": the verb, a figure, at most two
    # words, then the casualty word (matched up to it)
    return w.pattern("burial_count", lambda w: (
        rf"\b{w.alt('burial_verbs')}\s+\d[\d,]*\s+(?:[\w-]+\s+){{0,2}}$"
        if w.set("burial_verbs") else "(?!)"))


@predicate("commemoration", lists=("commemoration", "burial_verbs"),
           holds=("Kyiv held a minute of silence for the 34 people killed in the strike.",
                  "killed", "kill"),
           fails=("Kyiv said 34 people were killed in the strike.", "killed", "kill"))
def commemoration(view: _View, hit: Hit) -> bool:
    """ "a minute of silence for the 34 people killed in the strike a year ago": the dead
    are remembered, not reported (a veto of the act and the toll); so are the figures of the
    dead a burial names ("villagers buried 18 people killed when a jet bombed a monastery")."""
    if "commemoration" in view.by_cat and _in_sentence(view, _commemoration):
        return True
    return _burial_count(view.words).search(
        view.s.text, max(view.s.start, hit.start - 60), hit.start) is not None


# --- casualties ---------------------------------------------------------------------------

POSSESSIVE = re.compile(r"['’]s\b")  # "the war's", "Monday's" (coder.py reads it too)


@predicate("war_dead", lists=("war_dead",),
           holds=("The bodies of 900 soldiers killed in the war were handed over.", "killed",
                  "kill"),
           fails=("Nine soldiers were killed in the war's deadliest raid on Monday.", "killed",
                  "kill"))
def war_dead(view: _View, hit: Hit) -> bool:
    """ "the remains of 900 soldiers killed in the war were returned": the war's dead, a
    war-wide count, not an incident's toll ("killed in the war's deadliest raid" is one)."""
    return any(d.start <= hit.start < d.end and not POSSESSIVE.match(view.s.text, d.end)
               for d in view.get("war_dead"))


@predicate("perfect_toll", lists=("perfect_aux", "perfect_passive"),
           holds=("More than 33,700 have been killed since the war began.", "killed", "kill"),
           fails=("Three people were killed on Monday.", "killed", "kill"))
def perfect_toll(view: _View, hit: Hit) -> bool:
    """ "33,700 have been killed since ...": a perfect-tense toll (with a period in the
    sentence, the toll spec's veto: a war's toll)."""
    return _perfect(view.words).search(
        view.s.text, max(view.s.start, hit.start - _PERFECT_LOOK_BACK), hit.start) is not None


_CAMPAIGN_TOLL = 1000  # no incident the wires tell in the perfect, or in words, kills this many


@predicate("war_scale_toll", lists=("perfect_aux", "perfect_passive"),
           holds=("It has killed more than 6,000 people since 2017.", "killed", "kill"),
           fails=("The strike has killed 14 people, rescuers said.", "killed", "kill"))
def war_scale_toll(view: _View, hit: Hit) -> bool:
    """ "The conflict began in 2017. It has killed more than 6,000 people", "Thousands of
    people were killed in the fighting": a toll in the thousands told in the perfect, or
    in words with no figure, is a war's or a campaign's, also with no period named (a veto
    of the toll; "has killed 14" stays an incident's, and so does a figure "1,200 killed"
    in the past tense)."""
    reader, text, s = view.words.figures, view.s.text, view.s
    count = reader.count_after(text, hit.end, s.end) or reader.count_before(text, hit.start,
                                                                           s.start)
    if count is None or count.value < _CAMPAIGN_TOLL:
        return False
    in_words = not any(ch.isdigit() for ch in text[count.start : count.end])
    return in_words or perfect_toll(view, hit)


def _summed(w: Words) -> re.Pattern[str]:
    return w.pattern("summed", lambda w: rf"\b{w.alt('sum_heads')}\s+(?:that\s+|which\s+)?"
                     rf"{w.alt('sum_words')}\s+(?:[\w-]+\s+)?$")


@predicate("summed_toll", lists=("sum_heads", "sum_words"),
           holds=("Two bombings last month, attacks that together killed 19 people, were "
                  "blamed on the group.", "killed", "kill"),
           fails=("A bombing killed 19 people on Monday.", "killed", "kill"))
def summed_toll(view: _View, hit: Hit) -> bool:
    """ "attacks that together killed 19": a toll summed over several attacks is no
    incident's (the corpus never adds separate incidents up), a veto of the toll."""
    return _summed(view.words).search(
        view.s.text, max(view.s.start, hit.start - _LOOK_BACK), hit.start) is not None


@predicate("conflict_relative",
           lists=("conflict_nouns", "conflict_relatives", "war_nouns", "conflict_places"),
           holds=("A conflict that has killed more than 40 people flared again.", "killed",
                  "kill"),
           fails=("A strike that killed 40 people hit the market.", "killed", "kill"))
def conflict_relative(view: _View, hit: Hit) -> bool:
    """ "a conflict that killed more than 40", "fighting in which ... died": a war's toll."""
    return _conflict_relative(view.words).search(
        view.s.text, max(view.s.start, hit.start - _RELATIVE_LOOK_BACK), hit.start) is not None


_PARTICIPLE = re.compile(r",\s*$")
_ACT_CUES = frozenset({"attack", "airstrike", "aerial", "bombing", "artillery", "small_arms",
                       "damage"})


@predicate("background_participle",
           holds=("Talks resumed on Monday, a week after a drone attack hit the capital, "
                  "killing 23 people.", "killing", "kill"),
           fails=("Talks resumed on Monday after a drone attack hit the capital, killing 23 "
                  "people.", "killing", "kill"))
def background_participle(view: _View, hit: Hit) -> bool:
    """ "a week after a drone attack hit the capital, killing 23": a toll in a participle
    clause belongs to the act before the comma; when a "weeks after" clause dates that act
    (the rules drop it), it dates its toll too."""
    text = view.s.text
    if not text[hit.start : hit.end].lower().endswith("ing") or not _PARTICIPLE.search(
            text, max(view.s.start, hit.start - 4), hit.start):
        return False
    act = next((h for h in reversed(view.s.hits) if h.end <= hit.start and h.cat in _ACT_CUES),
               None)
    return act is not None and not _SENTENCE_GAP.search(text, act.end, hit.start - 2) and (
        view.scope.governs(LONG_AFTER, act))


# the act's words may hold an aside ("attacked a camp in Landi Kotal, near the border,
# killing eight"), not another clause's end
_SENTENCE_GAP = re.compile(r"[;:.]")


@predicate("toll_noun", lists=("toll_nouns", "count_nouns"),
           holds=("The death toll rose to 12.", "death toll", "kill"),
           fails=("Twelve people were killed.", "killed", "kill"))
def toll_noun(view: _View, hit: Hit) -> bool:
    """ "the death toll", "the number of dead": the figure follows the noun."""
    return _toll_cue(view.words).match(view.s.text[hit.start : hit.end]) is not None


@predicate("toll_period", distances=("modifier",),
           holds=("That brought the death toll since the truce to 330.", "death toll", "kill"),
           fails=("The death toll rose to 12.", "death toll", "kill"))
def toll_period(view: _View, hit: Hit) -> bool:
    """ "bringing the death toll since the truce to 330": a toll over a period."""
    return any(c.start >= hit.end and words_between(view.s.text, hit.end, c.start)
               <= view.distances["modifier"] for c in view.get("cumulative"))


@predicate("period_after_toll", distances=("modifier",), lists=("period_tails",),
           holds=("Strikes have gone on, killing more than 350 people since the truce.",
                  "killing", "kill"),
           fails=("A strike killed 35 people, the most since the truce.", "killed", "kill"))
def period_after_toll(view: _View, hit: Hit) -> bool:
    """ "killing more than 350 people since the truce took effect", "says 46 killed by
    al-Shabaab this year": a period right after the toll (its figure, or the verb with a
    figure before it) makes it a tally in any tense (a veto of the toll; the language's
    `period_tails` are the `cumulative` cues that can follow one)."""
    tails = view.words.phrases["period_tails"]
    if not tails:
        return False
    reader, text, s = view.words.figures, view.s.text, view.s
    count = reader.count_after(text, hit.end, s.end)
    if count is None and reader.count_before(text, hit.start, s.start) is None:
        return False
    end = max(hit.end, count.end) if count is not None else hit.end
    within = view.distances["modifier"]
    return any(c.start >= end and words_between(text, end, c.start) <= within
               and text[c.start : c.end].lower().startswith(tails)
               for c in view.get("cumulative"))


def _role_played(w: Words) -> re.Pattern[str]:
    return w.pattern("role_played", lambda w: rf"\b{w.alt('role_play_words')}\s+"
                     r"(?:the\s+)?(?:[\w'-]+\s+(?:and|or)\s+)?$")


@predicate("role_played", lists=("role_play_words",),
           holds=("Dozens of volunteers playing the dead and wounded lay on the quay.",
                  "wounded", "wound"),
           fails=("Dozens of wounded lay on the quay.", "wounded", "wound"))
def role_played(view: _View, hit: Hit) -> bool:
    """ "with dozens of volunteers playing the dead and wounded": a drill's parts, no one
    hurt (a veto of the toll; the language's `role_play_words`)."""
    return bool(view.words.set("role_play_words")) and _role_played(view.words).search(
        view.s.text, max(view.s.start, hit.start - 40), hit.start) is not None


def _handed_over(w: Words) -> re.Pattern[str]:
    return w.pattern("handed_over", lambda w: rf"\b{w.alt('body_handovers')}\s+"
                     r"(?:[\w'-]+\s+){0,2}$")


@predicate("bodies_handed_over", lists=("body_handovers",),
           holds=("Ukraine received the bodies of 1,000 soldiers.", "bodies of", "kill"),
           fails=("The bodies of 24 villagers were found on Tuesday.", "bodies of", "kill"))
def bodies_handed_over(view: _View, hit: Hit) -> bool:
    """ "Ukraine received the bodies of 1,000 soldiers killed in the war": bodies handed over
    or repatriated are no new deaths (a veto of the toll; bodies found are a massacre's)."""
    return bool(view.words.set("body_handovers")) and _handed_over(view.words).search(
        view.s.text, max(view.s.start, hit.start - 40), hit.start) is not None


@predicate("livestock", lists=("livestock", "livestock_measures"),
           holds=("Gunmen killed 40 cattle.", "40", "count"),
           fails=("Gunmen killed 40 villagers.", "40", "count"))
def livestock(view: _View, hit: Hit) -> bool:
    """ "40 cattle were killed": the figure counts animals, no casualties."""
    return _livestock(view.words).match(view.s.text, hit.end) is not None


@predicate("none_of", lists=("none_of", "none_determiners"),
           holds=("None of the 180 people on board was hurt.", "180", "count"),
           fails=("All of the 180 people on board were hurt.", "180", "count"))
def none_of(view: _View, hit: Hit) -> bool:
    """ "none of the 180 people on board was hurt": a figure nobody is in."""
    return _none_of(view.words).search(
        view.s.text, max(view.s.start, hit.start - _NONE_LOOK_BACK), hit.start) is not None


DISMISSED_LOOK_BACK = 60  # characters before a figure: "dismissed the military's figure of"


def dismissed_before(w: Words) -> re.Pattern[str]:
    """What stands right before a figure another source disputes ("dismissed the military's
    figure of"); `coder` reads it for the whole article too."""
    return w.pattern("dismissed_figure", lambda w: (
        rf"\b{w.alt('dismiss_verbs')}\s+(?:[\w'’-]+\s+){{0,3}}?{w.alt('figure_nouns')}\s+"
        rf"{w.alt('figure_preps')}\s+(?:{w.alt('figure_qualifiers')}\s+)?$"
        if w.set("dismiss_verbs") and w.set("figure_nouns") else "(?!)"))


@predicate("dismissed_figure", lists=("dismiss_verbs", "figure_nouns", "figure_preps",
                                      "figure_qualifiers"),
           holds=("The rebels dismissed the army's figure of 18 dead as propaganda.", "18",
                  "count"),
           fails=("The army gave a figure of 18 dead.", "18", "count"))
def dismissed_figure(view: _View, hit: Hit) -> bool:
    """ "It dismissed the military's figure of 18 dead attackers as \"pure propaganda\"": a
    figure another source disputes is that source's claim retold, no count of its own."""
    return dismissed_before(view.words).search(
        view.s.text, max(view.s.start, hit.start - DISMISSED_LOOK_BACK), hit.start) is not None


_SUPERSEDED_LOOK_BACK = 40  # "lowering an earlier death toll of at least 15"


def _superseded(w: Words) -> re.Pattern[str]:
    return w.pattern("superseded", lambda w: rf"\b{w.alt('superseded_marks')}\s+"
                     r"(?:(?:about|some|at\s+least|around|nearly)\s+)?$")


@predicate("superseded", lists=("superseded_marks",),
           holds=("Eight were killed, lowering an earlier toll of 15 dead.", "15", "count"),
           fails=("Eight were killed and 15 others were wounded.", "15", "count"))
def superseded(view: _View, hit: Hit) -> bool:
    """ "killing eight people ..., lowering an earlier toll of 15 dead", "12 dead, up from
    nine": a figure an update replaced is no casualty count of its own."""
    return _behind(view, hit, _superseded(view.words))


def _superseded_toll(w: Words) -> re.Pattern[str]:
    return w.pattern("superseded_toll", lambda w: rf"\b{w.alt('superseded_tolls')}\s+"
                     r"(?:[\w-]+\s+)?$")


@predicate("superseded_toll", lists=("superseded_tolls",),
           holds=("Eight died, lowering an earlier death toll of 15.", "death toll", "kill"),
           fails=("The death toll rose to 15.", "death toll", "kill"))
def superseded_toll(view: _View, hit: Hit) -> bool:
    """ "lowering an earlier toll of 15 dead": the toll an update replaced."""
    return _behind(view, hit, _superseded_toll(view.words))


def _behind(view: _View, hit: Hit, pattern: re.Pattern[str]) -> bool:
    """`pattern` ends right before the hit, within `_SUPERSEDED_LOOK_BACK` characters."""
    floor = max(view.s.start, hit.start - _SUPERSEDED_LOOK_BACK)
    return pattern.search(view.s.text, floor, hit.start) is not None


@predicate("accidental", lists=("accidental_violence",),
           holds=("A blast tore through a warehouse.", "blast", "bombing"),
           fails=("Shelling killed two.", "shelling", "artillery"))
def accidental(view: _View, hit: Hit) -> bool:
    """ "a blast at a fireworks store": a violent-sounding word as often an accident."""
    return _word(view, hit) in view.words.set("accidental_violence")


@counter("toll_figure",
         holds=("The death toll rose to 12 on Monday.", "death toll", "kill", 12),
         fails=("The death toll had not changed.", "death toll", "kill", None))
def toll_figure(view: _View, hit: Hit) -> Count | None:
    """The figure a toll noun states after it: "the death toll rose to 12"."""
    reader, text, end = view.words.figures, view.s.text, view.s.end
    return reader.count_after(text, hit.end, end) or reader.toll_after(text, hit.end, end)


def _subject_relative(w: Words) -> re.Pattern[str]:
    # " who was guarding the hospital gate ": a relative clause between a subject and its verb
    return w.pattern("subject_relative", lambda w: (
        rf"\s{w.alt('person_relatives')}\s[^,;:()]{{0,80}}$" if w.set("person_relatives")
        else "(?!)"))


_LIST_TAIL = 5  # words between a subject list's last person and its relative clause
# ("a member of a Chin armed group who ...")


def _before_relative(view: _View, hit: Hit) -> Count | None:
    """The figure of a subject a relative clause parts from its casualty verb ("Eight
    patients, two nurses and a member of an armed group who was guarding the gate were
    killed" is 11): the count or the list that opens the sentence before the clause."""
    reader, text, start = view.words.figures, view.s.text, view.s.start
    relative = _subject_relative(view.words).search(text, max(start, hit.start - 100),
                                                    hit.start)
    if relative is None or any(w.lower() in reader.and_words for w in text[
            relative.start() : hit.start].split()[-3:]):
        return None  # "a boy who sold water and was wounded": the verb is the clause's own
    before = reader.count_before(text, relative.start(), start)
    if before is not None:
        return reader.whole_list(text, before, start, relative.start())
    listed = reader.listed_people(text, start, relative.start())
    if listed is None or text.find(",", listed.end, relative.start()) >= 0 or words_between(
            text, listed.end, relative.start()) > _LIST_TAIL:
        return None
    return listed


def _one_person_after(w: Words) -> re.Pattern[str]:
    # "погиб военнослужащий", "ранен мирный житель": one modifier at most
    return w.pattern("one_person_after", lambda w: r"\s+(?:[\w-]+\s+)?"
                     rf"{w.alt('singular_persons')}(?![\w-])")


def _one_person_before(w: Words) -> re.Pattern[str]:
    return w.pattern("one_person_before", lambda w: rf"(?<![\w-]){w.alt('singular_persons')}"
                     r"\s+$")


def _one_person(view: _View, hit: Hit) -> Count | None:
    """A language without articles says one casualty by a singular verb and a singular
    person noun ("погиб военнослужащий", "водитель погиб"): the figure 1 (the language's
    `singular_casualty_verbs`, `singular_persons`; empty where an article says it)."""
    w, text = view.words, view.s.text
    if text[hit.start : hit.end].lower() not in w.set("singular_casualty_verbs"):
        return None
    after = _one_person_after(w).match(text, hit.end, view.s.end)
    if after is not None:
        return Count(hit.end, after.end(), 1)
    before = _one_person_before(w).search(text, max(view.s.start, hit.start - 40), hit.start)
    return Count(before.start(), hit.start, 1) if before is not None else None


@counter("casualty_figure", lists=("apposition_openers", "singular_casualty_verbs",
                                   "singular_persons", "bare_casualty_verbs",
                                   "person_relatives"),
         holds=("At least a dozen people, among them five children, were killed.", "killed",
                "kill", 12),
         fails=("It is unclear whether anyone was killed.", "killed", "kill", None))
def casualty_figure(view: _View, hit: Hit) -> Count | None:
    """The figure a casualty word states: after it ("killed 12 people"), before it ("12
    people were killed"), listed ("a man and his son were killed"), or at the head of a
    subject with an appositive ("a dozen people, among them five children, were killed")."""
    reader, text, start, end = view.words.figures, view.s.text, view.s.start, view.s.end
    after = reader.count_after(text, hit.end, end)
    count = (reader.whole_list(text, after, hit.end, end) if after is not None else None)
    if count is None:
        before = reader.count_before(text, hit.start, start)
        count = (reader.whole_list(text, before, start, hit.start) if before is not None
                 else reader.listed_people(text, hit.end, end))
    if count is None:
        apposition = _apposition(view.words).search(
            text, max(start, hit.start - _APPOSITION_LOOK_BACK), hit.start)
        if apposition is not None:
            count = reader.count_before(text, apposition.start(), start)
    if count is None:
        count = _before_relative(view, hit)
    if count is None and view.words.phrases["singular_casualty_verbs"]:
        count = _one_person(view, hit)
    if count is None and text[hit.start : hit.end].lower() in view.words.set(
            "bare_casualty_verbs"):
        count = reader.bare_person(text, start, hit.start)
    return count


# a modal of possibility is one of the language's `possible_modals` ("could", "might", "may";
# "podría": not "would", "will", which vow)
_OTHERS_REACH = 10  # words from the warning to the modal: "warned on Monday that Russia could"


def _called_warning(w: Words) -> re.Pattern[str]:
    return w.pattern("called_warning", lambda w: (
        rf"\b{w.alt('warning_copulas')}\s+[\"“]?{w.alt('indefinite_articles')}\s+"
        r"(?:[\w-]+\s+){0,2}$"))


@predicate("called_warning", lists=("warning_copulas", "indefinite_articles"),
           holds=('Beijing said the drills were "a stern warning to separatist forces".',
                  "warning", "threat"),
           fails=("Beijing issued a stern warning that it would strike.", "warning", "threat"))
def called_warning(view: _View, hit: Hit) -> bool:
    """ "the drills were a stern warning to separatist forces": a purpose given to what was
    done, naming no act to come (corpus README: `dev42-011`)."""
    if not view.words.phrases["warning_copulas"]:
        return False
    text = view.s.text
    return _called_warning(view.words).search(
        text, max(view.s.start, hit.start - 40), hit.start) is not None


@predicate("others_possible", lists=("possible_modals",),
           holds=("Rutte warned that Russia could attack the alliance.", "warned", "threat"),
           fails=("Iran warned it would strike US bases.", "warned", "threat"))
def others_possible(view: _View, hit: Hit) -> bool:
    """ "NATO's chief warned that Russia could attack within five years": a warning that
    another party might use force, which threatens nothing (the speaker's own "could
    strike ... if" is `future_force`'s)."""
    text = view.s.text
    possible = view.words.set("possible_modals")
    modal = next((h for h in view.get("hedge") if h.start >= hit.end
                  and text[h.start : h.end].lower() in possible), None)
    if modal is None or words_between(text, hit.end, modal.start) > _OTHERS_REACH:
        return False
    if _CLAUSE_GAP.search(text, hit.end, modal.start):
        return False
    before = [m for m in view.s.mentions if m.end <= hit.start]
    warner = before[-1].entry.country if before else None
    return any(hit.end <= m.start < modal.start and m.entry.country
               and m.entry.country != warner for m in view.s.mentions)


@predicate("possible_vow", distances=("short",), lists=("possible_modals",),
           holds=("Analysts said Iran could pay a heavy price.", "pay a heavy price", "vow"),
           fails=("Netanyahu said Iran would pay a heavy price.", "pay a heavy price", "vow"))
def possible_vow(view: _View, hit: Hit) -> bool:
    """ "Iran could pay a heavy price": a vow's words under a modal of possibility say what
    might happen, they vow nothing ("would", "will" vow)."""
    text, short = view.s.text, view.distances["short"]
    possible = view.words.set("possible_modals")
    return any(h.end <= hit.start and text[h.start : h.end].lower() in possible
               and words_between(text, h.end, hit.start) <= short
               for h in view.get("hedge"))


def _finder(name: str) -> Callable[[Callable[[_View], list[Hit]]], Callable[[_View], list[Hit]]]:
    def register(find: Callable[[_View], list[Hit]]) -> Callable[[_View], list[Hit]]:
        FINDERS[name] = find
        return find

    return register


@_finder("future_force")
def future_force(view: _View) -> list[Hit]:
    """ "Medvedev said Moscow would hit decision-making centres if ...": a party's own side
    stating it will use force (the trigger: "would hit"); "Kyiv said Russia would strike
    again" is not a threat by Kyiv."""
    return _future_force(view)
