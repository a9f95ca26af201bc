"""One Aho-Corasick automaton over every cue, asset and actor term, and the scan that uses it.

Scanning a whole article once is what keeps the coder fast: the careful rules then run only
on sentences the scan flagged, instead of dozens of regexes over the full text.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterable
from operator import itemgetter
from typing import Any, NamedTuple

import ahocorasick

from streams.classify.hits import PARTICLE, SEPARATED, Hit

__all__ = ["Hit", "Lexicon", "fold", "scan"]

_FOLD_PAIRS = (("’", "'"), ("‘", "'"), ("‐", "-"), ("‑", "-"), ("–", "-"), ("ʼ", "'"),
               ("ё", "е"))


class _Entry(NamedTuple):
    cat: str
    payload: str
    prefix: bool
    exact_case: str | None


def fold(text: str) -> str:
    """Lowercase with apostrophes and dashes unified, keeping every offset unchanged."""
    folded = text.lower()
    if len(folded) == len(text):
        for old, new in _FOLD_PAIRS:  # str.replace is far faster than str.translate here
            if old in folded:
                folded = folded.replace(old, new)
        return folded
    pairs = dict(_FOLD_PAIRS)
    return "".join(pairs.get(ch, ch.lower()[:1] or ch) for ch in text)


def _terms(
    lexicon: dict[str, Any], actor_terms: Iterable[tuple[str, int, bool]]
) -> Iterable[tuple[str, _Entry]]:
    """Every scan key: the lexicon's cues, figure nouns and assets, and the actor terms
    (term, actor index, case-exact) of the coder's actor dictionary."""
    for cat, terms in lexicon["cues"].items():
        for term in terms:
            yield _entry(str(term), cat, str(term))
    for kind, nouns in lexicon["figures"].items():
        for noun in nouns:
            yield _entry(str(noun), "fig", kind)
    for group, prefix in (("infrastructure", "infra"), ("military", "mil")):
        for asset, terms in lexicon["assets"][group].items():
            for term in terms:
                yield _entry(str(term), f"{prefix}:{asset}", asset)
    for term, index, exact in actor_terms:
        key, entry = _entry(term, "actor", str(index))
        yield key, entry._replace(exact_case=term if exact else None)


def categories(lexicon: dict[str, Any]) -> frozenset[str]:
    """Every category a hit of this lexicon can have (what rule specs and the taxonomy may
    name), read from the data without building the automatons."""
    cats = {str(cat) for cat in lexicon["cues"]} | {"actor"}
    if lexicon.get("figures"):
        cats.add("fig")
    for group, prefix in (("infrastructure", "infra"), ("military", "mil")):
        cats.update(f"{prefix}:{asset}" for asset in lexicon["assets"][group])
    return frozenset(cats)


def _entry(term: str, cat: str, payload: str) -> tuple[str, _Entry]:
    # a separable verb in a cue term ("lehnte … ab", `SEPARATED`): the scan finds the finite
    # verb, and keeps the hit only when the particle after `…` closes its clause
    # (`Lexicon._separated`)
    if SEPARATED in term:
        term = term.split(SEPARATED, 1)[0].strip()
    prefix = term.endswith("*") or term.endswith("-")
    key = fold(term.rstrip("*"))
    return key, _Entry(cat, payload, prefix, None)


_Value = tuple[int, bool, tuple[tuple[str, str], ...], tuple[_Entry, ...]]


def _table(terms: Iterable[tuple[str, _Entry]]) -> dict[str, _Value]:
    """Each key maps to (length, whether its first character is alphanumeric, plain, other):
    `plain` are (cat, payload) pairs that need only whole-word boundaries, `other` the
    prefix and case-exact entries that need the full check."""
    table: dict[str, list[_Entry]] = {}
    for key, entry in terms:
        bucket = table.setdefault(key, [])
        if entry not in bucket:
            bucket.append(entry)
    values: dict[str, _Value] = {}
    for key, entries in table.items():
        plain = tuple(
            (e.cat, e.payload) for e in entries if not e.prefix and e.exact_case is None
        )
        other = tuple(e for e in entries if e.prefix or e.exact_case is not None)
        values[key] = (len(key), key[:1].isalnum(), plain, other)
    return values


