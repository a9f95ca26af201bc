"""The event rules, run on one candidate sentence at a time.

Each rule asks the lexicon's cue categories a precise question (is there a truce noun and a
rejection verb near it, not negated or hedged?) and asks roles.py who did it to whom.
The output is a Draft; coder.py adds places, dates and article-level context.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from schemas import Casualties
from streams.classify.actors import Mention
from streams.classify.figures import count_after, count_before, listed_people, toll_after
from streams.classify.lexicon import Hit
from streams.classify.resources import load_yaml
from streams.classify.roles import (
    Roles,
    Sentence,
    accusation_roles,
    assign,
    owner,
    possessive,
    prev_word,
    speaker,
)
from streams.classify.scope import (
    AFTER,
    ASIDE,
    BACKGROUND,
    DENIAL,
    HEDGE,
    INTENT,
    LONG_AFTER,
    NEGATION,
    Scope,
    words_between,
)
from streams.classify.taxonomy import Taxonomy

TRIGGERS = frozenset(
    {"truce", "talks", "attack", "aerial", "airstrike", "bombing", "cyber", "terror", "threat",
     "kill", "wound", "intercept", "peace_plan", "artillery", "small_arms", "propose",
     "truce_anaphor", "despite_it"}
)
SPEECH_ACTS = frozenset(
    {"ceasefire.rejected", "ceasefire.proposed", "ceasefire.agreed", "negotiation.held",
     "negotiation.stalled", "accusation.terrorism", "threat.military"}
)
_STRATEGIC = frozenset(load_yaml("lexicon.yaml")["assets"]["strategic"])
_ATTACK_BLOCK = (NEGATION, HEDGE, INTENT, BACKGROUND)
_NEAR = 14  # words between a truce/talks noun and the verb about it
_BASES = frozenset({"airbase", "military", "warship"})
# violence in the sentence itself: casualties with none of these need an attack elsewhere
_VIOLENT_CUES = frozenset({"attack", "bombing", "aerial", "airstrike", "artillery", "small_arms",
                           "terror", "conflict", "intercept"})
_CONFLICT_CUES = _VIOLENT_CUES | {"truce", "violate"}
# a military asset that is the shooter, not the target: "air defence fire lit up the sky"
_SHOOTER_NEXT = frozenset({"fire", "fired", "intercepted", "shot", "downed", "repelled",
                           "engaged", "activated", "responded", "opened"})
_AUX = re.compile(r"\b(?:is|was|were|are|be|been|being|has|have|had|will|would)\b")
_DETERMINER = frozenset({"the", "a", "an", "its", "their", "this", "that", "his", "her"})
_PARTICIPLES = frozenset({"signed", "brokered", "agreed", "declared", "reached", "struck"})
_RELATIVE_GAP = re.compile(r"^,?\s*(?:which|that)\s+(?:(?:has|had|was|is)\s+)?(?:been\s+)?$")
# verbs that are violent only in a conflict: "the outage hit the capital", "a blast at a plant"
_WEAK = frozenset({"came under fire", "come under fire", "comes under fire", "coming under fire",
                   "under fire from", "hit", "hits", "hitting", "strike", "strikes", "struck",
                   "targeted",
                   "targeting", "launched", "fired", "explosion", "explosions", "exploded",
                   "blast", "blasts", "crashed into", "slammed into", "smashed into", "raid",
                   "raids", "offensive", "rained"})
# violent-sounding words that are just as often accidents: "a blast at a fireworks store"
_ACCIDENTAL = frozenset({"explosion", "explosions", "exploded", "blast", "blasts", "crashed into",
                         "slammed into", "smashed into"})
_ARMED = frozenset({"aerial", "airstrike", "artillery", "cyber", "small_arms", "terror",
                    "naval_drone", "conflict"})
_MEET = frozenset({"met", "meet", "meets"})
_CLAUSE_GAP = re.compile(r"[,;:.]")
_ANIMALS = re.compile(
    r"\s+(?:head\s+of\s+)?(?:cattle|cows|sheep|goats|livestock|animals|horses|camels|donkeys|"
    r"dogs|chickens|poultry|pigs)\b", re.IGNORECASE)
_CONFLICT_RELATIVE = re.compile(
    r"\b(?:war|conflict|fighting|clashes|insurgency|violence|offensive|hostilities|uprising)"
    r"\s*,?\s+(?:that|which|in\s+which)\b[^.;]*$", re.IGNORECASE)
_EMBEDDED = re.compile(
    r"\s+(?:[\w-]+\s+){0,2}?(?:embedded|hidden|located|operating|housed|concealed)\s+"
    r"(?:in|inside|within|under|beneath)\b", re.IGNORECASE)
_WORDS_BEFORE = re.compile(r"(?:[\w'’\"-]+\s+){1,3}$")
_WORD = re.compile(r"[\w'-]+")
_HYPOTHETICAL = re.compile(r"\b(?:whether|if|could|might|may)\s+(?:[\w'-]+\s+){0,3}$",
                           re.IGNORECASE)
_TAKE_EFFECT = frozenset({"take effect", "come into force", "go into effect"})
# "a ceasefire on strikes against energy facilities": attacks named as what a truce would stop
_TRUCE_ON = re.compile(
    r"\b(?:ceasefire|truce|moratorium|ban|halt|pause|end)\s+(?:on|to|in)\s+(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE)
_NOT_IN_SERVICE = re.compile(
    r"\b(?:decommissioned|retired|mothballed|museum|replica|decoy|decoys|dummy|scrapped)\b"
    r"[^,;]*$", re.IGNORECASE)
_RELATIVE_NOT = re.compile(
    r"\b(?:that|which|who)\s+(?:had\s+|have\s+|has\s+)?(?:not|never|did\s+not|didn't|"
    r"refused\s+to|declined\s+to)\s+(?:\w+\s+)?$", re.IGNORECASE)
_LOWER_WORD_BEFORE = re.compile(r"\b[a-z][\w'-]*\s+$")
_PLACE_NAME_NEXT = re.compile(r"(?:-[a-z]{1,3}-[A-Z]|\s+[A-Z][a-z])")
_UNDER = re.compile(r"(?:(?:came|come|comes|coming)\s+)?under\s", re.IGNORECASE)
_TOLL_CUE = re.compile(r"(?:.*toll|number\s)", re.IGNORECASE)
_ACCIDENT_SUBJECT = re.compile(r"\b(?:fire|blaze|flames|explosion|storm|flood|crash)\b[^,;]*$",
                               re.IGNORECASE)
_PARTIES = frozenset({"mil", "gov", "state", "demonym", "group", "spy"})
_RESPONDING = re.compile(
    r"\b(?:responding|in\s+response|reacting|replying)\s+to\s+(?:[\w'-]+\s+){0,3}$", re.IGNORECASE)
_PERFECT = re.compile(r"\b(?:have|has|had)\s+(?:been\s+)?(?:\w+\s+)?$", re.IGNORECASE)
# "a landing ship docked in the port of Sevastopol": the port is where the target was
_MOBILE = re.compile(r"\b(?:ships?|vessels?|tankers?|carriers?|freighters?|boats?|ferry|ferries|"
                     r"buses|bus|cars?|trucks?|lorr(?:y|ies)|vehicles?|convoys?|fleet|warships?|"
                     r"helicopters?|aircraft|planes?|jets?|airliners?)\b", re.IGNORECASE)
# "the attack forced the closure of the bridge", "the airports suspended flights": the asset
# is shut by the attack's effects or is the subject of its own clause, not what was hit
_CONSEQUENCE = re.compile(r"[;]|\b(?:clos(?:ure|ed|ing)|shut|suspen\w*|halt\w*|"
                          r"delay\w*|divert\w*|block\w*)\b", re.IGNORECASE)
_OWN_PREDICATE = re.compile(
    r"\s+(?:(?:was|were|is|are|has\s+been|have\s+been)\s+)?(?:suspended|closed|shut|halted|"
    r"reopened|resumed|diverted|cancelled|canceled)\b", re.IGNORECASE)
_IN_PLACE = re.compile(r"\b(?:in|at|inside|within)\s+(?:the\s+|a\s+)?(?:[\w'-]+\s+){0,2}$",
                       re.IGNORECASE)
_PASSIVE_END = re.compile(r"\b(?:was|were|been)\s+(?:\w+ly\s+)?$", re.IGNORECASE)
_PREPOSITIONAL = re.compile(r"\s(?:from|of|on)$")
# "the ceasefire [between A and B] [, which ...,] was broken": the truce noun as a passive subject
_PASSIVE_GAP = re.compile(
    r"(?:\s+(?:between|in|on|with|along|around|across|over|for|of)\b[^,;.]*?)?"
    r"\s+(?:has\s+|had\s+)?(?:been|was|were|is|are)\s+(?:\w+ly\s+)?", re.IGNORECASE)
_BE = frozenset({"be", "been", "being", "was", "were", "is", "are"})
_MET_WITH = re.compile(
    r"\s+with\s+(?:a\s+|an\s+|the\s+)?(?:[\w'\"“”-]+\s+){0,2}?[\"“]?(?:response|force|fire|"
    r"resistance|retaliation|protests?|criticism|silence|anger|scepticism|skepticism)\b",
    re.IGNORECASE)
_NONE_OF = re.compile(r"\b(?:none|neither)\s+of\s+(?:the\s+|its\s+|their\s+)?$", re.IGNORECASE)
_FIRST_WORD = re.compile(r"\s*([\w'-]+)")
# an infrastructure noun that modifies a place ("port city") or sits in a locative phrase
_PLACE_HEADS = frozenset({"city", "cities", "town", "towns", "village", "villages", "district",
                          "districts", "region", "neighbourhood", "neighborhood", "suburb",
                          # "a building on the airport road": the asset names a street
                          "road", "street", "avenue", "area", "zone", "junction", "roundabout"})
# between an asset and a later verb, these make someone or something else the verb's subject
_OTHER_AGENT = frozenset({"report", "aerial", "airstrike", "attack", "artillery", "bombing",
                          "small_arms"})
# "claimed the attack and warned that ... ports would be targeted", "launched overnight had
# been aimed at the energy infrastructure": the asset belongs to another clause or an intent
_NEW_CLAUSE = frozenset({"report", "threat", "accuse", "intent", "hedge"})
_THAT = re.compile(r"\bthat\b", re.IGNORECASE)
# weapons named as things ("assembled explosives"), not events ("a bomb exploded")
_WEAPON_NOUNS = frozenset({"explosive", "explosives", "bomb", "bombs", "ied", "ieds"})
_LINKERS = frozenset({"as", "after", "when", "while", "and", "before", "since", "until"})
_ALONG_BEFORE = re.compile(r"\b(?:on|along|off)\s+(?:the\s+|a\s+)?(?:[\w'-]+\s+){0,2}$",
                           re.IGNORECASE)
_NEAR_BEFORE = re.compile(
    r"\b(?:near|nearby|beside|opposite|outside|behind|next\s+to|close\s+to|not\s+far\s+from|"
    r"across\s+from|bound\s+for|(?:heading|headed|sailing|en\s+route)\s+(?:to|for|from)|"
    r"in\s+the\s+(?:area|vicinity)\s+of|around|"
    r"a\s+few\s+(?:hundred\s+)?(?:metres|meters|kilometres|kilometers|miles)\s+from)"
    r"\s+(?:the\s+|a\s+|an\s+|its\s+)?(?:[\w'-]+\s+){0,2}$", re.IGNORECASE)
# "a proposal ... had been unveiled", "Paris had circulated the plan": a proposal named only
# by an anaphor; it stands when the article names a truce (coder.py checks)
_ANAPHOR_AFTER = re.compile(
    r"\s+(?:\w+\s+){0,2}?the\s+(?:new\s+|revised\s+|draft\s+)?"
    r"(?:plan|proposal|offer|initiative|draft|framework|idea|text)\b", re.IGNORECASE)
_ANAPHOR_BEFORE = re.compile(
    r"\b(?:the|this|that)\s+(?:new\s+|revised\s+)?(?:plan|proposal|offer|initiative|draft|"
    r"framework|idea)\s+(?:had\s+|has\s+)?(?:been|was|is)\s+(?:first\s+)?$", re.IGNORECASE)
# the asset belongs to a relative clause about someone else: "fired at men who approached
# its positions"
_RELATIVE_CLAUSE = re.compile(r"\b(?:who|whom)\b", re.IGNORECASE)
# "stormed an airliner in a counter-terrorism exercise": the action itself is staged
_STAGED = ("simulat", "rehears", "drill", "exercise", "war game", "wargame", "practis", "practic")
_STAGE_FRAME = re.compile(
    r"\b(?:in|during|as part of|for|launched|held|staged|conducted|began|started|holding|"
    r"staging|conducting|launching)\s+(?:an?\s+|the\s+|its\s+|their\s+)?(?:[\w-]+\s+){0,3}$",
    re.IGNORECASE)
# "counter-terrorism", "anti-terror": the word names a police function, not an accusation
_INABILITY = frozenset({"failed to", "fail to", "fails to", "failing to", "unable to"})
_GENERIC_ACCUSER = re.compile(
    r"\b(?:government|junta|authorities|ministry|officials?|police|army|military|presidency|"
    r"president|prime\s+minister|spokes(?:man|woman|person)|prosecutors?|governor|mayor|"
    r"security\s+forces|regime|cabinet|kremlin|council)\b[^,;]{0,30}$", re.IGNORECASE)
_COUNTER = re.compile(
    r"(?:counter|anti)[\s-]?$|\b(?:against|war\s+on|combat(?:ing)?|counter(?:ing)?|fight(?:ing)?"
    r"|financing\s+of|sponsors?\s+of)\s+(?:the\s+)?(?:global\s+|international\s+)?$",
    re.IGNORECASE)
# "air raid siren", "missile alert": a warning, not a strike
_WARNING_AFTER = re.compile(r"\s*(?:siren|sirens|alert|alerts|warning|warnings|shelter|shelters)\b",
                            re.IGNORECASE)
# "at least a dozen people, among them five children, were pulled dead": the count is the
# head of the subject, before an appositive that lists some of them
_APPOSITION = re.compile(
    r",\s+(?:among them|including|among whom|most of them|many of them|some of them)\b[^,;]{0,80},"
    r"\s*(?:[\w'-]+\s+){0,3}$", re.IGNORECASE)
# "Moscow would hit decision-making centres": force stated as the speaker's own future act
_FUTURE_FORCE = re.compile(
    r"\b(?:would|will|could|(?:is|are|was|were|stands?|stood)\s+ready\s+to|"
    r"(?:is|are|was|were)\s+prepared\s+to)\s+(?:\w+ly\s+)?"
    r"(?:hit|strike|target|attack|destroy|retaliate|respond|use\s+force|crush|wipe\s+out|"
    r"set\s+(?:[\w'-]+\s+){1,6}on\s+fire|turn\s+(?:[\w'-]+\s+){1,3}into\s+(?:ashes|rubble)|"
    r"keep\s+(?:targeting|attacking|striking)|continue\s+(?:targeting|attacking|striking|to\s+"
    r"(?:target|attack|strike)))\b", re.IGNORECASE)
# the speaker's own side named without a country: "it", "we", "the military", "our forces"
_WE = re.compile(r"\bwe\s+$", re.IGNORECASE)
_CONDITION_FREE_COULD = re.compile(r"could\b", re.IGNORECASE)
_IF = re.compile(r"\b(?:if|unless|should)\b", re.IGNORECASE)
_SELF_SUBJECT = re.compile(
    r"\b(?:it|they|we|the\s+(?:military|army|armed\s+forces|navy|air\s+force|country|group)|"
    r"our\s+(?:forces|army|military|troops))\s+$", re.IGNORECASE)


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


class _View:
    """Hits of one sentence by category, with the scope that governs them."""

    def __init__(self, s: Sentence, tax: Taxonomy | None = None) -> None:
        self.s = s
        self.tax = tax if tax is not None else _default_taxonomy()
        self.scope = Scope(s.text, s.start, s.hits)
        self.by_cat: dict[str, list[Hit]] = {}
        for hit in s.hits:
            self.by_cat.setdefault(hit.cat, []).append(hit)
        self._prefixed: dict[str, list[Hit]] = {}

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

    def near(self, hit: Hit, nouns: list[Hit]) -> bool:
        return self.distance(hit, nouns) <= _NEAR

    def closest(self, cats: Iterable[str], nouns: list[Hit]) -> list[Hit]:
        """Hits of `cats` near one of `nouns`, nearest first."""
        found = [h for h in self.get(*cats) if self.near(h, nouns)]
        return sorted(found, key=lambda h: (self.distance(h, nouns), h.start))

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


def code_sentence(s: Sentence, tax: Taxonomy | None = None) -> list[Draft]:
    """Every event the sentence states, at most one per type, coded by `tax` (default: the
    default coder's taxonomy)."""
    view = _View(s, tax)
    if view.get("nonconflict") or view.scope.refuted or view.scope.retro:
        return []  # another sense, a refuted claim, a memorial or anniversary
    if view.get("retro_ago") and not view.get("date_hint"):
        return []  # "Two years ago this week, ... signed": history, not news
    drafts: list[Draft] = []
    drafts += _ceasefire(view)
    drafts += _negotiation(view)
    drafts += _attacks(view)
    drafts += _casualties(view, drafts)
    drafts += _accusation(view)
    drafts += _threat(view)
    if view.get(LONG_AFTER):
        # "Two years after the Jeddah talks broke down, ...": the clause dates history
        drafts = [d for d in drafts if not view.scope.governs(LONG_AFTER, d.trigger)]
    return drafts


def _draft(view: _View, type_: str, name: str, trigger: Hit, **extra: object) -> Draft:
    """A draft of `type_` with the code the taxonomy names `name` for it."""
    return _coded_draft(view, type_, view.tax.code(type_, name), trigger, **extra)


def _coded_draft(view: _View, type_: str, code: str, trigger: Hit, **extra: object) -> Draft:
    """A draft with a code already taken from the taxonomy (a violent act's)."""
    roles = assign(view.s, trigger, type_ in SPEECH_ACTS)
    return Draft(type_, code, trigger, roles, **extra)  # type: ignore[arg-type]


def _ceasefire(view: _View) -> list[Draft]:
    truce = view.get("truce")
    talks = view.get("talks")
    plans = view.get("peace_plan")
    drafts: dict[str, Draft] = {}
    if truce or plans:
        nouns = truce or plans
        for hit in view.get("reject"):
            if _claim_object(view, hit):
                continue  # "dismissing reports of overnight shelling as false"
            if view.near(hit, nouns) and not view.scope.blocked(hit, (NEGATION, HEDGE)):
                code = "truce" if truce else "peace_plan"
                drafts.setdefault(
                    "ceasefire.rejected", _draft(view, "ceasefire.rejected", code, hit)
                )
        for hit in view.get("accept", "agree"):
            if _unable(view, hit):
                continue  # "negotiators failed to agree on a truce": a stall, not a refusal
            if (view.near(hit, nouns) and view.scope.governs(NEGATION, hit)
                    and not view.scope.governs(DENIAL, hit)  # "denied ... refused to extend"
                    # "groups that did not sign the 2018 peace deal": who they are, not news
                    and not _RELATIVE_NOT.search(view.s.text, max(view.s.start, hit.start - 30),
                                                 hit.start)):
                drafts.setdefault(
                    "ceasefire.rejected", _draft(view, "ceasefire.rejected", "truce", hit)
                )
    if truce:
        proposals = [h for h in view.closest(("propose", "demand", "appeal"), truce)
                     if not view.scope.governs(NEGATION, h)
                     and not _not_a_proposal(view, h, truce)]
        if proposals and all(_rejected_object(view, h) for h in proposals):
            proposals = []  # "rejected a UN envoy's appeal for a halt": only the rejection
        if proposals:
            # the proposer owns one of the words ("Kyiv's push for a truce, proposed ...")
            hit = next((h for h in proposals if owner(view.s, h) is not None), proposals[0])
            drafts["ceasefire.proposed"] = _draft(
                view, "ceasefire.proposed", hit.cat, hit, anchors=proposals
            )
        breaches = view.valid(["violate", "break", "despite"], (NEGATION, HEDGE, INTENT))
        for hit in view.valid(["agree"], (NEGATION, HEDGE, INTENT, AFTER)):
            if _modifies(view, hit, truce) or _not_an_agreement(view, hit, breaches):
                continue  # "the truce signed in Doha", "the freshly agreed moratorium"
            if view.near(hit, truce) and "ceasefire.rejected" not in drafts:
                drafts.setdefault(
                    "ceasefire.agreed", _draft(view, "ceasefire.agreed", "agree", hit)
                )
        for hit in view.valid(["violate"], (NEGATION, HEDGE, INTENT)):
            if view.near(hit, truce):
                drafts.setdefault(
                    "ceasefire.violated", _draft(view, "ceasefire.violated", "violate", hit)
                )
        for hit in view.valid(["break", "despite"], (NEGATION, HEDGE, INTENT)):
            if "ceasefire.violated" not in drafts and _breaks_truce(view, hit, truce):
                drafts["ceasefire.violated"] = _draft(view, "ceasefire.violated", "violate", hit)
    if "ceasefire.violated" not in drafts and any(
        h.cat in _VIOLENT_CUES or h.cat == "kill" for h in view.s.hits
    ):
        for hit in view.valid(["despite_it"], (NEGATION, HEDGE, INTENT)):
            drafts["ceasefire.violated"] = _draft(
                view, "ceasefire.violated", "violate", hit, needs_truce=True
            )
            break
    if not truce and not plans and not view.get("reject"):
        for hit in view.valid(["propose"], (NEGATION, HEDGE, INTENT)):
            word = view.s.text[hit.start : hit.end].lower()
            if word.startswith(("proposal", "offer")) and not word.endswith("ed"):
                continue  # the noun itself is not the act of proposing
            if (_ANAPHOR_AFTER.match(view.s.text, hit.end, view.s.end)
                    or _ANAPHOR_BEFORE.search(view.s.text, view.s.start, hit.start)):
                drafts["ceasefire.proposed"] = _draft(
                    view, "ceasefire.proposed", "propose", hit, needs_truce=True
                )
                break
    if not truce and "ceasefire.violated" not in drafts:
        for hit in view.valid(["violate_accord"], (NEGATION, HEDGE, INTENT)):
            if any(h.cat in _CONFLICT_CUES or h.cat == "actor" for h in view.s.hits):
                drafts["ceasefire.violated"] = _draft(view, "ceasefire.violated", "violate", hit)
                break
    if not truce and not plans and "ceasefire.rejected" not in drafts:
        anaphors = view.get("truce_anaphor")
        for hit in view.valid(["reject"], (NEGATION, HEDGE)) if anaphors else []:
            if any(a.start >= hit.end and words_between(view.s.text, hit.end, a.start) <= 1
                   for a in anaphors):
                # kept only if the article names a truce somewhere (coder.py checks)
                drafts["ceasefire.rejected"] = _draft(
                    view, "ceasefire.rejected", "truce", hit, needs_truce=True
                )
                break
    if talks and "ceasefire.rejected" not in drafts:
        for hit in view.get("refuse_attend"):
            if any(t.start >= hit.end and words_between(view.s.text, hit.end, t.start) <= 4
                   for t in talks) and not view.scope.governs(NEGATION, hit):
                drafts["ceasefire.rejected"] = _draft(view, "ceasefire.rejected", "talks", hit)
                break
    if talks and "ceasefire.rejected" not in drafts:
        for hit in view.valid(["reject"], (NEGATION, HEDGE)):
            if any(0 <= words_between(view.s.text, hit.end, t.start) <= 7 and t.start > hit.end
                   and not _CLAUSE_GAP.search(view.s.text, hit.end, t.start) for t in talks):
                drafts["ceasefire.rejected"] = _draft(view, "ceasefire.rejected", "talks", hit)
                break
    return list(drafts.values())


def _not_a_proposal(view: _View, hit: Hit, truce: list[Hit]) -> bool:
    """ "a proposed 60-day pause" (an adjective), "asked whether Bangkok would propose",
    "could demand a halt", "urged the monitors to act" after a breach of the truce: none is a
    party putting a truce forward."""
    text = view.s.text
    before = _WORDS_BEFORE.search(text, max(view.s.start, hit.start - 40), hit.start)
    words = before.group().lower().split() if before else []
    word = _WORD.match(text, hit.start)
    if word and word.group().lower() in ("proposed", "suggested") and words and (
        words[-1] in _DETERMINER
    ):
        return True
    if _HYPOTHETICAL.search(text, max(view.s.start, hit.start - 40), hit.start):
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
    before = _WORDS_BEFORE.search(text, max(view.s.start, hit.start - 40), hit.start)
    words = before.group().lower().split() if before else []
    if words and words[-1] in {"had", "that", "who", "which"}:
        return True
    if words and words[-1] in {"on", "about", "over", "discuss", "discussing"}:
        return True
    if words and words[-1] == "to" and text[hit.start : hit.end].lower() in _TAKE_EFFECT:
        return True  # "a ceasefire ... to take effect within days": not yet in force
    if any(p.end <= hit.start and words_between(text, p.end, hit.start) <= 4
           for p in view.get("propose", "demand", "appeal")):  # "offer|ed on Monday to extend"
        return True
    # "accused ... of violating the ceasefire commitments both sides signed": the agreement
    # named inside a breach is the old one
    return any(b.end <= hit.start for b in breaches)


def _claim_object(view: _View, hit: Hit) -> bool:
    # (a prefix cue ends mid-word: "dismiss|ing Israeli media reports")
    return any(c.start >= hit.end and words_between(view.s.text, hit.end, c.start) <= 4
               for c in view.get("claim_noun"))


def _breaks_truce(view: _View, hit: Hit, truce: list[Hit]) -> bool:
    """ "broke its own truce", "the ceasefire was broken", "shelled ... despite its declared
    truce" (this one only beside violence: "despite the truce, talks stalled" is no breach)."""
    text = view.s.text
    if hit.cat == "despite" and not any(h.cat in _VIOLENT_CUES or h.cat == "kill"
                                        for h in view.s.hits):
        return False
    for noun in truce:
        if noun.start >= hit.end and words_between(text, hit.end, noun.start) <= 3 and not (
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
    text = view.s.text
    for noun in truce:
        if noun.end <= hit.start and _RELATIVE_GAP.match(text[noun.end : hit.start]):
            return True  # "the truce, which took effect on Sunday, ..."
        if (noun.end <= hit.start and text[noun.end : hit.start].strip() == ","
                and text[hit.start : hit.end].lower() in _PARTICIPLES):
            return True  # "the ceasefire, agreed at talks in July, ..."
        if (noun.end <= hit.start and words_between(text, noun.end, hit.start) == 0
                and text[hit.start : hit.end].lower() in _PARTICIPLES):
            return True  # a participle right after the noun, no auxiliary between
        if hit.end <= noun.start and words_between(text, hit.end, noun.start) <= 1:
            before = text[max(view.s.start, hit.start - 30) : hit.start].split()
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
    if words_between(text, view.s.start, hit.start) <= 2 and any(
        r.start > hit.end and _PASSIVE_END.search(text, hit.end, r.start)
        for r in view.get("reject")
    ):
        return True  # "A proposal for a week-long pause ... was rejected by Hamas"
    floor = max(view.s.start, hit.start - 40)
    if view.get("reject") and _RESPONDING.search(text, floor, hit.start):
        return True  # "saw no point in a truce, responding to a European call for a pause"
    return any(
        r.end <= hit.start and words_between(view.s.text, r.end, hit.start) <= 4
        and "," not in view.s.text[r.end : hit.start]
        for r in view.get("reject")
    )


def _negotiation(view: _View) -> list[Draft]:
    talks = view.get("talks")
    drafts: list[Draft] = []
    if talks:
        for hit in view.valid(["stall"], (NEGATION, HEDGE, INTENT)):
            if _PREPOSITIONAL.search(view.s.text, hit.start, hit.end) and not any(
                t.start >= hit.end and words_between(view.s.text, hit.end, t.start) <= 4
                for t in talks
            ):
                continue  # "withdrew from civilian homes": something else is left
            if view.near(hit, talks):
                drafts.append(_draft(view, "negotiation.stalled", "stall", hit))
                stalled_talks = _nearest(view, hit, talks)
                # "talks between A and B were suspended": the talks named, not held
                talks = [t for t in talks
                         if t.end <= stalled_talks.start or t.start >= stalled_talks.end]
                break
    held = _held(view, talks) if talks else None
    if held is None:
        held = _meeting(view)
    if held is not None:
        drafts.append(held)
    return drafts


def _nearest(view: _View, hit: Hit, nouns: list[Hit]) -> Hit:
    return min(nouns, key=lambda n: (view.distance(hit, [n]), abs(n.start - hit.start)))


def _held(view: _View, talks: list[Hit]) -> Draft | None:
    if view.get("future"):
        return None  # "are due to meet in Istanbul next week": not yet held
    for hit in view.get("held"):
        if not any(words_between(view.s.text, min(hit.end, t.end), max(hit.start, t.start)) <= 4
                   for t in talks):
            continue
        noun = _nearest(view, hit, talks)  # the talks this verb is about, not others denied
        if view.scope.blocked(hit, (NEGATION, HEDGE)) or view.scope.blocked(noun, (NEGATION,)):
            continue
        if any(r.end <= t.start and words_between(view.s.text, r.end, t.start) <= 5
               for r in view.get("reject") for t in talks):
            continue  # "refuses to attend talks in Minsk": the talks are refused, not held
        planned = (view.scope.governs(INTENT, hit) or view.scope.governs(INTENT, talks[0])
                   or _inside(hit, view.get("intent")) or _inside(talks[0], view.get("intent")))
        if planned and view.get("hedge"):
            continue  # "planned talks could collapse before they begin": nothing took place
        return _draft(view, "negotiation.held", "planned" if planned else "held", hit)
    return None


def _meeting(view: _View) -> Draft | None:
    """ "Ukrainian and Russian officials met in Geneva": parties of two countries meeting."""
    mentions = view.s.mentions
    if view.get("future"):
        return None
    for hit in view.get("held"):
        if view.s.text[hit.start : hit.end].lower() not in _MEET:
            continue
        if prev_word(view.s.text, hit.start, view.s.start) in _BE or _MET_WITH.match(
            view.s.text, hit.end, view.s.end
        ):
            continue  # "would be met with a terrible response": no meeting of parties
        if view.scope.blocked(hit, (NEGATION, HEDGE, INTENT)):
            continue
        countries = {m.entry.country for m in mentions if m.entry.country}
        if len(countries) >= 2 and any(m.end <= hit.start for m in mentions):
            return _draft(view, "negotiation.held", "held", hit)
    return None


def _attack_code(view: _View) -> str:
    """The violent act's code: the taxonomy's `violent_acts`, by the sentence's cues."""
    return view.tax.act_code(view.by_cat)


def _military_targets(view: _View, verbs: list[Hit]) -> list[Hit]:
    """Military assets on the receiving end: after the verb, or a passive subject before it."""
    found = []
    for asset in view.prefixed("mil:"):
        following = _FIRST_WORD.match(view.s.text, asset.end, view.s.end)
        if following and following.group(1).lower() in _SHOOTER_NEXT:
            continue  # "air defence fire lit up the sky": the asset is shooting
        if _NOT_IN_SERVICE.search(view.s.text, max(view.s.start, asset.start - 60), asset.start):
            continue  # "a decommissioned bomber on display at the museum", decoys
        if _EMBEDDED.match(view.s.text, asset.end):
            continue  # "a command centre embedded inside the school": a disputed claim
        # each test is pure, so the cheaper ones go first and the rest only run if needed
        hit_by = view.s.text[asset.end : asset.end + 8].lstrip().startswith("hit by") or any(
            asset.end <= v.start and words_between(view.s.text, asset.end, v.start) <= 2
            and _UNDER.match(view.s.text, v.start) for v in verbs
        )  # "army posts came under fire"
        if not (hit_by or _after_verb(view, asset, verbs) or _passive_subject(view, asset, verbs)):
            continue
        if not view.scope.governs(NEGATION, asset):
            found.append(asset)
    return found


def _after_verb(view: _View, asset: Hit, verbs: list[Hit]) -> bool:
    """ "struck an air base": the asset follows a verb, outside a relative clause."""
    text = view.s.text
    before = [v for v in verbs if v.end <= asset.start]
    if not any(words_between(text, v.end, asset.start) <= 10 for v in before):
        return False
    # A "who" between any of these verbs and the asset: the widest gap holds every other
    # gap's matches but one kind, a "who" right at a verb's end (a search that starts there
    # sees a word boundary). One search and an anchored match per verb, not a search of
    # each gap: linear, not quadratic, in a long sentence.
    return not (_RELATIVE_CLAUSE.search(text, min(v.end for v in before), asset.start)
                or any(_RELATIVE_CLAUSE.match(text, v.end, asset.start) for v in before))


def _passive_subject(view: _View, asset: Hit, verbs: list[Hit]) -> bool:
    """ "two warships were hit": the asset is the subject of a passive verb after it."""
    return any(
        asset.end <= v.start and words_between(view.s.text, asset.end, v.start) <= 8
        and any(w in view.s.text[asset.end : v.start].split() for w in ("was", "were", "been"))
        and "," not in view.s.text[asset.end : v.start]
        for v in verbs
    )


def _attacks(view: _View) -> list[Draft]:
    attack = [h for h in view.valid(["attack", "bombing", "cyber", "artillery", "small_arms"],
                                    _ATTACK_BLOCK) if not _generic(view, h)
              and not _TRUCE_ON.search(view.s.text, max(view.s.start, h.start - 40), h.start)]
    text = view.s.text
    if attack and all(text[h.start : h.end].lower() in _WEAPON_NOUNS for h in attack) and not (
        view.get("aerial", "airstrike", "damage", "kill", "wound")
    ):
        attack = []  # "as they assembled explosives": weapons named, nothing used
    damage = view.valid(["damage"], _ATTACK_BLOCK)
    sirens = [h for h in view.get("airstrike", "aerial")
              if _WARNING_AFTER.match(view.s.text, h.end, view.s.end)]
    if sirens:  # "an air raid siren sounded": every word of the warning is masked
        attack = [h for h in attack if not _inside(h, sirens)]
    aerial = [h for h in view.valid(["aerial"], _ATTACK_BLOCK)
              if not _speaking(view, h) and not _inside(h, sirens)]
    strikes = [h for h in view.valid(["airstrike"], _ATTACK_BLOCK) if not _inside(h, sirens)]
    intercept = view.valid(["intercept"], _ATTACK_BLOCK)
    terror = view.get("terror")
    violent = bool(attack or strikes) or bool(damage and (terror or aerial)) or bool(
        aerial and intercept
    ) or _forces_destroyed(view, damage)
    drafts: list[Draft] = []
    if not violent or _staged(view):
        return drafts
    verbs = sorted(attack + damage + strikes + intercept)
    if view.scope.modal_after(verbs[0]):
        return drafts  # "a strike on the plant could trigger a disaster"
    code = _attack_code(view)
    military = _military_targets(view, verbs)
    # "the downing of a Su-34 fighter-bomber": an aircraft that is hit is no air strike
    aerial = [h for h in aerial if not any(m.start < h.end and h.start < m.end for m in military)]
    if strikes or (aerial and (attack or damage or intercept)):
        trigger = (strikes or attack or damage or intercept)[0]
        drafts.append(_draft(view, "attack.aerial", "aerial", trigger))
    follow = view.get("attack", "damage", "bombing")
    # "Israeli jets struck ...": armed forces named as the agent make a weak verb violent
    weak = not any(h.cat in _ARMED for h in view.s.hits) and not any(
        m.entry.kind == "mil" for m in view.s.mentions
    ) and all(view.s.text[v.start : v.end].lower() in _WEAK for v in verbs)
    at_base = any(h.payload in _BASES for h in military)
    infra = [
        h for h in view.prefixed("infra:")
        if not view.scope.governs(NEGATION, h) and not view.scope.negated_after(h, follow)
        and not (at_base and h.payload == "fuel")  # a base's own fuel store is military
        and not _locative(view, h) and _on_receiving_end(view, h, verbs)
    ]
    if infra:
        assets = sorted({h.payload for h in infra} - {"generic"})
        drafts.append(_coded_draft(view, "attack.infrastructure", code, verbs[0], assets=assets))
    if military:
        assets = sorted({h.payload for h in military} - {"military"})
        by_air = code == view.tax.code("attack.aerial", "aerial")
        drafts.append(_draft(
            view, "attack.military_target", "aerial" if by_air else "ground", verbs[0],
            assets=assets, strategic=bool(_STRATEGIC.intersection(assets)),
        ))
    if weak:
        for draft in drafts:
            draft.needs_conflict = True  # kept only if the article is about armed conflict
    return drafts


def _on_receiving_end(view: _View, asset: Hit, verbs: list[Hit]) -> bool:
    """An infrastructure asset that was hit: after the verb ("struck the refinery"), its
    subject or passive subject ("the bridge collapsed", "a substation was hit"), or named
    with it ("the refinery attack"); not a bystander ("fled across the bridge as ... shelled")."""
    text = view.s.text
    for verb in verbs:
        if verb.end <= asset.start:
            if words_between(text, verb.end, asset.start) <= 12 and not _RELATIVE_CLAUSE.search(
                text, verb.end, asset.start
            ) and not _THAT.search(text, verb.end, asset.start) and not any(
                h.cat in _NEW_CLAUSE and verb.end <= h.start < asset.start for h in view.s.hits
            ) and not _CONSEQUENCE.search(text, verb.end, asset.start) and not _OWN_PREDICATE.match(
                text, asset.end
            ):
                return True
            continue
        gap = text[asset.end : verb.start]
        if "," in gap or ";" in gap or any(
            h.cat in _OTHER_AGENT and asset.end <= h.start < verb.start for h in view.s.hits
        ):
            continue
        words = gap.split()
        if (len(words) <= 1 and not _LINKERS.intersection(words)) or (
            len(words) <= 12 and {"was", "were", "been"}.intersection(words)
        ) or (len(words) <= 6 and verb.cat == "damage"):
            return True
    return False


def _locative(view: _View, asset: Hit) -> bool:
    """ "the port city of Odesa", "a market near the railway station": the asset names where
    something else was hit, not what was hit; "Port-au-Prince", "Port Sudan" name a city."""
    text = view.s.text
    if (asset.start > view.s.start and text[asset.start].isupper()
            and _PLACE_NAME_NEXT.match(text, asset.end)
            and _LOWER_WORD_BEFORE.search(text, max(view.s.start, asset.start - 20), asset.start)):
        return True  # (in running text: a title-case headline capitalises every word)
    following = _FIRST_WORD.match(text, asset.end, view.s.end)
    if following and following.group(1).lower() in _PLACE_HEADS:
        return True
    floor = max(view.s.start, asset.start - 30)
    if _NEAR_BEFORE.search(text, floor, asset.start):
        return True
    inside = _IN_PLACE.search(text, floor, asset.start)
    if inside is not None and any(
        h.end <= inside.start() and _MOBILE.search(text, h.end, inside.start())
        and not _CLAUSE_GAP.search(text, h.end, inside.start())
        for h in view.get("attack", "airstrike", "bombing", "artillery", "damage")
    ):
        return True  # "hit a cargo ship at the port"; not "a training centre at the plant"
    along = _ALONG_BEFORE.search(text, floor, asset.start) if asset.payload == "road" else None
    # "a petrol station on the highway" is a place; "a strike on the highway" is a target
    return along is not None and not any(
        h.end <= along.start() and words_between(text, h.end, along.start()) == 0
        for h in view.get("attack", "airstrike", "bombing", "artillery", "damage")
    )


def _forces_destroyed(view: _View, damage: list[Hit]) -> bool:
    """ "Russia's defence ministry said it had destroyed a Patriot battery": a party destroying
    a military asset is an attack; "a fire destroyed a depot" is not (no cause given)."""
    text = view.s.text
    for verb in damage:
        if not any(a.start >= verb.end and words_between(text, verb.end, a.start) <= 6
                   for a in view.prefixed("mil:")):
            continue
        if _ACCIDENT_SUBJECT.search(text, max(view.s.start, verb.start - 30), verb.start):
            continue
        if any(m.end <= verb.start and m.entry.kind in _PARTIES for m in view.s.mentions):
            return True
    return False


def _staged(view: _View) -> bool:
    """ "stormed an airliner in a counter-terrorism exercise": the whole action is a drill
    (an attack during drills that kills people is still an attack)."""
    if view.get("kill", "wound"):
        return False
    text = view.s.text
    return any(
        text[h.start : h.end].lower().startswith(_STAGED)
        and _STAGE_FRAME.search(text, max(view.s.start, h.start - 60), h.start)
        for h in view.get("hedge")
    )


def _generic(view: _View, hit: Hit) -> bool:
    """ "any attack on the dam would ...": an attack in general, not one that happened."""
    return prev_word(view.s.text, hit.start, view.s.start) in {"any", "every"}


def _unable(view: _View, hit: Hit) -> bool:
    return any(
        n.end <= hit.start and words_between(view.s.text, n.end, hit.start) <= 2
        and view.s.text[n.start : n.end].lower() in _INABILITY
        for n in view.get("negation")
    )


def _inside(hit: Hit, spans: list[Hit]) -> bool:
    return any(s.start < hit.end and hit.start < s.end for s in spans)


def _speaking(view: _View, hit: Hit) -> bool:
    """ "Ukraine's air force said ...": the aerial word names the speaker, not a weapon."""
    for report in view.get("report"):
        if report.start >= hit.end:
            return (words_between(view.s.text, hit.end, report.start) <= 3
                    and "," not in view.s.text[hit.end : report.start])
    return False


def _casualties(view: _View, drafts: list[Draft]) -> list[Draft]:
    text, start, end = view.s.text, view.s.start, view.s.end
    figures: dict[str, int] = {}
    first: Hit | None = None
    cumulative = view.get("cumulative")
    if cumulative and any(_PERFECT.search(text, max(start, h.start - 20), h.start)
                          for h in view.get("kill", "wound")):
        return []  # "33,700 have been killed since the Oct. 7 attack, in which ...": war tolls
    for cat in ("kill", "wound", "missing"):
        for hit in view.valid([cat], _ATTACK_BLOCK):
            if _CONFLICT_RELATIVE.search(text, max(start, hit.start - 120), hit.start):
                continue  # "a conflict that killed more than 40", "fighting in which ... died"
            if _TOLL_CUE.match(text[hit.start : hit.end]):
                if any(c.start >= hit.end and words_between(text, hit.end, c.start) <= 2
                       for c in cumulative):
                    continue  # "bringing the death toll since the truce to 330"
                # "the death toll had not changed": a toll states its figure after it
                count = count_after(text, hit.end, end) or toll_after(text, hit.end, end)
                if count is not None and count.value > 0:
                    key = {"kill": "killed", "wound": "wounded", "missing": "missing"}[cat]
                    figures[key] = max(figures.get(key, 0), count.value)
                    first = first if first is not None and first.start < hit.start else hit
                continue
            count = (count_after(text, hit.end, end) or count_before(text, hit.start, start)
                     or listed_people(text, hit.end, end))
            if count is None:
                apposition = _APPOSITION.search(text, max(start, hit.start - 160), hit.start)
                if apposition is not None:
                    count = count_before(text, apposition.start(), start)
            if count is None or count.value <= 0 or _ANIMALS.match(text, count.end):
                # "40 cattle were killed": livestock are no casualty figure
                continue
            if _NONE_OF.search(text, max(start, count.start - 20), count.start):
                continue  # "none of the 180 people on board was hurt"
            key = {"kill": "killed", "wound": "wounded", "missing": "missing"}[cat]
            figures[key] = max(figures.get(key, 0), count.value)
            first = first if first is not None and first.start < hit.start else hit
    if first is None:
        return []
    attacks = [d for d in drafts if d.type.startswith("attack.")]
    code = attacks[0].code if attacks else _attack_code(view)
    draft = _coded_draft(view, "casualties.reported", code, first,
                         casualties=Casualties(**figures))
    if attacks:
        draft.roles = attacks[0].roles
    # deaths with no violence named in the sentence stand only if the article has an attack
    cues = [h for h in view.s.hits if h.cat in _VIOLENT_CUES]
    draft.needs_violence = not attacks and not cues
    # "a blast tore through a warehouse, killing 12": an explosion alone needs a conflict
    draft.needs_conflict = not attacks and bool(cues) and all(
        text[h.start : h.end].lower() in _ACCIDENTAL for h in cues
    )
    return [draft]


def _accusation(view: _View) -> list[Draft]:
    terror = [h for h in view.valid(["terror"], (NEGATION, HEDGE))
              if not _COUNTER.search(view.s.text, max(view.s.start, h.start - 24), h.start)]
    if not terror:
        return []
    cues = view.get("accuse", "report", "accused_of")
    if not cues:
        return []
    roles = accusation_roles(view.s, min(cues[0], terror[0]))
    if roles.actor is None and not _unnamed_accuser(view, terror[0]) and not _quoted(
        view, terror[0]
    ):
        return []
    return [Draft("accusation.terrorism", view.tax.code("accusation.terrorism", "terror"),
                  terror[0], roles)]


def _quoted(view: _View, hit: Hit) -> bool:
    """ "'This is a terrorist act,' he said": words inside a quotation that the sentence
    attributes to a speaker are that speaker's accusation, named or not."""
    text = view.s.text
    before = text[view.s.start : hit.start]
    inside = (before.count('"') % 2 == 1 or before.count("“") > before.count("”")
              or (before.count("'") - before.count("'s")) % 2 == 1)
    return inside and bool(view.get("report", "accuse"))


def _unnamed_accuser(view: _View, terror: Hit) -> bool:
    """ "the junta accused Algeria of harbouring terrorists", "in what the government called a
    terrorist attack": an institution not named by country is still an accuser."""
    text = view.s.text
    for cue in view.get("accuse", "accused_of"):
        if cue.start > terror.start:
            continue
        if _GENERIC_ACCUSER.search(text, max(view.s.start, cue.start - 60), cue.start):
            return True
    return False


def _threat(view: _View) -> list[Draft]:
    assets = view.prefixed("infra:")
    force = [
        f for f in view.get("force", "attack", "aerial")
        if not any(a.start <= f.start < a.end for a in assets)  # "the nuclear plant"
        and not _WARNING_AFTER.match(view.s.text, f.end, view.s.end)  # "heed air raid sirens"
        and not view.scope.modal_after(f)  # "warned that a strike could plunge ... into"
    ]
    for hit in view.valid(["threat"], (NEGATION,)):
        if not any(f.start >= hit.start and words_between(view.s.text, hit.end, f.start) <= 14
                   for f in force if f.start != hit.start):
            continue
        draft = _draft(view, "threat.military", "threat", hit)
        if draft.roles.actor is not None:
            return [draft]
    return _future_force(view)


def _possessive_speaker(view: _View) -> Mention | None:
    """ "Iran's defence minister said": the owner of the speaking official."""
    for report in view.get("report"):
        owners = [m for m in view.s.mentions if m.end <= report.start
                  and possessive(view.s.text, m)
                  and words_between(view.s.text, m.end, report.start) <= 4
                  and "," not in view.s.text[m.end : report.start]]
        return owners[-1] if owners else None
    return None


def _future_force(view: _View) -> list[Draft]:
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
                trigger = Hit(match.start(), match.end(), "threat", "")
                return [_draft(view, "threat.military", "threat", trigger)]
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
        trigger = Hit(match.start(), match.end(), "threat", "")
        return [_draft(view, "threat.military", "threat", trigger)]
    return []

