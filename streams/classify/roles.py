"""Who did what to whom: the agent, target and claimant of a trigger in one sentence.

Keyword coders take the first actor named; here the grammar around each mention decides:
"by X", "X's push", "accusing X of", "according to X", "X said", a passive subject
("Ukrainian cities were struck") and place prepositions ("strikes on X").
"""

from __future__ import annotations

import re
from bisect import bisect_left
from itertools import pairwise
from typing import NamedTuple

from streams.classify.actors import ActorEntry, Mention, country_names
from streams.classify.lexicon import Hit
from streams.classify.scope import ASIDE, words_between
from streams.classify.words import Words, default_words

# the same match as `([\w']+)[^\w']*$`, without trying (and backtracking from) every
# position inside a word
_PREV = re.compile(r"(?<![\w'])([\w']++)[^\w']*+$")
_PASSIVE = re.compile(r"\b(?:was|were|been|being|is|are|came under|come under|comes under)\b")
_BY_AFTER = re.compile(r"\w*\s+by\b")
# "said it had hit", "said on Tuesday it had hit": the speaker speaks of its own act
_SELF = re.compile(r"\W*(?:on\s+\w+day\s+|\w+day\s+)?(?:that\s+)?(?:it|its|they|their|we|our)\b",
                   re.IGNORECASE)


class Roles(NamedTuple):
    actor: Mention | None
    target: Mention | None
    claimed_by: Mention | None


class Sentence(NamedTuple):
    """What the role rules need of a sentence: its text span, hits and actor mentions."""

    text: str
    start: int
    end: int
    hits: list[Hit]
    mentions: list[Mention]
    words: Words | None = None  # the coder's (None: the default coder's)


def prev_word(text: str, pos: int, floor: int) -> str:
    match = _PREV.search(text[max(floor, pos - 30) : pos].replace("’", "'"))
    return match.group(1).lower() if match else ""


def possessive(text: str, mention: Mention) -> bool:
    return text[mention.end : mention.end + 2] in {"'s", "’s"}


def _report_after(s: Sentence, mention: Mention) -> Hit | None:
    for hit in s.hits:
        if hit.cat != "report" or hit.start < mention.end:
            continue
        if any(m.start <= hit.start < m.end for m in s.mentions):
            continue  # "the United States": a word of a party's name, no report verb
        gap = s.text[mention.end : hit.start]
        if words_between(s.text, mention.end, hit.start) <= 3 and "," not in gap and (
                _PASSIVE_BEFORE.search(gap) is None):  # "the ELN was labelled": not its words
            return hit
        break
    return None


_WORD_AT = re.compile(r"[\w'-]+")


def speaker(s: Sentence) -> Mention | None:
    """Who the sentence is attributed to: "according to X", or X followed by a report verb."""
    for mention in s.mentions:
        if s.text[max(s.start, mention.start - 14) : mention.start].lower().endswith(
            "according to "
        ):
            return mention
    for mention in s.mentions:
        if _report_after(s, mention) is not None and not possessive(s.text, mention):
            return mention
    return None


def _accused_ends(s: Sentence) -> list[int]:
    """Where the sentence's "accusing"/"blamed" cues end, sorted: found once per question,
    not once per mention (most sentences have none)."""
    return sorted(h.end for h in s.hits if h.cat == "accused_of")


def _accused(ends: list[int], mention: Mention) -> bool:
    """The mention follows an "accusing"/"blamed" cue closely: "accusing Kyiv of"."""
    i = bisect_left(ends, mention.start - 3)
    return i < len(ends) and ends[i] <= mention.start


def _self_report(s: Sentence, mention: Mention) -> bool:
    report = _report_after(s, mention)
    return report is not None and _SELF.match(s.text, report.end) is not None


