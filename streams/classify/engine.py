"""One engine for the rule specs of `data/rules.yaml`: each rule names the cue categories
that trigger it, the objects it needs near them (at a named distance), the scope cues and
named predicates that block it and the taxonomy code it gives. The engine knows no word of
any language: words are in the lexicon, distances and clause marks in the rule file, and
what is truly linguistic in small named predicates (`predicates.py`) that the specs name.

A sentence runs the rule families in the file's order; a family is either a list of specs
or, for the families not yet converted, a named family function of `rules.py`. At most one
event per type per sentence: the first rule that codes a type wins.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from streams.classify.hits import Hit
from streams.classify.roles import Sentence, accusation_roles, assign
from streams.classify.rules import LEGACY_FAMILIES, Draft, _View, closes, opens
from streams.classify.scope import (
    AFTER,
    BACKGROUND,
    DENIAL,
    HEDGE,
    INTENT,
    LONG_AFTER,
    NEGATION,
    words_between,
)
from streams.classify.taxonomy import CoderConfigError, Taxonomy

_SCOPES = {"negation": NEGATION, "hedge": HEDGE, "intent": INTENT, "background": BACKGROUND,
           "denial": DENIAL, "after_clause": AFTER, "long_after": LONG_AFTER}
ScopeName = Literal["negation", "hedge", "intent", "background", "denial", "after_clause",
                    "long_after"]
Flag = Literal["needs_truce", "needs_conflict", "needs_violence"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ObjectSpec(_Strict):
    """What the trigger needs near it: a hit of one of `cues` within `within` (a distance
    name) words, on `side` of it: `any` (words between the two, either order), `after`
    (starting at or after the trigger's end) or `later` (starting after the trigger's start);
    with `clause`, no clause mark between them. Objects a predicate of `unless` holds for
    do not count."""

    cues: list[str]
    within: str
    side: Literal["any", "after", "later"] = "any"
    clause: bool = False
    unless: list[str] = Field(default_factory=list)


class RuleSpec(_Strict):
    """One rule: see the header of `data/rules.yaml` for what each field means."""

    name: str
    type: str
    trigger: list[str] = Field(default_factory=list)
    finder: str | None = None
    has: list[str] = Field(default_factory=list)
    has_any: list[str] = Field(default_factory=list)
    lacks: list[str] = Field(default_factory=list)
    unless_coded: list[str] = Field(default_factory=list)
    blocked_by: list[ScopeName] = Field(default_factory=list)
    governed_by: list[ScopeName] = Field(default_factory=list)
    near: ObjectSpec | None = None
    unless: list[str] = Field(default_factory=list)
    require: list[str] = Field(default_factory=list)
    order: Literal["reading", "nearest"] = "reading"
    first_only: bool = False
    drop_if_all: str | None = None
    prefer: str | None = None
    anchors: bool = False
    code: str
    code_if: dict[str, str] = Field(default_factory=dict)
    roles: Literal["assign", "accusation"] = "assign"
    roles_anchor: list[str] = Field(default_factory=list)
    need_actor: bool = False
    or_if: list[str] = Field(default_factory=list)
    consumes: bool = False
    flags: list[Flag] = Field(default_factory=list)


class FamilySpec(_Strict):
    name: str
    rules: list[RuleSpec] = Field(default_factory=list)
    coded_by: str | None = None


class _File(_Strict):
    version: Literal[1]
    clause_marks: str
    distances: dict[str, int]
    candidates: list[str]
    families: list[FamilySpec]


@dataclass(frozen=True)
class _Rule:
    """A spec with its distances resolved and its predicates looked up (done at load)."""

    spec: RuleSpec
    triggers: frozenset[str]
    within: int
    blocked: tuple[str, ...]
    governed: tuple[str, ...]
    unless: tuple[Callable[[_View, Hit], bool], ...]
    require: tuple[Callable[[_View, Hit], bool], ...]
    object_unless: tuple[Callable[[_View, Hit], bool], ...]
    or_if: tuple[Callable[[_View, Hit], bool], ...]
    code_if: tuple[tuple[str, Callable[[_View, Hit], bool]], ...]
    drop_if_all: Callable[[_View, Hit], bool] | None
    prefer: Callable[[_View, Hit], bool] | None
    finder: Callable[[_View], list[Hit]] | None


class RuleBook:
    """The rule families of one coder, checked and resolved at load."""

    def __init__(
        self,
        families: list[tuple[str, list[_Rule] | Callable[[_View, list[Draft]], list[Draft]]]],
        candidates: frozenset[str],
        distances: Mapping[str, int],
        clause_marks: str,
    ) -> None:
        self.families = families
        self.candidates = candidates
        self.distances = dict(distances)
        self.clause_marks = clause_marks

    @classmethod
    def load(
        cls, data: dict[str, Any], file: str, tax: Taxonomy, categories: frozenset[str],
        rules_off: frozenset[str] = frozenset(), predicates_off: frozenset[str] = frozenset(),
    ) -> RuleBook:
        """Validate `data` (the parsed rules.yaml): every cue category is the lexicon's,
        every predicate registered, every distance named, every type and code name the
        taxonomy's; a bad one raises CoderConfigError naming the file, rule and name.

        A language's book leaves out its `rules_off` and reads its `predicates_off` as never
        holding (English-only tests, switched off by the language's data, not copied)."""
        from streams.classify.predicates import FINDERS, PREDICATES

        try:
            parsed = _File.model_validate(data)
        except ValidationError as exc:
            raise CoderConfigError.invalid(file, exc) from exc

        def cats(rule: str, names: list[str]) -> None:
            for name in names:
                if name not in categories:
                    raise CoderConfigError(file, rule, name, "is not a category of the lexicon")

        def pred(rule: str, name: str) -> Callable[[_View, Hit], bool]:
            found = PREDICATES.get(name)
            if found is None:
                raise CoderConfigError(file, rule, name, "is not a registered predicate")
            for distance in found.distances:
                if distance not in parsed.distances:
                    raise CoderConfigError(file, rule, distance,
                                           f"is a distance predicate {name!r} needs: not named")
            return _never if name in predicates_off else found.test

        cats("candidates", parsed.candidates)
        families: list[tuple[str, list[_Rule] | Callable[[_View, list[Draft]], list[Draft]]]] = []
        for family in parsed.families:
            if family.coded_by is not None:
                function = LEGACY_FAMILIES.get(family.coded_by)
                if function is None:
                    raise CoderConfigError(file, family.name, family.coded_by,
                                           "is not a family function of rules.py")
                families.append((family.name, function))
                continue
            rules: list[_Rule] = []
            for spec in family.rules:
                if spec.name in rules_off:
                    continue
                where = f"{family.name}.{spec.name}"
                if spec.type not in tax.defaults:
                    raise CoderConfigError(file, where, spec.type, "is not a taxonomy type")
                for name in [spec.code, *spec.code_if]:
                    if name != "trigger" and name not in tax.names(spec.type):
                        raise CoderConfigError(file, where, name,
                                               f"is not a code name of {spec.type} in the taxonomy")
                if spec.code == "trigger":
                    for cat in spec.trigger:
                        if cat not in tax.names(spec.type):
                            raise CoderConfigError(
                                file, where, cat,
                                f"triggers a code by its category, and {spec.type} has none")
                if (spec.finder is None) == (not spec.trigger):
                    raise CoderConfigError(file, where, "trigger",
                                           "is needed, or a finder instead (one of the two)")
                for kind in spec.unless_coded:
                    if kind not in tax.defaults:
                        raise CoderConfigError(file, where, kind, "is not a taxonomy type")
                cats(where, [*spec.trigger, *spec.has, *spec.has_any, *spec.lacks,
                             *spec.roles_anchor, *(spec.near.cues if spec.near else [])])
                within = 0
                if spec.near is not None:
                    if spec.near.within not in parsed.distances:
                        raise CoderConfigError(file, where, spec.near.within,
                                               "is not a named distance")
                    within = parsed.distances[spec.near.within]
                finder = None
                if spec.finder is not None:
                    finder = FINDERS.get(spec.finder)
                    if finder is None:
                        raise CoderConfigError(file, where, spec.finder,
                                               "is not a registered finder")
                rules.append(_Rule(
                    spec, frozenset(spec.trigger), within,
                    tuple(_SCOPES[s] for s in spec.blocked_by),
                    tuple(_SCOPES[s] for s in spec.governed_by),
                    tuple(pred(where, n) for n in spec.unless),
                    tuple(pred(where, n) for n in spec.require),
                    tuple(pred(where, n) for n in (spec.near.unless if spec.near else [])),
                    tuple(pred(where, n) for n in spec.or_if),
                    tuple((code, pred(where, n)) for code, n in spec.code_if.items()),
                    pred(where, spec.drop_if_all) if spec.drop_if_all else None,
                    pred(where, spec.prefer) if spec.prefer else None,
                    finder,
                ))
            families.append((family.name, rules))
        return cls(families, frozenset(parsed.candidates), parsed.distances,
                   parsed.clause_marks)

    def code_sentence(self, view: _View) -> list[Draft]:
        """Every event the sentence states, at most one per type, family by family."""
        view.distances = self.distances
        cats = view.by_cat.keys()
        drafts: list[Draft] = []
        for _, family in self.families:
            if callable(family):
                drafts += family(view, drafts)
                continue
            coded = {d.type for d in drafts}
            for rule in family:
                # most rules stop here, on a sentence without their trigger (a finder rule
                # has no trigger categories and always runs)
                if rule.spec.type in coded or (rule.triggers and cats.isdisjoint(rule.triggers)):
                    continue
                draft = self._run(view, rule, coded)
                if draft is not None:
                    drafts.append(draft)
                    coded.add(draft.type)
        return drafts

    def _run(self, view: _View, rule: _Rule, coded: set[str]) -> Draft | None:
        spec = rule.spec
        if any(kind in coded for kind in spec.unless_coded):
            return None
        present = view.present
        if not all(present(c) for c in spec.has):
            return None
        if spec.has_any and not any(present(c) for c in spec.has_any):
            return None
        if any(present(c) for c in spec.lacks):
            return None
        if rule.finder is not None:
            candidates = rule.finder(view)
        elif rule.blocked:
            candidates = view.valid(spec.trigger, rule.blocked)
        else:
            candidates = view.get(*spec.trigger)
        objects: list[Hit] = []
        if spec.near is not None:
            objects = sorted(h for c in spec.near.cues for h in view.objects(c))
            if rule.object_unless:
                objects = [o for o in objects if not any(p(view, o) for p in rule.object_unless)]
        if spec.order == "nearest":
            candidates = [h for h in candidates if self._near(view, rule, h, objects)]
            candidates.sort(key=lambda h: (view.distance(h, objects), h.start))
        chosen: list[Hit] = []
        for hit in candidates:
            if rule.governed and not all(view.scope.governs(g, hit) for g in rule.governed):
                continue
            if any(p(view, hit) for p in rule.unless):
                continue
            if spec.first_only:
                chosen.append(hit)
                break
            if not all(p(view, hit) for p in rule.require):
                continue
            if spec.order != "nearest" and not self._near(view, rule, hit, objects):
                continue
            chosen.append(hit)
            if not (spec.prefer or spec.drop_if_all or spec.anchors):
                draft = self._draft(view, rule, hit)
                if draft is not None:
                    self._consume(view, rule, hit, objects)
                    return draft
                chosen.pop()
        if not chosen:
            return None
        if spec.first_only:
            hit = chosen[0]
            if not all(p(view, hit) for p in rule.require):
                return None
            return self._draft(view, rule, hit)
        if rule.drop_if_all is not None and all(rule.drop_if_all(view, h) for h in chosen):
            return None
        hit = chosen[0]
        if rule.prefer is not None:
            hit = next((h for h in chosen if rule.prefer(view, h)), chosen[0])
        return self._draft(view, rule, hit, anchors=chosen if spec.anchors else [])

    def _near(self, view: _View, rule: _Rule, hit: Hit, objects: list[Hit]) -> bool:
        spec = rule.spec.near
        if spec is None:
            return True
        text = view.s.text
        for obj in objects:
            if spec.side == "any":
                if words_between(text, min(hit.end, obj.end), max(hit.start, obj.start)) \
                        > rule.within:
                    continue
            elif spec.side == "after":
                if obj.start < hit.end or words_between(text, hit.end, obj.start) > rule.within:
                    continue
            elif obj.start <= hit.start or words_between(text, hit.end, obj.start) \
                    > rule.within:
                continue
            if spec.clause and any(mark in text[hit.end : obj.start]
                                   for mark in self.clause_marks):
                continue
            return True
        return False

    def _draft(
        self, view: _View, rule: _Rule, hit: Hit, anchors: list[Hit] | None = None
    ) -> Draft | None:
        spec = rule.spec
        name = spec.code if spec.code != "trigger" else hit.cat
        for code_name, test in rule.code_if:
            if test(view, hit):
                name = code_name
                break
        code = view.tax.code(spec.type, name)
        if spec.roles == "accusation":
            cues = view.get(*spec.roles_anchor)
            roles = accusation_roles(view.s, min(cues[0], hit) if cues else hit)
        else:
            roles = assign(view.s, hit, spec.type in view.tax.speech_acts)
        if (spec.need_actor and roles.actor is None
                and not any(test(view, hit) for test in rule.or_if)):
            return None
        draft = Draft(spec.type, code, hit, roles, anchors=list(anchors or []))
        for flag in spec.flags:
            setattr(draft, flag, True)
        return draft

    def _consume(self, view: _View, rule: _Rule, hit: Hit, objects: list[Hit]) -> None:
        """The object the trigger is about (the nearest) is taken: later rules in the
        sentence do not see it ("talks between A and B were suspended": not held)."""
        if not rule.spec.consumes or rule.spec.near is None or not objects:
            return
        taken = min(objects, key=lambda n: (view.distance(hit, [n]), abs(n.start - hit.start)))
        for cat in rule.spec.near.cues:
            view.pool[cat] = [o for o in view.objects(cat)
                              if o.end <= taken.start or o.start >= taken.end]


def _never(view: _View, hit: Hit) -> bool:
    """A predicate a language has switched off: it never holds."""
    return False


def rule_names(data: dict[str, Any]) -> frozenset[str]:
    """The names of the rule specs in a parsed rules.yaml (what `rules_off` may name)."""
    return frozenset(str(rule.get("name")) for family in data.get("families", [])
                     for rule in family.get("rules", []) or [])


def code_sentence(s: Sentence, book: RuleBook, tax: Taxonomy) -> list[Draft]:
    """Every event the sentence states, at most one per type, unless the sentence is in
    another sense, refuted or history (`rules.opens`, `rules.closes`)."""
    view = _View(s, tax)
    if not opens(view):
        return []
    return closes(view, book.code_sentence(view))
