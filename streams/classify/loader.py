"""The coder as an object: `load_coder` reads the data files, checks them and builds the
scan automatons, the actor dictionary, the gazetteer, the taxonomy and the rule specs once;
the `Coder` it returns codes articles with them.

Nothing here runs at import. A worker builds its coder when it starts (and logs how long
that took); the module-level `streams.classify.classify_article` uses `default_coder()`, built
on first use and then shared by the whole process.
"""

from __future__ import annotations

import dataclasses
import threading
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from schemas import ClassifiedArticle
from streams.classify.coder import code_events, read_chars
from streams.classify.resources import DATA_DIR, CameoCode, read_cameo_table
from streams.classify.taxonomy import CoderConfigError, Taxonomy
from streams.classify.version import CODER_VERSION
from streams.languages import coded_languages

if TYPE_CHECKING:
    from schemas import Event, NormalizedArticle
    from streams.classify.actors import ActorDictionary
    from streams.classify.engine import RuleBook
    from streams.classify.lexicon import Lexicon
    from streams.classify.places import Gazetteer, LanguagePlaces
    from streams.classify.sentences import Splitter
    from streams.classify.words import Words

__all__ = ["Coder", "CoderConfigError", "default_coder", "load_coder"]


@dataclass(frozen=True, eq=False)
class Coder:
    """Everything one coder reads with, built by `load_coder`; immutable once built, so one
    coder serves every thread and every article."""

    lexicon: Lexicon
    actors: ActorDictionary
    gazetteer: Gazetteer | LanguagePlaces
    splitter: Splitter
    words: Words
    taxonomy: Taxonomy
    rules: RuleBook
    cameo: dict[str, CameoCode]
    build_seconds: float
    language: str = "en"
    # the other languages this coder reads, each a coder of its own words and settings that
    # shares this one's taxonomy, rule file and CAMEO table (built by `load_coder`)
    by_language: Mapping[str, Coder] = field(default_factory=dict)

    @property
    def languages(self) -> frozenset[str]:
        """Every language this coder reads."""
        return frozenset({self.language, *self.by_language})

    def for_language(self, language: str | None) -> Coder | None:
        """The coder that reads `language` (None, as on a wire whose language is unknown:
        this one), or None if it is not read at all."""
        if language is None or language == self.language:
            return self
        return self.by_language.get(language)

    def code_events(self, article: NormalizedArticle) -> list[Event]:
        """Every event the article states, one record per event, in reading order."""
        return code_events(article, self)

    def classify_article(
        self, article: NormalizedArticle, *, now: datetime | None = None,
        events: list[Event] | None = None,
    ) -> ClassifiedArticle:
        """One ClassifiedArticle per article, with its events (possibly none: also when the
        coder does not read the article's language, rather than misreading it as English).
        `events`: the article's events, coded before (in the worker's work process)."""
        if events is None:
            reader = self.for_language(article.language)
            events = reader.code_events(article) if reader is not None else []
        return article_record(article, events, now)


def article_record(article: NormalizedArticle, events: list[Event],
                   now: datetime | None = None) -> ClassifiedArticle:
    """The ClassifiedArticle of events already coded: needs no coder, so a worker whose
    work process codes for it need not build one of its own."""
    return ClassifiedArticle(
        article_id=article.article_id,
        content_hash=article.content_hash,
        version=article.version,
        retracted=article.retracted,
        duplicate_of=article.duplicate_of,
        headline=article.headline,
        source=article.source,
        url=article.url,
        published_at=article.published_at,
        events=events,
        coder_version=CODER_VERSION,
        classified_at=now or datetime.now(UTC),
        ingest_ts_ms=article.ingest_ts_ms,
        language=article.language,
        read_chars=read_chars(article),
    )


# libyaml's safe loader when PyYAML was built with it: the same data, several times faster
# (the data files are most of a coder's build)
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _read(data_dir: Path, name: str, given: dict[str, Any] | None) -> dict[str, Any]:
    if given is not None:
        return given
    path = data_dir / name
    try:
        with path.open(encoding="utf-8") as handle:
            loaded = yaml.load(handle, Loader=_LOADER)
    except (OSError, yaml.YAMLError) as exc:
        raise CoderConfigError(str(path), "-", name, f"cannot read it: {exc}") from exc
    if not isinstance(loaded, dict):
        raise CoderConfigError(str(path), "-", name, "is not a YAML mapping")
    return loaded