def _governing(s: Sentence, mention: Mention, words: Words) -> str:
    """The word before the mention, past an article or a compass word: "by the Rapid
    Support Forces", "between the army and ...", "at northern Israel"."""
    pos = mention.start
    word = prev_word(s.text, pos, s.start)
    for _ in range(2):  # "at the northern": no further
        if not word or word not in words.premodifiers:
            break
        floor = max(s.start, pos - 30)
        match = _PREV.search(s.text[floor:pos].replace("’", "'"))
        if match is None:
            return ""
        pos = floor + match.start(1)
        word = prev_word(s.text, pos, s.start)
    return word


def _role(s: Sentence, mention: Mention) -> str:
    words = s.words or default_words()
    word = _governing(s, mention, words)
    if words.settings.code != "en":
        # "contre l'armée": the word before the elided article; "del ejército": "de"
        if word and word in words.settings.elision:
            cut = s.text.rfind(word[:-1], max(s.start, mention.start - 30), mention.start)
            word = prev_word(s.text, cut, s.start) if cut >= 0 else ""
        word = words.preposition(word)
    if word in words.agent_preps:
        return "agent"
    if word in words.target_preps:
        return "target"
    if word in words.partner_preps:
        return "partner"
    return "subject"


def owner(s: Sentence, trigger: Hit) -> Mention | None:
    """ "Kyiv's recent push", "Ukraine's drone strikes": a possessive right before the word;
    not a place's ("set a refinery in Russia's Samara region ablaze")."""
    places = (s.words or default_words()).place_only_preps
    found = [
        m for m in s.mentions
        if m.end <= trigger.start and possessive(s.text, m)
        and words_between(s.text, m.end, trigger.start) <= 4
        and _governing(s, m, s.words or default_words()) not in places
    ]
    return found[-1] if found else None


# an attack's noun and the clause blaming it ("a cyberattack that officials blamed on"):
# at most this many words before the blame's link
_BLAME_WITHIN = 4
# characters after the act's noun that hold those words and the link ("that Polish
# officials blamed on"): far more than any four words and a link take
_BLAME_REACH = 200


def _blame_link(w: Words) -> re.Pattern[str]:
    return w.pattern("blame_link", lambda w: rf"\b{w.alt('blame_links')}\s+(?:the\s+)?")


def blame_clause(w: Words, text: str) -> int | None:
    """Where a clause opening `text` (the words after an attack's noun) that blames the act
    on someone ends its link ("that Polish officials blamed on "), else None."""
    if not w.phrases.get("blame_links"):
        return None
    link = _blame_link(w).search(text)
    if link is None or words_between(text, 0, link.start()) > _BLAME_WITHIN or any(
            c in text[: link.start()] for c in ";:"):
        return None
    return link.end()


def blamed_party(s: Sentence, start: int, end: int) -> Mention | None:
    """The party a clause right after `start` (an attack's noun) blames the act on ("that
    Polish officials blamed on Russian military intelligence", "attributed to the Houthis"),
    named before `end`; None without one ("blamed on a gas leak" names no party)."""
    # the link starts within a few words: only that stretch is read (an asset's every call
    # would otherwise search the rest of a long sentence)
    link = blame_clause(s.words or default_words(), s.text[start : min(end, start + _BLAME_REACH)])
    if link is None:
        return None
    return next((m for m in s.mentions if m.start == start + link and m.end <= end), None)


_NO_ROLES = Roles(None, None, None)  # immutable: one shared value
_TOKEN = re.compile(r"[\w'’]+")
_GAP_TOKEN = re.compile(r"[\w'’-]+")
# a pair of parties further than this many words from the act's word is another clause's
_PAIR_WITHIN = 14


def broker(s: Sentence, mention: Mention) -> bool:
    """"US-brokered talks", "Qatari mediators", "a UN-sponsored truce": the mention names a
    go-between, never a party."""
    brokers = (s.words or default_words()).brokers
    if not brokers:
        return False
    word = _TOKEN.search(s.text, mention.end, min(s.end, mention.end + 30))
    if word is None or s.text[mention.end : word.start()].strip(" -") != "":
        return False
    return word.group().lower() in brokers