def _build(table: dict[str, _Value]) -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton()
    for key, value in table.items():
        automaton.add_word(key, value)
    automaton.make_automaton()
    return automaton


# ASCII text (most wires) is scanned by a second automaton that only matches at word starts.
# There every non-alphanumeric character, of the text and of the keys, reads as a space, and
# each key is entered with a space before it (and one after it when all its entries need a
# whole word): the automaton then skips through the inside of words instead of reporting
# "un" in "until", and those keys need no boundary test at all. A key with punctuation in it
# ("u.s.", "air-defence", "air strike") is checked against the text, since "air\nstrike"
# reads the same; the two keys that start with punctuation ("$", "'ll") are found with
# str.find. Keys with non-ASCII letters cannot occur in ASCII text.
_SPACES = bytes(c if chr(c).isalnum() else 32 for c in range(128)) + bytes(range(128, 256))
_Variant = tuple[str | None, int, bool, tuple[tuple[str, str], ...], tuple[_Entry, ...]]


def _build_words(
    table: dict[str, _Value],
) -> tuple[ahocorasick.Automaton, tuple[tuple[str, _Value], ...]]:
    """The word-start automaton, each form mapping to the offset back from the match's last
    character to the key's start, its variants (the key, if it has punctuation to check;
    its length; whether the form ends in the space after it; plain; other) and, when none
    needs a check, their hits' (length, cat, payload); and the keys
    that start with punctuation. Keys can share a form: "tu" and "tu-", "air strike" and
    "air-strike"."""
    forms: dict[str, list[_Variant]] = {}
    odd: list[tuple[str, _Value]] = []
    for key, value in table.items():
        _, head_alnum, plain, other = value
        if not key.isascii():
            continue
        if not head_alnum:
            odd.append((key, value))
            continue
        whole = not any(entry.prefix for entry in other)  # a case-exact term is a whole word
        form = " " + key.encode().translate(_SPACES).decode() + (" " if whole else "")
        check = None if key.isalnum() else key
        forms.setdefault(form, []).append((check, len(key), whole, plain, other))
    automaton = ahocorasick.Automaton()
    # shortest forms first: the trie's shallow nodes, where every word start passes, are
    # then allocated together (about 6% off the automaton's pass over a bench wire)
    for form in sorted(forms, key=lambda f: (len(f), f)):
        variants = tuple(forms[form])
        # a form whose every variant is a plain whole word with nothing to check ("said",
        # "airport": about half the matches of a wire) carries its hits' (length, cat,
        # payload) ready, and the scan appends them without looking at the variants
        simple = all(key is None and whole and not other
                     for key, _, whole, _, other in variants)
        ready = tuple((size, cat, payload) for _, size, _, plain, _ in variants
                      for cat, payload in plain) if simple else None
        automaton.add_word(form, (len(form) - 1, variants, ready))
    automaton.make_automaton()
    return automaton, tuple(odd)


# what ends a clause for a separable verb's particle: a punctuation mark, a line break or the
# text's end (and the language's clause words, `Lexicon(clause_words=)`); a quotation inside
# the clause is part of it ("machte die „Terroristen der ADF“ verantwortlich"), and so are a
# figure's marks ("mehr als 50.000 vertrieben worden", "2,5 Millionen") and a day's ordinal
# dot ("war am 10. Oktober in Kraft getreten"), and so is one word in parentheses, an
# abbreviation or a year ("sind nach Angaben der Mission (UNSMIL) falsch")
_ONE_WORD_PARENS = "".join(rf"(?<!\([^\s()]{{{k}}})" for k in range(2, 11))
_CLAUSE_END = re.compile(
    r"(?<![\s(]\d)(?<![\s(]\d\d)\.(?!\d)|(?<!\d),|,(?!\d)|[;:!?\[\]\n\0—]|\s-\s"
    r"|\((?![^\s()]{2,10}\))|" + _ONE_WORD_PARENS + r"\)")
