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
from collections.abc import Callable
from dataclasses import dataclass

from streams.classify.actors import Mention
from streams.classify.hits import Hit
from streams.classify.roles import owner, possessive, prev_word, speaker
from streams.classify.rules import _CLAUSE_GAP, _VIOLENT_CUES, _WARNING_AFTER, _inside, _View
from streams.classify.scope import ASIDE, INTENT, NEGATION, words_between

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
    r"|financing\s+of|sponsors?\s+of)\s+(?:the\s+)?(?:global\s+|international\s+)?$",
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
_GENERIC_ACCUSER = re.compile(
    r"\b(?:government|junta|authorities|ministry|officials?|police|army|military|presidency|"
    r"president|prime\s+minister|spokes(?:man|woman|person)|prosecutors?|governor|mayor|"
    r"security\s+forces|regime|cabinet|kremlin|council)\b[^,;]{0,30}$", re.IGNORECASE)
_HYPOTHETICAL = re.compile(r"\b(?:whether|if|could|might|may)\s+(?:[\w'-]+\s+){0,3}$",
                           re.IGNORECASE)
_IF = re.compile(r"\b(?:if|unless|should)\b", re.IGNORECASE)
_INABILITY = frozenset({"failed to", "fail to", "fails to", "failing to", "unable to"})
_MEET = frozenset({"met", "meet", "meets"})
_MET_WITH = re.compile(
    r"\s+with\s+(?:a\s+|an\s+|the\s+)?(?:[\w'\"“”-]+\s+){0,2}?[\"“]?(?:response|force|fire|"
    r"resistance|retaliation|protests?|criticism|silence|anger|scepticism|skepticism)\b",
    re.IGNORECASE)
_PARTICIPLES = frozenset({"signed", "brokered", "agreed", "declared", "reached", "struck"})
_PASSIVE_END = re.compile(r"\b(?:was|were|been)\s+(?:\w+ly\s+)?$", re.IGNORECASE)
# "the ceasefire [between A and B] [, which ...,] was broken": the truce noun as a passive subject
_PASSIVE_GAP = re.compile(
    r"(?:\s+(?:between|in|on|with|along|around|across|over|for|of)\b[^,;.]*?)?"
    r"\s+(?:has\s+|had\s+)?(?:been|was|were|is|are)\s+(?:\w+ly\s+)?", re.IGNORECASE)
