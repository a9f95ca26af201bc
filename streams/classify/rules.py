"""The sentence view the rules read, the gates every sentence passes, and the two rule
families not yet converted to specs (attacks and casualties: `LEGACY_FAMILIES`, named in
`data/rules.yaml` by `coded_by`). The other families are specs run by `engine.py`.

Each rule asks the lexicon's cue categories a precise question and asks roles.py who did it
to whom. The output is a Draft; coder.py adds places, dates and article-level context.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from schemas import Casualties
from streams.classify.lexicon import Hit
from streams.classify.roles import (
    Roles,
    Sentence,
    assign,
    prev_word,
)
from streams.classify.scope import (
    BACKGROUND,
    HEDGE,
    INTENT,
    LONG_AFTER,
    NEGATION,
    Scope,
    words_between,
)
from streams.classify.taxonomy import Taxonomy
from streams.classify.words import default_words

_ATTACK_BLOCK = (NEGATION, HEDGE, INTENT, BACKGROUND)
_BASES = frozenset({"airbase", "military", "warship"})
# violence in the sentence itself: casualties with none of these need an attack elsewhere
_VIOLENT_CUES = frozenset({"attack", "bombing", "aerial", "airstrike", "artillery", "small_arms",
                           "terror", "conflict", "intercept"})
# a military asset that is the shooter, not the target: "air defence fire lit up the sky"
_SHOOTER_NEXT = frozenset({"fire", "fired", "intercepted", "shot", "downed", "repelled",
                           "engaged", "activated", "responded", "opened"})
_AUX = re.compile(r"\b(?:is|was|were|are|be|been|being|has|have|had|will|would)\b")
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
# "a ceasefire on strikes against energy facilities": attacks named as what a truce would stop
_TRUCE_ON = re.compile(
    r"\b(?:ceasefire|truce|moratorium|ban|halt|pause|end)\s+(?:on|to|in)\s+(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE)
_NOT_IN_SERVICE = re.compile(
    r"\b(?:decommissioned|retired|mothballed|museum|replica|decoy|decoys|dummy|scrapped)\b"
    r"[^,;]*$", re.IGNORECASE)
_LOWER_WORD_BEFORE = re.compile(r"\b[a-z][\w'-]*\s+$")
_PLACE_NAME_NEXT = re.compile(r"(?:-[a-z]{1,3}-[A-Z]|\s+[A-Z][a-z])")
_UNDER = re.compile(r"(?:(?:came|come|comes|coming)\s+)?under\s", re.IGNORECASE)
_TOLL_CUE = re.compile(r"(?:.*toll|number\s)", re.IGNORECASE)
_ACCIDENT_SUBJECT = re.compile(r"\b(?:fire|blaze|flames|explosion|storm|flood|crash)\b[^,;]*$",
                               re.IGNORECASE)
_PARTIES = frozenset({"mil", "gov", "state", "demonym", "group", "spy"})
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
# the asset belongs to a relative clause about someone else: "fired at men who approached
# its positions"
_RELATIVE_CLAUSE = re.compile(r"\b(?:who|whom)\b", re.IGNORECASE)
# "stormed an airliner in a counter-terrorism exercise": the action itself is staged
_STAGED = ("simulat", "rehears", "drill", "exercise", "war game", "wargame", "practis", "practic")
_STAGE_FRAME = re.compile(
    r"\b(?:in|during|as part of|for|launched|held|staged|conducted|began|started|holding|"
    r"staging|conducting|launching)\s+(?:an?\s+|the\s+|its\s+|their\s+)?(?:[\w-]+\s+){0,3}$",
    re.IGNORECASE)
# "air raid siren", "missile alert": a warning, not a strike
_WARNING_AFTER = re.compile(r"\s*(?:siren|sirens|alert|alerts|warning|warnings|shelter|shelters)\b",
                            re.IGNORECASE)
# "at least a dozen people, among them five children, were pulled dead": the count is the
# head of the subject, before an appositive that lists some of them
_APPOSITION = re.compile(
    r",\s+(?:among them|including|among whom|most of them|many of them|some of them)\b[^,;]{0,80},"
    r"\s*(?:[\w'-]+\s+){0,3}$", re.IGNORECASE)


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
        self.words = s.words or default_words()
        self.scope = Scope(s.text, s.start, s.hits, self.words.barriers, self.words.modals)
        self.by_cat: dict[str, list[Hit]] = {}
        for hit in s.hits:
            self.by_cat.setdefault(hit.cat, []).append(hit)
        self._prefixed: dict[str, list[Hit]] = {}
        # what a rule has taken for itself ("talks ... were suspended": those talks are not
        # also held), by category; and the rule book's named distances
        self.pool: dict[str, list[Hit]] = {}
        self.distances: dict[str, int] = {}

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
    return not (view.get("retro_ago") and not view.get("date_hint"))


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


def _draft(view: _View, type_: str, name: str, trigger: Hit, **extra: object) -> Draft:
    """A draft of `type_` with the code the taxonomy names `name` for it."""
    return _coded_draft(view, type_, view.tax.code(type_, name), trigger, **extra)


def _coded_draft(view: _View, type_: str, code: str, trigger: Hit, **extra: object) -> Draft:
    """A draft with a code already taken from the taxonomy (a violent act's)."""
    roles = assign(view.s, trigger, type_ in view.tax.speech_acts)
    return Draft(type_, code, trigger, roles, **extra)  # type: ignore[arg-type]
























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
            assets=assets, strategic=bool(view.words.strategic.intersection(assets)),
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
    reader = view.words.figures  # the coder's number words
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
                count = reader.count_after(text, hit.end, end) or reader.toll_after(
                    text, hit.end, end)
                if count is not None and count.value > 0:
                    key = {"kill": "killed", "wound": "wounded", "missing": "missing"}[cat]
                    figures[key] = max(figures.get(key, 0), count.value)
                    first = first if first is not None and first.start < hit.start else hit
                continue
            count = (reader.count_after(text, hit.end, end)
                     or reader.count_before(text, hit.start, start)
                     or reader.listed_people(text, hit.end, end))
            if count is None:
                apposition = _APPOSITION.search(text, max(start, hit.start - 160), hit.start)
                if apposition is not None:
                    count = reader.count_before(text, apposition.start(), start)
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


# The families `data/rules.yaml` runs by name (`coded_by`) until they are specs too: each
# gets the sentence view and the drafts of the families before it.
LEGACY_FAMILIES: dict[str, Callable[[_View, list[Draft]], list[Draft]]] = {
    "attacks": lambda view, drafts: _attacks(view),
    "casualties": _casualties,
}