# the same in a clause read with its list ("und") words inside: a comma is no clause end when
# a list item of one to five words and an "und" follow it ("rief die Armee, die Rebellen und
# alle Milizen zu einer Waffenruhe auf", "eine Waffenruhe an Land, in der Luft und auf See
# vor"); `Lexicon._clause_end_loose`
_COMMA = r"(?<!\d),|,(?!\d)"
assert _COMMA in _CLAUSE_END.pattern


def _list_comma_end(and_words: list[str]) -> str:
    """`_CLAUSE_END`'s pattern whose comma is no end before a short list item and an and-word."""
    ands = "|".join(re.escape(w) for w in sorted(and_words, key=len, reverse=True))
    return _CLAUSE_END.pattern.replace(
        _COMMA, rf"(?:{_COMMA})(?!\s+(?:[^\s,.;:!?]+\s+){{1,5}}?(?:{ands})\s)", 1)


_QUOTES = "«»„“”\"‚‘’'"
_WORD = re.compile(r"\S+")
_new_hit = tuple.__new__  # Hit(...) without the Python-level NamedTuple constructor
_category = itemgetter(2)


class Lexicon:
    """The scan of one coder: every cue, asset and actor term in two Aho-Corasick automatons
    (~35,000 keys), built once per coder (`load_coder`, about a second), never at import."""

    def __init__(
        self, lexicon: dict[str, Any], actor_terms: Iterable[tuple[str, int, bool]],
        proclitics: Iterable[str] = (),
        masks: dict[str, tuple[str, ...]] | None = None,
        whole_words: bool = False,
        clause_words: Iterable[str] = (),
        and_words: Iterable[str] = (),
        relatives: Iterable[str] = (),
    ) -> None:
        self.categories = categories(lexicon)
        table = _table(_terms(lexicon, actor_terms))
        self.automaton = _build(table)
        self._words, self._odd = _build_words(table)
        # Arabic-style proclitics a word may carry before a term (`LanguageSettings`)
        self._proclitics = frozenset(fold(p) for p in proclitics)
        self._clitic_len = max(map(len, self._proclitics), default=0)
        self.size = len(table)
        # a language's own masks besides the shared ones (`LanguageSettings.masks`): in
        # Russian "прекращение ударов" is a truce, and its "ударов" no attack
        self._masks = _MASKS if not masks else {
            cat: tuple(dict.fromkeys((*_MASKS.get(cat, ()), *masks.get(cat, ()))))
            for cat in {*_MASKS, *masks}}
        self._maskers = frozenset(self._masks)
        # `morphology: stems`: a stem's hit spans its whole word ("погибли", not "погиб"),
        # so what the rules read after it starts after the word
        self._whole_words = whole_words
        # separable verbs ("wies … zurück"): payload -> the particle that must close the clause
        self._particles = {
            str(term): fold(str(term).split(SEPARATED, 1)[1]).split()
            for terms in lexicon["cues"].values() for term in terms if SEPARATED in str(term)}
        self._clause_end = _CLAUSE_END if not clause_words else re.compile(
            _CLAUSE_END.pattern + "|" + "|".join(
                rf"\s{re.escape(fold(w))}\s" for w in sorted(clause_words, key=len, reverse=True)))
        # the same without "and": a verb's clause may hold a list ("lehnte den Plan der USA
        # und der EU ab"), tried when the particle does not close the shorter clause
        loose = [w for w in clause_words if fold(w) not in {fold(a) for a in and_words}]
        ands = [fold(a) for a in and_words]
        self._clause_end_loose = None if len(loose) == len(tuple(clause_words)) else (
            re.compile(_list_comma_end(ands) + "".join(
                "|" + rf"\s{re.escape(fold(w))}\s" for w in sorted(loose, key=len, reverse=True))))
        # a relative clause inside a separable verb's clause ("schlug in einem Brief an
        # Anwar, der den Vorsitz innehat, eine Waffenruhe vor"): a comma, an optional
        # preposition and one of the language's relative pronouns open it, the next comma
        # closes it, and the verb's clause runs on after it
        words = sorted({fold(w) for w in relatives}, key=len, reverse=True)
        self._relative = re.compile(
            r",\s+(?:[^\W\d]+\s+)?(?:" + "|".join(map(re.escape, words))
            + r")\s[^,.;:!?()\n]*,") if words else None

    def scan(self, text: str) -> list[Hit]:
        """Every whole-word cue in `text`, in order of start offset.

        Word boundaries are checked here (the automaton matches substrings); `*` terms may
        run on into a longer word, and case-exact actor terms (US, UN) must match their
        capitals.
        """
        # One NUL (no key has one, and it is not alphanumeric) at each end: the boundary
        # tests need no range checks, and a key ending at `end` in the padded text is
        # text[start:end].
        padded = f"\0{fold(text)}\0"
        if self._proclitics:
            hits = self.scan_clitics(text, padded)
        elif padded.isascii():
            hits = self.scan_words(text, padded)
        else:
            hits = self.scan_any(text, padded)
        if self._whole_words:
            hits = _to_word_ends(hits, padded)
        if self._particles:
            hits = self._separated(hits, padded)
        hits.sort()
        cats = set(map(_category, hits))
        masks = self._masks
        # masking only matters when a masker and a category it masks are both there (most
        # wires name a "pension" or an "attack" alone): one set test each, no pass per hit
        if not any(cat in cats for masker in self._maskers.intersection(cats)
                   for cat in masks[masker]):
            return hits
        return _masked(hits, masks)

    def scan_any(self, text: str, padded: str) -> list[Hit]:
        """The hits of the substring automaton, for any text."""
        hits: list[Hit] = []
        append = hits.append
        for end, (length, head_alnum, plain, other) in self.automaton.iter(padded):
            start = end - length
            if head_alnum and padded[start].isalnum():
                continue  # starts inside a word: most raw matches ("un" in "until")
            if padded[end + 1].isalnum():  # runs on into a longer word
                for entry in other:
                    if entry.prefix and (
                        entry.exact_case is None or text[start:end] == entry.exact_case
                    ):
                        append(_new_hit(Hit, (start, end, entry.cat, entry.payload)))
                continue
            for cat, payload in plain:
                append(_new_hit(Hit, (start, end, cat, payload)))
            for entry in other:
                if entry.exact_case is None or text[start:end] == entry.exact_case:
                    append(_new_hit(Hit, (start, end, entry.cat, entry.payload)))
        return hits

    def _clitics_only(self, prefix: str) -> bool:
        """`prefix` is a run of the language's proclitics ("وال", "فب", "لل")."""
        if not prefix:
            return True
        size = self._clitic_len
        return any(prefix[:n] in self._proclitics and self._clitics_only(prefix[n:])
                   for n in range(min(size, len(prefix)), 0, -1))

    def scan_clitics(self, text: str, padded: str) -> list[Hit]:
        """`scan_any` for a language with proclitics: a key may also start after a run of
        them inside a word ("والجيش" finds "جيش"); at most five letters of them, so the
        look back is bounded."""
        hits: list[Hit] = []
        append = hits.append
        for end, (length, head_alnum, plain, other) in self.automaton.iter(padded):
            start = end - length
            if head_alnum and padded[start].isalnum():
                head = start
                while head > start - 6 and padded[head].isalnum():
                    head -= 1
                if padded[head].isalnum() or not self._clitics_only(padded[head + 1 : start + 1]):
                    continue
            _emit(append, text, start, end, padded[end + 1].isalnum(), plain, other)
        return hits

    def scan_words(self, text: str, padded: str) -> list[Hit]:
        """`scan_any` for ASCII `padded`, with the word-start automaton."""
        hits: list[Hit] = []
        append = hits.append
        spaced = padded.encode("ascii").translate(_SPACES).decode("ascii")
        for last, (back, variants, ready) in self._words.iter(spaced):
            start = last - back
            if ready is not None:
                for size, cat, payload in ready:
                    append(_new_hit(Hit, (start, start + size, cat, payload)))
                continue
            # `_emit` inlined (this loop runs for every match): a `whole` form ends in the
            # space after the key, so it cannot run on, and has no prefix entries
            for key, size, whole, plain, other in variants:
                end = start + size
                if key is not None and padded[start + 1 : end + 1] != key:
                    continue
                runs_on = not whole and padded[end + 1].isalnum()
                if not runs_on:
                    for cat, payload in plain:
                        append(_new_hit(Hit, (start, end, cat, payload)))
                for entry in other:
                    if (entry.prefix or not runs_on) and (
                        entry.exact_case is None or text[start:end] == entry.exact_case
                    ):
                        append(_new_hit(Hit, (start, end, entry.cat, entry.payload)))
        for key, (size, _, plain, other) in self._odd:
            at = padded.find(key)
            while at >= 0:
                start = at - 1
                end = start + size
                _emit(append, text, start, end, padded[end + 1].isalnum(), plain, other)
                at = padded.find(key, at + 1)
        return hits


    def _separated(self, hits: list[Hit], padded: str) -> list[Hit]:
        """The hits of separable verbs ("Der Kreml wies den Vorschlag zurück") whose particle
        (a word or words: "trat ... in Kraft") closes the verb's clause (before a punctuation
        mark or a clause word); a finite verb without it is another verb ("wies darauf hin")
        and is dropped."""
        particles = self._particles
        out: list[Hit] = []
        for hit in hits:
            particle = particles.get(hit.payload) if SEPARATED in hit.payload else None
            if particle is None:
                out.append(hit)
                continue
            for ends in (self._clause_end, self._clause_end_loose):
                if ends is None:
                    break
                at = self._closes(padded, hit.end + 1, ends, particle)
                if at is not None:
                    out.append(hit)
                    # where its particle stands: the verb's object is between the two
                    # ("schlug ... eine Waffenruhe vor"; the rules' `near`, engine.py)
                    out.append(Hit(at[0] - 1, at[1] - 1, PARTICLE, hit.payload))
                    break
        return out

    def _closes(self, padded: str, start: int, ends: re.Pattern[str], particle: list[str],
                ) -> tuple[int, int] | None:
        """Where (in `padded`) the particle closes the clause that starts at `start`, a
        relative clause inside it (`relatives`) read past; None if it does not."""
        words: list[re.Match[str]] = []
        for _ in range(3):  # at most two relative clauses inside one verb's clause
            stop = ends.search(padded, start)
            words += [m for m in _WORD.finditer(
                padded, start, stop.start() if stop else len(padded) - 1)
                if m.group().strip(_QUOTES)]
            tail = words[-len(particle):]
            if len(tail) == len(particle) and [m.group().strip(_QUOTES) for m in tail] == particle:
                last = tail[-1]
                return tail[0].start(), last.end() - (len(last.group())
                                                      - len(last.group().rstrip(_QUOTES)))
            aside = self._relative.match(padded, stop.start()) if (
                stop is not None and self._relative is not None) else None
            if aside is None:
                return None
            start = aside.end()
        return None


