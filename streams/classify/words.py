"""The grammar words of a coder's language that the role and rule code reads, taken from the
coder's own lexicon (not the shipped file), so a language's data brings its own."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from streams.classify.figures import Figures

if TYPE_CHECKING:
    from streams.classify.dates import LanguageDates
    from streams.classify.language_data import LanguageSettings


class Words:
    """Role prepositions ("by X" is the agent, "on X" the target, "with X" a partner), the
    asset classes that make a military target strategic, the figures' number words, and the
    closed word lists (`phrases:`) the predicates read around a hit."""

    def __init__(
        self, lexicon: dict[str, Any], settings: LanguageSettings | None = None
    ) -> None:
        from streams.classify.language_data import ENGLISH

        self.settings = settings or ENGLISH
        # None: English's own barriers (scope.py), unchanged
        self.barriers: tuple[re.Pattern[str], re.Pattern[str]] | None = (
            None if self.settings.code == "en" else self.settings.barriers()
        )
        # hedge words that make a noun before them hypothetical ("удары ... будут продолжены");
        # None for English (scope.py's "could", "would" ...)
        self.modals = frozenset(str(w).lower() for w in lexicon.get("modals", ())) or None
        # the language's condition words and the sentence opening with one ("Если ...",
        # "«Якщо ..."); None for a language that gives none (scope.py's English "if" ...)
        self.conditionals: tuple[frozenset[str], re.Pattern[str]] | None = None
        if self.settings.conditionals:
            def alt(words: Iterable[str]) -> str:
                return "|".join(r"\s+".join(map(re.escape, w.split()))
                                for w in sorted(words, key=len, reverse=True))

            unless = (rf"(?!(?:{alt(self.settings.conditional_exceptions)})(?!\w))"
                      if self.settings.conditional_exceptions else "")
            self.conditionals = (frozenset(self.settings.conditionals), re.compile(
                rf"[\"“«„']?\s*(?:[-—–]\s*)?{unless}(?:{alt(self.settings.conditionals)})"
                rf"(?!\w)", re.IGNORECASE))
        roles = lexicon["roles"]
        self.agent_preps = frozenset(roles["agent_prep"])
        self.target_preps = frozenset(roles["target_prep"])
        self.partner_preps = frozenset(roles["partner_prep"])
        # optional (a language without them reads no coordination, article or broker):
        # "Israel and the ELN", "officials from A and from B" (a coordinator and the words
        # that may stand beside it); "by the army", "at northern Israel" (an article or a
        # compass word between a preposition and its party); "US-brokered talks", "Qatari
        # mediators" (a broker is never a party); "talks in Doha" (a place, never the party
        # of a political act)
        self.coordinators = frozenset(roles.get("coordinator", ()))
        self.coordination_links = frozenset(roles.get("coordination_link", ()))
        self.pair_preps = frozenset(roles.get("pair_prep", ()))  # "clashes between A and B"
        self.premodifiers = frozenset(roles.get("premodifier", ()))
        self.brokers = frozenset(roles.get("broker", ()))
        self.place_only_preps = frozenset(roles.get("place_only_prep", ()))
        # "a missile launched from Yemen": where a weapon came from, never its target
        self.origin_preps = frozenset(roles.get("origin_prep", ()))
        # "Colombia's president", "Ukraine's top negotiator": one person, whom "he" or "she"
        # in a later sentence stands for
        self.titles = frozenset(roles.get("title", ()))
        # "accused each other of violating the truce": the accusation runs both ways
        self.reciprocals = tuple(str(w).lower() for w in roles.get("reciprocal", ()))
        # "the army chiefs of India and Pakistan": a head noun's parties after it
        self.head_preps = frozenset(roles.get("head_prep", ()))
        # "accusing the army of bad faith" beside the RSF alone: the one state's forces
        self.bare_forces = tuple(str(w).lower() for w in roles.get("bare_forces", ()))
        # "The group rejected it": the armed group named last
        self.group_anaphors = tuple(str(w).lower() for w in roles.get("group_anaphor", ()))
        # "He offered them a ceasefire": the other party named beside the person before
        self.plural_pronouns = tuple(str(w).lower() for w in roles.get("plural_pronoun", ()))
        # "... Shahed drones at Odesa. They damaged port facilities": the weapon named just before
        self.weapon_pronouns = {
            **{str(w).lower(): True for w in roles.get("weapon_pronoun_plural", ())},
            **{str(w).lower(): False for w in roles.get("weapon_pronoun_singular", ())}}
        self.bare_government = tuple(str(w).lower() for w in roles.get("bare_government", ()))
        # "killed nine soldiers": a toll of only these is the armed forces' (XMIL), not the
        # country's; any other person noun of the sentence ("civilians") keeps the country
        # "said its jets struck": a possessive pronoun for a party named before it
        self.own_pronouns = frozenset(str(w).lower() for w in roles.get("own_pronoun", ()))
        # "used HIMARS rocket launchers to ...": the weapon wielded, not a target
        self.wield = frozenset(str(w).lower() for w in roles.get("wield", ()))
        # "If the RSF breaches the truce, the army will respond": the party conditioned on
        self.conditional_roles = frozenset(str(w).lower() for w in roles.get("conditional", ()))
        # "struck Nyala, the RSF's stronghold": a place a party holds is the place
        self.held_places = frozenset(str(w).lower() for w in roles.get("held_place", ()))
        # "X claimed responsibility for the blast. It said a drone hit ...": the claim and
        # the pronoun that opens the next sentence as its speaker
        self.responsibility_claims = tuple(
            str(w).lower() for w in roles.get("responsibility_claim", ()))
        self.claim_pronouns = tuple(str(w).lower() for w in roles.get("claim_pronoun", ()))
        # "the Houthis claimed the attack", "JNIM claimed Monday's ambush": a claim verb and,
        # a determiner and at most two words on, the act claimed (a claim of responsibility)
        self.claim_verbs = tuple(str(w).lower() for w in roles.get("claim_verb", ()))
        self.claimed_acts = tuple(str(w).lower() for w in roles.get("claimed_act", ()))
        self.claim_determiners = tuple(
            str(w).lower() for w in roles.get("claim_determiner", ()))
        self.claim_indefinites = frozenset(
            str(w).lower() for w in roles.get("claim_indefinite", ()))
        # "11 soldiers and 40 militants were killed in fighting, the army said": a battle
        # whose toll counts the speaker's own soldiers has the speaker as a party
        self.battle_nouns = tuple(str(w).lower() for w in roles.get("battle_nouns", ()))
        # "An air strike killed 30 ... They blamed an Ethiopian military drone": a pronoun
        # subject, its blame verb, the party blamed for the act of the sentence before
        self.blame_pronouns = tuple(str(w).lower() for w in roles.get("blame_pronoun", ()))
        self.blame_verbs = tuple(str(w).lower() for w in roles.get("blame_verb", ()))
        # "near the Belarusian border": a country's edge is a place, not the country
        self.border_nouns = frozenset(str(w).lower() for w in roles.get("border_nouns", ()))
        self.soldier_nouns = frozenset(str(w).lower() for w in roles.get("soldier_nouns", ()))
        # "killing two members of a local militia": victims of an armed group of the place
        self.militia_nouns = frozenset(str(w).lower() for w in roles.get("militia_nouns", ()))
        # "assassinated the mayor": victims who are the state's officials (GOV)
        self.official_nouns = frozenset(str(w).lower() for w in roles.get("official_nouns", ()))
        self.person_nouns = frozenset(str(w).lower() for w in roles.get("person_nouns", ()))
        self.strategic = frozenset(lexicon["assets"]["strategic"])
        self.figures = Figures(lexicon, self.settings.thousands, self.settings.decimal,
                               self.settings.compound_numbers)
        # the word lists of `phrases:` and of the cue categories (a predicate may read the
        # terms of a category the scan also finds, to skip its regex when nothing was found)
        article = lexicon.get("article") or {}
        self.phrases: dict[str, tuple[str, ...]] = {
            str(name): tuple(str(term).lower() for term in terms or ())
            for section in (lexicon.get("cues"), lexicon.get("phrases"), article.get("lists"))
            for name, terms in (section or {}).items()
        }
        # the article checks' month forms -> numbers (article.yaml's, else the lexicon's), and
        # whether a month is only a month written with a capital ("May", not "may")
        self.months: dict[str, int] = {
            str(k).lower(): int(v)
            for k, v in (article.get("months") or lexicon.get("months") or {}).items()}
        self.capitalized_months = bool(article.get("capitalized_months"))
        # Arabic-style proclitics a word of a list may carry in front ("والادعاءات")
        clitics = sorted(self.settings.proclitics, key=len, reverse=True)
        self._clitics = ("(?:" + "|".join(map(re.escape, clitics)) + ")*") if clitics else ""
        self._sets: dict[str, frozenset[str]] = {}
        # a year the sentence is set in, in a language whose wires date it so ("в 2022 году",
        # "8 октября 2022 года"): the language's `year_words` after the year; None for English,
        # whose own patterns are in coder.py
        forms = [re.escape(str(w)[:-1]) + r"\w*" if str(w).endswith("*") else re.escape(str(w))
                 for w in lexicon.get("year_words", ())]
        # the language's own date phrases; None for English (dates.py's patterns)
        self.dates: LanguageDates | None = None
        if lexicon.get("months") or lexicon.get("weekdays") or lexicon.get("relative_days"):
            from streams.classify.dates import LanguageDates

            self.dates = LanguageDates(lexicon.get("months", {}), lexicon.get("weekdays", {}),
                                       lexicon.get("relative_days", {}))
        self.year_re = _year_re(forms, lexicon)
        self._patterns: dict[str, re.Pattern[str]] = {}

    def set(self, name: str) -> frozenset[str]:
        """The list `name` as a set of lowercased terms, for a whole-word or whole-hit test."""
        found = self._sets.get(name)
        if found is None:
            found = self._sets[name] = frozenset(self.phrases[name])
        return found

    def alt(self, name: str, capitalized: bool = False) -> str:
        """The list `name` as a regex group: each term's words separated by any spacing, a
        trailing `*` as any word ending, the language's proclitics allowed in front; an empty
        list never matches. `capitalized`: each term with its first letter upper case (for a
        pattern compiled case-sensitive: "Palm Sunday", not "palm")."""
        return self.alternation(self.phrases[name], capitalized)

    def alternation(self, terms: tuple[str, ...], capitalized: bool = False) -> str:
        """`alt` for any terms."""
        parts = []
        for term in terms:
            star = term.endswith("*")
            body = term[:-1] if star else term
            if capitalized:
                body = body[:1].upper() + body[1:]
            parts.append(self._clitics + r"\s+".join(re.escape(w) for w in body.split())
                         + (r"\w*" if star else ""))
        return "(?:" + "|".join(parts) + ")" if parts else "(?!)"

    def month_alt(self) -> str:
        """The article checks' month forms as a regex group, longest first, matched
        case-sensitive and capitalized when the language writes months so."""
        forms = tuple(sorted(self.months, key=lambda m: (-len(m), m)))
        group = self.alternation(forms, self.capitalized_months)
        return f"(?-i:{group})" if self.capitalized_months else group

    def pattern(self, key: str, build: Callable[[Words], str], flags: int = re.IGNORECASE
                ) -> re.Pattern[str]:
        """The regex `build` makes from this coder's lists, compiled once per coder."""
        found = self._patterns.get(key)
        if found is None:
            found = self._patterns[key] = re.compile(build(self), flags)
        return found

    def preposition(self, word: str) -> str:
        """A role word as the role lists spell it: a contraction spelled out ("del" -> "de"),
        an elided article dropped ("l'" -> "")."""
        settings = self.settings
        if word in settings.contractions:
            return settings.contractions[word]
        return "" if word in settings.elision else word