def _coordinated(s: Sentence, a: Mention, b: Mention) -> bool:
    """"Israel and Hezbollah", "Colombia's government and the ELN", "officials from Pakistan
    and from Afghanistan's ...": two parties joined by a coordinator and nothing else."""
    words = s.words or default_words()
    if s.text[a.end : b.start] in {"-", "–"} and not possessive(s.text, b):
        return True  # "Armenia-Azerbaijan peace talks"
    gap = _GAP_TOKEN.findall(s.text, a.end, b.start)
    if not gap or len(gap) > 3 or any(c in s.text[a.end : b.start] for c in ",;:"):
        return False
    # "and the Kurdish-led Syrian Democratic Forces": an attributive compound
    lowered = [g.lower() for g in gap if "-" not in g.strip("-")]
    return (any(g in words.coordinators for g in lowered)
            and all(g in words.coordinators or g in words.coordination_links for g in lowered))


def parties(s: Sentence, trigger: Hit, said_by: Mention | None, symmetric: bool
            ) -> tuple[Mention, Mention] | None:
    """The two parties of an act done together, first named first: "Israel and Hamas agreed",
    "talks between Kyiv and Moscow collapsed" (for a type that is not `symmetric`, only the
    "between" form: "clashes between the army and the RSF killed 31"). The pair nearest the
    trigger; a speaker, a broker or a place ("in Finland and Estonia") is no party."""
    words = s.words or default_words()
    if not words.coordinators or len(s.mentions) < 2:
        return None
    best: tuple[int, tuple[Mention, Mention]] | None = None
    for a, b in pairwise(s.mentions):
        if b.end <= trigger.start:
            gap = words_between(s.text, b.end, trigger.start)
        elif a.start >= trigger.end:
            gap = words_between(s.text, trigger.end, a.start)
        else:
            continue
        if gap > _PAIR_WITHIN or (best is not None and gap >= best[0]):
            continue
        if said_by is a or said_by is b or a.entry.code == b.entry.code:
            continue
        role = _role(s, a)
        if role in {"agent", "target"} or (
                not symmetric and _governing(s, a, words) not in words.pair_preps):
            continue
        if broker(s, b) or broker(s, a) or not _coordinated(s, a, b):
            continue
        best = (gap, (a, b))
    return _shared_head(s, *best[1]) if best else None


_SECTOR_KINDS = frozenset({"gov", "mil", "spy"})
# the cue categories that make a head noun military ("army chiefs", "military commanders")
_MILITARY_HEAD = frozenset({"conflict"})
# a head noun and the "of" after it: at most this many words before the first party
_HEAD_WITHIN = 5


def _as_sector(mention: Mention, sector: str, kind: str) -> Mention:
    """The mention as its state's `sector` (THA -> THAMIL)."""
    iso3 = mention.entry.country
    if iso3 is None:
        return mention
    return Mention(mention.start, mention.end,
                   ActorEntry(mention.entry.name, f"{iso3}{sector}", iso3, kind))


def _shared_head(s: Sentence, a: Mention, b: Mention) -> tuple[Mention, Mention]:
    """Two parties that share one head noun are in its sector: "Thai and Cambodian military
    commanders" (the second's head is the first's too: THAMIL, KHMMIL), "the directors
    general of military operations of India and Pakistan" (a military head before "of":
    INDMIL, PAKMIL)."""
    bare = ("state", "demonym")
    if (a.entry.kind in bare and b.entry.kind in _SECTOR_KINDS and b.entry.code
            and b.entry.country and b.entry.code.startswith(b.entry.country)
            and not possessive(s.text, a)
            and _GAP_TOKEN.fullmatch(s.text[a.end : b.start].strip()) is not None):
        return _as_sector(a, b.entry.code[len(b.entry.country):], b.entry.kind), b
    words = s.words or default_words()
    if (a.entry.kind in bare and b.entry.kind in bare and words.head_preps
            and _governing(s, a, words) in words.head_preps):
        floor = max(s.start, a.start - 60)
        if any(h.cat in _MILITARY_HEAD and floor <= h.start and h.end <= a.start
               and words_between(s.text, h.end, a.start) <= _HEAD_WITHIN
               and not any(c in s.text[h.end : a.start] for c in ",;:")
               for h in s.hits):
            return _as_sector(a, "MIL", "mil"), _as_sector(b, "MIL", "mil")
    return a, b


