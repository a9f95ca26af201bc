"""A coded language's folder (`data/lang/<code>/`, described in its FORMAT.md), read and
checked against the English files it mirrors: a language is data, and a typo in it must stop
the build with the file and the name, not silently code nothing."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from streams.classify.taxonomy import CoderConfigError

# What English reads with (the defaults scope.py and sentences.py always had).
ENGLISH_CLAUSE_WORDS = ("but", "while", "although", "though", "whereas", "and")
# the lexicon sections a language may have; each is optional (absent: empty)
_SECTIONS = frozenset({"version", "cues", "roles", "assets", "figures", "numbers",
                       "multipliers", "currencies", "abbreviations", "months", "weekdays",
                       "qualifiers", "toll_words", "toll_nouns", "year_words",
                       "year_before", "year_links", "year_not_after", "age_words", "share_words",
                       "relative_days", "modals", "phrases"})
_ROLE_KEYS = ("agent_prep", "target_prep", "partner_prep", "place_prep", "person_nouns",
              "list_and", "list_determiners")


class _Digits(BaseModel):
    """How the language writes a figure: "2.000" (de, es), "2 000" (fr, ru), "2,5"."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    thousands: list[Literal[".", ",", " ", "\u00a0", "\u202f", "'"]] = Field(min_length=1)
    decimal: Literal[".", ","]


