"""The article coder: scan once, run the rules on candidate sentences, then resolve across
the article (pronouns, unattributed attacks, the dyad's other side, shared dates and places)
and merge restatements of one event into one record."""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_left, bisect_right, insort
from collections import Counter
from collections.abc import Iterable
from copy import copy
from dataclasses import dataclass, field, replace
from datetime import UTC, date, timedelta
from heapq import heappop, heappush, nsmallest
from operator import itemgetter
from typing import TYPE_CHECKING, NamedTuple

from schemas import Actor, Event, Evidence, Figure, Location, NormalizedArticle
from streams.classify import actors as actor_dict
from streams.classify.dates import DateMention, find_dates
from streams.classify.engine import code_sentence
from streams.classify.lexicon import Hit
from streams.classify.predicates import (
    DISMISSED_LOOK_BACK,
    POSSESSIVE,
    _aggregate,
    asset_end,
    dismissed_before,
    disputed_site,
    shoots_next,
)
from streams.classify.roles import (
    Roles,
    Sentence,
    as_country,
    blame_clause,
    party_excluded,
    prev_word,
)
from streams.classify.rules import Draft, _View
from streams.classify.scope import ASIDE, HEDGE, NEGATION, Scope, words_between
from streams.classify.trusted import trusted as _trusted
from streams.classify.version import CODER_VERSION
from streams.classify.words import Words, default_words

if TYPE_CHECKING:
    from streams.classify.loader import Coder
    from streams.classify.taxonomy import Taxonomy

__all__ = ["CODER_VERSION", "code_events", "event_id"]
_FIELDS = ("headline", "caption", "body")
_ATTACKS = frozenset({"attack.infrastructure", "attack.aerial", "attack.military_target"})
_VIOLENT = _ATTACKS | {"casualties.reported"}
# Every word the checks below read is the language's (data/article.yaml and each language
# folder's article.yaml, read into `Words`); the patterns are built from those lists once per
# coder (`Words.pattern`), and only their structure (punctuation, clause breaks, digits) is here.


def _the_claim(w: Words) -> re.Pattern[str]:
    """ "the claim", "these videos": a claim named by a determiner."""
    return w.pattern("article:the_claim", lambda w: rf"\b{w.alt('claim_determiners')}\s+"
                     rf"{w.alt('claim_nouns')}\b")


def _explicit_refutation(w: Words) -> re.Pattern[str]:
    """ "the blasts were a controlled detonation", "there was no shelling": the text's own
    account (matched at a `refuted` cue)."""
    return w.pattern("article:refutation", lambda w: rf"{w.alt('refutation_openers')}\b")


def _copula(w: Words) -> re.Pattern[str]:
    """ "the claim was false" refutes; "rejected the allegation as baseless" is only a
    denial (matched at a `refuted` cue)."""
    return w.pattern("article:copula", lambda w: rf"{w.alt('refutation_copulas')}\b")


# an event the article dates this long before its own publication is background
_PROPOSED = "ceasefire.proposed"
_REJECTED = "ceasefire.rejected"
_INFRA_ATTACK = "attack.infrastructure"
_STALE_DAYS = 8  # beyond any weekday reference ("on Friday" is at most 6 days back)
_WEEK = 7  # a calendar date this far back, below the lede, is an earlier act's
_RECAP_DAYS = 2  # a day opening a sentence this far back, below the lede, recaps
_SCHEDULED = frozenset({"negotiation.held", "ceasefire.agreed"})
# a truce that took effect or was signed on a calendar day a week or more back ("вступило в
# силу 10 октября", read in December) is the background of today's news, as violence is
_ACCORDS = frozenset({"ceasefire.agreed"})
_TALKS = frozenset({"negotiation.held", "negotiation.stalled"})
# (with the Arabic comma and semicolon)
_CLAUSE_BREAK = re.compile(r"[,;:—–،؛]|\s-\s")


def _past_year_re(w: Words) -> re.Pattern[str]:
    """ "in January 2023", "of the 1982 war": a year the sentence is set in (not "the 2024
    truce"); a capitalized word or a month may stand between the preposition and the year."""
    return w.pattern("article:past_year", lambda w: (
        rf"\b{w.alt('year_preps')}\s+(?:{w.alt('year_determiners')}\s+)?"
        rf"(?:{w.alt('period_parts')}[\s-]+)?"
        rf"(?:(?:(?-i:[A-Z][a-z]+)|{w.month_alt()})\s+)?((?:19|20)\d\d)s?\b"
        rf"(?!\s+{w.alt('year_named')})"))


_PAST_MONTHS = 2


def _past_month_re(w: Words) -> re.Pattern[str]:
    """ "collapsed in March", "agreed at the end of July": a month the sentence is set in (its
    group 1; not "the November ceasefire", which names the truce, nor "March 3", a day)."""
    return w.pattern("article:past_month", lambda w: (
        # "el cese al fuego pactado en febrero": the month dates the accord (one fixed-width
        # look-behind per word of `month_not_after`)
        "".join(rf"(?<!{re.escape(word)} )" for word in w.phrases["month_not_after"]) +
        rf"\b(?:{w.alt('month_preps')}|{w.alt('period_parts')}[\s-]+)"
        rf"\s*(?:{w.alt('period_parts')}[\s-]+)?"
        rf"({w.month_alt()})\b(?!\s+\d)"
        rf"(?!\s+{w.alt('month_named')})"))


def _month(w: Words, m: re.Match[str]) -> int:
    """The month number of a `_past_month_re` match."""
    return w.months[m.group(1).lower()]
# a year that old is history whatever it modifies ("the 1953 agreement was signed after ...")
_OLD_YEARS = 5
_ANY_YEAR = re.compile(r"\b((?:19|20)\d\d)\b")


_SAID_ON_REACH = 40  # characters before a day: "said in its monthly update on"


def _said_on(w: Words) -> re.Pattern[str]:
    """ "the U.N. said on": a day right after this dates the statement, not the events."""
    return w.pattern("article:said_on", lambda w: (
        rf"\b(?:{w.alt('statement_verbs')}|{w.alt('statement_object_verbs')}\s+\w+|"
        rf"{w.alt('statement_frames')})\s+(?:{w.alt('day_qualifiers')}\s+)?"
        rf"(?:{w.alt('day_preps')}\s+)?$"))


def _named_day(w: Words) -> re.Pattern[str]:
    """ "Palm Sunday", "Good Friday": a named day (capitalized), not a recent weekday."""
    return w.pattern("article:named_day",
                     lambda w: rf"\b{w.alt('named_day_words', capitalized=True)}\s+$", 0)


@dataclass
class _Coded:
    """A draft placed in its article: field, sentence span and what was read around it."""

    draft: Draft
    field: str
    start: int
    end: int
    text: str
    order: int
    actor: Actor | None
    target: Actor | None
    claimed_by: Actor | None
    locations: list[Location]
    when: DateMention | None
    figures: list[Figure] = field(default_factory=list)
    soft_hedge: bool = False
    merged: int = 0
    # a proposal its own clause dates to last week or earlier ("the army last week offered a
    # truce"): in an article that codes a rejection, the object of that rejection
    dated_offer: bool = False
    # the sentence's act hit a military asset and nothing else: the air strike and the toll
    # of that act are on the armed forces too ("drones struck the air base" -> RUSMIL)
    military: bool = False
    # a political act's countries its sentence names only as a place ("a truce in Ukraine"):
    # never its addressee, whatever the article's dyad
    places_only: frozenset[str] = frozenset()
    # a toll a party claims for its own act ("al Shabaab said its fighters had killed
    # dozens"): set aside where the article has a toll from anyone else
    self_claimed: bool = False
    # where the article first tells the event, in any restatement merged into this one: 0
    # in the headline or caption, else the body offset of the earliest sentence
    first_told: int = 0


class _Pending(NamedTuple):
    """A sentence whose rules run once the whole article has been read (`code_events`)."""

    field: str
    sentence: Sentence
    cats: set[str]
    order: int
    refutes_previous: bool = False


@dataclass
class _Article:
    coder: Coder
    noted_cats: frozenset[str]  # the categories `_code_field` looks at
    rule_cats: frozenset[str]  # the categories that send a sentence to `_code_rules`
    coded: list[_Coded] = field(default_factory=list)
    pending: list[_Pending] = field(default_factory=list)
    countries: Counter[str] = field(default_factory=Counter)
    conflict: bool = False
    nonconflict: bool = False
    order: int = 0
    truce: bool = False
    last_person: actor_dict.ActorEntry | None = None
    # the country of the first armed group named (the RSF: SDN): while every party named is
    # of that country, "the army" is its state's armed forces (`_with_bare_state`); "" once
    # another country is named
    home_war: str | None = None
    # the armed group named last ("the group" in a later sentence: `_with_group_anaphor`)
    last_group: actor_dict.ActorEntry | None = None
    # the other party named beside the last person ("them": `_with_pronouns`)
    last_other: actor_dict.ActorEntry | None = None
    # a party that claimed responsibility and the sentence it did so in (`_with_claimant`),
    # and the pronoun standing for it as the next sentence's speaker
    claimant: tuple[actor_dict.ActorEntry, int] | None = None
    # the weapon the sentence just read names, for a pronoun opening the next one
    weapon: _Weapon | None = None
    # (field, order) of a sentence whose pronoun is the weapon -> the weapon's sentence's
    # span, where the act took place when its own sentence names no place
    weapon_places: dict[tuple[str, int], tuple[int, int]] = field(default_factory=dict)
    claim_speakers: list[tuple[str, actor_dict.Mention]] = field(default_factory=list)
    # (field, order of the sentence) -> the party that claims an act in it ("the Houthis
    # claimed the attack"; `_with_claimant`), and whether the act claimed is one already
    # named ("the attack", "responsibility for the blast": the sentence before's)
    claims: dict[tuple[str, int], tuple[actor_dict.Mention, bool]] = field(default_factory=dict)
    # parties blamed by a pronoun's sentence for the act just before it (`_note_blame`):
    # (field, order of the blaming sentence, the party blamed)
    blames: list[tuple[str, int, actor_dict.Mention]] = field(default_factory=list)
    # the article says the blast or fire was an accident ("negligence", "ruled out an attack")
    accident: bool = False
    # the article refutes a claim somewhere ("reports ... were false", "there was no attack")
    refutes: bool = False
    # what the lead (headline, first body sentence) says the article is about: an exercise
    # ("staged") or history (an anniversary, a trial for an old attack)
    body_lead: int = -1
    ref: date = date.min  # the publication day events are dated against
    lead_day: date | None = None  # the day the lede dates its violence to
    lede_old_act: bool = False  # the body's lede dates all its violence before the story
    lede_talks: bool = False  # the headline or the lede names talks
    # (field, order) of the last sentence whose violence was told as of an earlier time:
    # "Iran retaliated with ..." right after it answers in that time (`_answers_earlier`)
    old_violence: tuple[str, int] | None = None
    staged: bool = False
    history: bool = False
    # led by an obituary ("..., Darfur rebel commander who led a raid on Khartoum, dies at 71"):
    # its lede's violence is the life's history too
    obituary: bool = False
    # an opinion piece ("OPINION: A ceasefire without guarantees ...", "Editorial: ..."): the
    # attacks and tolls it argues from are the record, not its news
    opinion: bool = False
    # the lede retells an earlier day's act ("bury recruits killed in Tuesday's bombing", read
    # on Wednesday): its revised tolls below ("raising the number of dead to 17") are that
    # act's, not today's news
    retold: bool = False
    # the lead sets its story years back ("Eleven years ago ...", "fought there in 2023") and
    # codes no violence of its own: a retrospective interview or an anniversary
    years_back: bool = False
    month_report: bool = False  # led by an earlier month's toll (`_lead_month_tally`)
    # military asset classes whose claimed hit the article disputes ("said it destroyed a
    # command post, while officials said the missile hit a school"): the same claim
    # restated elsewhere in the article is not a military target either
    disputed: set[str] = field(default_factory=set)
    # the paragraphs a timeline heading dates to an earlier year ("Апрель 2023 года.",
    # "August 2024."): (field, start, end) of the text each heading governs
    dated_paragraphs: list[tuple[str, int, int]] = field(default_factory=list)


def code_events(article: NormalizedArticle, coder: Coder | None = None) -> list[Event]:
    """Every event the article states, one record per event, in reading order, as `coder`
    reads them (default: the process-wide default coder)."""
    if coder is None:
        from streams.classify.loader import default_coder

        coder = default_coder()
    ref = _reference_day(article, coder)
    candidates = coder.rules.candidates
    state = _Article(coder, candidates | _NOTED, candidates | _FIGURE_CUES, ref=ref)
    fields: list[tuple[str, str, list[Hit], list[actor_dict.Mention]]] = []
    cats: set[str] = set()
    for name in _FIELDS:
        text = getattr(article, name)
        if text:
            text = text[: read_extent(text)]
            hits = coder.lexicon.scan(text)
            mentions = coder.actors.mentions(hits, text)
            cats.update(map(_category, hits))
            # an armed group named: the article is about conflict
            state.conflict = state.conflict or any(m.entry.kind == "group" for m in mentions)
            fields.append((name, text, hits, mentions))
    # Every hit and mention lies in some sentence (sentences cover all but whitespace and
    # the stop before a line break), so the article-wide flags need no sentence split: an
    # article in another sense (192 of the 400 bench wires) is dropped right after the scan.
    state.conflict = state.conflict or "conflict" in cats
    state.nonconflict = "nonconflict" in cats
    state.truce = "truce" in cats
    if state.nonconflict and not state.conflict:
        return []
    for name, text, hits, mentions in fields:
        _code_field(state, name, text, hits, mentions)
    # The rules, places, dates and figures run only now, in reading order: they change none
    # of the counts above.
    for pending in state.pending:
        _code_rules(state, pending, ref)
    if state.lede_old_act:
        # "Rights group says air strike on market killed 24" over a lede that dates the
        # strike to March: the headline's act is the lede's, an earlier one
        state.coded = [c for c in state.coded
                       if c.field != "headline" or c.draft.type not in _VIOLENT]
    if state.blames:
        _blamed_actors(state)
    if not state.conflict:
        state.coded = [c for c in state.coded if not c.draft.needs_conflict]
    if not state.truce:
        # "the plan was unveiled on Monday": a proposal only when a truce is named somewhere
        state.coded = [c for c in state.coded if not c.draft.needs_truce]
    if "talks" not in cats:
        # "The Russian side then walked out": a walkout only where the article names talks
        state.coded = [c for c in state.coded if not c.draft.needs_talks]
    if any(c.draft.type == _REJECTED for c in state.coded):
        # "The military last week offered a ceasefire ... A: No. We reject it.": the offer
        # of an earlier week is what today's rejection rejects, not a proposal of its own
        state.coded = [c for c in state.coded if not c.dated_offer]
    if state.disputed:
        state.coded = [c for c in state.coded if c.draft.type != "attack.military_target"
                       or not set(c.draft.assets) <= state.disputed]
    dismissed = _dismissed_counts(state, fields) if any(
        c.draft.type == "casualties.reported" for c in state.coded) else set()
    if dismissed:
        # "It dismissed the military's figure of 18 dead attackers as propaganda": that toll,
        # told anywhere in the article, is the disputed claim, set aside
        state.coded = [c for c in state.coded if c.draft.type != "casualties.reported"
                       or c.draft.casualties is None
                       or c.draft.casualties.killed not in dismissed]
    if any(c.draft.type == _INFRA_ATTACK and c.draft.assets == ["airport"]
           for c in state.coded) and _runways_of_base(state, fields):
        state.coded = [c for c in state.coded if c.draft.type != _INFRA_ATTACK
                       or set(c.draft.assets) != {"airport"}]
    if any(c.self_claimed for c in state.coded) and any(
            c.draft.type == "casualties.reported" and not c.self_claimed for c in state.coded):
        # "... three people were wounded, the mission said. Al Shabaab said its fighters had
        # killed dozens": an attacker's claim of its own toll, against anyone else's figure,
        # is the higher claim set aside (the lower figures are taken, as ACLED does)
        state.coded = [c for c in state.coded if not c.self_claimed]
    if not any(c.draft.type in _ATTACKS for c in state.coded):
        # deaths with no violence named anywhere: an accident or a disaster, not an attack
        state.coded = [c for c in state.coded if not c.draft.needs_violence]
    _rough_beside_exact(state)
    _add_attackers(state, {name: text for name, text, _hits, _mentions in fields})
    coded = _merge(_resolve(state))
    lead = coder.taxonomy.lead_chars
    if lead is not None:
        # the days the news is of: publication and every date the lead gives its records
        days = sorted({ref} | {c.when.value for c in coded
                               if c.when is not None and c.first_told < lead})
        coded = [c for c in coded if not _background(c, coder.taxonomy, days)]
    return [_event(article.article_id, article.language, c, coder) for c in coded]


_LEDE_REACH = 2_000  # a timestamp-less wire's lede is looked for in this much of its body
_ARCHIVE_DAYS = 60  # a wire whose lede's dates are all older than this on arrival is a replay


def _reference_day(article: NormalizedArticle, coder: Coder) -> date:
    """The day the article is read as of: its publication's. A wire that carries no date
    (plain text) is read as of its arrival, unless every calendar date its lede gives is
    more than two months (and less than a year) older: then it is an archive's or a replay's,
    read as of the latest of them. An agency writes "Putin on June 4 cast doubt ..." on
    June 4: replayed in December, its "On June 1" strike is still three days before the
    speech, not six months before the reading. Within two months a lede's date may be the
    act's own ("a drone hit a substation on 12 May", read on 4 June), so arrival stands."""
    if article.published_at is not None:
        return article.published_at.astimezone(UTC).date()
    received = article.received_at.astimezone(UTC).date()
    body = article.body or ""
    spans = coder.splitter.split(body[:_LEDE_REACH])
    # the lede: the first sentence of a few words, with the dateline's fragments before it
    lede = next((b for a, b in spans if words_between(body, a, b) >= _LEDE_WORDS), None)
    if lede is None:
        return received
    reader = coder.words.dates
    found = (reader.find(body, 0, lede, received) if reader is not None
             else find_dates(body, 0, lede, received))
    ages = [(received - d.value).days for d in found if d.explicit]
    if ages and all(_ARCHIVE_DAYS < age <= 366 for age in ages):
        return received - timedelta(days=min(ages))
    return received


# How much of one text field the coder reads. Coding costs about 10 µs a character on text
# dense with conflict words (a 1 MB field is 10 s, the worker's whole message budget, while
# every article behind it waits), and the news is in the lead: a field longer than this is
# read up to its last whitespace before it. That is some 15,000 words, twice a long-form
# special report; the longest corpus wire has 6,400 characters.
READ_CHARS = 100_000
_LAST_SPACE = re.compile(r"\s\S*\Z")


def read_extent(text: str) -> int:
    """How many of the field's characters the coder reads: all of them up to `READ_CHARS`,
    else up to its last whitespace before that (no word cut in two; the limit itself when
    there is none)."""
    if len(text) <= READ_CHARS:
        return len(text)
    space = _LAST_SPACE.search(text, 0, READ_CHARS)
    return READ_CHARS if space is None or space.start() == 0 else space.start()


def read_chars(article: NormalizedArticle) -> int | None:
    """`READ_CHARS` when the coder reads some text field of the article only in part (the
    record says so), else None."""
    long = any(len(getattr(article, name) or "") > READ_CHARS for name in _FIELDS)
    return READ_CHARS if long else None


def _background(c: _Coded, taxonomy: Taxonomy, days: list[date]) -> bool:
    """Told below the news: a record of the taxonomy's `lead_only` types (acts, tolls,
    truces, talks) that the article first tells past its body's first `lead_chars`
    characters, undated or dated more than `recent_days` before every day of the news
    (`days`, sorted: publication and the lead's dates). "The war has killed ...", "talks
    held in Jeddah last year" and a market report's "drone attack on the terminal" are
    background; "On Sunday, drones hit four air bases", below Wednesday's talks, is news."""
    if (c.draft.type not in taxonomy.lead_only or taxonomy.lead_chars is None
            or c.first_told < taxonomy.lead_chars):
        return False
    if c.when is None:
        return True
    # a day of the news on the record's day or within `recent_days` after it
    at = bisect_left(days, c.when.value)
    return at == len(days) or (days[at] - c.when.value).days > taxonomy.recent_days