def _to_word_ends(hits: list[Hit], padded: str) -> list[Hit]:
    """Each hit that ends inside a word (a stem's) runs on to the word's end."""
    out: list[Hit] = []
    for hit in hits:
        end = hit.end
        while padded[end + 1].isalnum():  # the padding's closing NUL stops the loop
            end += 1
        out.append(hit if end == hit.end else hit._replace(end=end))
    return out


def _default() -> Lexicon:
    from streams.classify.loader import default_coder

    return default_coder().lexicon


def scan(text: str) -> list[Hit]:
    """`Lexicon.scan` of the process-wide default coder (see `load_coder`)."""
    return _default().scan(text)


def _scan_any(text: str, padded: str) -> list[Hit]:
    return _default().scan_any(text, padded)


def _scan_words(text: str, padded: str) -> list[Hit]:
    return _default().scan_words(text, padded)


def __getattr__(name: str) -> object:
    """`AUTOMATON`: the default coder's substring automaton, built on first use."""
    if name == "AUTOMATON":
        return _default().automaton
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _emit(
    append: Callable[[Hit], None],
    text: str,
    start: int,
    end: int,
    runs_on: bool,
    plain: tuple[tuple[str, str], ...],
    other: tuple[_Entry, ...],
) -> None:
    """The hits of one key at a word start: plain entries unless it runs on into a longer
    word, `*` entries either way, case-exact ones only as written."""
    if not runs_on:
        for cat, payload in plain:
            append(_new_hit(Hit, (start, end, cat, payload)))
    for entry in other:
        if runs_on and not entry.prefix:
            continue
        if entry.exact_case is None or text[start:end] == entry.exact_case:
            append(_new_hit(Hit, (start, end, entry.cat, entry.payload)))