def _phrase_alt(terms: Iterable[object] | None) -> str:
    """Terms as a regex alternation, longest first, any spacing between their words."""
    words = sorted((str(t).lower() for t in terms or ()), key=len, reverse=True)
    return "|".join(r"\s+".join(re.escape(w) for w in t.split()) for t in words)


def _year_re(forms: list[str], lexicon: dict[str, Any]) -> re.Pattern[str] | None:
    """The year a sentence is set in, group 1: before the language's `year_words` ("в 2022
    году"), or after one of its `year_before` words, a month between them allowed and the
    language's `year_links` around it ("en 2022", "en mars 2022", "en junio de 2025",
    "aquel 8 de abril de 2022"), unless one of its `year_not_after` words comes right
    before ("conclue en novembre 2024"). None when the language has neither (English:
    coder.py)."""
    before = _phrase_alt(lexicon.get("year_before"))
    if not before:
        return re.compile(
            r"(?<!\d)((?:19|20)\d\d)\s*(?:" + "|".join(forms) + r")(?!\w)", re.IGNORECASE
        ) if forms else None
    months = _phrase_alt(lexicon.get("months", {}))
    links = _phrase_alt(lexicon.get("year_links"))
    link = rf"(?:(?:{links})\s+)?" if links else ""
    # a day may carry an ordinal dot ("am 7. Oktober 2023")
    month = rf"(?:(?:\d{{1,2}}\.?\s+{link})?(?:{months})\s+{link})?" if months else ""
    # "la trêve conclue en novembre 2024", "en vigor desde": the year dates the accord named
    # before it, not the sentence's event (one fixed-width look-behind per word)
    unless = "".join(rf"(?<!{re.escape(str(w).lower())} )"
                     for w in lexicon.get("year_not_after") or ())
    alts = [rf"{unless}\b(?:{before})\s+{month}(?=(?:19|20)\d\d(?!\w))"]
    if links and months:
        # "el ataque de julio de 2025": a month linked on both sides dates what it follows
        # (the month written: a bare "de 2000" is a count, "más de 2000 muertos")
        alts.append(rf"{unless}\b(?:{links})\s+(?:\d{{1,2}}\s+(?:{links})\s+)?(?:{months})"
                    rf"\s+(?:{links})\s+(?=(?:19|20)\d\d(?!\w))")
    ands = _phrase_alt((lexicon.get("roles") or {}).get("list_and"))
    if links and ands:
        # "los ataques ... de 2023 y 2024": two years linked and joined are dates, no count
        alts.append(rf"{unless}\b(?:{links})\s+(?=(?:19|20)\d\d\s+(?:{ands})\s+"
                    rf"(?:19|20)\d\d(?!\w))")
    if forms:
        alts.append(r"(?<!\d)(?=(?:19|20)\d\d\s*(?:" + "|".join(forms) + r")(?!\w))")
    return re.compile("(?:" + "|".join(alts) + r")((?:19|20)\d\d)", re.IGNORECASE)


def default_words() -> Words:
    """The default coder's words, for a sentence built without a coder (tests)."""
    from streams.classify.loader import default_coder

    return default_coder().words