# an interception verb and the weapon it downed: at most this many words apart
_DOWNED_WITHIN = 4


def as_country(mention: Mention) -> Mention:
    """The mention as its state alone ("Russia's air defences" -> RUS): the territory a
    downed weapon was flying at."""
    iso3 = mention.entry.country
    if iso3 is None or mention.entry.code == iso3:
        return mention
    return Mention(mention.start, mention.end,
                   ActorEntry(country_names().get(iso3, iso3), iso3, iso3, "state"))


def _intercepted(s: Sentence, trigger: Hit, roles: Roles) -> Roles:
    """"Russia's air defences shot down 37 Ukrainian drones": the attack is the drones'
    (UKRMIL), on the country that downed them (RUS); the weapon's owner is the mention
    ending at the weapon word after the verb, the defender the verb's subject."""
    weapon = next((h for h in s.hits if h.cat == "aerial" and h.start >= trigger.end
                   and words_between(s.text, trigger.end, h.start) <= _DOWNED_WITHIN), None)
    if weapon is None:
        return roles  # "destroyed a radar": not an interception
    attacker = next((m for m in s.mentions if trigger.end <= m.start <= weapon.start
                     and m.end >= weapon.start), None) or next(
        (as_country(m) for m in s.mentions if m.start > weapon.end and _origin(s, m)
         and words_between(s.text, weapon.end, m.start) <= _DOWNED_WITHIN), None)
    defender = roles.actor or (roles.claimed_by if roles.claimed_by is not None
                               and _self_report(s, roles.claimed_by) else None)
    if defender is None:
        return Roles(attacker, roles.target if attacker is None else None, roles.claimed_by)
    claimed = roles.claimed_by if roles.claimed_by is not defender else None
    return Roles(attacker, as_country(defender), claimed)


# an acceptance verb and the proposal it takes: at most this many words apart
_ACCEPTED_WITHIN = 5


def _accepted(s: Sentence, trigger: Hit, roles: Roles) -> Roles:
    """ "Hamas said it had accepted an Egyptian proposal", "ready to accept a ceasefire
    proposed by Washington": accepting a proposal is the accepter's own offer (the golden
    table's convention), made to the proposal's author."""
    accept = None
    for hit in s.hits:
        if hit.start >= trigger.start:
            break
        # "would consider a ceasefire proposed by Qatar": a readiness word of its own
        if hit.cat in ("accept", "propose") and words_between(s.text, hit.end, trigger.start) <= (
                _ACCEPTED_WITHIN):
            accept = hit
    if accept is None:
        return roles
    accepter = _assign(s, accept, True, False).actor
    if accepter is None or accepter is roles.actor or (
            accepter.entry.country == roles.actor.entry.country
            and accepter.entry.code == roles.actor.entry.code):
        return roles
    return Roles(accepter, roles.actor, None if roles.claimed_by is accepter
                 else roles.claimed_by)


def assign(s: Sentence, trigger: Hit, speech_act: bool, symmetric: bool = False) -> Roles:
    """Actor, target and claimant for `trigger`; `speech_act` if saying it is doing it,
    `symmetric` if two parties do it together (see `parties`)."""
    if not s.mentions:
        return _NO_ROLES  # nobody named (most event sentences of a wire): nothing to read
    roles = _assign(s, trigger, speech_act, symmetric)
    if speech_act and trigger.cat == "propose" and roles.actor is not None:
        roles = _accepted(s, trigger, roles)
    if speech_act and trigger.cat == "reject" and roles.actor is not None:
        roles = _rejected_author(s, trigger, roles)
    if not speech_act and (trigger.cat == "intercept" or any(
            h.cat == "intercept" and h.start == trigger.start for h in s.hits)):
        return _intercepted(s, trigger, roles)
    if not speech_act:
        downed = _downing(s, trigger)
        if downed is not None:
            return _intercepted(s, downed, _assign(s, downed, speech_act, symmetric))
    return roles