_PREPOSITIONAL = re.compile(r"\s(?:from|of|on)$")
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
    # the truce is named before the demand: what is urged is something else ("called it a
    # violation of the ceasefire and urged the monitors to act")
    return hit.cat in ("demand", "appeal") and not any(t.start >= hit.end for t in truce)


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
    close = view.distances["close"]
    return any(c.start >= hit.end and words_between(view.s.text, hit.end, c.start) <= close
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
    for noun in truce:
        if noun.end <= hit.start and _RELATIVE_GAP.match(text[noun.end : hit.start]):
            return True  # "the truce, which took effect on Sunday, ..."
        if (noun.end <= hit.start and text[noun.end : hit.start].strip() == ","
                and text[hit.start : hit.end].lower() in _PARTICIPLES):
            return True  # "the ceasefire, agreed at talks in July, ..."
        if (noun.end <= hit.start and words_between(text, noun.end, hit.start) == 0
                and text[hit.start : hit.end].lower() in _PARTICIPLES):
            return True  # a participle right after the noun, no auxiliary between
        if hit.end <= noun.start and words_between(text, hit.end, noun.start) <= adjacent:
            before = text[max(view.s.start, hit.start - _WORDS_LOOK_BACK) : hit.start].split()
            if before and (before[-1].lower() in _DETERMINER or before[-1].endswith("ly")):
                return True
    return False


def _rejected_object(view: _View, hit: Hit) -> bool:
    """A proposal that is only the object of a rejection: "rejected a proposal for ...",
    "rejected a UN envoy's appeal". A party named as its owner ("rejected Kyiv's ceasefire
    proposal") still states who proposed it, so that one is kept."""
    proposer = owner(view.s, hit)
    if proposer is not None and proposer.entry.country:
        return False
    text = view.s.text
    if words_between(text, view.s.start, hit.start) <= view.distances["modifier"] and any(
        r.start > hit.end and _PASSIVE_END.search(text, hit.end, r.start)
        for r in view.get("reject")
    ):
        return True  # "A proposal for a week-long pause ... was rejected by Hamas"
    floor = max(view.s.start, hit.start - _LOOK_BACK)
    close = view.distances["close"]
    if view.get("reject") and _RESPONDING.search(text, floor, hit.start):
        return True  # "saw no point in a truce, responding to a European call for a pause"
    return any(
        r.end <= hit.start and words_between(view.s.text, r.end, hit.start) <= close
        and "," not in view.s.text[r.end : hit.start]
        for r in view.get("reject")
    )


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


def _unnamed_accuser(view: _View, terror: Hit) -> bool:
    """ "the junta accused Algeria of harbouring terrorists", "in what the government called a
    terrorist attack": an institution not named by country is still an accuser."""
    text = view.s.text
    for cue in view.get("accuse", "accused_of"):
        if cue.start > terror.start:
            continue
        floor = max(view.s.start, cue.start - _ACCUSER_LOOK_BACK)
        if _GENERIC_ACCUSER.search(text, floor, cue.start):
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


def _future_force(view: _View) -> list[Hit]:
    """ "Medvedev said Moscow would hit decision-making centres if ...": a party's own side
    stating it will use force is a threat; "Kyiv said Russia would strike again" is not."""
    said_by = speaker(view.s) or _possessive_speaker(view)
    text = view.s.text
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


PREDICATES: dict[str, Predicate] = {}
FINDERS: dict[str, Callable[[_View], list[Hit]]] = {}


def predicate(
    name: str, *, holds: Example, fails: Example, distances: tuple[str, ...] = ()
) -> Callable[[Test], Test]:
    """Register `name`: the specs refer to it, the loader checks it exists and that the
    rule book names the `distances` it reads."""

    def register(test: Test) -> Test:
        if name in PREDICATES:
            raise ValueError(f"predicate {name!r} registered twice")
        PREDICATES[name] = Predicate(name, test, holds, fails, distances)
        return test

    return register


# --- ceasefire ----------------------------------------------------------------------------

@predicate("claim_object", distances=("close",),
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


@predicate("rejected_object", distances=("close", "modifier"),
           holds=("Hamas rejected a proposal for a truce.", "propos", "propose"),
           fails=("Qatar made a proposal for a truce.", "propos", "propose"))
def rejected_object(view: _View, hit: Hit) -> bool:
    """ "rejected a proposal for ...": a proposal that is only what is rejected."""
    return _rejected_object(view, hit)


@predicate("owned",
           holds=("Kyiv's proposal for a truce was welcomed.", "propos", "propose"),
           fails=("A proposal for a truce was welcomed.", "propos", "propose"))
def owned(view: _View, hit: Hit) -> bool:
    """ "Kyiv's push for a truce": the word names its owner, the proposer."""
    return owner(view.s, hit) is not None


@predicate("modifies_truce", distances=("adjacent",),
           holds=("The truce, which took effect on Sunday, held.", "took effect", "agree"),
           fails=("The two sides signed a truce on Sunday.", "signed", "agree"))
def modifies_truce(view: _View, hit: Hit) -> bool:
    """ "the truce signed in Doha", "the freshly agreed moratorium": the word describes the
    truce named, no new agreement."""
    return _modifies(view, hit, view.get("truce"))


@predicate("not_an_agreement", distances=("close",),
           holds=("Militias violated a U.S.-brokered truce.", "brokered", "agree"),
           fails=("The two sides signed a truce.", "signed", "agree"))
def not_an_agreement(view: _View, hit: Hit) -> bool:
    """ "violating a U.S.-brokered moratorium", "offered to extend", "held talks on extending
    the truce": the agreement word names the truce breached, offered or discussed."""
    breaches = view.valid(["violate", "break", "despite"], (NEGATION, "hedge", INTENT))
    return _not_an_agreement(view, hit, breaches)


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


# --- negotiation --------------------------------------------------------------------------

@predicate("prepositional_without_talks", distances=("close",),
           holds=("Troops withdrew from civilian homes on Monday as talks resumed.",
                  "withdrew from", "stall"),
           fails=("The delegation withdrew from the talks.", "withdrew from", "stall"))
def prepositional_without_talks(view: _View, hit: Hit) -> bool:
    """ "withdrew from civilian homes": the verb leaves something else than the talks."""
    close = view.distances["close"]
    return _PREPOSITIONAL.search(view.s.text, hit.start, hit.end) is not None and not any(
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


@predicate("talks_refused", distances=("refusal",),
           holds=("Kyiv refuses to attend talks in Minsk.", "talks in", "held"),
           fails=("Kyiv agreed to attend talks in Minsk.", "talks in", "held"))
def talks_refused(view: _View, hit: Hit) -> bool:
    """ "refuses to attend talks in Minsk": the talks are refused, not held."""
    refusal = view.distances["refusal"]
    return any(r.end <= t.start and words_between(view.s.text, r.end, t.start) <= refusal
               for r in view.get("reject") for t in view.objects("talks"))


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


@predicate("parties_of_two_countries",
           holds=("Ukrainian and Russian officials met in Geneva.", "met", "held"),
           fails=("Officials met in Geneva on Monday.", "met", "held"))
def parties_of_two_countries(view: _View, hit: Hit) -> bool:
    """ "Ukrainian and Russian officials met": parties of two countries, named before."""
    mentions = view.s.mentions
    countries = {m.entry.country for m in mentions if m.entry.country}
    return len(countries) >= 2 and any(m.end <= hit.start for m in mentions)


# --- accusation ---------------------------------------------------------------------------

@predicate("counter_terror",
           holds=("Police staged a counter-terrorism raid.", "terrorism", "terror"),
           fails=("Moscow called the bombing terrorism.", "terrorism", "terror"))
def counter_terror(view: _View, hit: Hit) -> bool:
    """ "counter-terrorism", "the fight against terrorism": a function, no accusation."""
    return _COUNTER.search(view.s.text, max(view.s.start, hit.start - 24), hit.start) is not None


@predicate("unnamed_accuser",
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


# --- threat -------------------------------------------------------------------------------

@predicate("inside_asset",
           holds=("Iran threatened the nuclear plant.", "nuclear", "force"),
           fails=("Iran threatened a nuclear strike.", "nuclear", "force"))
def inside_asset(view: _View, hit: Hit) -> bool:
    """ "the nuclear plant": a force word inside the name of an asset is no force."""
    return any(a.start <= hit.start < a.end for a in view.prefixed("infra:"))


@predicate("warning_after",
           holds=("Officials urged residents to heed air raid sirens.", "air raid", "aerial"),
           fails=("Officials threatened an air raid on the port.", "air raid", "aerial"))
def warning_after(view: _View, hit: Hit) -> bool:
    """ "heed air raid sirens": a warning, not a strike."""
    return _WARNING_AFTER.match(view.s.text, hit.end, view.s.end) is not None


@predicate("modal_after",
           holds=("He warned that a strike could plunge the region into war.", "strike",
                  "attack"),
           fails=("He warned that a strike hit the port.", "strike", "attack"))
def modal_after(view: _View, hit: Hit) -> bool:
    """ "warned that a strike could plunge ... into": the force is a hypothetical subject."""
    return view.scope.modal_after(hit)


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