_TOLL = "casualties.reported"
_ATTACKERS_DEAD = frozenset({"attackers", "attackers_rough"})


def _sequel(w: Words, attackers: _Coded) -> bool:
    """ "Iraqi jets later struck a hideout, killing six militants": the attackers' dead of a
    later or another act (the language's `sequel_marks`)."""
    return w.pattern("sequel_marks", lambda w: rf"\b{w.alt('sequel_marks')}\b").search(
        attackers.text) is not None


class _Incidents:
    """The victims' tolls of one field, indexed so that asking whether an attackers' toll
    is of their incident (`of`) costs a bisection and a few lookups, not a pass over every
    victim: two tolls are of one incident in no two different places, and in one
    paragraph ("Four of our soldiers fell with honour ... Seven assailants were killed"), or
    the attackers' in the sentence right after the victims' that opens the next paragraph
    with a word, as agency copy writes a paragraph a sentence ("Seven soldiers were killed
    ... \n Six attackers were also killed"). A roundup's item opens with a mark ("- Niger:",
    "• 14:05"), another incident."""

    def __init__(self, text: str, victims: list[_Coded]) -> None:
        self.text = text
        self.breaks = [m.start() for m in re.finditer("\n", text)]
        # per paragraph and per sentence: (a victim names no place, the places they name)
        self.paragraphs: dict[int, tuple[bool, set[str]]] = {}
        self.sentences: dict[int, tuple[bool, set[str]]] = {}
        for v in victims:
            places = {loc.name for loc in v.locations}
            for index, key in ((self.paragraphs, self._paragraph(v.start)),
                               (self.sentences, v.order)):
                bare, named = index.get(key, (False, set()))
                index[key] = (bare or not places, named | places)

    def _paragraph(self, position: int) -> int:
        return bisect_left(self.breaks, position)

    @staticmethod
    def _placed(found: tuple[bool, set[str]] | None, attackers: _Coded) -> bool:
        """A victim of the group shares a place with the attackers, or one side names none
        ("four soldiers at an army post in Tarmiyah ... six militants in Kirkuk": two)."""
        if found is None:
            return False
        bare, named = found
        return bare or not attackers.locations or any(
            loc.name in named for loc in attackers.locations)

    def of(self, attackers: _Coded) -> bool:
        if self._placed(self.paragraphs.get(self._paragraph(attackers.start)), attackers):
            return True
        text = self.text
        return (attackers.start > 0 and text[attackers.start - 1] == "\n"
                and attackers.text[:1].isalpha() and ":" not in attackers.text[:24]
                and self._placed(self.sentences.get(attackers.order - 1), attackers))


def _rough_beside_exact(state: _Article) -> None:
    """ "Our forces ... killed dozens of the attackers", the army said; "three of its
    fighters had been killed", the group said: a rough count of the attackers' dead
    ("dozens", `rough_figures`) beside another sentence's lower exact count of them is set
    aside, so the lower figure stands (ACLED)."""
    tolls = [c for c in state.coded if c.draft.type == _TOLL and c.draft.casualties is not None
             and c.draft.casualties.killed]
    # each sentence's lowest exact count, and the two lowest of those: another sentence's
    # lower count is then one of two
    exact: dict[int, int] = {}
    for c in tolls:
        if c.draft.dead == "attackers":
            killed = c.draft.casualties.killed or 0
            exact[c.order] = min(exact.get(c.order, killed), killed)
    lowest = nsmallest(2, ((killed, order) for order, killed in exact.items()))
    rough = {id(c) for c in tolls if c.draft.dead == "attackers_rough" and any(
        order != c.order and killed < (c.draft.casualties.killed or 0)
        for killed, order in lowest)}
    if rough:
        state.coded = [c for c in state.coded if id(c) not in rough]


def _add_attackers(state: _Article, texts: dict[str, str]) -> None:
    """The attackers' dead told in a sentence of their own are added to their victims' toll:
    "Seven soldiers embraced shahadat when terrorists attacked a check post ... six
    khwarij were sent to hell" is 13 killed (ACLED counts the attackers' own dead). Only
    where the article counts its dead those two ways (a figure no higher than the victims'
    restates theirs; no sentence already adds the two), of one incident (`_Incidents`),
    and the attackers' sentence names no other incident (the language's `aggregate_marks`:
    "in separate raids") and no later act (`sequel_marks`)."""
    tolls = [c for c in state.coded if c.draft.type == _TOLL and c.draft.casualties is not None
             and c.draft.casualties.killed]
    attackers = [c for c in tolls if c.draft.dead in _ATTACKERS_DEAD]
    others = [c for c in tolls if c.draft.dead not in _ATTACKERS_DEAD]
    victims = [c for c in others if c.draft.dead == "victims"]
    if not attackers or not victims or any(c.draft.dead == "both" for c in others):
        return
    most = max(c.draft.casualties.killed or 0 for c in victims)
    if any((c.draft.casualties.killed or 0) > most for c in others):
        return  # "the death toll rose to 14": a total that may hold the attackers already
    w = state.coder.words
    aggregate = _aggregate(w)
    incidents = {name: _Incidents(texts[name], [
        v for v in victims if v.field == name and v.draft.casualties.killed == most])
        for name in {a.field for a in attackers}}
    added = [a for a in attackers if not aggregate.search(a.text) and not _sequel(w, a)
             and incidents[a.field].of(a)]
    if not added:
        return
    more = max(c.draft.casualties.killed or 0 for c in added)
    for c in others:
        figures = c.draft.casualties
        c.draft.casualties = figures.model_copy(update={"killed": (figures.killed or 0) + more})


def _dismissed_counts(
    state: _Article, fields: list[tuple[str, str, list[Hit], list[actor_dict.Mention]]]
) -> set[int]:
    """The figures a source of the article disputes ("dismissed the military's figure of 18
    dead attackers"; the language's `dismiss_verbs`, `figure_nouns` and `figure_preps`)."""
    w = state.coder.words
    if not w.set("dismiss_verbs") or not w.set("figure_nouns"):
        return set()
    # the figure's noun first (rare in a wire), then the predicate `dismissed_figure`'s own
    # test before the number: one search of the whole text for a short alternation
    figure = w.pattern("article:figure_of", lambda w: (
        rf"\b{w.alt('figure_nouns')}\s+{w.alt('figure_preps')}\s+"
        rf"(?:{w.alt('figure_qualifiers')}\s+)?"))
    disputed = dismissed_before(w)
    found: set[int] = set()
    # a plain substring test first ("figure of", "toll of"): most wires name neither
    marks = [f"{noun} {prep}" for noun in w.set("figure_nouns") for prep in w.set("figure_preps")]
    for _name, text, _hits, _mentions in fields:
        lowered = text.lower()
        if not any(mark in lowered for mark in marks):
            continue
        for match in figure.finditer(text):
            number = w.figures.number_re.match(text, match.end())
            if number is None or disputed.search(
                    text, max(0, number.start() - DISMISSED_LOOK_BACK), number.start()) is None:
                continue
            value = w.figures.number_value(number)
            if value is not None:
                found.add(value)
    return found


def _runways_of_base(
    state: _Article, fields: list[tuple[str, str, list[Hit], list[actor_dict.Mention]]]
) -> bool:
    """ "Drones hit the Belbek air base ... a video showing a fire on the edge of the
    runway": where the article names an air base and its only airport words are an
    airfield's parts (the language's `airfield_parts`), those parts are the base's, not a
    civilian airport."""
    parts = state.coder.words.phrases.get("airfield_parts")
    if not parts:
        return False
    base = runway = False
    for _name, text, hits, _mentions in fields:
        for h in hits:
            if h.cat == "mil:airbase":
                base = True
            elif h.cat == "infra:airport":
                if text[h.start : h.end].lower() not in parts:
                    return False  # an airport itself is named
                runway = True
    return base and runway


# The categories `_read_sentence` reads, besides the rule book's candidates: a sentence with
# none of these (most sentences only say who said what) changes nothing but the sentence
# count, unless a pronoun may refer back
_NOTED = frozenset({"damage", "attack", "actor", "refuted", "accident_cause"})
_category = itemgetter(2)  # Hit.cat, read at C speed
_FIGURE_CUES = frozenset({"damage", "attack"})  # figures after an attack belong to it


def _code_field(
    state: _Article, name: str, text: str, hits: list[Hit], mentions: list[actor_dict.Mention]
) -> None:
    noted_cats = state.noted_cats
    noted = [h.start for h in hits if h.cat in noted_cats]
    spans = state.coder.splitter.split(text)
    words = state.coder.words
    if any(end - start >= 2 * _MAX_WORDS for start, end in spans):
        spans = _bounded(text, spans, words.set("chunk_connectives"))
    if spans and name in ("headline", "body"):
        lead_start, lead_end = spans[0] if name == "body" else (spans[0][0], spans[-1][1])
        # the lede names talks (its next sentence too, and past a dateline's fragments:
        # "КИЇВ. 26 липня. /Укрінформ/. Україна призупиняє участь у переговорах")
        talks_end = lead_end
        if name == "body":
            first = next((k for k, (a, b) in enumerate(spans)
                          if words_between(text, a, b) >= _LEDE_WORDS), 0)
            talks_end = spans[min(first + 1, len(spans) - 1)][1]
        state.lede_talks = state.lede_talks or any(
            h.cat in _TALKS_CUES for h in hits[bisect_left(hits, (lead_start,)) :
                                                bisect_left(hits, (talks_end,))])
        state.body_lead = lead_start if name == "body" else state.body_lead
        _read_lead(state, text, lead_start, lead_end,
                   hits[bisect_left(hits, (lead_start,)) : bisect_left(hits, (lead_end,))])
        if name == "body" and len(spans) > 1 and _title_line(text, spans[0], spans[1]):
            # a wire without a headline field whose body opens with its title line: the
            # sentence after the title is the lede that dates the story
            start2, end2 = spans[1]
            if _lead_years_back(words, text, start2, end2, hits[
                    bisect_left(hits, (start2,)) : bisect_left(hits, (end2,))], state.ref):
                state.years_back = True
    _note_timeline(state, name, text, spans)
    first = state.order + 1
    k, size = 0, len(noted)
    for index, (start, end) in enumerate(spans):
        while k < size and noted[k] < start:
            k += 1
        if state.last_person is None and (k == size or noted[k] >= end):
            if k == size:
                break  # nothing left to code, and no person named for a pronoun
            continue  # no cue, actor or pronoun to count or code
        state.order = first + index
        # hits and mentions are tuples that start with their offset: (start,) sorts first
        sent_hits = hits[bisect_left(hits, (start,)) : bisect_left(hits, (end,))]
        sent_mentions = mentions[bisect_left(mentions, (start,)) : bisect_left(mentions, (end,))]
        _read_sentence(state, name, Sentence(text, start, end, sent_hits, sent_mentions, words))
    state.order = first - 1 + len(spans)


# a timeline's heading: a sentence that is only a date with a year ("Апрель 2023 года.",
# "Весна 2025 года.", "August 2024.", "2023:"), at most two words besides the year
_TIMELINE_HEADING = re.compile(
    r"\W*(?:[^\W\d]+\s+){0,2}((?:19|20)\d\d)(?:\s+[^\W\d]+\.?)?\W*")
_HEADING_CHARS = 40  # no heading is longer: most sentences are not looked at twice


def _note_timeline(state: _Article, name: str, text: str, spans: list[tuple[int, int]]) -> None:
    """A chronology ("Тысяча дней войны: хроника") dates each paragraph by the heading that
    opens it ("Август 2024 года. США собирают переговоры ..."): what a paragraph under a
    heading of an earlier year tells in the historical present is that year's history, not
    news. Each such paragraph, to its line break, is noted for `_code_rules`."""
    for start, end in spans:
        if end - start > _HEADING_CHARS:
            continue
        heading = _TIMELINE_HEADING.fullmatch(text, start, end)
        if heading is None or int(heading.group(1)) >= state.ref.year:
            continue
        stop = text.find("\n", end)
        state.dated_paragraphs.append((name, end, len(text) if stop < 0 else stop))


# The rules pair cues within a sentence, so their cost grows with the square (or worse) of
# a sentence's length. No sentence a wire writes comes near this many words (the longest of
# the 3,180 corpus and bench wires has 57): a longer "sentence" is text without full stops,
# read in chunks of at most this many words, each cut at its last clause break. Sentences up
# to the cap are untouched, so is every ordinary wire's output.
_MAX_WORDS = 150
_WORD_SPAN = re.compile(r"\S+")
# a chunk ends after a word ending in one of these, or before one of the connectives
_CLAUSE_END = frozenset(",;:")