def _downing(s: Sentence, trigger: Hit) -> Hit | None:
    """ "intercepted a missile launched from Yemen": the act's word is a participle right
    after a weapon that an interception verb took; that verb is the one whose roles count."""
    weapon = next((h for h in reversed(s.hits) if h.cat == "aerial" and h.end <= trigger.start
                   and words_between(s.text, h.end, trigger.start) == 0), None)
    if weapon is None:
        return None
    return next((h for h in reversed(s.hits) if h.cat == "intercept" and h.end <= weapon.start
                 and words_between(s.text, h.end, weapon.start) <= _DOWNED_WITHIN), None)


def _origin(s: Sentence, mention: Mention) -> bool:
    """ "launched from Yemen", "fired from southern Lebanon": where the weapon came from."""
    words = s.words or default_words()
    return bool(words.origin_preps) and _governing(s, mention, words) in words.origin_preps


# "spurned its offer", "rejected their proposal": the rejected thing's owner is a pronoun
_OWN_OBJECT = re.compile(r"\w*\s+(?:its|their)\b", re.IGNORECASE)
# a rejection and the author named after it ("rejected a call by Myanmar's military"):
# at most this many words apart, in one clause
_AUTHOR_WITHIN = 6


def _rejected_author(s: Sentence, trigger: Hit, roles: Roles) -> Roles:
    """A rejection's target is the author of what is rejected (the golden table's
    convention), which the verb's object names in three shapes the plain reading misses:
    "rejected a call by X to ..." (an agent after the verb), "X's proposal ... was rejected
    by Y" (the passive's subject) and "Y said X had spurned its offer" (the pronoun is the
    main clause's subject, the proposer)."""
    actor = roles.actor
    if actor.start >= trigger.end:  # "was rejected by the RSF": the subject's owner
        if roles.target is None:
            subject = next((m for m in s.mentions if m.end <= trigger.start
                            and m is not roles.claimed_by and _role(s, m) == "subject"
                            and not broker(s, m)), None)
            if subject is not None:
                return Roles(actor, subject, roles.claimed_by)
        return roles
    author = next((m for m in s.mentions if m.start >= trigger.end and m is not actor
                   and _role(s, m) == "agent"
                   and words_between(s.text, trigger.end, m.start) <= _AUTHOR_WITHIN
                   and not any(c in s.text[trigger.end : m.start] for c in ",;:")), None)
    if author is not None and (roles.target is None or roles.target.start > author.start):
        return Roles(actor, author, roles.claimed_by)
    if roles.target is None and _OWN_OBJECT.match(s.text, trigger.end):
        # "Pakistan's foreign office said New Delhi had spurned its offer": the main
        # clause's subject, named before the rejecter
        subject = next((m for m in s.mentions if m.end <= actor.start
                        and actor.entry.code != m.entry.code
                        and _role(s, m) == "subject"), None)
        if subject is not None:
            return Roles(actor, subject, roles.claimed_by)
    return roles


_PASSIVE_BEFORE = re.compile(r"\b(?:was|were|been|being|is|are)\s+$", re.IGNORECASE)
# the cue categories of an attack's noun ("an RSF assault", "a Russian missile strike")
_ATTACK_NOUNS = frozenset({"attack", "aerial", "airstrike", "bombing", "artillery",
                           "small_arms"})


def _attributive(s: Sentence, mention: Mention) -> bool:
    """The mention modifies an attack's noun right after it ("an RSF assault")."""
    for hit in s.hits:
        if hit.start < mention.end:
            continue
        return (hit.cat in _ATTACK_NOUNS and hit.start - mention.end <= 2
                and not s.text[mention.end : hit.start].strip(" -"))
    return False


def _participle(s: Sentence, trigger: Hit) -> bool:
    """The trigger's word is a participle ("was proposed", "were rejected"), not an adjective
    or a phrase after "was" ("was ready to respond to any misadventure by Pakistan")."""
    word = _WORD_AT.match(s.text, trigger.start)
    return word is not None and word.group().lower().endswith(("ed", "en"))