# A hit of the key category hides overlapping hits of the value category: "African Union" is
# not a labour union, "naval drones" are not aerial, "no fewer than" is not a negation.
_MASKS = {
    "nonconflict_exception": ("nonconflict",),
    "naval_drone": ("aerial", "airstrike"),
    "negation_exception": ("negation",),
    "threat_exception": ("threat",),
    "drone_facility": ("aerial",),
    "person_bomber": ("mil:bomber",),
    "craft_kind": ("mil:aircraft",),  # "aircraft-type drones" are drones
    # "the military airport", "at its berth in the naval harbour"
    "military_infra": ("infra:generic", "infra:airport", "infra:port"),
    # a phrase holding an asset word that names no asset: "struck on the port side", "its
    # bridge wing", "Каспийского трубопроводного консорциума" (the languages' own terms)
    "infra_name": ("infra:pipeline", "infra:power", "infra:rail", "infra:road", "infra:port",
                   "infra:bridge"),
    # a state that goes on, no new event: "talks remain frozen"
    "stall_state": ("stall",),
    # "to break the impasse" breaks no truce
    "break_idiom": ("violate", "break"),
    "munitions_stored": ("artillery",),  # "improper storage of shells" fired nothing
    "base_of": ("mil:military",),  # "explosives planted at its base": a tower's foot
    "vow": ("earlier",),  # "at the time and place we choose" names no earlier time
    # "trade war" is no war, a "political truce" or "tomato truce" no truce
    "nonconflict": ("conflict", "truce"),
}
_MASKERS = frozenset(_MASKS)
_MASKED = frozenset(cat for cats in _MASKS.values() for cat in cats)  # the only ones to check


def _masked(hits: list[Hit], masks: dict[str, tuple[str, ...]] = _MASKS) -> list[Hit]:
    # the spans that mask each category: a hit of any other category is kept unlooked at.
    # Per category, the maskers' starts (in order, as the hits are) and how far the spans
    # up to each one reach: a hit asks by bisection, not of every masker in the field
    covers: dict[str, tuple[list[int], list[int]]] = {}
    for masker in [h for h in hits if h.cat in masks]:
        for cat in masks[masker.cat]:
            starts, reach = covers.setdefault(cat, ([], []))
            starts.append(masker.start)
            reach.append(max(masker.end, reach[-1]) if reach else masker.end)
    return [h for h in hits if h.cat not in covers or not _covered(h, *covers[h.cat])]


def _covered(hit: Hit, starts: list[int], reach: list[int]) -> bool:
    """A masking span overlaps the hit: of the spans that start before it ends, the one
    reaching furthest ends after it starts."""
    k = bisect_left(starts, hit.end)
    return k > 0 and reach[k - 1] > hit.start