def _bounded(
    text: str, spans: list[tuple[int, int]], connectives: frozenset[str]
) -> list[tuple[int, int]]:
    """`spans` with every sentence of more than `_MAX_WORDS` words cut into chunks of at most
    that many, each at the last clause break in its second half (else at the cap)."""
    out: list[tuple[int, int]] = []
    for start, end in spans:
        if end - start < 2 * _MAX_WORDS:  # n words take at least 2n - 1 characters
            out.append((start, end))
            continue
        words = [m.span() for m in _WORD_SPAN.finditer(text, start, end)]
        i = 0
        while len(words) - i > _MAX_WORDS:
            cut = i + _MAX_WORDS
            for j in range(i + _MAX_WORDS, i + _MAX_WORDS // 2, -1):
                if (text[words[j - 1][1] - 1] in _CLAUSE_END
                        or text[words[j][0] : words[j][1]].lower() in connectives):
                    cut = j
                    break
            out.append((words[i][0], words[cut - 1][1]))
            i = cut
        out.append((words[i][0], end))
    return out


def _read_sentence(state: _Article, name: str, s: Sentence) -> None:
    """Count the sentence's countries, keep it for the rules if it has a trigger or figure
    cue, and note the last person it names."""
    w = state.coder.words
    if w.weapon_pronouns:
        s = _weapon_pronoun(state, name, s)
    text, start, end, sent_hits = s.text, s.start, s.end, s.hits
    sent_mentions = _with_pronouns(state, text, start, end, s.mentions)
    if (w.bare_forces or w.bare_government) and sent_mentions:
        sent_mentions = _with_bare_state(state, text, start, end, sent_mentions)
    if w.group_anaphors:
        sent_mentions = _with_group_anaphor(state, text, start, end, sent_mentions)
    if w.responsibility_claims:
        sent_mentions = _with_claimant(state, name, text, start, end, sent_mentions)
    if w.blame_verbs and len(sent_mentions) == 1:
        _note_blame(state, name, text, start, sent_mentions[0])
    for mention in sent_mentions:
        if mention.entry.country and mention.entry.kind != "org":
            state.countries[mention.entry.country] += 1
    cats = {h.cat for h in sent_hits}
    # "... claimed its missiles struck the carrier. The Pentagon said the claim was false":
    # the refutation takes back the sentence before it
    refutes = "refuted" in cats and any(
        h.cat == "refuted" and (_explicit_refutation(w).match(text, h.start) or (
            _copula(w).match(text, h.start) and _the_claim(w).search(text, start, end) is not None))
        for h in sent_hits
    )
    if "refuted" in cats:
        state.refutes = True
    if "accident_cause" in cats and not state.accident:
        scope = Scope(text, start, sent_hits)
        state.accident = any(h.cat == "accident_cause" and not scope.governs(NEGATION, h)
                             for h in sent_hits)
    if cats & state.rule_cats or refutes:
        sentence = s if sent_mentions is s.mentions else Sentence(
            text, start, end, sent_hits, sent_mentions, s.words
        )
        state.pending.append(_Pending(name, sentence, cats, state.order, refutes))
    persons = [m for m in sent_mentions if m.entry.kind == "person"]
    if persons:
        state.last_person = persons[-1].entry
    elif s.mentions and w.titles:
        titled = _titled(text, s.mentions[0], w)
        if titled is not None:
            state.last_person = titled
    if w.plural_pronouns and s.mentions and state.last_person is not None:
        # "met ELN negotiators ... He offered them": the party the person dealt with
        code = state.last_person.code
        state.last_other = next(
            (m.entry for m in reversed(s.mentions) if m.entry.code != code), None)


def _title_re(w: Words) -> re.Pattern[str]:
    """A title ending the party's name or right after it, past its possessive and at most
    one word ("Colombia's president", "Ukraine's top negotiator")."""
    return w.pattern("titled", lambda w: (
        r"(?:['’]s)?(?:\s+[\w-]+)?\s+" + w.alternation(tuple(sorted(w.titles))) + r"\b"))


def _titled(text: str, mention: actor_dict.Mention, w: Words) -> actor_dict.ActorEntry | None:
    """The sentence's first party when it names one person by title ("Colombia's president",
    "Ukraine's top negotiator"): "he" in a later sentence is that party."""
    name = text[mention.start : mention.end].lower()  # "israel's prime minister": "minister"
    if name and name.rsplit(None, 1)[-1] in w.titles:
        return mention.entry
    return mention.entry if _title_re(w).match(text, mention.end) is not None else None


def _code_rules(state: _Article, pending: _Pending, ref: date) -> None:
    """The sentence's events, placed, or the figures it adds to the attack before it."""
    s, cats = pending.sentence, pending.cats
    if pending.refutes_previous:
        # records come in reading order, so the previous sentence's are the last ones
        while state.coded and state.coded[-1].order == pending.order - 1:
            state.coded.pop()
    if cats & state.coder.rules.candidates:
        drafts = code_sentence(s, state.coder.rules, state.coder.taxonomy)
        # violence the sentence tells, not denied or supposed: if none of it is coded, it
        # was of another time (`_answers_earlier`)
        violent_drafts = bool(cats & _ACT_CUES) and bool(cats & _TIMED) and not cats & _UNTOLD
        if "civilian_site" in cats:
            _note_disputed(state, s)
        lead = pending.field == "headline" or (
            pending.field == "body" and s.start == state.body_lead)
        if lead and any(d.type in _VIOLENT for d in drafts):
            state.staged = False  # "... held drills as its missiles struck Kyiv": news
            state.years_back = False  # "drone kills a commander, a fighter since the 1980s"
            if pending.field == "body" and _lede_dated_earlier(s, drafts, ref):
                # "An air strike that killed 17 at a village school last month was a war
                # crime, a rights group said": the lede's act is an earlier one, and so are
                # the undated acts below it (`_in_context`)
                state.lede_old_act = True
                drafts = [d for d in drafts if d.type not in _VIOLENT]
        if drafts and (_retrospective(s.words or state.coder.words, s.text, s.start, s.end,
                                      s.hits, ref)
                       or any(f == pending.field and start <= s.start < end
                              for f, start, end in state.dated_paragraphs)
                       or _on_trial(s.text, s.start, s.end, cats, ref)
                       or _dated_past_year(s, ref)):
            drafts = []
        if drafts:
            drafts = _in_context(state, s, cats, drafts, lead)
        if drafts and not lead and _answers_earlier(state, pending):
            # "That war began when Israel launched a surprise air campaign ... The United
            # States joined in with strikes ... Iran responded with waves of missiles": an
            # answer to acts of an earlier time, told on no day of its own, is of that time
            drafts = [d for d in drafts if d.type not in _VIOLENT]
            violent_drafts = True
        before = len(state.coded)
        if drafts:
            _place(state, pending, drafts, ref)
        else:
            if lead and pending.field == "body" and state.lead_day is None:
                _date_lead(state, s, ref)
            if cats & _FIGURE_CUES:
                _attach_figures(state, s.text, s.start, s.hits)
        if violent_drafts and not any(c.draft.type in _VIOLENT for c in state.coded[before:]):
            state.old_violence = (pending.field, pending.order)
    elif cats & _FIGURE_CUES:
        _attach_figures(state, s.text, s.start, s.hits)


def _answers_earlier(state: _Article, pending: _Pending) -> bool:
    """The sentence right after one whose violence was of an earlier time opens with a
    party's answer to it ("Iran retaliated with ...", "The United States joined in with
    strikes ..."; the language's `answer_verbs`, a few words in) and names no recent day."""
    if state.old_violence != (pending.field, pending.order - 1):
        return False
    s, w = pending.sentence, _words(pending.sentence)
    if not w.set("answer_verbs"):
        return False
    found = _answer_re(w).search(s.text, s.start, s.end)
    return (found is not None and words_between(s.text, s.start, found.start()) <= _ANSWER_WORDS
            and not _recent_day(w, s.text, s.start, s.hits))


_ANSWER_WORDS = 6  # "Iran", "The United States", "Russia's forces" before the answer verb
# a sentence with these tells no violence that happened: nothing for an answer to follow
_UNTOLD = frozenset({"negation", "denial", "refuted", "hedge", "nonconflict"})
# ... and one of these must time the violence it drops ("on June 22", "That war began when")
_TIMED = frozenset({"earlier", "retro", "retro_ago", "long_after", "date_hint", "war_origin",
                    "cumulative", "background"})


def _answer_re(w: Words) -> re.Pattern[str]:
    return w.pattern("article:answer", lambda w: rf"\b{w.alt('answer_verbs')}\b")


def _retold_in_lede(s: Sentence, dates: list[DateMention], when: DateMention, ref: date
                    ) -> bool:
    """The lede's act is named by its day's possessive ("Monday's bombing", "Tuesday's
    missile strike": an act already known) and the lede names a later day, not after `ref`
    (the funerals', the arrests'), or the possessive follows a cause's preposition and its
    day is before `ref` ("after Thursday's drone attack"). An act dated by a phrase
    ("ambushed a convoy on Saturday ..., sources said on Monday") is the news however late
    it is told."""
    if POSSESSIVE.match(s.text, when.end) is None:
        return False
    if when.value < ref and prev_word(s.text, when.start, s.start) in _words(s).set(
            "cause_preps"):
        return True  # "extends flight suspension after Thursday's drone attack", read Saturday
    return any(when.value < d.value <= ref for d in dates)


def _toll_revision_re(w: Words) -> re.Pattern[str]:
    return w.pattern("toll_revision", lambda w: (
        rf"\b{w.alt('toll_revisions')}\b" if w.set("toll_revisions") else "(?!)"))


_SPEAKER_REACH = 6  # words from a party's name to the report verb it is the subject of


def _self_claimed(state: _Article, s: Sentence, draft: Draft) -> bool:
    """An armed group gives the toll: of its own act ("Al Shabaab said its fighters had
    shelled the base and killed dozens"), or, speaking for its side, of the other's ("the
    M23's political wing said the drone had struck a market, killing 15"). An army's count
    of the attackers it repelled is the defender's report, not this. So is a toll told as
    the higher of two ("Puntland's ministry gave a higher toll, saying ... killed 14") or
    claimed by fighters named by their kind ("separatists claim 15 soldiers killed")."""
    w = state.coder.words
    if w.set("higher_tolls") and _higher_toll_re(w).search(s.text, s.start, s.end):
        return True
    if w.set("claimant_nouns") and any(
            not _STRETCH_BREAK.search(s.text, m.end(), draft.trigger.start)
            for m in _claimant_re(w).finditer(s.text, s.start, draft.trigger.start)):
        return True  # in the toll's own clause: "...; military says ... three killed" is not
    if w.set("claim_verbs") and any(
            not _STRETCH_BREAK.search(s.text, m.end(), draft.trigger.start)
            and m.group(1).lower() not in w.set("claim_objects")
            for m in _claim_verb_re(w).finditer(s.text, s.start, draft.trigger.start)):
        # "a gang leader claimed his men had killed 10 soldiers", "claiming that \"dozens\"
        # of attackers had been killed": whoever claims it, a claimed toll is the higher
        # claim beside anyone else's figure ("claimed responsibility for" claims the act)
        return True
    if w.set("unofficial_sources") and (
            _unofficial_opener(w).match(s.text, s.start, s.end) is not None
            or _unofficial_after(w).search(s.text, s.start, s.end) is not None):
        # "Residents told The Associated Press that 13 people had been killed": a toll from
        # residents or witnesses, against an official figure elsewhere, is set aside too
        return True
    groups = [m for m in s.mentions if m.entry.kind == "group" and m.end <= draft.trigger.start]
    if not groups:
        return False
    if _self_claim_re(state.coder.words).search(s.text, s.start, draft.trigger.start):
        return True
    # the group speaks: its name, then a report verb a few words on with no other party
    # between ("the M23 rebels who control the area, said"), before the toll
    text = s.text
    return any(
        h.cat == "report" and g.end <= h.start < draft.trigger.start
        and words_between(text, g.end, h.start) <= _SPEAKER_REACH
        and not any(g.end <= m.start < h.start for m in s.mentions)
        for g in groups for h in s.hits)


def _higher_toll_re(w: Words) -> re.Pattern[str]:
    return w.pattern("higher_toll", lambda w: rf"\b{w.alt('higher_tolls')}\b")


def _unofficial_opener(w: Words) -> re.Pattern[str]:
    # "Residents told The Associated Press that", "Witnesses said", "Two residents said"
    # opening the sentence (a word before the source at most)
    return w.pattern("unofficial_opener", lambda w: (
        rf"\W*(?:[\w'’-]+\s+)?{w.alt('unofficial_sources')}\s+(?:[\w'’-]+\s+){{0,2}}?"
        rf"{w.alt('unofficial_verbs')}\b"))


def _unofficial_after(w: Words) -> re.Pattern[str]:
    # "..., according to residents"
    return w.pattern("unofficial_after", lambda w: (
        rf"\b{w.alt('unofficial_preps')}\s+(?:[\w'’-]+\s+)?{w.alt('unofficial_sources')}\b"))


def _claim_verb_re(w: Words) -> re.Pattern[str]:
    # "claimed his men had killed", "claiming that": the claim verb, then the word after it
    return w.pattern("claim_verb", lambda w: rf"\b{w.alt('claim_verbs')}\s+(?:that\s+)?(\w+)")


def _claimant_re(w: Words) -> re.Pattern[str]:
    # "rebels claim more than 20", "separatists claimed 15 soldiers killed"
    return w.pattern("claimant", lambda w: (
        rf"\b{w.alt('claimant_nouns')}\s+{w.alt('claimant_verbs')}\b"))


def _self_claim_re(w: Words) -> re.Pattern[str]:
    # "its fighters had", "fighters of its Majeed Brigade", "said it had killed": a party
    # telling of its own act
    return w.pattern("self_claim", lambda w: (
        rf"\b{w.alt('self_claim_owners')}\s+(?:[\w-]+\s+){{0,2}}?{w.alt('self_claim_units')}\b"
        rf"|\b{w.alt('self_claim_units')}\s+of\s+{w.alt('self_claim_owners')}\b"
        rf"|\b{w.alt('self_claim_phrases')}\b"
        if w.set("self_claim_owners") and w.set("self_claim_units") else "(?!)"))


def _retold_toll_re(w: Words) -> re.Pattern[str]:
    return w.pattern("retold_toll", lambda w: (
        rf"\b{w.alt('retold_tolls')}\b" if w.set("retold_tolls") else "(?!)"))


def _superseded(s: Sentence) -> bool:
    """An earlier report the story has replaced ("A security source had earlier told the desk
    that a drone had hit the refinery", "Earlier in the day, an official had told APP that
    11 personnel had been killed"): a speech verb in the pluperfect, with "earlier" after its
    auxiliary or opening the sentence (the language's `superseded_verbs` and
    `superseded_openers`)."""
    w = _words(s)
    verbs = w.phrases["superseded_verbs"]
    if not verbs:
        return False
    match = w.pattern("article:superseded", lambda w: rf"\b{w.alt('superseded_verbs')}\b"
                      ).search(s.text, s.start, s.end)
    if match is None:
        return False
    if w.set("superseded_openers").intersection(match.group(0).lower().split()):
        return True
    first = _FIRST_WORD.match(s.text, s.start)
    if first is not None and first.group(1).lower() in w.set("superseded_openers"):
        return True
    # "had told our reporter by telephone in the morning that \"at least 12\" had been killed"
    return bool(w.set("superseded_times")) and w.pattern(
        "article:superseded_time", lambda w: rf"\b{w.alt('superseded_times')}\b").search(
        s.text, match.end(), min(s.end, match.end() + _SUPERSEDED_REACH)) is not None


_SUPERSEDED_REACH = 60  # characters after "had told": "our reporter by telephone in the morning"


def _possessive_earlier(s: Sentence, dates: list[DateMention], day: date) -> bool:
    """ "The toll from Tuesday's strike rose to 11 overnight", below a lede dated Wednesday:
    the toll is of an act the sentence names by an earlier day's possessive."""
    return any(d.value < day and POSSESSIVE.match(s.text, d.end) is not None for d in dates)


def _date_lead(state: _Article, s: Sentence, ref: date) -> None:
    """ "Families buried victims of Monday's suicide bombing on Tuesday, as police arrested
    three suspects": a lede that codes nothing (funerals, arrests, a condemnation) and names
    two days or more dates the story by the latest; the violence of an earlier day told below
    it ("The bomber blew himself up ... on Monday afternoon, killing nine") is recalled, as
    below a lede dated by its own act (`_place`)."""
    hints = [h.start for h in s.hits if h.cat == "date_hint"]
    if len(hints) < 2:
        return
    dates = _sentence_dates(state, s, ref, hints)
    days = {d.value for d in dates if d.value <= ref}
    if len(days) > 1:
        state.lead_day = max(days)
        state.retold = _possessive_earlier(s, dates, state.lead_day)


def _sentence_dates(state: _Article, s: Sentence, ref: date, hints: list[int]
                    ) -> list[DateMention]:
    """The sentence's dates, read at its `date_hint` cues in the language's own date words
    (else English's)."""
    reader = state.coder.words.dates
    if reader is not None:
        return reader.find(s.text, s.start, s.end, ref, hints)
    return find_dates(s.text, s.start, s.end, ref, hints)


def _note_disputed(state: _Article, s: Sentence) -> None:
    """The military asset classes of the sentence whose hit the other side's account puts on
    a civilian site (predicate `disputed_site`)."""
    view = _View(s, state.coder.taxonomy)
    for hit in view.prefixed("mil:"):
        if disputed_site(view, hit):
            state.disputed.add(hit.payload)


# weapons named: a blast or fire with one of these is violence even in an accident story
_ARMED_CUES = frozenset({"aerial", "airstrike", "artillery", "small_arms", "naval_drone", "cyber"})
# casualties named: launches in an exercise story that hurt someone are real (not damage
# words: "destroyers", "destroyed the mock targets")
_HARM_CUES = frozenset({"kill", "wound"})


def _armed(s: Sentence, cats: set[str]) -> bool:
    """A weapon named, neither denied nor only rumoured ("police say firecrackers, not
    gunfire, set off panic", "after a rumour of gunfire spread through the crowd")."""
    if not cats & _ARMED_CUES:
        return False
    w = _words(s)
    scope = Scope(s.text, s.start, s.hits, w.barriers, w.modals)
    return any(h.cat in _ARMED_CUES and not scope.governs(NEGATION, h)
               and not scope.governs(HEDGE, h) for h in s.hits)


def _real_harm(s: Sentence, cats: set[str]) -> bool:
    """Casualties named in an exercise story that no hedge governs: "rescuers then practised
    treating 60 wounded" (the drill's role-players) is no harm."""
    if not cats & _HARM_CUES:
        return False
    w = _words(s)
    scope = Scope(s.text, s.start, s.hits, w.barriers, w.modals, w.phrases["exercise_stems"],
                  w.conditionals)
    return any(h.cat in _HARM_CUES and not scope.governs(HEDGE, h) for h in s.hits)


def _claim_that(w: Words) -> re.Pattern[str]:
    """ "claiming that a drone had hit ...", "reports on social media that ...": the claim
    itself, which an article that refutes a claim (`_Article.refutes`) does not code."""
    return w.pattern("article:claim_that", lambda w: (
        rf"\b{w.alt('claim_words')}\s+(?:{w.alt('claim_media_preps')}\s+"
        rf"(?:{w.alt('claim_media')}|[\w-]+)\s+)?{w.alt('claim_complementizers')}\b"))


_CLAIM_REACH = 12  # words from "claiming that" to the trigger: the claim's own clause


_QUOTE_REACH = 80  # characters before a quotation's opening or after its close that may
# name its speaker ("A caption reads: \"...\"", "\"...\", reads a post")


def _quote_frame(s: Sentence) -> tuple[int, int]:
    """The sentence's span, run out to the words around a quotation it is part of: the
    splitter cuts "A caption reads: \"Drones are hitting the village. Three are dead\"" and
    "\"US missiles sink the frigate. The navy is going down,\" reads a post" into sentences
    that do not name the quotation's speaker. Quotation marks are counted within the
    paragraph: an odd count before the sentence puts it inside a quotation."""
    text, start, end = s.text, s.start, s.end
    para = text.rfind("\n", 0, start) + 1
    before = [i for i in range(para, start) if text[i] in _QUOTE_MARKS]
    inside = len(before) % 2 == 1
    opened = (text.count("\"", start, end) + text.count("“", start, end)
              + text.count("”", start, end)) % 2 == 1
    if not inside and not opened:
        return start, end
    frame_start = max(para, before[-1] - _QUOTE_REACH) if inside else start
    frame_end = end
    if inside != opened:
        # the quotation runs on past the sentence (opened before it and not closed in it, or
        # opened in it): to its close
        ends = [i for i in (text.find(c, end) for c in "\"”") if i >= 0]
        stop = text.find("\n", end)
        if ends and (stop < 0 or min(ends) < stop):
            frame_end = min(len(text), min(ends) + 1 + _QUOTE_REACH)
    return frame_start, frame_end


# a quotation of at most four words: scare quotes around a name for an act ("drone attack")
# (single quotes too, as headlines write them: "'refinery ablaze' clip is old")
_SCARE_QUOTE = re.compile(r'["“](?:[^"“”\s]+\s){0,3}[^"“”\s]+["”]'
                          r"|(?<!\w)['‘](?:[^'‘’\s]+\s){0,3}[^'‘’\s]+['’](?!\w)")
# one word in quotation marks ("wounded", ‘dead’)
_SCARE_WORD = re.compile(r'["“][^"“”\s]+["”]|(?<!\w)[‘][^‘’\s]+[’](?!\w)')
_QUOTE_MARKS = frozenset("\"“”")


def _post_says(w: Words) -> re.Pattern[str]:
    """ "\"US missiles sink the frigate\", reads a post", "other posts said the strike was
    ...": a sentence whose speaker is a post or a video, the claim an article that refutes
    one (`_Article.refutes`) does not code."""
    return w.pattern("article:post_says", lambda w: (
        rf"\b{w.alt('claim_posts')}\s+(?:[\w-]+\s+){{0,6}}?{w.alt('claim_post_verbs')}\b"
        rf"|\b{w.alt('claim_post_verbs')}\s+(?:[\w-]+\s+)?{w.alt('claim_posts')}\b"
        rf"|\b{w.alt('claim_posts')}\s+(?:of\s+)?['\"‘“]"
        if w.set("claim_posts") and w.set("claim_post_verbs") else "(?!)"))


def _read_lead(state: _Article, text: str, start: int, end: int, hits: list[Hit]) -> None:
    """What the lead (the headline, the body's first sentence) says the article is about.
    Led by an exercise ("held an exercise ... with test launches that simulated a nuclear
    strike") and coding no violence itself (`_code_rules` checks), the article's launches
    are the exercise's; led by history (an anniversary, a trial for an attack of an earlier
    year), its undated violence is that history."""
    cats = {h.cat for h in hits}
    staged = state.coder.words.phrases["exercise_stems"]
    if any(h.cat in ("hedge", "nonconflict") and text[h.start : h.end].lower().startswith(staged)
           for h in hits):
        state.staged = True
    if "retro" in cats or _on_trial(text, start, end, cats, state.ref) or (
            "judicial" in cats and _lead_tried(state.coder.words, text, start, end, hits)):
        state.history = True
    if _obituary_re(state.coder.words).search(text, start, end) is not None or (
            _obituary_label_re(state.coder.words).match(text, start, end) is not None):
        state.history = state.obituary = True
    if _opinion_re(state.coder.words).match(text, start, end) is not None:
        state.opinion = True
    if _fact_check_re(state.coder.words).match(text, start, end) is not None:
        state.refutes = True  # "Fact check: Video of 'air strike on Assab port' shows ..."
    if _lead_years_back(state.coder.words, text, start, end, hits, state.ref):
        state.years_back = True
    if _lead_month_tally(state.coder.words, text, start, end, hits, state.ref):
        state.month_report = True


def _obituary_re(w: Words) -> re.Pattern[str]:
    # a death told with the age it came at: "dies at 71", "has died aged 84"
    return w.pattern("obituary", lambda w: (
        rf"\b{w.alt('obituary_marks')}\s+\d{{2,3}}\b" if w.set("obituary_marks") else "(?!)"))


def _obituary_label_re(w: Words) -> re.Pattern[str]:
    # the label an obituary opens with: "Obituary: ...", "OBITUARY -"
    return w.pattern("obituary_label", lambda w: (
        rf"\s*{w.alt('obituary_labels')}\s*(?::|[-–—|]\s|\n)" if w.set("obituary_labels")
        else "(?!)"))


def _fact_check_re(w: Words) -> re.Pattern[str]:
    # the label a verification desk opens with ("Fact check:", "FACT CHECK -"): the claims
    # the piece checks are claims, as in an article that refutes one
    return w.pattern("fact_check", lambda w: (
        rf"\s*{w.alt('fact_check_labels')}\s*(?::|[-–—|]\s|\n|$)" if w.set("fact_check_labels")
        else "(?!)"))


def _opinion_re(w: Words) -> re.Pattern[str]:
    # the label an opinion piece opens its headline or body with: "OPINION:", "Editorial:",
    # "EDITORIAL" on a line of its own
    return w.pattern("opinion", lambda w: (
        rf"\s*{w.alt('opinion_labels')}\s*(?::|[-–—]\s|\n|$)" if w.set("opinion_labels")
        else "(?!)"))


def _title_line(text: str, first: tuple[int, int], second: tuple[int, int]) -> bool:
    """The body's first sentence is a title: a line of its own with no full stop."""
    return (text[first[1] - 1] not in ".!?…" and "\n" in text[first[1] : second[0]])


def _lead_years_back(
    w: Words, text: str, start: int, end: int, hits: list[Hit], ref: date
) -> bool:
    """A lead that sets its story years back and names no recent day: "Eleven years ago
    today, the accord was signed ...", "he fought near the town in the winter of 2023" (a
    retrospective interview, an anniversary). Its article's undated tolls are that history,
    as an anniversary's or a trial's are."""
    if _recent_day(w, text, start, hits):
        return False
    asides = [m.span() for m in ASIDE.finditer(text, start, end)]
    if any(h.cat == "retro_ago" and not any(a <= h.start < b for a, b in asides)
           for h in hits):
        return True
    if text.find("19", start, end) < 0 and text.find("20", start, end) < 0:
        return False  # no year written: skip the regexes
    return any(
        int(m.group(1)) < ref.year and not any(a <= m.start() < b for a, b in asides)
        for year_re in (w.year_re, _past_year_re(w)) if year_re is not None
        for m in year_re.finditer(text, start, end))


def _lead_month_tally(
    w: Words, text: str, start: int, end: int, hits: list[Hit], ref: date
) -> bool:
    """A lead that counts a toll over an earlier month and names no recent day of its own
    ("At least 186 civilians were killed in Ukraine in February, the mission said on
    Wednesday in its monthly update", read in March): a period's report, whose undated
    violence is the month's, as a story set years back is that time's."""
    harm = [h for h in hits if h.cat in _HARM_CUES]
    if not harm or _recent_day(w, text, start, hits):
        return False
    # the month in the toll's own stretch ("killed ... in February", "in March that killed
    # 23"), not a truce's ("wounding one soldier, and called it a breach of the truce agreed
    # in December")
    def near(h: Hit, m: re.Match[str] | Hit) -> bool:
        m_start, m_end = (m.start, m.end) if isinstance(m, Hit) else m.span()
        a, b = (h.end, m_start) if h.end <= m_start else (m_end, h.start)
        # "killed 23 Palestinians ..., including five children, in November": the toll's
        # own apposition (the language's `apposition_openers`) does not end its stretch
        gap = apposition.sub(" ", text[a:b])
        return not _STRETCH_BREAK.search(gap) and len(gap.split()) <= 12

    apposition = w.pattern("article:apposition_gap", lambda w: (
        rf",\s*{w.alt('apposition_openers')}\b[^,;:()]*," if w.set("apposition_openers")
        else "(?!)"))

    if any(_month(w, m) != ref.month and any(near(h, m) for h in harm)
           for m in _past_month_re(w).finditer(text, start, end)):
        return True
    # or a period's tail ("killed at least 412 civilians in first quarter")
    tails = w.set("period_tails")
    return any(c.cat == "cumulative" and text[c.start : c.end].lower() in tails
               and any(near(h, c) for h in harm) for c in hits)


_STRETCH_BREAK = re.compile(r"[,;:()]")  # what ends a comma-free stretch of words


def _on_trial(text: str, start: int, end: int, cats: set[str], ref: date) -> bool:
    """A court, a trial or an extradition over an attack of an earlier year ("postponed the
    trial of the man accused of building the bomb that destroyed Pan Am Flight 103 ... in
    1988, killing 270"): the attack is what is tried, not news."""
    if "judicial" not in cats:
        return False
    return any(int(m.group(1)) < ref.year for m in _ANY_YEAR.finditer(text, start, end))


def _lead_tried(w: Words, text: str, start: int, end: int, hits: list[Hit]) -> bool:
    """A lead whose violence is what a court tries ("A German court on Friday sentenced a
    former colonel to life for barrel-bomb attacks on Aleppo", "court issues warrants for
    BLA chief in Jaffar Express hijacking"): a trial story, whose undated violence is the
    tried acts' (as `_tried` reads a sentence)."""
    court = next((h for h in hits if h.cat == "judicial"), None)
    if court is None or _day_owns(w).search(text, court.end, end):
        return False
    on_day = _on_day(w)
    violence = [h for h in hits if h.cat in _VIOLENCE_CUES and h.start > court.start]
    if not violence:
        return False
    # a recent day after the violence dates it ("over the bombing on Tuesday", "الهجوم
    # ...، الثلاثاء،"); one before it dates the court's act ("on Friday sentenced")
    recent = w.set("recent_days")
    return not any(on_day.match(text, h.end, end) for h in violence) and not any(
        h.cat == "date_hint" and h.start > violence[0].start
        and text[h.start : h.end].lower() in recent for h in hits)


def _day_owns(w: Words) -> re.Pattern[str]:
    """ "charged over Saturday's bombing": the violence tried is owned by a recent day."""
    return w.pattern("article:day_owns",
                     lambda w: rf"{w.alt('trial_days')}{w.alt('possessive_endings')}\s")


def _on_day(w: Words) -> re.Pattern[str]:
    """ "the bombing on Sunday": a recent day right after the violence (matched after it)."""
    return w.pattern("article:on_day", lambda w: (
        rf"\s+(?:[\w-]+\s+){{0,2}}?(?:(?:{w.alt('day_qualifiers')}\s+)?{w.alt('day_preps')}"
        rf"\s+)?{w.alt('trial_days')}\b"))


_ATTACK_CUES = frozenset({"attack", "bombing", "aerial", "airstrike", "artillery", "small_arms"})
# the cue categories of violence: a lede with one of them reports an act, even when its
# rules code none ("suspended talks after the group attacked a base"); a court's or a tally's
# violence
_VIOLENCE_CUES = frozenset({"attack", "bombing", "aerial", "airstrike", "artillery", "small_arms",
                            "kill", "wound"})


def _perfect_before(w: Words) -> re.Pattern[str]:
    """A perfect right before the trigger: "has been struck", "have launched", "has carried
    out dozens of", "have since hit" (the language's `perfect_adverbs` in the adverb's
    place)."""
    return w.pattern("article:perfect", lambda w: (
        rf"\b{w.alt('tally_aux')}\s+(?:{w.alt('tally_passive')}\s+)?"
        rf"(?:(?:\w+{w.alt('adverb_suffixes')}|{w.alt('perfect_adverbs')})\s+)?"
        rf"(?:{w.alt('tally_verbs')}\s+(?:[\w,-]+\s+){{0,4}})?$"))


_OPENING_WORDS = 3  # "Earlier this month, ...", "Last week, ...": the cue opens the sentence


def _temporal(w: Words) -> re.Pattern[str]:
    """A temporal conjunction between a day and a trigger: the day dates the other clause."""
    return w.pattern("article:temporal", lambda w: rf"\b{w.alt('temporal_words')}\b")


def _earlier(s: Sentence, draft: Draft) -> bool:
    """Violence of another week ("Earlier this month, a strike ... killed 19", "after a
    drone attack damaged the terminal last week"): an `earlier` cue opening the sentence
    (with no recent day) or in the trigger's clause, nearer the trigger than any recent day
    ("exports resumed on Tuesday"). A cue in another clause dates something else ("...
    accused the other of breaking the ceasefire signed in Doha last month")."""
    text, pos, w = s.text, draft.trigger.start, _words(s)
    violence = [h for h in s.hits if h.cat in _ATTACK_CUES]
    owners = w.phrases["earlier_owner_endings"]
    owned = [v for v in violence if owners and any(
        h.cat == "earlier" and h.end <= v.start and text[h.start : h.end].lower().endswith(owners)
        and words_between(text, h.end, v.start) <= 2 for h in s.hits)]
    if violence and len(owned) == len(violence):
        return True  # "the grid recovered from last week's strikes": every act is last week's
    start, end = _trigger_clause(s, pos, _breaks(s, []))
    recent_days, said_on, temporal = w.set("recent_days"), _said_on(w), _temporal(w)
    recent = [abs(h.start - pos) for h in s.hits if h.cat == "date_hint"
              and text[h.start : h.end].lower() in recent_days
              and not said_on.search(text, max(s.start, h.start - _SAID_ON_REACH), h.start)
              and not temporal.search(text, min(h.end, pos), max(h.start, pos))]
    nearest_recent = min(recent, default=len(text))
    openers = w.phrases["attribution_openers"]
    for h in s.hits:
        if h.cat != "earlier":
            continue
        if start <= h.start < end and abs(h.start - pos) < nearest_recent:
            return True
        if not recent and words_between(text, s.start, h.start) < _OPENING_WORDS:
            return True
        if not recent and openers and _attributed_then(s, h, openers):
            return True
    return False


def _attributed_then(s: Sentence, cue: Hit, openers: tuple[str, ...]) -> bool:
    """ "..., killing 33 attackers, according to official figures at the time": the
    sentence's closing attribution (the language's `attribution_openers`) dates what it
    attributes, every clause before it."""
    last = max((b for _a, b in _breaks(s, []) if b <= cue.start), default=s.start)
    return s.text[last : cue.start].lstrip().lower().startswith(openers)


_CAMPAIGN_REACH = 6  # words from a plural act to the asset it names
# characters before an act its perfect may start: "has increased its own long-range drone"
_PERFECT_REACH = 45
_COORDINATED_REACH = 120  # the perfect a joined verb shares: "has X-ed ... and Y-ed"
_INFRA = "infra:"  # the lexicon's infrastructure asset classes
# the attacks on assets, and the asset classes (by prefix) each names
_ASSET_ATTACKS = {_INFRA_ATTACK: _INFRA, "attack.military_target": "mil:"}


def _campaign(s: Sentence, prefix: str) -> bool:
    """ "after a week of drone attacks on oil fields", "Russian strikes on energy facilities
    would continue", "Russia has hit Ukraine's power plants": where every asset the sentence
    names (infrastructure or military) is a plural kind of asset right after a plural act or
    one in the perfect (for infrastructure, in any past but the pluperfect), with no number
    between, the sentence names a campaign, not an incident (the language's `campaign_acts`,
    and `plural_endings` for its assets; none written: no campaign). The caller checks it is
    below the lede and names no day."""
    w = _words(s)
    endings = w.phrases["plural_endings"]
    text = s.text
    acts = w.set("campaign_acts")
    if not endings or not acts:
        return False
    assets = [h for h in s.hits if h.cat.startswith(prefix)]
    if not assets:
        return False
    # "telecommunications masts" is one asset, not also the "telecom*" inside it
    assets = [a for a in assets if not any(
        b.start <= a.start and a.end <= b.end and b.end - b.start > a.end - a.start
        for b in assets)]
    perfect, pluperfect = _perfect_before(w), w.set("pluperfect_aux")
    links, auxes = w.set("list_links"), w.set("tally_aux") - pluperfect

    def campaign_act(h: Hit) -> bool:
        found = perfect.search(text, max(s.start, h.start - _PERFECT_REACH), h.start)
        if found is not None:
            # an act in the perfect ("Russia has hit Ukraine's power plants and gas
            # production facilities"): a campaign told as a state; not the pluperfect of
            # reported speech ("said its forces had struck energy facilities")
            return found.group().split()[0].lower() not in pluperfect
        # infrastructure of plural kinds hit on no day, in a simple past ("Israel bombed the
        # ports of Hodeidah, Ras Isa and Salif"): a campaign's (military assets of plural
        # kinds, "attacked army positions", are a day's clash as often); and any verb joined
        # to a perfect ("have planted roadside bombs ... and attacked telecoms masts", "has
        # since built walls ... and blown up roads and rail lines")
        return prefix == _INFRA or (prev_word(text, h.start, s.start) in links and any(
            word in auxes for word in text[max(s.start, h.start - _COORDINATED_REACH)
                                           : h.start].lower().split(";")[-1].split()))

    # a plural act ("after a week of drone attacks on oil fields") or a campaign's act
    plural_acts = [h for h in s.hits if text[h.start : h.end].lower() in acts or (
        h.cat in _VIOLENCE_CUES and campaign_act(h))]
    if not plural_acts:
        return False
    previous: Hit | None = None
    placed = _placed(w)
    for a in assets:
        if previous is not None and placed.search(text, max(s.start, a.start - 40), a.start):
            continue
        listed = previous is not None and _listed(w).fullmatch(
            text, _named_end(w, text, previous.end, a.start), a.start)
        if not listed and not (text[a.start : a.end].lower().endswith(endings) and any(
            h.end <= a.start and words_between(text, h.end, a.start) <= _CAMPAIGN_REACH
            and not any(ch.isdigit() for ch in text[h.end : a.start])
            and not any(f.cat == "fig" and h.end <= f.start < a.start for f in s.hits)
            for h in plural_acts)):
            return False
        previous = a
    return True


def _listed(w: Words) -> re.Pattern[str]:
    """The next item of a list of assets: "on ports, power stations and Sanaa airport", "...
    as well as Sanaa's airport" (the language's `list_links` and `list_also`)."""
    return w.pattern("article:listed", lambda w: (
        rf"(?:,\s*|,?\s+(?:{w.alt('list_links')}|{w.alt('list_also')})\s+)"
        r"(?:[\w'’.-]+\s+){0,2}"))


def _named_end(w: Words, text: str, start: int, end: int) -> int:
    """Where the names of an asset end: "the ports of Hodeidah, Ras Isa and Salif" (the
    language's `name_preps`, then capitalized names joined by commas or `list_links`)."""
    if not w.set("name_preps"):
        return start
    found = w.pattern("article:named", lambda w: (
        rf"\s+{w.alt('name_preps')}\s+{_NAME}(?:(?:,\s*|,?\s+{w.alt('list_links')}\s+)"
        rf"{_NAME})*")).match(text, start, end)
    return found.end() if found else start


# "Ras Isa", "Salif": capitalized words, read case-sensitive in a pattern that is not
_NAME = r"(?-i:[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*)"


def _placed(w: Words) -> re.Pattern[str]:
    """ "... oil depots, including in the Black Sea ports of Novorossiysk": an asset after a
    place's preposition names where the campaign's targets were, not one of them."""
    return w.pattern("article:placed", lambda w: (
        rf"\b{w.alt('place_preps')}\s+(?:{w.alt('place_determiners')}\s+)?"
        rf"(?:[\w'’-]+\s+){{0,2}}$"))


def _standing(s: Sentence, draft: Draft) -> bool:
    """ "The junta has publicly rejected negotiations with jihadist groups since it seized
    power", "has rejected previous truce proposals": a rejection in the perfect with a period
    in its clause, or of offers its object calls earlier (the language's
    `standing_qualifiers`), is a standing position, no rejection made today."""
    text, pos = s.text, draft.trigger.start
    if _perfect_before(_words(s)).search(text, max(s.start, pos - 30), pos) is None:
        return False
    start, end = _clause(s, pos, _breaks(s, []))
    if any(h.cat == "cumulative" and start <= h.start < end for h in s.hits):
        return True
    # "has rejected previous truce proposals": offers of earlier days, its object says
    qualifiers = _words(s).set("standing_qualifiers")
    following = text[draft.trigger.end : end].split()[:2]
    return any(word.lower() in qualifiers for word in following)


def _period_opening(s: Sentence) -> bool:
    """The sentence opens with a `cumulative` period ("Since the start of the year, ...",
    "So far this year, ..."; the language's `period_openers`)."""
    openers = _words(s).phrases["period_openers"]
    return bool(openers) and any(
        h.cat == "cumulative" and words_between(s.text, s.start, h.start) <= 1
        and s.text[h.start : h.end].lower().startswith(openers) for h in s.hits)


def _tally(s: Sentence, draft: Draft) -> bool:
    """A tally ("has carried out dozens of attacks on army posts this year", "the airport
    has been struck repeatedly since the war began", "23 merchant ships have been damaged in
    Ukrainian ports since the start of the year"): a `cumulative` cue in a clause with a
    perfect violent or damaging verb."""
    text = s.text
    breaks = _breaks(s, [])
    cumulative = [h for h in s.hits if h.cat == "cumulative"]
    perfect = _perfect_before(_words(s))
    for h in s.hits:
        if (h.cat in _VIOLENCE_CUES or h.cat == "damage") and perfect.search(
                text, max(s.start, h.start - _PERFECT_REACH), h.start):
            c_start, c_end = _clause(s, h.start, breaks)
            if any(c_start <= c.start < c_end for c in cumulative):
                return True
    return draft.type == "casualties.reported" and _counted_acts_toll(s, draft, breaks)


_ACT_CUES = _VIOLENCE_CUES - _HARM_CUES
_STALLED = "negotiation.stalled"
_LEDE_WORDS = 5  # a body sentence this long is the lede, not a dateline's fragment
_TALKS_CUES = frozenset({"talks", "stall"})
_WAR_TOLL = 1000  # a toll this large below the lede, on no recent day, is a war's
_VAGUE_MASS = 100  # ... and this large told as a vague mass (the language's `vague_masses`)


def _vague_mass_re(w: Words) -> re.Pattern[str]:
    return w.pattern("article:vague_mass", lambda w: rf"\b{w.alt('vague_masses')}\b")


def _earlier_word_re(w: Words) -> re.Pattern[str]:
    # one search per sentence before any clause is found: most sentences have no qualifier
    return w.pattern("article:earlier_word",
                     lambda w: rf"\b{w.alt('earlier_act_qualifiers')}\b")


def _earlier_act_re(w: Words) -> re.Pattern[str]:
    return w.pattern("article:earlier_act", lambda w: (
        rf"\b{w.alt('earlier_act_qualifiers')}\s+(?:[\w'’-]+\s+){{0,2}}$"))


def _earlier_act(s: Sentence, draft: Draft, lead: bool) -> bool:
    """ "because of damage from earlier Russian attacks on power plants", "the previous
    strike on the depot": the trigger's act (or the first act after it in its clause) is
    qualified as earlier than the story's. In the lede, only as a cause ("from", "after"
    earlier attacks): a lede's "The previous attack on the city, nine days ago, damaged ..."
    is its news."""
    start, end = _clause(s, draft.trigger.start, _breaks(s, []))
    act = next((h for h in s.hits if h.cat in _ACT_CUES and draft.trigger.start <= h.start < end),
               None)
    if act is None:
        return False
    w = _words(s)
    qualifier = _earlier_act_re(w).search(s.text, max(start, act.start - 40), act.start)
    if qualifier is None or (lead and prev_word(s.text, qualifier.start(), s.start) not in (
            w.set("cause_preps") | w.set("source_preps"))):
        return False
    # "The previous attack on the city, overnight, damaged ...": a recent day after the act
    # dates it anew
    recent = w.set("recent_days")
    return not any(h.cat == "date_hint" and act.end <= h.start < act.end + _DAY_AFTER_ACT
                   and s.text[h.start : h.end].lower() in recent for h in s.hits)


_DAY_AFTER_ACT = 40  # characters after the qualified act within which a recent day dates it


def _counted_acts_toll(s: Sentence, draft: Draft, breaks: list[tuple[int, int]]) -> bool:
    """ "WHO has verified 41 attacks on health care since the start of the year, in which 96
    health workers were killed": a toll in a relative clause whose antecedent counts acts
    over a period is the period's."""
    w = _words(s)
    text = s.text
    start = _clause(s, draft.trigger.start, breaks)[0]
    after_prep = _prep_relative(w).match(text, start)
    if after_prep is None or after_prep.group(1).lower() not in w.set("apposition_relatives"):
        return False
    a_start, a_end = _clause(s, max(s.start, start - 2), breaks)
    tails = w.set("period_tails")
    return any(h.cat == "cumulative" and a_start <= h.start < a_end
               and text[h.start : h.end].lower() in tails for h in s.hits) and any(
        h.cat in _VIOLENCE_CUES and a_start <= h.start < a_end
        and _COUNT_BEFORE.search(text, max(a_start, h.start - 16), h.start) is not None
        for h in s.hits)


_COUNT_BEFORE = re.compile(r"\d\s+(?:[\w-]+\s+)?$")  # "41 attacks", "41 drone attacks"


# a military asset named as where the weapon came from, what fired it or what shot it down:
# "launched from the Hmeimim air base", "cruise missiles fired by Tu-95 bombers",
# "intercepted by an Arrow air defence battery" (an asset "near"
# the blast is left to the rules: it may well have been hit)
def _not_hit_before(w: Words) -> re.Pattern[str]:
    """What comes right before an asset that was not hit (see above); a figure among the
    words before it may hold a comma ("from the 5,000-ton destroyer")."""
    return w.pattern("article:not_hit", lambda w: (
        rf"\b(?:{w.alt('origin_verbs')}\s+(?:[\w-]+\s+){{0,2}}?{w.alt('origin_preps')}|"
        rf"{w.alt('agent_verbs')}\s+{w.alt('agent_preps')})"
        rf"\s+(?:{w.alt('asset_determiners')}\s+)?(?:\d[\d,]*-?[\w'-]*\s+|[\w'-]+\s+){{0,3}}$"))


def _civilian_before(w: Words) -> re.Pattern[str]:
    """An aircraft or ship that is not an armed force's: "two passenger planes", "a UN
    helicopter" (the word before the asset, or the one before that)."""
    return w.pattern("article:civilian",
                     lambda w: rf"\b{w.alt('civilian_words')}\s+(?:[\w-]+\s+)?$")


_CRAFT = frozenset({"aircraft", "warship"})


def _targets_hit(state: _Article, s: Sentence, draft: Draft) -> bool:
    """Whether a military asset the sentence names is on the receiving end; the draft's
    assets and strategic mark are those of the ones that are (rules.py names every asset
    after the verb)."""
    text, w = s.text, state.coder.words
    hit = [h for h in s.hits if h.cat.startswith("mil:")]
    kept = [h for h in hit if not _not_hit_before(w).search(text, max(s.start, h.start - 60),
                                                             h.start)
            # "fighter jets dropped bombs": the craft acts (the predicate `shooting`'s test)
            and not shoots_next(w, text, asset_end(s.hits, text, h), s.end)
            and not (h.payload in _CRAFT and _civilian_before(w).search(
                text, max(s.start, h.start - 30), h.start))]
    if hit and not kept:
        return False
    if len(kept) < len(hit):
        assets = sorted({h.payload for h in kept} - {"military"})
        draft.assets = [a for a in draft.assets if a in assets] or assets
        draft.strategic = bool(state.coder.words.strategic.intersection(draft.assets))
    return True


# "... killed five people, bringing the week's death toll in the city to 31": a running total
def _running_total(w: Words) -> re.Pattern[str]:
    """ "bringing the week's death toll in the city to": a running total follows."""
    return w.pattern("article:running_total", lambda w: (
        rf"\b{w.alt('total_verbs')}\s+(?:{w.alt('total_determiners')}\s+)?"
        rf"(?:[\w'’-]+\s+){{0,4}}?{w.alt('total_nouns')}"
        rf"\b[^.;]*?\b{w.alt('total_to')}\s+"))


def _own_toll(state: _Article, s: Sentence, draft: Draft) -> bool:
    """The incident's own toll, not the running total the sentence adds it to: the killed
    figure is the one stated before "bringing the toll to N" (no figure there: no toll)."""
    match = _running_total(state.coder.words).search(s.text, s.start, s.end)
    cas = draft.casualties
    if match is None or cas is None or cas.killed is None:
        return True
    reader = state.coder.words.figures
    text = s.text
    own = [c.value for h in s.hits if h.cat == "kill" and h.end <= match.start()
           for c in (reader.count_after(text, h.end, match.start()),
                     reader.count_before(text, h.start, s.start)) if c is not None]
    total = reader.toll_after(text, match.start(), s.end)
    if total is None or total.value != cas.killed:
        return True
    if not own:
        if cas.wounded is None:
            return False
        draft.casualties = cas.model_copy(update={"killed": None})
        return True
    draft.casualties = cas.model_copy(update={"killed": max(own)})
    return True


def _tried(s: Sentence, trigger: Hit) -> bool:
    """Violence named after a court's word ("sentenced three militants to death for the
    bombing of a church that killed 14"): the act tried, not news, unless the sentence dates
    the violence itself to a recent day ("charged over Saturday's bombing")."""
    court = next((h for h in s.hits if h.cat == "judicial"), None)
    if court is None or court.start > trigger.start:
        return False
    text, w = s.text, _words(s)
    if _day_owns(w).search(text, court.end, s.end):
        return False
    on_day = _on_day(w)
    return not any(h.cat in _VIOLENCE_CUES and h.start > court.start
                   and on_day.match(text, h.end, s.end) for h in s.hits)


_FIRST_WORD = re.compile(r"\s*(\w+)")


def _earlier_cue_own(s: Sentence, draft: Draft) -> bool:
    """An `earlier` cue ("last week", "last month") in the trigger's own clause."""
    if not any(h.cat == "earlier" for h in s.hits):
        return False
    start, end = _clause(s, draft.trigger.start, _breaks(s, []))
    return any(h.cat == "earlier" and start <= h.start < end for h in s.hits)


def _prep_relative(w: Words) -> re.Pattern[str]:
    """A preposition opening a clause, then the word after it (its relative: "in which",
    "during which"): the language's `relative_preps`."""
    return w.pattern("article:prep_relative",
                     lambda w: rf"\s*{w.alt('relative_preps')}\s+(\w+)")


def _quoted_title_re(w: Words) -> re.Pattern[str]:
    # a title word, then the quotation it names
    return w.pattern("article:title", lambda w: (
        rf"\b{w.alt('title_words')}\s*[,:]?\s*[\"“]([^\"”]*)[\"”]"))


def _withdrawn_story_re(w: Words) -> re.Pattern[str]:
    # "story on", what it told (within a line), the withdrawal
    return w.pattern("article:withdrawn_story", lambda w: (
        rf"\b{w.alt('story_nouns')}\s+([^\n]{{1,200}}?)\s+{w.alt('story_withdrawals')}\b"))


def _withdrawal_word(s: Sentence) -> bool:
    w = _words(s)
    return bool(w.phrases.get("story_withdrawal_stems")) and w.pattern(
        "article:withdrawal_word", lambda w: w.alt("story_withdrawal_stems")
    ).search(s.text, s.start, s.end) is not None


def _titles(s: Sentence) -> list[tuple[int, int]]:
    """The spans of quoted titles ("headlined \"...\"", "a report titled “...”") and of what
    a withdrawn story told ("ADVISORY-Story on air strike on Mekelle airport withdrawn")."""
    w = _words(s)
    spans = []
    if w.phrases.get("title_words"):
        spans = [m.span(1) for m in _quoted_title_re(w).finditer(s.text, s.start, s.end)]
    if w.phrases.get("story_nouns"):
        spans += [m.span(1) for m in _withdrawn_story_re(w).finditer(s.text, s.start, s.end)]
    return spans


def _month_act_re(w: Words) -> re.Pattern[str]:
    return w.pattern("article:month_act", lambda w: (
        rf"\b({w.month_alt()})\b(?!\s+\d)\s+(?:[\w'’-]+\s+){{0,2}}?"
        rf"{w.alt('month_acts')}\b"))


def _month_act(s: Sentence, ref: date) -> bool:
    """A month other than this one (no day) right before an act's noun: "the October drone
    strike", "a March attack on the depot"; unless the sentence names a recent day."""
    w = _words(s)
    if not w.phrases.get("month_acts"):
        return False
    return any(_month(w, m) != ref.month for m in _month_act_re(w).finditer(
        s.text, s.start, s.end)) and not _recent_day(w, s.text, s.start, s.hits)


def _lede_dated_earlier(s: Sentence, drafts: list[Draft], ref: date) -> bool:
    """The lede dates its violence before the story: each violent draft's clause names an
    earlier time, or names no time at all beside a clause of violence that does ("A drone
    strike on a bus in May killed 19 civilians ... and wounded eight, a rights group said on
    Thursday": the wounded are May's too)."""
    if not any(h.cat == "earlier" or h.cat == "date_hint" for h in s.hits):
        return False  # no time named: most ledes stop here
    violent = [d for d in drafts if d.type in _VIOLENT]
    w, breaks = _words(s), _breaks(s, [])

    def earlier(pos: int) -> bool:
        # dated back, and no recent day in the same clause ("a guard dismissed a week
        # earlier opened fire on Tuesday", "firing overnight in breach of the truce brokered
        # last month": today's acts)
        if not _own_earlier_time(s, pos, ref):
            return False
        start, end = _clause(s, pos, breaks)
        return not _recent_day(w, s.text, start, [h for h in s.hits if start <= h.start < end])

    dated = [earlier(d.trigger.start) for d in violent]
    if not any(dated) and not any(
            h.cat in _VIOLENCE_CUES and earlier(h.start) for h in s.hits):
        return False
    for draft, dated_back in zip(violent, dated, strict=True):
        if dated_back:
            continue
        start, end = _clause(s, draft.trigger.start, breaks)
        own = [h for h in s.hits if start <= h.start < end]
        if any(h.cat in ("date_hint", "earlier") for h in own) or _recent_day(
                w, s.text, start, own):
            return False  # a clause with a time of its own
    return True


def _own_earlier_time(s: Sentence, pos: int, ref: date) -> bool:
    """The clause of the word at `pos` dates it before this month or to last week or month:
    a month named without a day other than this one ("collapsed in January"), or an
    `earlier` cue ("last month", "last week")."""
    cats = {h.cat for h in s.hits}
    if "earlier" not in cats and "date_hint" not in cats:
        return False  # neither a cue nor a month named: most sentences stop here
    breaks = _breaks(s, [])
    start, end = _clause(s, pos, breaks)
    w = _words(s)
    opener = _FIRST_WORD.match(s.text, start)
    relatives = w.set("apposition_relatives")
    after_prep = _prep_relative(w).match(s.text, start)
    if opener is not None and (opener.group(1).lower() in relatives or (
            after_prep is not None and after_prep.group(1).lower() in relatives)
            or opener.group(1).lower() in w.set("speech_participles")):
        # "talks in Istanbul earlier this year, which failed to ...", "... the Pahalgam attack
        # last year, in which 26 people were killed": a relative clause (after a preposition
        # too) is set in its antecedent's time; so is a speech participle's ("resumed
        # launches in the autumn, accusing Israel of violating the ceasefire")
        start = _clause(s, max(s.start, start - 2), breaks)[0]
    if any(h.cat == "earlier" and start <= h.start < end for h in s.hits):
        return True
    if "earlier" in cats and any(
        h.cat == "earlier" and words_between(s.text, s.start, h.start) < _OPENING_WORDS
        for h in s.hits
    ) and not _recent_day(w, s.text, s.start, s.hits):
        # "В марте прошлого года стороны объявили мораторий, однако затем обвиняли друг
        # друга в его нарушении": an `earlier` cue opening the sentence dates every clause
        # of it (as in `_earlier`), unless the sentence names a recent day
        return True
    if "date_hint" not in cats:
        return False
    if any(_month(w, m) != ref.month for m in _past_month_re(w).finditer(s.text, start, end)):
        return True
    # "In November, a missile strike on the city killed 21": a month opening the sentence
    # dates its main clause (as an opening `earlier` cue does in `_earlier`)
    opening = _past_month_re(w).search(s.text, s.start, start)
    return (opening is not None and _month(w, opening) != ref.month
            and words_between(s.text, s.start, opening.start()) < _OPENING_WORDS
            and not _recent_day(w, s.text, s.start, s.hits))


def _in_context(
    state: _Article, s: Sentence, cats: set[str], drafts: list[Draft], lead: bool
) -> list[Draft]:
    """The drafts the article's own account leaves standing: no blast or fire without a
    weapon in an article that calls it an accident, no launch without harm in an article
    led by an exercise, no undated event in an article led by history, no claim in an
    article that refutes one."""
    if drafts and (s.text.find('"', s.start, s.end) >= 0 or s.text.find("“", s.start, s.end) >= 0
                   or _withdrawal_word(s)):
        titles = _titles(s)
        if titles:
            # "the story headlined \"Drone strike sets fuel depot ablaze\" is withdrawn"
            drafts = [d for d in drafts if not any(a <= d.trigger.start < b for a, b in titles)]
    if drafts and "date_hint" in cats and _month_act(s, state.ref):
        # "finds October drone strike on bus killed 30", read in February: the act the
        # sentence tells is the month's, in the lede too
        drafts = [d for d in drafts if d.type not in _VIOLENT]
    if not lead and drafts:
        # a background paragraph: an event with its own earlier time ("in January", "last
        # month") is recalled, not reported, even when recent (the lede's is news)
        drafts = [d for d in drafts if not _own_earlier_time(s, d.trigger.start, state.ref)]
    if (drafts and state.coder.words.phrases.get("earlier_act_qualifiers")
            and _earlier_word_re(state.coder.words).search(s.text, s.start, s.end)):
        drafts = [d for d in drafts if d.type not in _VIOLENT or not _earlier_act(s, d, lead)]
    if "judicial" in cats and any(d.type in _VIOLENT for d in drafts):
        drafts = [d for d in drafts if d.type not in _VIOLENT or not _tried(s, d.trigger)]
    if "cumulative" in cats and cats & _HARM_CUES and not any(
        d.type == "casualties.reported" for d in drafts
    ):
        # "Since January, 1,400 civilians have been killed in drone strikes": the toll is a
        # tally (the casualty rule said so), and so are the strikes in it
        drafts = [d for d in drafts if d.type not in _ATTACKS]
    if "earlier" in cats:
        drafts = [d for d in drafts if d.type not in _VIOLENT or not _earlier(s, d)]
    w = state.coder.words
    if "cumulative" in cats and not _recent_day(w, s.text, s.start, s.hits):
        drafts = [d for d in drafts if d.type not in _VIOLENT or not _tally(s, d)]
        if drafts and _period_opening(s):
            # "Since the start of the year, it has treated 11,000 patients, including 640
            # with war injuries": a sentence set in a period from its first words is a tally
            drafts = [d for d in drafts if d.type not in _VIOLENT]
    if any(d.type == _REJECTED for d in drafts):
        drafts = [d for d in drafts if d.type != _REJECTED or not _standing(s, d)]
    if "," in s.text[s.start : s.end]:
        # "The talks, which collapsed in 2019, were never revived": an aside dated to an
        # earlier year dates what happens inside it
        asides = [m.span() for m in ASIDE.finditer(s.text, s.start, s.end)
                  if any(int(y.group(1)) < state.ref.year
                         for y in _ANY_YEAR.finditer(s.text, *m.span()))
                  or _past_month(w, s.text, *m.span(), state.ref)
                  or any(h.cat == "earlier" and m.start() <= h.start < m.end() for h in s.hits)]
        if asides:
            drafts = [d for d in drafts
                      if not any(a <= d.trigger.start < b for a, b in asides)]
    if any(d.type == "attack.military_target" for d in drafts):
        drafts = [d for d in drafts
                  if d.type != "attack.military_target" or _targets_hit(state, s, d)]
    if "kill" in cats and any(d.type == "casualties.reported" for d in drafts):
        drafts = [d for d in drafts if d.type != "casualties.reported" or _own_toll(state, s, d)]
    tolls = [max(d.casualties.killed or 0, d.casualties.wounded or 0) for d in drafts
             if d.type == "casualties.reported" and d.casualties is not None]
    if not lead and tolls and max(tolls) >= _VAGUE_MASS and (
            max(tolls) >= _WAR_TOLL or (w.set("vague_masses") and _vague_mass_re(w).search(
                s.text, s.start, s.end))) and not _recent_day(w, s.text, s.start, s.hits):
        # "Israel's retaliatory offensive killed more than 70,000 Palestinians", "More than
        # 4,000 people were killed in Lebanon": thousands, below the lede and on no recent
        # day, are a war's or a campaign's toll, and the acts told with them its acts; so are
        # hundreds told as a vague mass ("near-daily strikes ..., killing hundreds")
        drafts = [d for d in drafts if d.type not in _VIOLENT]
    if not lead and any(d.type in _ASSET_ATTACKS for d in drafts) and not _recent_day(
            w, s.text, s.start, s.hits):
        for kind, prefix in _ASSET_ATTACKS.items():
            if any(d.type == kind for d in drafts) and _campaign(s, prefix):
                drafts = [d for d in drafts if d.type != kind]
    if (not lead and not state.lede_talks and any(d.type == _STALLED for d in drafts)
            and "report" not in cats and not _recent_day(w, s.text, s.start, s.hits)):
        # "Follow-up talks in Istanbul ended without agreement" below a lede about an attack
        # that names no talks: the talks' history, told on no day and by no speaker
        drafts = [d for d in drafts if d.type != _STALLED]
    if state.opinion:
        drafts = [d for d in drafts if d.type not in _VIOLENT]
    if state.accident and not _armed(s, cats):
        drafts = [d for d in drafts if d.type not in _VIOLENT]
    if state.staged and not lead and not _real_harm(s, cats):
        drafts = [d for d in drafts if d.type not in _ATTACKS]
    if state.history and (not lead or state.obituary) and not _recent_day(
            w, s.text, s.start, s.hits):
        drafts = [d for d in drafts if d.type == "threat.military"]
    if lead and state.month_report and drafts and not _recent_day(w, s.text, s.start, s.hits):
        # "Israeli forces and settlers killed 23 Palestinians ... in November, the U.N. office
        # said in its monthly update": the month's count itself, no incident
        drafts = [d for d in drafts if d.type not in _VIOLENT]
    earlier_story = state.years_back or state.month_report or state.lede_old_act
    if earlier_story and not lead and drafts and not _recent_day(w, s.text, s.start, s.hits):
        # a story set years back, in an earlier month, or led by an earlier act: its undated
        # violence and tolls are that time's (what the article says was proposed or agreed
        # may still be today's)
        drafts = [d for d in drafts if d.type not in _VIOLENT]
    if "long_after" in cats and drafts:
        drafts = [d for d in drafts if not _in_earlier_aside(s, d.trigger)]
    if state.refutes and drafts and _post_says(w).search(s.text, *_quote_frame(s)):
        drafts = [d for d in drafts if d.type not in _VIOLENT]
    if drafts and any(d.type == "casualties.reported" for d in drafts) and (
            _SCARE_WORD.search(s.text, s.start, s.end)):
        # dozens of \"wounded\" volunteers lay on the floor: a casualty word in scare
        # quotes is not meant (a drill's, a claim's)
        scare = [m.span() for m in _SCARE_WORD.finditer(s.text, s.start, s.end)]
        drafts = [d for d in drafts if d.type != "casualties.reported"
                  or not any(a <= d.trigger.start < b for a, b in scare)]
    if state.refutes and drafts and _SCARE_QUOTE.search(s.text, s.start, s.end):
        # channels "reported a \"drone attack\" on the port": an act in scare quotes, in an
        # article that refutes a claim, is the claim
        scare = [m.span() for m in _SCARE_QUOTE.finditer(s.text, s.start, s.end)]
        drafts = [d for d in drafts if d.type not in _VIOLENT
                  or not any(a <= d.trigger.start < b for a, b in scare)]
    if state.refutes and drafts:
        text = s.text
        claims = [m.end() for m in _claim_that(w).finditer(text, s.start, s.end)]
        if claims:
            drafts = [d for d in drafts if not any(
                c <= d.trigger.start and words_between(text, c, d.trigger.start) <= _CLAIM_REACH
                for c in claims)]
    return drafts


# "... two weeks after Trump met Putin in Alaska, a summit that failed to produce a
# ceasefire": an apposition that describes what the "weeks after" clause dates
def _apposition(w: Words) -> re.Pattern[str]:
    """ ", a summit that failed to": an apposition (matched from the `long_after` cue to the
    trigger)."""
    return w.pattern("article:apposition", lambda w: (
        rf"[^;:]*?,\s+{w.alt('apposition_determiners')}\s+(?:[\w'-]+\s+){{0,3}}?"
        rf"{w.alt('apposition_relatives')}\s+(?:[\w'-]+\s+){{0,2}}?$"))


def _in_earlier_aside(s: Sentence, trigger: Hit) -> bool:
    """The trigger is in an apposition to a clause dated weeks, months or years before the
    sentence's own event (rules.closes drops triggers in the clause itself)."""
    apposition = _apposition(_words(s))
    return any(h.cat == "long_after" and h.end <= trigger.start
               and apposition.match(s.text, h.end, trigger.start) is not None for h in s.hits)


def _recent_day(w: Words, text: str, start: int, hits: list[Hit]) -> bool:
    """The sentence names a recent day ("on Monday", "overnight") for its own events, not
    only for a statement ("the U.N. said on Monday") or a named day ("Palm Sunday")."""
    recent = w.set("recent_days")
    return any(h.cat == "date_hint" and text[h.start : h.end].lower() in recent
               and not _said_on(w).search(text, max(start, h.start - _SAID_ON_REACH), h.start)
               and not _named_day(w).search(text, max(start, h.start - 12), h.start)
               for h in hits)


def _words(s: Sentence) -> Words:
    """The sentence's language's words (the coder's; the default coder's for a sentence
    built without one, as in tests)."""
    return s.words if s.words is not None else default_words()


def _dated_past_year(s: Sentence, ref: date) -> bool:
    """A sentence set in an earlier year by the language's own words ("в результате взрыва
    8 октября 2022 года", read in 2025), outside a relative aside: history, not news."""
    year_re = s.words.year_re if s.words is not None else None
    if year_re is None:
        return False
    asides = [m.span() for m in ASIDE.finditer(s.text, s.start, s.end)]
    return any(int(m.group(1)) < ref.year and not any(a <= m.start() < b for a, b in asides)
               for m in year_re.finditer(s.text, s.start, s.end))


def _retrospective(
    w: Words, text: str, start: int, end: int, hits: list[Hit], ref: date
) -> bool:
    """A sentence set in an earlier year or an earlier month ("collapsed in March", read in
    October), or about a decades-old accord ("the 1953 armistice"), and naming no recent day:
    history, not news."""
    if _recent_day(w, text, start, hits):
        return False  # a recent day, unless it only dates the statement ("the U.N. said on ...")
    # "Sudan's army, which has been at war since April 2023, dismissed ...": a relative
    # clause dates its own background, not the sentence
    asides = [m.span() for m in ASIDE.finditer(text, start, end)]

    def main(m: re.Match[str]) -> bool:
        return not any(a <= m.start() < b for a, b in asides)

    if text.find("19", start, end) >= 0 or text.find("20", start, end) >= 0:
        if any(int(m.group(1)) < ref.year and main(m)
               for m in _past_year_re(w).finditer(text, start, end)):
            return True
        # (not a year that names the accord an act is said to violate today: "a flagrant
        # violation of the 1974 disengagement agreement")
        breach = any(h.cat == "violate" for h in hits)
        if any(int(m.group(1)) <= ref.year - _OLD_YEARS and main(m)
               and not (breach and _names_truce(hits, m.end()))
               for m in _ANY_YEAR.finditer(text, start, end)):
            return True
    if not any(h.cat == "date_hint" for h in hits):
        return False  # no month named: skip the month regex
    return any(
        (ref.month - _month(w, m)) % 12 >= _PAST_MONTHS and main(m)
        for m in _past_month_re(w).finditer(text, start, end)
    )


def _names_truce(hits: list[Hit], year_end: int) -> bool:
    """A truce or a peace deal is named right after the year ("the 1974 disengagement
    agreement", "the 2018 peace agreement")."""
    return any(h.cat in ("truce", "peace_plan") and 0 < h.start - year_end <= 2 for h in hits)


# a condemnation reports its act again only the day after (at most): a day back is the next
# morning's copy of yesterday's news
_CONDEMNED_LATER_DAYS = 2
# a condemnation verb and the act it condemns: at most this many words apart ("condemned in
# the strongest terms the heinous terrorist attack")
_CONDEMNED_WITHIN = 10
_CONDEMNED_ACTS = frozenset({"attack", "bombing", "airstrike"})


def _condemn_re(w: Words) -> re.Pattern[str]:
    return w.pattern("condemn_verbs", lambda w: rf"\b{w.alt('condemn_verbs')}(?!\w)")


def _condemned_earlier(s: Sentence, dates: list[DateMention], ref: date) -> bool:
    """ "The UAE has strongly condemned the terrorist attack that targeted a checkpoint in
    Bannu on Monday, which killed 12", read on Wednesday: a statement condemning an act of an
    earlier day (every day the sentence names at least two days back; the act at most eight
    words after the verb) reports the statement, not the act again (the corpus's
    "condemnations later" convention)."""
    w = _words(s)
    found = _condemn_re(w).search(s.text, s.start, s.end)
    if found is None or not any(
            h.cat in _CONDEMNED_ACTS and h.start >= found.end()
            and words_between(s.text, found.end(), h.start) <= _CONDEMNED_WITHIN
            for h in s.hits):
        return False
    # a day right after the verb is the act's ("on Tuesday condemned Sunday night's attack":
    # Tuesday dates the condemnation); without one, every day the sentence names
    acts = [d for d in dates if d.start >= found.end()
            and words_between(s.text, found.end(), d.start) <= _CONDEMNED_WITHIN] or [
        # (not the day right before the verb: "the Council on Wednesday condemned ...")
        d for d in dates if not (d.end <= found.start()
                                 and words_between(s.text, d.end, found.start()) <= 1)]
    return bool(acts) and not any((ref - d.value).days < _CONDEMNED_LATER_DAYS for d in acts)


def _last_month(s: Sentence, ref: date) -> bool:
    """Violence dated last month without a day ("a Russian strike on Kyiv in late July
    killed 31", read on August 28): at least as many days back as this month has run, so
    older than a week once it has run a week, like an attack dated "last week". (A talks
    collapse "in September" read on October 9 is still news: only violence goes stale.)"""
    if ref.day < _STALE_DAYS or not any(h.cat == "date_hint" for h in s.hits):
        return False
    w = _words(s)
    if _recent_day(w, s.text, s.start, s.hits):
        return False
    asides = [m.span() for m in ASIDE.finditer(s.text, s.start, s.end)]
    return any((ref.month - _month(w, m)) % 12 == 1
               and not any(a <= m.start() < b for a, b in asides)
               for m in _past_month_re(w).finditer(s.text, s.start, s.end))


def _with_pronouns(
    state: _Article, text: str, start: int, end: int, found: list[actor_dict.Mention]
) -> list[actor_dict.Mention]:
    """The sentence's mentions (`found`), plus the first pronoun outside them as the last
    person named before the sentence."""
    if state.last_person is None:
        return found
    person = state.last_person
    found = list(found)
    named = len(found)
    for match in state.coder.actors.pronoun_re.finditer(text, start, end):
        if any(m.start <= match.start() < m.end for m in found):
            continue
        found.append(actor_dict.Mention(match.start(), match.end(), person))
        if person is not None:
            break
    other = state.last_other
    if other is not None and len(found) > named:
        # "He offered them a ceasefire": "them", after the person's pronoun, is the other
        # party named with that person in the sentence before
        for match in _plural_pronoun_re(state.coder.words).finditer(text, start, end):
            if not any(m.start <= match.start() < m.end for m in found):
                found.append(actor_dict.Mention(match.start(), match.end(), other))
                break
    return sorted(found)


class _Weapon(NamedTuple):
    """The weapon a sentence names (`_weapon_pronoun`): where it is, whether its word is
    plural and whether its sentence names a party ("it" could stand for)."""

    field: str
    order: int
    hit: Hit
    plural: bool
    names_party: bool
    start: int
    end: int


def _weapon_pronoun_re(w: Words) -> re.Pattern[str]:
    return w.pattern("weapon_pronoun", lambda w: (
        r"[\s\"'“‘]*(" + w.alternation(tuple(w.weapon_pronouns)) + r")\b"))


# what a weapon does to what it hits ("They damaged ...", "It killed four people ..."),
# at most one word after the pronoun ("They also damaged")
_WEAPON_DEEDS = frozenset({"damage", "kill", "wound", "attack"})
_DEED_WITHIN = 1


def _weapon_pronoun(state: _Article, name: str, s: Sentence) -> Sentence:
    """ "Russian forces launched a wave of Shahed drones at Odesa overnight. They damaged port
    facilities", "The drone came in low over the camp. It killed four people": a pronoun
    that opens the sentence right after one naming a weapon, agreeing with it in number and
    the subject of a damaging, killing or wounding verb, is that weapon (a weapon hit on
    the pronoun), and the weapon's sentence places the act when its own names no place.
    Tight on purpose: only the very next sentence of the same field, never after an
    interception ("shot down the drones. They ..."), and "it" only when that sentence names
    no party (which "it" could stand for)."""
    last, state.weapon = state.weapon, None
    weapon = None
    for hit in s.hits:
        if hit.cat == "intercept":
            weapon = None
            break
        if hit.cat == "aerial":
            weapon = hit
    if weapon is not None:
        word = s.text[weapon.start : weapon.end].lower()
        state.weapon = _Weapon(name, state.order, weapon, word.endswith("s"),
                               bool(s.mentions), s.start, s.end)
    if last is None or last.field != name or last.order != state.order - 1:
        return s
    w = state.coder.words
    pronoun = _weapon_pronoun_re(w).match(s.text, s.start, s.end)
    if pronoun is None or w.weapon_pronouns[pronoun.group(1).lower()] != last.plural:
        return s
    if not last.plural and last.names_party:
        return s  # "Israel fired a missile at Gaza. It said ...": "it" may be the party
    first = next((h.start for h in s.hits if h.start >= pronoun.end()), None)
    if first is None or words_between(s.text, pronoun.end(), first) > _DEED_WITHIN or not any(
            h.start == first and h.cat in _WEAPON_DEEDS for h in s.hits):
        return s
    hit = Hit(pronoun.start(1), pronoun.end(1), "aerial", last.hit.payload)
    state.weapon_places[(name, state.order)] = (last.start, last.end)
    return s._replace(hits=sorted([*s.hits, hit]))


def _plural_pronoun_re(w: Words) -> re.Pattern[str]:
    return w.pattern("plural_pronoun", lambda w: (
        r"\b(?:" + w.alternation(w.plural_pronouns) + r")\b"))


def _bare_state_re(w: Words) -> re.Pattern[str]:
    return w.pattern("bare_state", lambda w: (
        r"\b(?:(?P<mil>" + w.alternation(w.bare_forces or ("(?!)",)) + r")|(?P<gov>"
        + w.alternation(w.bare_government or ("(?!)",)) + r"))\b"))


def _with_bare_state(
    state: _Article, text: str, start: int, end: int, found: list[actor_dict.Mention]
) -> list[actor_dict.Mention]:
    """ "the army", "the federal government" with no state named: in an article whose
    parties so far are all of one country and include an armed group of it ("walked out of
    talks with the RSF, accusing the army"), that state's armed forces (SDNMIL) or
    government (ETHGOV). A foreign party named anywhere before (Israel beside Hamas) leaves
    them unread: whose army it is, the text does not say here."""
    home = state.home_war
    if home == "":
        return found  # another country was named: never again in this article
    if home is None:
        home = next((m.entry.country for m in found if m.entry.country
                     and m.entry.code and m.entry.code.endswith("REB")), None)
        if home is None:
            return found
        state.home_war = home
    if any(m.entry.country not in (None, home) and m.entry.kind != "org" for m in found) or (
            any(c != home for c in state.countries)):
        state.home_war = ""
        return found
    name = actor_dict.country_names().get(home, home)
    added = []
    for match in _bare_state_re(state.coder.words).finditer(text, start, end):
        if any(f.start <= match.start() < f.end for f in found):
            continue
        sector = "MIL" if match.group("mil") else "GOV"
        entry = actor_dict.ActorEntry(
            f"{name} {'armed forces' if sector == 'MIL' else 'government'}", f"{home}{sector}",
            home, sector.lower())
        added.append(actor_dict.Mention(match.start(), match.end(), entry))
    return sorted([*found, *added]) if added else found


def _group_anaphor_re(w: Words) -> re.Pattern[str]:
    return w.pattern("group_anaphor", lambda w: (
        r"\b(?:" + w.alternation(w.group_anaphors) + r")\b(?!['’]s)"))


def _with_group_anaphor(
    state: _Article, text: str, start: int, end: int, found: list[actor_dict.Mention]
) -> list[actor_dict.Mention]:
    """ "Mediators presented a truce plan to Hamas. The group rejected it": "the group" in a
    sentence that names no armed group is the one named last before it."""
    for mention in reversed(found):
        if mention.entry.kind == "group":
            state.last_group = mention.entry
            return found
    last = state.last_group
    if last is None:
        return found
    added = [actor_dict.Mention(m.start(), m.end(), last)
             for m in _group_anaphor_re(state.coder.words).finditer(text, start, end)
             if not any(f.start <= m.start() < f.end for f in found)]
    return sorted([*found, *added]) if added else found


def _claim_re(w: Words) -> re.Pattern[str]:
    def build(w: Words) -> str:
        claimed_act = (
            "|" + w.alternation(w.claim_verbs) + r"\s+"
            + w.alternation((*w.claim_determiners, *sorted(w.claim_indefinites)))
            + r"(?:\s+[\w'’-]+){0,2}?\s+" + w.alternation(w.claimed_acts)
            + r"\b(?!\s+(?:was|were|is|had|has|would|could)\b)"
        ) if w.claim_verbs and w.claimed_acts and w.claim_determiners else ""
        return r"\b(?:" + w.alternation(w.responsibility_claims) + claimed_act + r")\b"

    # built once per coder (`Words.pattern` caches it by key)
    return w.pattern("responsibility_claim", build)


def _claim_pronoun_re(w: Words) -> re.Pattern[str]:
    return w.pattern("claim_pronoun", lambda w: (
        r"[\s\"'“‘]*(?:" + w.alternation(w.claim_pronouns) + r")\b"))


# a claimant and its claim of responsibility: at most this many words apart ("Ukraine's
# military intelligence on Thursday claimed responsibility")
_CLAIMANT_WITHIN = 3


def _with_claimant(
    state: _Article, name: str, text: str, start: int, end: int,
    found: list[actor_dict.Mention],
) -> list[actor_dict.Mention]:
    """ "Ukraine's military intelligence claimed responsibility for the blast. It said a
    drone hit a Russian radar": the pronoun that opens the very next sentence as the subject
    of a report verb is the party that claimed responsibility, and the acts it reports with
    no agent of their own are that party's (`_code_rules`). Only the next sentence, only its
    opening pronoun, only a claimant named right before its claim."""
    claim, state.claimant = state.claimant, None
    w = state.coder.words
    if claim is not None and claim[1] == state.order - 1:
        pronoun = _claim_pronoun_re(w).match(text, start, end)
        if pronoun is not None and not any(m.start < pronoun.end() for m in found):
            word = _TOKEN.search(text, pronoun.start(), pronoun.end())
            after = _TOKEN.search(text, pronoun.end(), end)
            if (word is not None and after is not None
                    and after.group().lower() in w.set("report")):
                mention = actor_dict.Mention(word.start(), word.end(), claim[0])
                state.claim_speakers.append((name, mention))
                found = sorted([*found, mention])
    for match in _claim_re(w).finditer(text, start, end):
        subject = next((m for m in reversed(found) if m.end <= match.start()), None)
        if subject is not None and words_between(text, subject.end, match.start()) <= (
                _CLAIMANT_WITHIN) and not any(c in text[subject.end : match.start()]
                                              for c in ",;:"):
            state.claimant = (subject.entry, state.order)
            claimed = match.group().lower().split()
            state.claims[(name, state.order)] = (
                subject, len(claimed) < 2 or claimed[1] not in w.claim_indefinites)
        break
    return found


def _claimed_roles(state: _Article, pending: _Pending, roles: Roles) -> Roles:
    """ "...; the Houthis claimed the attack hours later", "A drone hit the base. JNIM claimed
    the attack.": a violent act whose author is unknown, or only the country it came from,
    is the party that claims it, in its own sentence or (when the claim names an act
    already told) in the very next one."""
    claim = state.claims.get((pending.field, pending.order))
    if claim is None:
        claim = state.claims.get((pending.field, pending.order + 1))
        if claim is None or not claim[1]:
            return roles
    claimant = claim[0]
    actor, target = roles.actor, roles.target
    if target is not None and target.entry.code == claimant.entry.code:
        return roles
    if actor is not None and not (actor.entry.code == actor.entry.country
                                  and claimant.entry.country == actor.entry.country):
        return roles
    return Roles(claimant, target, None)


def _blame_opening_re(w: Words) -> re.Pattern[str]:
    return w.pattern("blame_opening", lambda w: (
        r"[\s\"'“‘]*" + w.alternation(w.blame_pronouns) + r"\s+"
        + w.alternation(w.blame_verbs) + r"\s+(?:(?:a|an|the)\s+)?"))


def _note_blame(state: _Article, name: str, text: str, start: int,
                mention: actor_dict.Mention) -> None:
    """ "They blamed an Ethiopian military drone": a sentence that opens with a pronoun and
    a blame verb, its only party right after it, names the author of the act of the sentence
    before (`_blamed_actors`)."""
    opening = _blame_opening_re(state.coder.words).match(text, start)
    if opening is not None and opening.end() == mention.start:
        state.blames.append((name, state.order, mention))


def _blamed_actors(state: _Article) -> None:
    """The violent records of the sentence right before a blaming one ("An air strike on a
    wedding party killed 30 people, witnesses said. They blamed an Ethiopian military
    drone") take the party blamed as their actor, when none of them has an actor and the
    blaming sentence codes no violence of its own."""
    violent: dict[tuple[str, int], list[_Coded]] = {}
    for c in state.coded:
        if c.draft.type in _VIOLENT:
            violent.setdefault((c.field, c.order), []).append(c)
    for name, order, mention in state.blames:
        if (name, order) in violent:
            continue
        before = violent.get((name, order - 1), [])
        if before and all(c.actor is None for c in before):
            for c in before:
                c.actor = _sector(mention, c.draft.type, "actor")


def _asked(state: _Article, s: Sentence) -> bool:
    """The sentence is a question ("How can you say the truce is holding?", a reporter's at
    a briefing): it asks, it reports nothing (the language's `question_marks`)."""
    marks = state.coder.words.phrases["question_marks"]
    if not marks:
        return False
    quotes = " \"'”’»"
    own = s.text[s.start : s.end].rstrip(quotes)
    tail = s.text[s.end : s.end + 3].lstrip(quotes)
    return own[-1:] in marks or tail[:1] in marks


def _place(state: _Article, pending: _Pending, drafts: list[Draft], ref: date) -> None:
    s = pending.sentence
    if _asked(state, s):
        return
    places = _finest(state.coder.gazetteer.find_places(s.text, s.start, s.end))
    span = state.weapon_places.get((pending.field, pending.order)) if not places else None
    if span is not None:
        # "The drone came in low over the Kalma camp in Darfur. It killed four people": the
        # weapon's sentence places the act its pronoun does
        places = _finest(state.coder.gazetteer.find_places(s.text, *span))
    hints = [h.start for h in s.hits if h.cat == "date_hint"]
    dates = _sentence_dates(state, s, ref, hints) if hints else []
    breaks = _breaks(s, dates) if dates else []
    soft = any(h.cat == "soft_hedge" for h in s.hits)
    violent = any(d.type in _VIOLENT for d in drafts)
    figures = state.coder.words.figures.find_figures(s.text, s.start, s.hits) if violent else []
    last_month = violent and _last_month(s, ref)
    condemned = violent and bool(dates) and _condemned_earlier(s, dates, ref)
    superseded = violent and _superseded(s)
    lead = pending.field == "headline" or (
        pending.field == "body" and s.start == state.body_lead)
    types = {d.type for d in drafts}
    military = "attack.military_target" in types and "attack.infrastructure" not in types
    recalled: set[int] = set()  # the date mentions of attacks recalled from an earlier day
    stale_only: bool | None = None  # found once, for the first undated violent draft
    for draft in drafts:
        roles = draft.roles
        when = _pick_date(dates, breaks, draft, s)
        if when is None and draft.type in _VIOLENT and stale_only is None and not lead:
            stale_only = bool(dates) and all(
                d.explicit and (ref - d.value).days >= _STALE_DAYS for d in dates
            ) and not _recent_day(_words(s), s.text, s.start, s.hits)
        if when is None and draft.type in _VIOLENT and stale_only:
            # "The last attack on the capital, eight days ago, damaged a power plant": every
            # day the sentence names is over a week back, none of them its clause's own (below
            # the lede: a lede's acts are the story's news, however late it is read)
            continue
        if draft.type in _SCHEDULED and when is not None and when.value > ref:
            continue  # "are expected to meet in Jeddah on Nov. 12": not held yet
        if state.opinion and when is not None and when.value < ref:
            continue  # an editorial's "On Sunday, the army said no to a truce": the news it
            # argues about, an earlier day's
        if (when is not None and (ref - when.value).days >= _STALE_DAYS
                and (draft.type in _ATTACKS
                     or (when.explicit and (draft.type in _VIOLENT or draft.type in _ACCORDS)))):
            continue  # "damaged by Russian strikes last week": context, not today's news
        if (not lead and when is not None and when.explicit
                and (draft.type in _VIOLENT or draft.type in _TALKS)
                and (ref - when.value).days >= _WEEK):
            # "on the night of March 19", read on March 26: a calendar date a week back or
            # more (wires name the weekday within the week) dates an earlier act, recalled;
            # so it dates talks ("Talks in Istanbul broke down on November 7"; not a truce's
            # or a proposal's, whose dates may be its period: "from Dec. 20 to Jan. 6")
            continue
        if (draft.type in _VIOLENT and not lead and when is not None and not when.explicit
                and (ref - when.value).days >= _RECAP_DAYS
                and words_between(s.text, s.start, when.start) <= 1
                and s.text[when.end : when.end + 1] == ","):
            continue  # "On Sunday, ELN fighters attacked a military post ...", read on
            # Wednesday below another lede: a weekday set before the sentence, a recap (a
            # calendar date, "On June 1, Ukrainian forces targeted ...", tells the story's
            # own act)
        if draft.type in _VIOLENT and not lead and superseded:
            continue  # "A security source had earlier told the desk that a drone had hit"
        if draft.type in _VIOLENT and not breaks and not dates:
            breaks = _breaks(s, dates)  # found once for the sentence's drafts, not per draft
        if draft.type in _VIOLENT and _dated_earlier(s, breaks, draft, ref):
            continue  # "sentenced on Wednesday for the December 2022 ambush in which 13 ..."
        if draft.type in _ACCORDS and _dated_earlier(s, breaks or _breaks(s, dates), draft,
                                                     ref):
            continue  # "the ceasefire holding since it took effect in October", read in Feb.
        if draft.type in _VIOLENT and (last_month or condemned):
            continue
        if draft.type in _VIOLENT and when is None and _subject_dated(s, dates, draft, ref):
            continue  # "Pakistani shelling on May 7, the first night of the war, killed 12"
        if (lead and draft.type not in _VIOLENT and when is not None
                and state.lead_day is None and when.value <= ref
                and not any(h.cat in _VIOLENCE_CUES for h in s.hits)):
            # a lede whose news is talks or a truce ("walked out of talks on Monday") and
            # names no violence dates the story as a violent lede does: "an attack on
            # Saturday night" below it is an earlier day's, recalled as background
            state.lead_day = when.value
        elif (lead and draft.type not in _VIOLENT and when is not None
                and state.lead_day is None and when.value <= ref
                and len(days := {d.value for d in dates if d.value <= ref}) > 1):
            # one that names violence with an earlier day of its own ("accused Kabul on
            # Friday of sheltering the men behind Tuesday's bombing") is dated by its latest
            # day: the violence is recalled, below it too
            state.lead_day = max(days)
        if (lead and draft.type in _VIOLENT and when is not None
                and _retold_in_lede(s, dates, when, ref)):
            # "buried victims of Monday's suicide bombing on Tuesday": the lede's news is of a
            # later day, the act an earlier day's, retold; the later day dates the story
            # the later day the lede names, else (a cause's "after Thursday's attack") the
            # wire's own
            state.lead_day = max((d.value for d in dates if when.value < d.value <= ref),
                                 default=ref)
            state.retold = True
            continue
        if (not lead and state.retold and draft.type == "casualties.reported"
                and _toll_revision_re(state.coder.words).search(s.text, s.start, s.end)):
            continue  # "..., raising the number of dead from the bombing to 17"
        if (not lead and state.retold and draft.type == "casualties.reported" and dates
                and state.lead_day is not None
                and all(d.value < state.lead_day for d in dates)):
            continue  # "... was ambushed on Saturday morning, the army said on Saturday
            # evening, putting the toll at 18", below a lede that retells it on Monday
        if (not lead and state.retold and draft.type == "casualties.reported" and not dates
                and _retold_toll_re(state.coder.words).search(s.text, s.start, s.end)):
            continue  # "The statement ... said dozens of them had been killed": the retold
            # act's toll, in the past of the story's past
        if (not lead and state.lead_day is None and draft.type == "casualties.reported"
                and _possessive_earlier(s, dates, ref)):
            continue  # "UKRAINE (recap) - The toll from Sunday's missile strike rose to 14"
        if draft.type in _VIOLENT and (when is not None or len(dates) == 1):
            if lead and when is not None and state.lead_day is None:
                state.lead_day = when.value
            elif not lead and state.lead_day is not None and (
                (when is not None and when.value < state.lead_day
                 and (_own_day(s, when, draft) or when.start in recalled))
                or (draft.type == "casualties.reported"
                    and _possessive_earlier(s, dates, state.lead_day))
                or (when is None and dates[0].value < state.lead_day)
            ):
                # "The base was also hit on Sunday, when 12 soldiers were killed" below a
                # lede dated Tuesday: violence of an earlier day, recalled as background;
                # so is the toll the same date gives in a later clause ("Накануне вечером
                # дрон атаковал автобус: тогда ..., еще трое получили ранения")
                if when is not None and draft.type in _ATTACKS:
                    recalled.add(when.start)
                continue
        if (draft.type in _VIOLENT and roles.actor is None
                and roles.claimed_by is not None
                and (pending.field, roles.claimed_by) in state.claim_speakers):
            # "X claimed responsibility for the blast. It said a drone hit a radar": the
            # claimant speaks of its own act
            roles = Roles(roles.claimed_by, roles.target, None)
        if draft.type in _VIOLENT and state.claims:
            roles = _claimed_roles(state, pending, roles)
        if (draft.type == "casualties.reported" and roles.actor is None
                and roles.target is None and roles.claimed_by is not None
                and _battle_told_by_its_army(s, draft, roles.claimed_by, state.coder.words)):
            # "Eleven soldiers and 40 militants were killed in fighting, the Pakistani army
            # said": the army whose soldiers died is the battle's first party
            roles = Roles(roles.claimed_by, None, roles.claimed_by)
        state.coded.append(_Coded(
            draft=draft,
            field=pending.field,
            start=s.start,
            end=s.end,
            text=s.text[s.start : s.end],
            order=pending.order,
            actor=_sector(roles.actor, draft.type, "actor") if roles.actor else None,
            target=(_sector(_struck_place(state, s, roles.target, draft.type), draft.type,
                            "target", military) if roles.target else None),
            claimed_by=roles.claimed_by.actor() if roles.claimed_by else None,
            locations=list(places),
            when=when,
            figures=list(figures) if draft.type in _VIOLENT else [],
            soft_hedge=soft,
            dated_offer=draft.type == _PROPOSED and _earlier_cue_own(s, draft),
            military=military and draft.type in _ON_FORCES,
            places_only=_places_only(s) if draft.type in _ACCORD_TALKS else frozenset(),
            self_claimed=draft.type == "casualties.reported" and _self_claimed(state, s, draft),
        ))
        if (draft.type in _FIGHTING and roles.actor is not None and roles.claimed_by is not None
                and roles.actor.entry.code != roles.claimed_by.entry.code
                and _reciprocal(s, state.coder.words.reciprocals)):
            # "X and Y accused each other of violating the truce": Y's act on X, and X's on Y
            one = state.coded[-1]
            one.target = roles.claimed_by.actor()
            state.coded.append(replace(one, draft=copy(draft), actor=one.target,
                                       target=one.actor, claimed_by=None))


_TOKEN = re.compile(r"[\w'’-]+")


def _soldier_re(w: Words) -> re.Pattern[str]:
    return w.pattern("soldier_nouns", lambda w: (
        r"\b(?:" + w.alternation(tuple(sorted(w.soldier_nouns - _NOT_SOLDIERS))) + r")\b"))


def _battle_re(w: Words) -> re.Pattern[str]:
    return w.pattern("battle_nouns", lambda w: (
        r"\s+(?:in|during)\s+(?:(?:a|an|the|heavy|fierce|intense|ensuing|overnight)\s+){0,2}"
        + w.alternation(w.battle_nouns) + r"\b"))


def _battle_told_by_its_army(s: Sentence, draft: Draft, speaker: actor_dict.Mention,
                             w: Words) -> bool:
    """A battle's toll ("were killed in fighting", "died in clashes") whose dead named before
    the verb include soldiers, told by a state's armed forces and naming no other party: the
    soldiers are the speaker's, so it is a party to the battle (the golden table's first
    party); "killed in an ambush", another party named, or a speaker that is no army leave
    it unread."""
    if not w.battle_nouns or speaker.entry.kind != "mil" or len(s.mentions) != 1:
        return False
    trigger = draft.trigger
    if _battle_re(w).match(s.text, trigger.end, s.end) is None:
        return False
    return _soldier_re(w).search(s.text, s.start, trigger.start) is not None


def _soldiers_only(text: str, w: Words) -> bool:
    """The sentence's counted victims are all soldiers: "killed nine soldiers", "two Thai
    soldiers were wounded", and no other count ("11 Palestinians", "three civilians", a bare
    "killing three") beside them. The noun counted is the word after a number, or the next
    but one ("five Thai soldiers")."""
    if not w.soldier_nouns or _soldier_re(w).search(text) is None:
        return False  # most tolls name no soldier: no tokens to read
    written = [m.group() for m in _TOKEN.finditer(text)]
    tokens = [t.lower() for t in written]
    numbers = w.figures.number_words
    soldiers = False
    for i, token in enumerate(tokens):
        if not (token[:1].isdigit() or token in numbers
                or token.rsplit("-", 1)[-1] in numbers):  # "twenty-one"
            continue
        following = tokens[i + 1 : i + 3]
        noun = next((t for t in following if t in w.soldier_nouns or t in w.person_nouns),
                    None)
        if noun is None:
            if i + 1 < len(written) and written[i + 1][:1].isupper():
                return False  # "11 Palestinians": a people counted
            continue  # "five wounded", "twenty five": no noun counted here
        if noun in w.soldier_nouns:
            soldiers = soldiers or noun not in _NOT_SOLDIERS
        else:
            return False
    return soldiers


def _closing_source(w: Words) -> re.Pattern[str]:
    return w.pattern("closing_source", lambda w: r",\s*(?:[\w'’-]+\s+){0,4}?"
                     rf"{w.alt('report')}\b")


def _victims_only(coded: _Coded, w: Words, nouns: frozenset[str]) -> bool:
    """The act's victims are all of one kind (`nouns`), named after the act's word: a
    militia of the place ("a drone strike hit a vehicle near Sinjar, killing two members of
    a local Yazidi militia": IRQREB, the golden table's convention that a militia is an
    armed non-state group of the country it operates in), or its officials ("gunmen
    assassinated the mayor of a town in Michoacan": MEXGOV). No civilians or other people
    named beside them; a noun before the act word is its agent ("a militia attacked a
    village"), one in the closing attribution its source."""
    if not nouns:
        return False
    at = max(0, coded.draft.trigger.start - coded.start)
    after = coded.text[at + coded.draft.trigger.end - coded.draft.trigger.start :]
    # "a cyberattack that Polish officials blamed on Russia": the blamers are no victims
    blame = blame_clause(w, after)
    if blame is not None:
        after = after[blame:]
    # "..., local officials said": the source named after the victims is none of them
    source = _closing_source(w).search(after)
    tokens = [t.lower() for t in _TOKEN.findall(after[: source.start() if source else None])]
    # the victims are the act's object, a few words on ("killing two members of a local
    # militia"); "14 people died" names its victims before the verb
    before = [t.lower() for t in _TOKEN.findall(coded.text[:at])][-3:]
    if coded.draft.type in _ATTACKS:
        # an attack's victims are its toll's: "hit a vehicle near Sinjar, killing two ..."
        harm = w.set("kill") | w.set("wound")
        tokens = tokens[next((i + 1 for i, t in enumerate(tokens) if t in harm), 0):]
    if not any(t in nouns for t in tokens[:_VICTIMS_WITHIN]):
        return False
    # "two members of a local militia": the members are the group's, no other victims
    members = w.set("group_members")
    return not any(t in w.person_nouns and t not in w.soldier_nouns and t not in nouns
                   and t not in members for t in [*before, *tokens])


# how far after the act's word its victims are read (the determiner, number, modifiers)
_VICTIMS_WITHIN = 8


# words of `soldier_nouns` that do not by themselves make the victims soldiers
_NOT_SOLDIERS = frozenset({"others", "fighters", "militants", "commander", "commanders",
                           "officer", "officers", "guard", "guards", "crew"})


_ACCUSATION = "accusation.terrorism"
_MILITARY_ACCUSERS = frozenset({"army", "military", "security forces"})


def _unnamed_accuser_re(w: Words) -> re.Pattern[str]:
    return w.pattern("unnamed_accuser_noun", lambda w: (
        r"\b(" + w.alternation(tuple(sorted(w.phrases.get("accuser_nouns", ()))) or ("(?!)",))
        + r")\b"))


def _unnamed_accuser(coded: _Coded, w: Words) -> Actor | None:
    """ "A man stabbed four people in Holon; police called it a terrorist attack": an
    accuser named only by its institution is that of the country where the act was (police
    and officials GOV, the army MIL)."""
    country = coded.locations[0].country
    if not country or not w.phrases.get("accuser_nouns"):
        return None
    match = _unnamed_accuser_re(w).search(coded.text)
    if match is None:
        return None
    noun = " ".join(match.group(1).lower().split())
    return _with_sector(actor_dict.country_actor(country),
                        "MIL" if noun in _MILITARY_ACCUSERS else "GOV")


def _places_only(s: Sentence) -> frozenset[str]:
    """The countries the sentence names only as a place of a political act ("appealed for a
    truce in Ukraine"), none of them also named as a party."""
    places = {m.entry.country for m in s.mentions if m.entry.country and party_excluded(s, m)}
    if not places:
        return frozenset()
    return frozenset(places - {m.entry.country for m in s.mentions if not party_excluded(s, m)})


def _reciprocal(s: Sentence, reciprocals: tuple[str, ...]) -> bool:
    """An accusation made both ways: "accused each other of ...", "blamed one another for"."""
    if not reciprocals:
        return False
    for hit in s.hits:
        if hit.cat == "accused_of" and s.text[hit.end : hit.end + 16].lstrip().lower(
                ).startswith(reciprocals):
            return True
    return False


# Which part of a state acts (CAMEO's sector codes; the golden table's conventions): saying
# and negotiating is the government's ("Israel rejected the plan" -> ISRGOV), fighting with
# a weapon named by the demonym is the armed forces' ("an Israeli drone struck" -> ISRMIL;
# "Iran fired missiles" stays IRN), and a military target is the armed forces'.
_POLITICAL = frozenset({"ceasefire.rejected", "ceasefire.proposed", "ceasefire.agreed",
                        "negotiation.held", "negotiation.stalled", "accusation.terrorism",
                        "threat.military"})
_VIOLATION = "ceasefire.violated"
_FIGHTING = _VIOLENT | {_VIOLATION}
# the events of harm to a country's people and civilian assets
# truces and talks: "a truce in Ukraine" names no addressee (a threat's "strikes on Kyiv" does)
_ACCORD_TALKS = frozenset({"ceasefire.rejected", "ceasefire.proposed", "ceasefire.agreed",
                           "negotiation.held", "negotiation.stalled"})
_ON_PEOPLE = frozenset({"casualties.reported", "attack.infrastructure"})
# the events of one act on a military asset whose target is the asset's forces
_ON_FORCES = frozenset({"attack.aerial", "attack.military_target", "casualties.reported"})


def _sector(mention: actor_dict.Mention, type_: str, role: str, military: bool = False
            ) -> Actor:
    """The mention's actor with the sector its role in an event of `type_` implies."""
    actor = mention.actor()
    entry = mention.entry
    if actor.code is None or actor.code != actor.country:
        return actor  # already a sector (RUSGOV, ISRMIL, PSEREB) or no code
    if type_ in _POLITICAL:
        return _with_sector(actor, "GOV")
    if role == "actor" and type_ in _FIGHTING and entry.kind == "demonym":
        return _with_sector(actor, "MIL")
    if role == "target" and (type_ == "attack.military_target"
                             or (military and type_ in _ON_FORCES)):
        return _with_sector(actor, "MIL")
    return actor


def _struck_place(state: _Article, s: Sentence, mention: actor_dict.Mention, type_: str
                  ) -> actor_dict.Mention:
    """"Russian missiles struck Kyiv": a capital named as the place struck is its country
    (UKR), not its government, as any city struck is (a gazetteer name: not "the Kremlin")."""
    entry = mention.entry
    if type_ not in _FIGHTING or entry.country is None or entry.code == entry.country:
        return mention
    # a language's own places (LanguagePlaces) name no English gazetteer entries: unread
    names = getattr(state.coder.gazetteer, "resolvable", None)
    if names is not None and s.text[mention.start : mention.end] in names:
        return as_country(mention)
    return mention


def _rebel(actor: Actor) -> bool:
    """An armed group's code (CAMEO REB): the other side of a civil war from its state."""
    return bool(actor.code and actor.code.endswith("REB"))


def _with_sector(actor: Actor, sector: str) -> Actor:
    return _SECTORED.setdefault((actor.code, sector), Actor(
        name=actor.name, code=f"{actor.code}{sector}", country=actor.country))


_SECTORED: dict[tuple[str | None, str], Actor] = {}  # shared, never mutated (as `_actor`'s)


def _own_day(s: Sentence, when: DateMention, draft: Draft) -> bool:
    """The date is in the trigger's own clause (not the sentence's opening date of a
    statement): it dates this violence."""
    start, end = _clause(s, draft.trigger.start, _breaks(s, [when]))
    return start <= when.start < end


def _finest(places: list[Location]) -> list[Location]:
    """Drop a country when a city, region or site in it is named too."""
    finer = {p.country for p in places if p.feature != "country"}
    return [p for p in places if p.feature != "country" or p.country not in finer]


def _dated_earlier(
    s: Sentence, breaks: list[tuple[int, int]], draft: Draft, ref: date
) -> bool:
    """The trigger's own clause names an earlier year or a month two or more back ("cut off
    by the attack on the substation in April", read in June): the sentence's recent day (a
    verdict, a statement, power restored) dates something else."""
    start, end = _trigger_clause(s, draft.trigger.start, breaks)
    w = _words(s)
    if any(h.cat == "date_hint" for h in s.hits) and _past_month(w, s.text, start, end, ref):
        return True  # a month is a date hint: without one, no regex
    years_back = w.set("earlier_years")
    if years_back and any(h.cat == "earlier" and s.text[h.start : h.end].lower() in years_back
                          for h in s.hits) and not _recent_day(w, s.text, s.start, s.hits):
        return True  # "Roadside bombs killed 14 officers in four counties last year"
    if s.text.find("19", start, end) < 0 and s.text.find("20", start, end) < 0:
        return False
    return any(int(m.group(1)) < ref.year for m in _past_year_re(w).finditer(s.text, start, end))


# words between the act's noun and its day's preposition ("shelling on May 7": 0, "the
# shelling of Kramatorsk on May 7": 2)
_ACT_TO_DAY = 3


def _subject_dated(s: Sentence, dates: list[DateMention], draft: Draft, ref: date) -> bool:
    """The act named before its verb carries a calendar day a week or more back ("Pakistani
    shelling on May 7, the first night of the conflict, killed 12 civilians", read in
    November): the date is the subject's, so the toll is that day's, background. Not after
    a temporal word ("the worst attack since the one on May 7 killed 12") nor in a
    sentence that names a recent day for its own events. The day must follow the act's own
    noun ("shelling on May 7"): a speaker's day ("Putin on June 4 cast doubt ..., accusing
    Kyiv of attacks that killed seven") dates the speech, and a lede's, the story."""
    w = _words(s)
    preps = w.set("day_preps")
    temporal = w.set("temporal_words")
    for d in dates:
        if not d.explicit or d.start >= draft.trigger.start or (ref - d.value).days < _STALE_DAYS:
            continue
        before = s.text[s.start : d.start].split()
        if not before or before[-1].lower() not in preps:
            continue
        if not any(h.cat in _VIOLENCE_CUES and h.end <= d.start
                   and words_between(s.text, h.end, d.start) <= _ACT_TO_DAY for h in s.hits):
            continue
        if any(t.lower().strip(",;:") in temporal for t in before):
            continue
        if any(a <= d.start < b for a, b in (m.span() for m in ASIDE.finditer(
                s.text, s.start, s.end))):
            continue
        return not _recent_day(w, s.text, s.start, s.hits)
    return False


def _past_month(w: Words, text: str, start: int, end: int, ref: date) -> bool:
    """A month named two or more months back, without a day ("in April", read in June)."""
    return any((ref.month - _month(w, m)) % 12 >= _PAST_MONTHS
               for m in _past_month_re(w).finditer(text, start, end))


def _breaks(s: Sentence, dates: list[DateMention]) -> list[tuple[int, int]]:
    """The sentence's clause breaks, found once for all its drafts and anchors."""
    text = s.text
    return [
        match.span() for match in _CLAUSE_BREAK.finditer(text, s.start, s.end)
        if not any(d.start <= match.start() < d.end for d in dates)  # "June 1, 2025"
        and not (text[match.start()] == "," and text[match.start() - 1].isdigit()
                 and text[match.end() : match.end() + 1].isdigit())  # "1,200 civilians"
    ]


def _trigger_clause(s: Sentence, pos: int, breaks: list[tuple[int, int]]) -> tuple[int, int]:
    """The clause of the trigger at `pos`; a participle opening its clause (", killing 116
    people", ", injuring two") belongs to the clause it follows ("which bombed a ferry in
    2004, killing 116"), unless that one names a recent day ("The blast on Wednesday was the
    deadliest since the 2017 bombing, killing 41")."""
    start, end = _clause(s, pos, breaks)
    if start > s.start and not s.text[start:pos].strip():
        before = _clause(s, start - 1, breaks)[0]
        if not _recent_day(_words(s), s.text, s.start,
                           [h for h in s.hits if before <= h.start < start]):
            start = before
    return start, end


def _clause(s: Sentence, pos: int, breaks: list[tuple[int, int]]) -> tuple[int, int]:
    """The comma/semicolon-delimited stretch of the sentence around `pos`."""
    start, end = s.start, s.end
    for at, after in breaks:
        if at < pos:
            start = after
        else:
            end = at
            break
    return start, end


def _pick_date(
    dates: list[DateMention], breaks: list[tuple[int, int]], draft: Draft, s: Sentence
) -> DateMention | None:
    """The date in the trigger's own clause (a calendar date before a relative one), or a
    sentence-opening one ("On June 1, ..."): a date elsewhere belongs to another verb."""
    if not dates:
        return None
    pool: list[DateMention] = []
    for anchor in [draft.trigger, *draft.anchors]:
        start, end = _clause(s, anchor.start, breaks)
        pool = [d for d in dates if start <= d.start < end]
        if pool:
            break
    if not pool:
        opening = s.text[s.start : dates[0].start].strip().lower()
        pool = [dates[0]] if not opening or opening in _words(s).set("date_openers") else []
    explicit = [d for d in pool if d.explicit]
    pool = explicit or pool
    return min(pool, key=lambda d: abs(d.start - draft.trigger.start)) if pool else None


def _attach_figures(state: _Article, text: str, start: int, hits: list[Hit]) -> None:
    """ "The damage, estimated at $7 billion": figures that follow an attack belong to it."""
    if not state.coded or state.coded[-1].draft.type not in _VIOLENT:
        return
    figures = state.coder.words.figures.find_figures(text, start, hits)
    if figures:
        last = next(c for c in reversed(state.coded) if c.draft.type in _ATTACKS | _VIOLENT)
        last.figures.extend(figures)


def _resolve(state: _Article) -> list[_Coded]:
    """Fill what a sentence left open from the rest of the article."""
    dyad = [c for c, _ in state.countries.most_common(2)]
    violent = [c for c in state.coded if c.draft.type in _VIOLENT]
    if len(violent) <= _FEW:
        _fill_plain(violent)
    else:
        _fill_from_neighbours(violent)
    aerial = [c for c in violent if c.draft.type == "attack.aerial"]
    aerial_orders = [a.order for a in aerial]  # in reading order: found by bisection
    tax = state.coder.taxonomy
    ground = tax.code("attack.military_target", "ground")
    for coded in violent:
        if coded.draft.type == "attack.military_target" and coded.draft.code == ground and any(
            _same_country(a.actor, coded.actor)
            for a in aerial[bisect_left(aerial_orders, coded.order - 2)
                            : bisect_right(aerial_orders, coded.order + 2)]
        ):
            # an air strike on the asset within two sentences: the asset was hit from the air
            coded.draft.code = tax.code("attack.military_target", "aerial")
    # a violation after the acts: "violated the truce by shelling army positions" is that
    # act, so it takes the act's dyad
    violations = [c for c in state.coded if c.draft.type == _VIOLATION]
    acts: dict[tuple[str, int], _Coded] = {}
    for coded in [c for c in state.coded if c.draft.type != _VIOLATION] + violations:
        if coded.draft.type == _ACCUSATION and coded.actor is None and coded.locations:
            coded.actor = _unnamed_accuser(coded, state.coder.words)
        guessed = coded.target is None
        placed = False
        if coded.draft.type == _VIOLATION and guessed:
            act = acts.get((coded.field, coded.start))
            if act is not None and _compatible(act.actor, coded.actor):
                # the act's own agent, not the speaker the violation's words fell back on
                coded.actor = act.actor or coded.actor
                coded.target = act.target
                continue
        if guessed:
            coded.target, placed = _counterpart(coded, dyad)
            if coded.target is not None and coded.target.code == coded.target.country:
                if coded.draft.type in _POLITICAL:
                    coded.target = _with_sector(coded.target, "GOV")  # the other party's state
                elif coded.draft.type == "attack.military_target" or coded.military:
                    coded.target = _with_sector(coded.target, "MIL")
        if (coded.draft.type == "casualties.reported" and coded.target is not None
                and coded.target.code == coded.target.country
                and _soldiers_only(coded.text, state.coder.words)):
            coded.target = _with_sector(coded.target, "MIL")  # "killed nine soldiers"
        if (coded.draft.type in _VIOLENT and coded.target is not None
                and coded.target.code == coded.target.country):
            words = state.coder.words
            if _victims_only(coded, words, words.militia_nouns):
                coded.target = _with_sector(coded.target, "REB")  # "two members of a militia"
            elif _victims_only(coded, words, words.official_nouns):
                coded.target = _with_sector(coded.target, "GOV")  # "assassinated the mayor"
        if coded.actor and coded.target and coded.actor.country == coded.target.country and (
            (guessed and not placed) or (not guessed and _rebel(coded.actor) == _rebel(
                coded.target) and not (coded.draft.type in _VIOLENT
                                       and coded.target.code == coded.target.country))
        ):
            # the actor's own country guessed from the dyad, or another organ of its own state
            # ("Ukraine's Security Service confirmed that 41 aircraft were hit"), is no target;
            # the other side of a civil war is (the army and the RSF: SDNMIL, SDNREB)
            coded.target = None if coded.actor.country else coded.target
        if coded.draft.type in _VIOLENT and coded.target is not None:
            # the act a violation in its sentence is: the attack on the asset before its toll
            key = (coded.field, coded.start)
            if key not in acts or (acts[key].draft.type == "casualties.reported"
                                   and coded.draft.type != "casualties.reported"):
                acts[key] = coded
    return state.coded


# Records: up to this many, a plain pass over all of them is cheaper than building an index
# (an ordinary wire has at most 16); the indexed paths give the same answers (the tests check)
_FEW = 24


def _fill_plain(violent: list[_Coded]) -> None:
    """`_fill_from_neighbours` for a few records: sort all the others for each."""
    for coded in violent:
        others = sorted(
            (o for o in violent if o is not coded), key=lambda o: abs(o.order - coded.order)
        )
        if coded.actor is None:
            source = next((o for o in others if o.actor is not None), None)
            if source is not None and _compatible(source.target, coded.target):
                coded.actor = source.actor
        kin = sorted(
            (o for o in others if _same_country(o.actor, coded.actor)),
            key=lambda o: (o.draft.type != coded.draft.type, abs(o.order - coded.order)),
        )
        if coded.when is None:
            coded.when = next((o.when for o in kin if o.when is not None), None)
        if not coded.locations:
            coded.locations = next((list(o.locations) for o in kin if o.locations), [])


class _Nearby:
    """The violent records of an article by position (they are in reading order), for the
    questions `_fill_from_neighbours` asks: which record with a given property is nearest to
    this one? The answer is the one a sort of all the others by sentence distance (stable,
    so equally near ones in reading order) would put first, found by bisection in sorted
    lists of positions, one list per property, instead of by that sort per record."""

    def __init__(self, violent: list[_Coded]) -> None:
        self.orders = [c.order for c in violent]
        # the first position of each sentence: equally near records, the earliest first
        self.first: list[int] = []
        for i, order in enumerate(self.orders):
            same = i and self.orders[i - 1] == order
            self.first.append(self.first[i - 1] if same else i)
        self.sets: dict[object, list[int]] = {}

    def add(self, key: object, i: int) -> None:
        members = self.sets.setdefault(key, [])
        if not members or members[-1] < i:
            members.append(i)  # the first filling is in reading order
        else:
            insort(members, i)

    def remove(self, key: object, i: int) -> None:
        members = self.sets[key]
        del members[bisect_left(members, i)]

    def nearest(self, keys: list[object], i: int) -> int | None:
        """The member of any of the `keys` lists nearest to `i` (not `i` itself)."""
        orders, best = self.orders, None
        for key in keys:
            members = self.sets.get(key)
            if not members:
                continue
            k = bisect_left(members, i)
            if k:  # the nearest sentence before: its earliest member
                j = members[bisect_left(members, self.first[members[k - 1]])]
                if best is None or (orders[i] - orders[j], j) < (abs(orders[best] - orders[i]),
                                                                   best):
                    best = j
            k = bisect_right(members, i)
            if k < len(members):
                j = members[k]
                if best is None or (orders[j] - orders[i], j) < (abs(orders[best] - orders[i]),
                                                                   best):
                    best = j
        return best


def _country_class(actor: Actor | None) -> object:
    """Which records `_same_country` pairs a record with: no actor pairs with all."""
    return "none" if actor is None else ("actor", actor.country)


def _fill_from_neighbours(violent: list[_Coded]) -> None:
    """An event takes what its sentence left open from the violent events nearest it: the
    actor from the nearest with one (if its target does not contradict), the date and the
    places from the nearest of the same side that has them, same type first. Records are
    filled in reading order, so a record filled early can fill a later one."""
    near = _Nearby(violent)
    types = sorted({c.draft.type for c in violent})
    for i, c in enumerate(violent):
        cls = _country_class(c.actor)
        if c.actor is not None:
            near.add("actor", i)
        for prop, present in (("when", c.when is not None), ("places", bool(c.locations))):
            if present:
                near.add((prop, c.draft.type, "*"), i)
                near.add((prop, c.draft.type, cls), i)
    for i, coded in enumerate(violent):
        had = (coded.actor, coded.when is not None, bool(coded.locations))
        if coded.actor is None:
            j = near.nearest(["actor"], i)
            if j is not None and _compatible(violent[j].target, coded.target):
                coded.actor = violent[j].actor
        # the same side: any record if this one has no actor, else those with none or with
        # an actor of the same country
        classes = ["*"] if coded.actor is None else ["none", _country_class(coded.actor)]
        for prop in ("when", "places"):
            if (coded.when if prop == "when" else coded.locations):
                continue
            j = near.nearest([(prop, coded.draft.type, c) for c in classes], i)
            if j is None:
                j = near.nearest([(prop, t, c) for t in types if t != coded.draft.type
                                  for c in classes], i)
            if j is None:
                continue
            if prop == "when":
                coded.when = violent[j].when
            else:
                coded.locations = list(violent[j].locations)
        # what this record gained, later records see
        if had[0] is None and coded.actor is not None:
            near.add("actor", i)
            for prop, present in (("when", had[1]), ("places", had[2])):
                if present:
                    near.remove((prop, coded.draft.type, "none"), i)
                    near.add((prop, coded.draft.type, _country_class(coded.actor)), i)
        for prop, was, now in (("when", had[1], coded.when is not None),
                               ("places", had[2], bool(coded.locations))):
            if now and not was:
                near.add((prop, coded.draft.type, "*"), i)
                near.add((prop, coded.draft.type, _country_class(coded.actor)), i)


def _counterpart(coded: _Coded, dyad: list[str]) -> tuple[Actor | None, bool]:
    """The target an event's sentence left open, and whether it is the place struck: a
    violent act's place of another country than the actor's, else of the actor's own (the
    army's air force bombing a monastery in its own country, rebels shelling a town: the
    country is the target, whoever struck it); else the article's other party."""
    actor_country = coded.actor.country if coded.actor else None
    if coded.draft.type in _VIOLENT:
        for loc in coded.locations:
            if loc.country and loc.country != actor_country:
                return actor_dict.country_actor(loc.country), True
        # a state's forces hitting a military asset at home hit the other side's (an occupied
        # town, a border post): that is the dyad's business, not the place's
        on_forces = coded.draft.type == "attack.military_target" or coded.military
        if coded.actor is None or _rebel(coded.actor) or not on_forces:
            for loc in coded.locations:
                if loc.country:
                    return actor_dict.country_actor(loc.country), True
        if on_forces and coded.actor is not None and _rebel(coded.actor) and actor_country:
            # "TTP militants attacked a checkpoint": an armed group's attack on a military
            # asset no one is named for is on the forces of the state it fights
            return actor_dict.country_actor(actor_country), True
    if coded.draft.type == _VIOLATION and (coded.actor is None or _rebel(coded.actor)):
        # "312 ceasefire violations in Donetsk region", "M23 rebels breached the truce by
        # seizing a town in North Kivu": no agent, or an armed group at home, violates it
        # where the place is (a state's violation at home is the dyad's business)
        for loc in coded.locations:
            if loc.country:
                return actor_dict.country_actor(loc.country), True
    if actor_country in dyad and len(dyad) == 2:
        other = dyad[1] if dyad[0] == actor_country else dyad[0]
        if other in coded.places_only:
            return None, False  # "appealed for a truce in Ukraine": a place, no addressee
        return actor_dict.country_actor(other), False
    if (coded.draft.type in _ON_PEOPLE or coded.draft.type == _VIOLATION) and (
            coded.actor is not None and _rebel(coded.actor) and actor_country):
        # "Boko Haram fighters shot dead 40 farmers in Borno's Jere area" (a place the
        # gazetteer lacks, no other party named): an armed group's violence at home is on
        # its state's people
        return actor_dict.country_actor(actor_country), True
    return None, False


def _same_country(a: Actor | None, b: Actor | None) -> bool:
    return a is None or b is None or a.country == b.country


def _compatible(a: Actor | None, b: Actor | None) -> bool:
    return a is None or b is None or a.country is None or b.country is None or (
        a.country == b.country
    )


def _richness(c: _Coded) -> tuple[int, int, int]:
    filled = sum(x is not None for x in (c.actor, c.target, c.when, c.draft.casualties))
    filled += bool(c.locations) + bool(c.draft.assets)
    return (filled, c.field == "body", -c.order)


_KEYS = range(4)
# the subsets of the four keys, by bit mask: which keys a heap of groups is keyed on
_SUBSETS = [tuple(k for k in _KEYS if mask >> k & 1) for mask in range(16)]


def _merge_keys(c: _Coded) -> tuple[object, ...]:
    """What `_mergeable` compares, None for a wildcard: casualties, day, actor's and
    target's countries (an unknown one is compatible with any)."""
    cas = c.draft.casualties
    return (
        None if cas is None else (cas.killed, cas.wounded, cas.missing),
        None if c.when is None else c.when.value,
        None if c.actor is None else c.actor.country,
        None if c.target is None else c.target.country,
    )


class _Group:
    """Restatements of one event, with the value its members have for each key (a record
    joins only if it agrees with every member, so they have at most one; None while none
    has one). A record is mergeable with every member exactly when, for each key it has,
    the group has none or the same."""

    def __init__(self, index: int, item: _Coded, keys: tuple[object, ...]) -> None:
        self.index = index
        self.members = [item]
        self.keys = list(keys)


class _Groups:
    """The groups of one event type, indexed so that the first one (in the order they were
    opened) a record fits is found without trying each: for every subset of the keys, the
    groups by their values on it, in heaps by opening order. A record with values on keys S
    fits the groups whose values on S are each None or the record's, at most 2^|S| heaps.
    A group's values only ever go from None to a value, so a group that leaves a heap never
    returns to it and is dropped from it lazily."""

    def __init__(self) -> None:
        self.groups: list[_Group] = []
        self.heaps: dict[tuple[int, tuple[object, ...]], list[int]] = {}

    def _index(self, group: _Group, masks: Iterable[int]) -> None:
        for mask in masks:
            values = tuple(group.keys[k] for k in _SUBSETS[mask])
            heappush(self.heaps.setdefault((mask, values), []), group.index)

    def first_fit(self, keys: tuple[object, ...]) -> _Group | None:
        have = [k for k in _KEYS if keys[k] is not None]
        mask = sum(1 << k for k in have)
        best: int | None = None
        for choice in range(1 << len(have)):  # each key: the group has none, or the same
            values = tuple(keys[k] if choice >> n & 1 else None for n, k in enumerate(have))
            heap = self.heaps.get((mask, values))
            while heap:
                group = self.groups[heap[0]]
                if tuple(group.keys[k] for k in have) == values:
                    break
                heappop(heap)  # its values moved on
            if heap and (best is None or heap[0] < best):
                best = heap[0]
        return None if best is None else self.groups[best]

    def open(self, item: _Coded, keys: tuple[object, ...]) -> _Group:
        group = _Group(len(self.groups), item, keys)
        self.groups.append(group)
        self._index(group, range(16))
        return group

    def join(self, group: _Group, item: _Coded, keys: tuple[object, ...]) -> None:
        group.members.append(item)
        changed = 0
        for k, key in enumerate(keys):
            if key is not None and group.keys[k] is None:  # (else it is the same: it fits)
                group.keys[k] = key
                changed |= 1 << k
        if changed:
            self._index(group, (mask for mask in range(16) if mask & changed))


def _mergeable(a: _Coded, b: _Coded) -> bool:
    if a.draft.type != b.draft.type:
        return False
    ca, cb = a.draft.casualties, b.draft.casualties
    if ca is not None and cb is not None and ca != cb:
        return False
    same_day = a.when is None or b.when is None or a.when.value == b.when.value
    return same_day and _compatible(a.actor, b.actor) and _compatible(a.target, b.target)


def _group_plain(coded: list[_Coded]) -> list[list[_Coded]]:
    """`_group` for a few records: try each group's every member."""
    groups: list[list[_Coded]] = []
    for item in coded:
        group = next((g for g in groups if all(_mergeable(item, o) for o in g)), None)
        if group is None:
            groups.append([item])
        else:
            group.append(item)
    return groups


def _group(coded: list[_Coded]) -> list[list[_Coded]]:
    """Each record joins the first group (in the order they were opened) whose every member
    it is mergeable with, else opens one."""
    groups: list[_Group] = []
    by_type: dict[str, _Groups] = {}
    for item in coded:
        keys = _merge_keys(item)
        of_type = by_type.setdefault(item.draft.type, _Groups())
        group = of_type.first_fit(keys)
        if group is None:
            groups.append(of_type.open(item, keys))
        else:
            of_type.join(group, item, keys)
    return [g.members for g in groups]


def _merge(coded: list[_Coded]) -> list[_Coded]:
    """One record per event: restatements (headline, caption, body) fold into the richest."""
    merged: list[_Coded] = []
    for members in _group_plain(coded) if len(coded) <= _FEW else _group(coded):
        best = max(members, key=_richness)
        names = {loc.name for loc in best.locations}
        # Figure and Casualties compare by their fields: a set of them finds repeats at once
        seen = {(f.kind, f.value, f.unit, f.text) for f in best.figures}
        for other in members:
            if other is best:
                continue
            best.actor = best.actor or other.actor
            best.target = best.target or other.target
            best.claimed_by = best.claimed_by or other.claimed_by
            best.when = best.when or other.when
            best.draft.casualties = best.draft.casualties or other.draft.casualties
            added = [loc for loc in other.locations if loc.name not in names]
            best.locations += added
            names.update(loc.name for loc in added)
            figures = [f for f in other.figures if (f.kind, f.value, f.unit, f.text) not in seen]
            best.figures += figures
            seen.update((f.kind, f.value, f.unit, f.text) for f in figures)
            best.draft.assets = sorted(set(best.draft.assets) | set(other.draft.assets))
            best.draft.strategic = best.draft.strategic or other.draft.strategic
            best.soft_hedge = best.soft_hedge and other.soft_hedge
        best.merged = len(members) - 1
        best.first_told = min(0 if m.field != "body" else m.start for m in members)
        merged.append(best)
    return sorted(merged, key=lambda c: c.order)


def _confidence(c: _Coded, base: float, speech_act: bool) -> float:
    score = base
    score += 0.05 * (c.actor is not None) + 0.03 * (c.target is not None)
    score += 0.03 * bool(c.locations) + 0.02 * (c.when is not None)
    score += min(0.06, 0.03 * c.merged)
    if c.soft_hedge:
        score -= 0.15
    if c.claimed_by is not None and not speech_act:
        score -= 0.05
    if c.field != "body" and not c.merged:
        score -= 0.05
    return round(max(0.05, min(0.99, score)), 3)


def event_id(article_id: str, type_: str, field_name: str, start: int) -> str:
    """Same article, type and evidence span, same id: replays never duplicate events."""
    digest = hashlib.sha256(f"{article_id}\x1f{type_}\x1f{field_name}\x1f{start}".encode())
    return f"evt_{digest.hexdigest()[:24]}"


_new_event = _trusted(Event)
_new_evidence = _trusted(Evidence)


def _event(article_id: str, language: str | None, c: _Coded, coder: Coder) -> Event:
    code = c.draft.code
    row = coder.cameo[code]
    casualties = c.draft.casualties
    # every value below is built by this module from validated parts: construct, not
    # validate (every field, in the order Event declares them)
    return _new_event(
        event_id=event_id(article_id, c.draft.type, c.field, c.start),
        type=c.draft.type,
        cameo_code=code,
        cameo_description=row.description,
        goldstein=row.goldstein,
        quad_class=row.quad_class,
        actor=c.actor,
        target=c.target,
        claimed_by=c.claimed_by,
        locations=c.locations,
        event_date=c.when.value if c.when else None,
        date_text=c.when.text if c.when else None,
        casualties=casualties.model_copy() if casualties else None,
        figures=c.figures,
        assets=c.draft.assets,
        strategic=c.draft.strategic,
        evidence=_new_evidence(field=c.field, text=c.text, start=c.start, end=c.end),
        first_told=c.first_told,
        confidence=_confidence(c, coder.taxonomy.confidence[c.draft.type],
                               c.draft.type in coder.taxonomy.speech_acts),
        coder_version=CODER_VERSION,
        language=language,
    )