def _assign(s: Sentence, trigger: Hit, speech_act: bool, symmetric: bool) -> Roles:
    said_by = speaker(s)
    # a speech act's "between" pair is what it is about ("demanded a ceasefire between Israel
    # and Iran"), not who says it
    pair = (parties(s, trigger, said_by, symmetric)
            if len(s.mentions) > 1 and (symmetric or not speech_act) else None)
    if pair is not None:
        return Roles(pair[0], pair[1], said_by)
    actor: Mention | None = None
    target: Mention | None = None
    claimed: Mention | None = None
    # "Sudan's army, which has been at war with the RSF since 2023, dismissed ...": a party
    # inside a relative aside is not the verb's subject
    asides = [m.span() for m in ASIDE.finditer(s.text, s.start, trigger.start)]
    before = [m for m in s.mentions if m.end <= trigger.start
              and not any(a <= m.start < b for a, b in asides)]
    after = [m for m in s.mentions if m.start >= trigger.end]

    # "rejected by Hamas": the passive agent follows its verb closely; "respond to any
    # misadventure by Pakistan" names the agent of something else
    by_agent = [m for m in after if _role(s, m) == "agent"
                and words_between(s.text, trigger.end, m.start) <= 3]
    if not by_agent and (not speech_act or _participle(s, trigger)) and _PASSIVE_BEFORE.search(
            s.text, max(s.start, trigger.start - 12), trigger.start):
        # "were destroyed on the ground at the airfield by Ukrainian drones", "was proposed to
        # both sides by Turkish mediators": a passive verb's agent anywhere in its clause
        by_agent = [m for m in after if _role(s, m) == "agent"
                    and not any(c in s.text[trigger.end : m.start] for c in ",;:")][:1]
    # "Ukrainian artillery destroyed ...": the act's word inside a party's name
    inside = None if speech_act else next(
        (m for m in s.mentions if m.start <= trigger.start and trigger.end <= m.end), None)
    ends = _accused_ends(s)
    accused = [m for m in before if _accused(ends, m)] if ends else []
    owned_by = owner(s, trigger)
    # ", dismissing the proposal": a participle after a comma takes the main clause's subject
    word = _WORD_AT.match(s.text, trigger.start)
    trailing = (word is not None and word.group().lower().endswith("ing")
                and s.text[max(s.start, trigger.start - 3) : trigger.start].rstrip().endswith(","))
    main_subject = said_by or next((m for m in before if _role(s, m) == "subject"), None)
    # "a cyberattack that Polish officials blamed on Russian military intelligence": the party
    # blamed in a clause right after the act's noun is its author, the blamer its claimant
    blamed = None if speech_act or by_agent else blamed_party(s, trigger.end, s.end)
    if by_agent:
        actor = by_agent[0]
    elif blamed is not None:
        actor = blamed
        claimed = next((m for m in after if m.end <= blamed.start), None)
    elif owned_by is not None:
        actor = owned_by
    elif trailing and speech_act and main_subject is not None:
        actor = main_subject
    elif inside is not None:
        actor = inside
    elif accused and not speech_act:
        actor = accused[-1]
        claimed = next((m for m in before if m.end <= actor.start and not _accused(ends, m)),
                       None)
    else:
        for mention in reversed(before):
            role = _role(s, mention)
            if role in {"target", "partner"}:
                continue
            if not speech_act and _subordinate_subject(s, mention, trigger):
                break  # "Thailand halted talks after a clash wounded five soldiers"
            between = s.text[mention.end : trigger.start]
            passive = _PASSIVE.search(between) or _BY_AFTER.match(s.text, trigger.end)
            if passive and not speech_act:
                target = target or mention
                continue
            if mention is said_by and not speech_act and not _self_report(s, mention):
                claimed = mention
                break
            actor = mention
            break
    if actor is None and not speech_act:
        # "killed in an RSF assault", "wounded in a Russian missile strike": a party right
        # before the attack's noun is its author
        actor = next((m for m in after if _attributive(s, m)), None)
    if actor is None and speech_act and said_by is not None and not (
            symmetric and not _self_report(s, said_by)):
        # "talks broke down, Qatar's prime minister said": the speaker of a report on talks
        # is no party to them unless it speaks of itself ("said it had walked out")
        actor = said_by
    if actor is None and speech_act:
        # headline order, "Peace talks stall as Putin dismisses truce": the first named
        # party after the verb is its subject when no preposition governs it
        actor = next((m for m in after if _role(s, m) == "subject" and m is not said_by), None)
    if claimed is None and said_by is not None and said_by is not actor:
        claimed = said_by
    if target is None:
        target = next(
            (m for m in after if m is not actor and m is not claimed and _role(s, m) != "agent"
             and not (speech_act and (party_excluded(s, m) or _same_side(actor, m)))
             and (speech_act or not _origin(s, m))
             and not _border(s, m)),
            None,
        )
        if target is not None and not speech_act and _held_place(s, target):
            # "struck Nyala, the RSF's stronghold": a place the party holds, not the party
            target = as_country(target)
        elif target is not None and not speech_act and _attribution(s, trigger, target):
            # "..., the Houthi-run Al Masirah TV said", "France's rail operator said": the
            # source's owner is no party to the act, only a sign of where it was
            target = as_country(target)
    if target is None:
        target = next(
            (m for m in before if _role(s, m) in {"target", "partner"} and m is not actor), None
        )
    if target is None and blamed is not None and claimed is not None:
        # "a cyberattack that Polish officials blamed on Russia disrupted water supply": the
        # blamer's country is where the act was (as a closing attribution's is)
        target = as_country(claimed)
    if target is None and speech_act:
        # "If the RSF breaches the truce, the army will respond": the party a speech act is
        # conditioned on is the one it is aimed at
        words = s.words or default_words()
        if words.conditional_roles:
            target = next((m for m in before if m is not actor and m is not claimed
                           and _governing(s, m, words) in words.conditional_roles), None)
    return Roles(actor, target, claimed)