def load_coder(
    data_dir: Path | str | None = None,
    *,
    lexicon: dict[str, Any] | None = None,
    actors: dict[str, Any] | None = None,
    places: dict[str, Any] | None = None,
    taxonomy: dict[str, Any] | None = None,
    rules: dict[str, Any] | None = None,
    article: dict[str, Any] | None = None,
    languages: Iterable[str] | None = None,
) -> Coder:
    """Build a coder from `data_dir` (default: the shipped `streams/classify/data/`); any of
    the files can be given as an already parsed dict instead (tests build small coders so).
    Every CAMEO code, lexicon category and predicate the taxonomy and the rule specs name is
    checked here: a bad one raises `CoderConfigError` naming the file, the rule and the name.

    `languages`: which languages it reads besides English, each from `data_dir/lang/<code>/`
    (see FORMAT.md there); default: those of `coded_languages()` (WIREWATCH_LANGUAGES, else
    `DEFAULT_LANGUAGES`) that have a folder. A folder
    not asked for is never read, so a half-written one breaks nothing.
    """
    from streams.classify.actors import ActorDictionary
    from streams.classify.engine import RuleBook
    from streams.classify.language_data import read_article, with_article
    from streams.classify.lexicon import Lexicon, categories
    from streams.classify.places import Gazetteer
    from streams.classify.sentences import Splitter
    from streams.classify.words import Words

    started = time.perf_counter()
    folder = Path(data_dir) if data_dir is not None else DATA_DIR
    # the article checks' words (coder.py) join the lexicon: their own lists, and any terms
    # they add to the cue categories they read
    article_file = folder / "article.yaml"
    lexicon_data = with_article(
        _read(folder, "lexicon.yaml", lexicon),
        read_article(article_file, data=_read(folder, "article.yaml", article)),
        str(article_file))
    cameo = read_cameo_table(folder / "cameo_eventcodes.tsv")
    # the checks first: a bad name fails in milliseconds, before the costly builds
    known = categories(lexicon_data)
    table = Taxonomy.load(_read(folder, "taxonomy.yaml", taxonomy),
                          str(folder / "taxonomy.yaml"), cameo, known)
    rules_data = _read(folder, "rules.yaml", rules)
    book = RuleBook.load(rules_data, str(folder / "rules.yaml"), table, known,
                         frozenset(lexicon_data.get("phrases") or {}) | frozenset(known))
    actor_dict = ActorDictionary(_read(folder, "actors.yaml", actors))
    scan = Lexicon(lexicon_data, actor_dict.terms)
    places_data = _read(folder, "places.yaml", places)
    gazetteer = Gazetteer(places_data, lexicon_data["roles"]["place_prep"])
    english = Coder(scan, actor_dict, gazetteer, Splitter(lexicon_data["abbreviations"],
                                                             numerals=lexicon_data.get(
                                                                 "numeral_abbreviations", ())),
                    Words(lexicon_data), table, book, cameo, time.perf_counter() - started)
    if languages is None:
        languages = sorted(code for code in coded_languages()
                           if code != "en" and (folder / "lang" / code).is_dir())
    others = {code: _language(folder, code, lexicon_data, places_data, rules_data, table, cameo)
              for code in languages if code != "en"}
    return dataclasses.replace(english, by_language=others,
                               build_seconds=time.perf_counter() - started)


def _alphabet(lexicon: dict[str, Any]) -> frozenset[str]:
    """The letters a language's lexicon writes its cues in: which of the gazetteer's
    alternate names are the language's (Cyrillic for ru and uk, with і ї є ґ for uk)."""
    return frozenset(ch for terms in lexicon["cues"].values() for term in terms
                     for ch in term if ch.isalpha())


def _language(
    folder: Path, code: str, english: dict[str, Any], places: dict[str, Any],
    rules: dict[str, Any], table: Taxonomy, cameo: dict[str, CameoCode],
) -> Coder:
    """One more language's coder, from `folder/lang/<code>/`: its own scan, actors, splitter
    and words; the English coder's taxonomy, rule specs and CAMEO table."""
    from streams.classify.actors import ActorDictionary
    from streams.classify.engine import RuleBook, rule_names
    from streams.classify.language_data import (
        read_actors,
        read_article,
        read_lexicon,
        read_settings,
        with_article,
    )
    from streams.classify.lexicon import Lexicon, categories
    from streams.classify.places import Gazetteer, LanguagePlaces
    from streams.classify.predicates import PREDICATES
    from streams.classify.sentences import Splitter
    from streams.classify.words import Words

    started = time.perf_counter()
    where = folder / "lang" / code
    if not where.is_dir():
        raise CoderConfigError(str(where), "-", code, "has no language folder")
    settings = read_settings(where, code, rule_names(rules), frozenset(PREDICATES),
                             categories(english))
    lexicon_data = with_article(
        read_lexicon(where, english, settings.endings, settings.spellings),
        read_article(where / "article.yaml", english["article"], settings.endings,
                     spellings=settings.spellings),
        str(where / "article.yaml"))
    # the rule specs are checked against the English categories (the shared vocabulary);
    # a category the language lacks is simply never found
    book = RuleBook.load(rules, str(folder / "rules.yaml"), table, categories(english),
                         frozenset(lexicon_data["phrases"]) | categories(english),
                         settings.rules_off, settings.predicates_off)
    actor_dict = ActorDictionary(read_actors(where, settings.endings, settings.spellings))
    scan = Lexicon(lexicon_data, actor_dict.terms, settings.proclitics, settings.masks,
                   whole_words=settings.morphology == "stems",
                   clause_words=settings.clause_words, and_words=settings.and_words,
                   relatives=settings.relatives)
    for form, region in settings.regions.items():
        if region not in places["regions"]:
            raise CoderConfigError(str(where / "language.yaml"), "regions", region,
                                   f"(for {form!r}) is not a region of places.yaml")
    gazetteer = LanguagePlaces(
        Gazetteer(places, lexicon_data["roles"]["place_prep"]), _alphabet(lexicon_data),
        settings.endings, lexicon_data["roles"]["place_prep"], settings.regions)
    splitter = Splitter(lexicon_data["abbreviations"], settings.quotes_open,
                        settings.quotes_close, settings.dateline,
                        months=lexicon_data.get("months") or ())
    return Coder(scan, actor_dict, gazetteer, splitter, Words(lexicon_data, settings), table,
                 book, cameo, time.perf_counter() - started, language=code)


# one coder per set of coded languages: WIREWATCH_LANGUAGES is read on each call, so a
# process (or a test) that changes it gets a coder for the languages it now names
_DEFAULTS: dict[frozenset[str], Coder] = {}
_LOCK = threading.Lock()


def default_coder() -> Coder:
    """The process-wide coder from the shipped data for `coded_languages()`, built on first
    use (a few seconds)."""
    languages = coded_languages()
    found = _DEFAULTS.get(languages)
    if found is None:
        with _LOCK:
            found = _DEFAULTS.get(languages)
            if found is None:
                found = _DEFAULTS[languages] = load_coder(languages=sorted(languages))
    return found