class _Settings(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    version: Literal[1]
    code: str
    name: str
    morphology: Literal["none", "stems"] = "none"
    endings: list[str] = Field(default_factory=list)
    quotes: dict[Literal["open", "close"], str] = Field(default_factory=dict)
    clause_words: list[str] = Field(default_factory=list)
    and_words: list[str] = Field(default_factory=list)
    clause_exceptions: list[str] = Field(default_factory=list)
    conditionals: list[str] = Field(default_factory=list)
    conditional_exceptions: list[str] = Field(default_factory=list)
    proclitics: list[str] = Field(default_factory=list)
    elision: list[str] = Field(default_factory=list)
    contractions: dict[str, str] = Field(default_factory=dict)
    rules_off: list[str] = Field(default_factory=list)
    predicates_off: list[str] = Field(default_factory=list)
    masks: dict[str, list[str]] = Field(default_factory=dict)
    modifiers_after: int = Field(default=0, ge=0, le=3)
    compound_numbers: bool = False
    regions: dict[str, str] = Field(default_factory=dict)
    digits: _Digits | None = None
    verb_final: bool = False
    nouns_capitalised: bool = False
    dateline: str | None = None
    spellings: dict[str, str] = Field(default_factory=dict)
    relatives: list[str] = Field(default_factory=list)
    list_words: list[str] = Field(default_factory=list)


@dataclass(frozen=True)
class LanguageSettings:
    """How one language is read: its quotation marks (sentence ends, clause barriers), the
    words that end a clause for scope, Arabic-style proclitics, elided and contracted
    prepositions, and the English-only rules and predicates it does without."""

    code: str = "en"
    name: str = "English"
    morphology: str = "none"
    endings: tuple[str, ...] = ()
    quotes_open: str = ""
    quotes_close: str = ""
    clause_words: tuple[str, ...] = ENGLISH_CLAUSE_WORDS
    and_words: tuple[str, ...] = ("and",)
    # phrases that open with a clause word and end no clause ("хотя бы": "at least", not
    # "although"): the clause word is no barrier where one of them starts
    clause_exceptions: tuple[str, ...] = ()
    # the words that open a condition ("если", "якщо"; English's "if", "unless", "in case"
    # when empty): a hedge cue that is one reaches to the end of its clause, past the
    # language's "and", and a sentence that opens with one is hypothetical throughout
    conditionals: tuple[str, ...] = ()
    # phrases that open with a condition word and are no condition ("если раньше ..., то
    # сегодня ...": a contrast): a sentence opening with one is not hypothetical
    conditional_exceptions: tuple[str, ...] = ()
    proclitics: tuple[str, ...] = ()
    elision: tuple[str, ...] = ()
    contractions: dict[str, str] = field(default_factory=dict)
    rules_off: frozenset[str] = frozenset()
    predicates_off: frozenset[str] = frozenset()
    masks: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # how many words (adjectives, a name) may follow a noun before its participle, in a
    # language whose modifiers follow the noun ("un navire russe touché par"): English 0
    modifiers_after: int = 0
    # number words of several words ("treinta y cinco") are read whole before a cue
    compound_numbers: bool = False
    # a region as the language names it ("Харківськ* област*", "Харківщин*") -> the region
    # of data/places.yaml it is ("Kharkiv region")
    regions: dict[str, str] = field(default_factory=dict)
    # `digits`: the marks that group thousands and the decimal mark; empty for English, whose
    # figure reader keeps its own forms ("1,200", "2.5", "5 million")
    thousands: tuple[str, ...] = ()
    decimal: str = "."
    # `verb_final`: the verb closes its clause ("Drohnen haben ein Umspannwerk getroffen"), so
    # an asset before the act's verb in the clause is its object (English: after the verb)
    verb_final: bool = False
    # `nouns_capitalised`: every noun starts with a capital (German), so a capitalised asset
    # before a place name is no name ("das Atomkraftwerk Saporischschja", not "Port Sudan")
    nouns_capitalised: bool = False
    # `dateline`: a regex for the agency dateline a field opens with ("МОСКВА, 4 июня.
    # /ТАСС/."): its full stops end no sentence, so the lede is the dateline's sentence
    dateline: re.Pattern[str] | None = None
    # `spellings`: another written standard's forms, matched beside the lexicon's (Swiss
    # Standard German writes "ss" for "ß": "Strasse", "verliess"): every term, number word
    # and actor term holding a key is also entered with the key replaced by its value
    spellings: tuple[tuple[str, str], ...] = ()
    # `relatives`: the relative pronouns that open a relative clause after a comma ("der",
    # "die", "welche"): a separable verb's clause runs on past one ("schlug Anwar, der den
    # Vorsitz innehat, eine Waffenruhe vor")
    relatives: tuple[str, ...] = ()
    # `list_words`: the words that, after a comma, go on with the same clause by naming what
    # it includes ("рассчитана на «тяжелые сценарии», включая массированные удары"): the
    # comma (and a closing quotation mark before it) is no clause barrier there
    list_words: tuple[str, ...] = ()

    def barriers(self) -> tuple[re.Pattern[str], re.Pattern[str]]:
        """The scope's clause barrier and its soft variant, which runs on over the language's
        "and" ("hours after A and B agreed")."""
        quotes = re.escape("“”\"" + self.quotes_open + self.quotes_close)

        def barrier_word(word: str) -> str:
            rests = sorted((e[len(word):].strip() for e in self.clause_exceptions
                            if e.startswith(word + " ")), key=len, reverse=True)
            if not rests:
                return re.escape(word)
            alt = "|".join(r"\s+".join(map(re.escape, r.split())) for r in rests)
            return rf"{re.escape(word)}(?!\s+(?:{alt})(?!\w))"

        # a comma (a closing quotation mark and a comma) before a list word is no barrier
        listing = "|".join(r"\s+".join(map(re.escape, w.split()))
                           for w in sorted(self.list_words, key=len, reverse=True))
        goes_on = rf"(?!\s+(?:{listing})(?!\w))" if listing else ""
        quote_goes_on = rf"(?!\s*,\s+(?:{listing})(?!\w))" if listing else ""

        def build(words: list[str]) -> re.Pattern[str]:
            words = sorted(words, key=len, reverse=True)
            alt = "|".join(barrier_word(w) for w in words)
            middle = rf"|\s(?:{alt})\s" if words else ""
            return re.compile(rf"[;:—(]|,{goes_on}\s{middle}|[{quotes}]{quote_goes_on}")

        return (build(list(self.clause_words)),
                build([w for w in self.clause_words if w not in self.and_words]))


ENGLISH = LanguageSettings()


def _read(path: Path) -> dict[str, Any]:
    import yaml

    from streams.classify.loader import _LOADER

    try:
        with path.open(encoding="utf-8") as handle:
            loaded = yaml.load(handle, Loader=_LOADER)
    except (OSError, yaml.YAMLError) as exc:
        raise CoderConfigError(str(path), "-", path.name, f"cannot read it: {exc}") from exc
    if not isinstance(loaded, dict):
        raise CoderConfigError(str(path), "-", path.name, "is not a YAML mapping")
    return loaded


def read_settings(folder: Path, code: str, rule_names: frozenset[str],
                  predicate_names: frozenset[str], categories: frozenset[str]) -> LanguageSettings:
    """`language.yaml`, checked: its code is the folder's, every rule and predicate it turns
    off exists."""
    file = str(folder / "language.yaml")
    try:
        parsed = _Settings.model_validate(_read(folder / "language.yaml"))
    except ValidationError as exc:
        raise CoderConfigError.invalid(file, exc) from exc
    if parsed.code != code:
        raise CoderConfigError(file, "code", parsed.code, f"is not the folder's code {code!r}")
    for name in parsed.rules_off:
        if name not in rule_names:
            raise CoderConfigError(file, "rules_off", name, "is not a rule of rules.yaml")
    for masker, masked in parsed.masks.items():
        for cat in [masker, *masked]:
            if cat not in categories:
                raise CoderConfigError(file, "masks", cat, "is not a category of the lexicon")
    if parsed.digits and parsed.digits.decimal in parsed.digits.thousands:
        raise CoderConfigError(file, "digits", parsed.digits.decimal,
                               "is both the decimal mark and a thousands separator")
    dateline = None
    if parsed.dateline is not None:
        try:
            dateline = re.compile(parsed.dateline)
        except re.error as exc:
            raise CoderConfigError(file, "dateline", parsed.dateline,
                                   f"is not a regular expression: {exc}") from exc
    for name in parsed.predicates_off:
        if name not in predicate_names:
            raise CoderConfigError(file, "predicates_off", name, "is not a registered predicate")
    return LanguageSettings(
        code=parsed.code, name=parsed.name, morphology=parsed.morphology,
        endings=tuple(parsed.endings),
        quotes_open=parsed.quotes.get("open", ""), quotes_close=parsed.quotes.get("close", ""),
        clause_words=tuple(w.lower() for w in parsed.clause_words),
        and_words=tuple(w.lower() for w in parsed.and_words),
        clause_exceptions=tuple(w.lower() for w in parsed.clause_exceptions),
        conditionals=tuple(w.lower() for w in parsed.conditionals),
        conditional_exceptions=tuple(w.lower() for w in parsed.conditional_exceptions),
        proclitics=tuple(parsed.proclitics), elision=tuple(w.lower() for w in parsed.elision),
        contractions={k.lower(): v.lower() for k, v in parsed.contractions.items()},
        rules_off=frozenset(parsed.rules_off), predicates_off=frozenset(parsed.predicates_off),
        masks={k: tuple(v) for k, v in parsed.masks.items()},
        modifiers_after=parsed.modifiers_after,
        compound_numbers=parsed.compound_numbers,
        regions=dict(parsed.regions),
        thousands=tuple(parsed.digits.thousands) if parsed.digits else (),
        decimal=parsed.digits.decimal if parsed.digits else ".",
        verb_final=parsed.verb_final, nouns_capitalised=parsed.nouns_capitalised,
        dateline=dateline,
        spellings=tuple((k.lower(), v.lower()) for k, v in parsed.spellings.items()),
        relatives=tuple(w.lower() for w in parsed.relatives),
        list_words=tuple(w.lower() for w in parsed.list_words),
    )


def respelled(terms: list[str], spellings: tuple[tuple[str, str], ...]) -> list[str]:
    """`terms`, each followed by its form in the language's other spellings when it differs
    ("straße" -> "straße", "strasse")."""
    if not spellings:
        return terms
    out: list[str] = []
    for term in terms:
        out.append(term)
        other = term
        for old, new in spellings:
            other = other.replace(old, new)
        if other != term and other not in out:
            out.append(other)
    return out


def expand(term: str, endings: tuple[str, ...]) -> list[str]:
    """A term with a `*` inside ("прекращени* огня"): one term per ending of the starred
    word ("прекращение огня", "прекращения огня" ...), made at build time so the scan stays
    one automaton. The final word's `*` stays a prefix match."""
    words = term.split(" ")
    out = [""]
    for i, word in enumerate(words):
        forms = [word[:-1] + e for e in endings] if word.endswith("*") and i < len(words) - 1 \
            else [word]
        out = [f"{head} {form}" if head else form for head in out for form in forms]
    return out


def _terms(file: str, where: str, value: Any, endings: tuple[str, ...],
           spellings: tuple[tuple[str, str], ...] = ()) -> list[str]:
    """A list of terms, each `*` inside a word expanded by the language's `endings` and each
    in its other `spellings` too; a separable verb (`lehnte … ab`) only as a cue term."""
    if not isinstance(value, list) or not all(isinstance(t, str | int) for t in value):
        raise CoderConfigError(file, where, where, "must be a list of terms")
    out: list[str] = []
    for term in map(str, value):
        if "…" in term and (not where.startswith("cues.") or term.count("…") > 1
                            or not term.split("…")[1].split()
                            or not term.split("…")[0].split()):
            raise CoderConfigError(
                file, where, term, "a separable verb (`verb … particle`) is a cue term"
                " with one `…` between the verb and the words that close its clause")
        if "*" in term.rstrip("*"):
            if not endings or any("*" in w.rstrip("*") for w in term.split(" ")):
                raise CoderConfigError(
                    file, where, term,
                    "has a `*` inside a word, or inside a term of a language with no"
                    " `endings` in language.yaml")
            out += expand(term, endings)
        else:
            out.append(term)
    return respelled(out, spellings)


def read_lexicon(
    folder: Path, english: dict[str, Any], endings: tuple[str, ...] = (),
    spellings: tuple[tuple[str, str], ...] = (),
) -> dict[str, Any]:
    """`lexicon.yaml`, checked against the English lexicon's categories, asset classes and
    figure kinds, with every missing section filled in empty (English's strategic classes
    when the language names none)."""
    path = folder / "lexicon.yaml"
    file = str(path)
    data = _read(path)
    for key in data:
        if key not in _SECTIONS:
            raise CoderConfigError(file, "-", str(key), "is not a lexicon section")
    if data.get("version") != 1:
        raise CoderConfigError(file, "-", "version", "must be 1")

    def mapping(key: str) -> dict[str, Any]:
        value = data.get(key) or {}
        if not isinstance(value, dict):
            raise CoderConfigError(file, key, key, "must be a mapping")
        return value

    def terms(where: str, value: Any) -> list[str]:
        return _terms(file, where, value, endings, spellings)

    def checked(where: str, found: dict[str, Any], known: Any, what: str) -> dict[str, Any]:
        """`found`'s word lists expanded, each key one the English lexicon has there."""
        for key, value in found.items():
            if key not in known:
                raise CoderConfigError(file, where, str(key),
                                       f"is not {what} of the English lexicon")
            found[key] = terms(f"{where}.{key}", value)
        return found

    cues = checked("cues", mapping("cues"), english["cues"], "a category")
    for cat in english["cues"]:
        cues.setdefault(cat, [])  # a category the language has no words for is never found
    roles = mapping("roles")
    for key in roles:
        if key not in _ROLE_KEYS:
            raise CoderConfigError(file, "roles", str(key), "is not a role word list")
    roles = {key: terms(f"roles.{key}", roles.get(key) or []) for key in _ROLE_KEYS}
    assets = mapping("assets")
    out_assets: dict[str, Any] = {}
    for group in ("infrastructure", "military"):
        out_assets[group] = checked(f"assets.{group}", assets.get(group) or {},
                                    english["assets"][group], "an asset class")
    strategic = assets.get("strategic", english["assets"]["strategic"])
    known = set(english["assets"]["infrastructure"]) | set(english["assets"]["military"])
    for asset in strategic:
        if asset not in known:
            raise CoderConfigError(file, "assets.strategic", str(asset), "is not an asset class")
    out_assets["strategic"] = list(strategic)
    figures = checked("figures", mapping("figures"), english["figures"], "a figure kind")
    numbers = {form: int(v) for k, v in mapping("numbers").items()
               for form in respelled([str(k).lower()], spellings)}
    months = {str(k).lower(): int(v) for k, v in mapping("months").items()}
    weekdays = {str(k).lower(): int(v) for k, v in mapping("weekdays").items()}
    relative = {str(k).lower(): int(v) for k, v in mapping("relative_days").items()}
    for word, back in relative.items():
        if not 0 <= back <= 7:
            raise CoderConfigError(file, "relative_days", word, f"is {back} days back: 0 to 7")
    for where, table, top in (("months", months, 12), ("weekdays", weekdays, 6)):
        for word, value in table.items():
            if not (0 if where == "weekdays" else 1) <= value <= top:
                raise CoderConfigError(file, where, word, f"has {value}: out of range")
    # the closed word lists the rules' predicates read: every English list named (an empty
    # one never matches; a predicate it would make misfire is in `predicates_off`)
    phrases = mapping("phrases")
    for name in phrases:
        if name not in (english.get("phrases") or {}):
            raise CoderConfigError(file, "phrases", str(name),
                                   "is not a word list of the English lexicon")
    for name in english.get("phrases") or {}:
        if name not in phrases:
            raise CoderConfigError(file, "phrases", str(name),
                                   "is a word list of the English lexicon the language does"
                                   " not give (an empty list if it has no such words)")
        phrases[name] = terms(f"phrases.{name}", phrases[name] or [])
    return {
        "version": 1, "cues": cues, "roles": roles, "assets": out_assets, "figures": figures,
        "numbers": numbers,
        "multipliers": {str(k).lower(): int(v) for k, v in mapping("multipliers").items()},
        "currencies": {str(k).lower(): str(v) for k, v in mapping("currencies").items()},
        "abbreviations": terms("abbreviations", data.get("abbreviations") or []),
        "months": months, "weekdays": weekdays, "relative_days": relative,
        "qualifiers": terms("qualifiers", data.get("qualifiers") or []),
        "toll_words": terms("toll_words", data.get("toll_words") or []),
        "year_words": terms("year_words", data.get("year_words") or []),
        "year_before": terms("year_before", data.get("year_before") or []),
        "year_links": terms("year_links", data.get("year_links") or []),
        "year_not_after": terms("year_not_after", data.get("year_not_after") or []),
        "age_words": terms("age_words", data.get("age_words") or []),
        "share_words": terms("share_words", data.get("share_words") or []),
        "toll_nouns": terms("toll_nouns", data.get("toll_nouns") or []),
        "modals": terms("modals", data.get("modals") or []),
        "phrases": phrases,
    }


def read_actors(folder: Path, endings: tuple[str, ...] = (),
                spellings: tuple[tuple[str, str], ...] = ()) -> dict[str, Any]:
    """`actors.yaml`: the English file's schema without `composed` (composing demonyms is
    English morphology); entries are checked as the English ones are, when built."""
    path = folder / "actors.yaml"
    data = _read(path)
    for key in data:
        if key not in {"version", "actors", "pronouns"}:
            raise CoderConfigError(str(path), "-", str(key), "is not an actors.yaml section")
    actors = data.get("actors") or []
    for i, item in enumerate(actors):
        if not isinstance(item, dict) or not {"name", "kind", "terms"} <= set(item):
            raise CoderConfigError(str(path), f"actors[{i}]", str(item),
                                   "needs name, kind and terms")
        terms = [str(t) for t in item["terms"]]
        if endings:
            terms = [form for term in terms for form in expand(term, endings)]
        item["terms"] = respelled(terms, spellings)
    return {"version": 1, "actors": actors, "pronouns": data.get("pronouns") or [],
            "composed": None, "countries": False}


# The cue categories the coder's article-level checks read, which a language's article.yaml may
# add terms to (the rest of a language's cues stay in its lexicon.yaml)
ARTICLE_CUES = frozenset({"accident_cause", "earlier", "judicial", "refuted", "cumulative",
                          "long_after"})
_ARTICLE_SECTIONS = frozenset({"version", "months", "capitalized_months", "cues", "lists"})


def read_article(
    path: Path, english: dict[str, Any] | None = None, endings: tuple[str, ...] = (),
    data: dict[str, Any] | None = None, spellings: tuple[tuple[str, str], ...] = (),
) -> dict[str, Any]:
    """`article.yaml` (or `data`, already parsed): the word lists of coder.py's article-level
    checks, checked. English's file (`english` None) is the reference; a language's must name
    every English list (an empty one never matches) and no other, its months must be month
    numbers, and its `cues` only add to the categories the checks read (`ARTICLE_CUES`)."""
    file = str(path)
    doc = _read(path) if data is None else data
    for key in doc:
        if key not in _ARTICLE_SECTIONS:
            raise CoderConfigError(file, "-", str(key), "is not an article.yaml section")
    if doc.get("version") != 1:
        raise CoderConfigError(file, "-", "version", "must be 1")
    months_in = doc.get("months") or {}
    if not isinstance(months_in, dict):
        raise CoderConfigError(file, "months", "months", "must be a mapping")
    months: dict[str, int] = {}
    for word, number in months_in.items():
        if not isinstance(number, int) or isinstance(number, bool) or not 1 <= number <= 12:
            raise CoderConfigError(file, "months", str(word), f"has {number!r}: not 1 to 12")
        months[str(word).lower()] = number
    capitalized = doc.get("capitalized_months", False)
    if not isinstance(capitalized, bool):
        raise CoderConfigError(file, "capitalized_months", str(capitalized),
                               "must be true or false")
    cues_in = doc.get("cues") or {}
    if not isinstance(cues_in, dict):
        raise CoderConfigError(file, "cues", "cues", "must be a mapping")
    cues: dict[str, list[str]] = {}
    for cat, value in cues_in.items():
        if cat not in ARTICLE_CUES:
            raise CoderConfigError(file, "cues", str(cat), "is not a category the article "
                                   f"checks read ({', '.join(sorted(ARTICLE_CUES))})")
        cues[str(cat)] = _terms(file, f"cues.{cat}", value, endings, spellings)
    lists_in = doc.get("lists")
    if not isinstance(lists_in, dict):
        raise CoderConfigError(file, "lists", "lists", "must be a mapping of word lists")
    reference = lists_in if english is None else english["lists"]
    for name in lists_in:
        if name not in reference:
            raise CoderConfigError(file, "lists", str(name),
                                   "is not a word list of the English article.yaml")
    lists: dict[str, list[str]] = {}
    for name in reference:
        if name not in lists_in:
            raise CoderConfigError(file, "lists", str(name),
                                   "is a word list of the English article.yaml the language"
                                   " does not give (an empty list if it has no such words)")
        lists[str(name)] = _terms(file, f"lists.{name}", lists_in[name] or [], endings,
                                  spellings)
    return {"months": months, "capitalized_months": capitalized, "cues": cues, "lists": lists}


def with_article(lexicon: dict[str, Any], article: dict[str, Any], file: str) -> dict[str, Any]:
    """The lexicon with the article checks' lists (`lexicon["article"]`) and their added cue
    terms; a list named like a cue category or a `phrases:` list is refused, since the
    predicates and checks look all three up by name."""
    taken = set(lexicon.get("cues") or {}) | set(lexicon.get("phrases") or {})
    for name in article["lists"]:
        if name in taken:
            raise CoderConfigError(file, "lists", name,
                                   "is already a cue category or `phrases:` list of the lexicon")
    cues = dict(lexicon.get("cues") or {})
    for cat, terms in article["cues"].items():
        cues[cat] = [*(cues.get(cat) or []), *terms]
    return {**lexicon, "cues": cues, "article": article}