_NEXT_WORD = re.compile(r"['’]s\s+(?:main\s+|last\s+|key\s+)?([\w-]+)")


def _held_place(s: Sentence, mention: Mention) -> bool:
    """The mention owns a place noun after it ("the RSF's stronghold", "Hamas's southern
    city" is not one: the head must follow the possessive closely)."""
    words = s.words or default_words()
    if not words.held_places:
        return False
    match = _NEXT_WORD.match(s.text, mention.end)
    return match is not None and match.group(1).lower() in words.held_places


_NEXT_TOKEN = re.compile(r"\s+([\w-]+)")


def _border(s: Sentence, mention: Mention) -> bool:
    """A demonym or country right before a border noun ("near the Belarusian border"): the
    country's edge, where the act was, not the party it was done to."""
    words = s.words or default_words()
    if not words.border_nouns:
        return False
    match = _NEXT_TOKEN.match(s.text, mention.end)
    return match is not None and match.group(1).lower() in words.border_nouns


_ATTRIBUTION_WITHIN = 6


def _attribution(s: Sentence, trigger: Hit, mention: Mention) -> bool:
    """The mention is in the closing attribution, past a comma after the act, in a name that
    runs on to the report verb ending the sentence ("..., the Houthi-run Al Masirah TV
    said."): the source's name, not a party to the act."""
    comma = s.text.rfind(",", trigger.end, mention.start)
    if comma < 0:
        return False
    for hit in s.hits:
        if hit.cat != "report" or hit.start < mention.end:
            continue
        gap = s.text[mention.end : hit.start]
        return (not any(c in gap for c in ",;:")
                and words_between(s.text, mention.end, hit.start) <= _ATTRIBUTION_WITHIN
                and not s.text[hit.end : s.end].strip(" .\"'’”"))
    return False


# a subordinator and the article of the clause's own subject: "after a clash wounded"
_SUBORDINATE = re.compile(r"\b(?:after|when|while|before|since|until|as)\s+(?:a|an|the)\b",
                          re.IGNORECASE)


def _subordinate_subject(s: Sentence, mention: Mention, trigger: Hit) -> bool:
    """The trigger is the finite verb of a clause opened by a subordinator after the mention,
    with a subject of its own between them ("Thailand halted talks after a clash wounded five
    soldiers": the clash wounded them, not Thailand), or the noun of such a phrase ("a fire
    broke out at a Russian depot after a drone attack"); a participle ("..., killing five")
    takes the main clause's subject."""
    opener = _SUBORDINATE.search(s.text, mention.end, trigger.start)
    if opener is None or (s.words or default_words()).settings.code != "en":
        return False
    word = _WORD_AT.match(s.text, trigger.start)
    if word is None or word.group().lower().endswith("ing"):
        return False
    # "after a clash wounded": the clause's own subject; "after a drone attack": the act is
    # itself the clause's noun
    return len(_TOKEN.findall(s.text, opener.end(), trigger.start)) <= 3



def party_excluded(s: Sentence, mention: Mention) -> bool:
    """A mention named as a place ("talks in Doha", "a truce in Ukraine") or as a broker
    ("US-brokered talks"): no party to a political act."""
    words = s.words or default_words()
    return _governing(s, mention, words) in words.place_only_preps or broker(
        s, mention)


def accusation_roles(s: Sentence, cue: Hit) -> Roles:
    """Accuser and accused: "X accuses Y of terrorism", "X claimed that Y is a terrorist ..."."""
    said_by = speaker(s)
    ends = _accused_ends(s)
    accused = [m for m in s.mentions if _accused(ends, m)]
    before = [m for m in s.mentions if m.end <= cue.start and not _accused(ends, m)]
    # "The ELN was labelled a terrorist organisation by Colombia's defence minister": the
    # passive's agent accuses the subject
    passive = said_by is None and _PASSIVE_BEFORE.search(
        s.text, max(s.start, cue.start - 12), cue.start) is not None
    by_agent = None if not passive else next(
        (m for m in s.mentions if m.start >= cue.end and _role(s, m) == "agent"), None)
    if by_agent is not None and before:
        return Roles(by_agent, before[0] if _other_side(by_agent, before[0]) else None, None)
    accuser = said_by or (before[0] if before else None)
    if accuser is None:
        return Roles(None, accused[0] if accused else None, None)
    target = next((m for m in accused if m is not accuser), None)
    if target is None:
        target = next(
            (m for m in s.mentions if m.start >= accuser.end and _other_side(accuser, m)),
            None,
        )
    return Roles(accuser, target, None)


def _same_side(actor: Mention | None, other: Mention) -> bool:
    """The other mention is the actor's own side ("Ukraine's delegation walked out ...; Kyiv
    said"): never the target of its political act (the other side of a civil war is)."""
    return (actor is not None and actor.entry.country is not None
            and other.entry.country == actor.entry.country
            and _rebel_code(actor) == _rebel_code(other))


def _rebel_code(mention: Mention) -> bool:
    return bool(mention.entry.code and mention.entry.code.endswith("REB"))


def _other_side(one: Mention, other: Mention) -> bool:
    """Another country's party, or the other side of a civil war ("Ethiopia's government
    described Fano fighters as terrorists": ETHGOV, ETHREB)."""
    if other.entry.country is None:
        return False
    return other.entry.country != one.entry.country or _rebel_code(one) != _rebel_code(other)


def quotation_roles(s: Sentence, cue: Hit) -> Roles:
    """The words of a quotation whose speaker is named only where it closes ("«Киевский режим
    совершил теракт. ...», - заявил губернатор"): no accuser in them (a party they name is
    never the speaker), and the accused is the party named after the cue, else before it."""
    after = [m for m in s.mentions if m.start >= cue.end]
    before = [m for m in s.mentions if m.end <= cue.start]
    accused = after[0] if after else (before[-1] if before else None)
    return Roles(None, accused, None)
