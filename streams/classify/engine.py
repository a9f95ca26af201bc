"""One engine for the rule specs of `data/rules.yaml`: each rule names the cue categories
that trigger it, the objects it needs near them (at a named distance), the scope cues and
named predicates that block it and the taxonomy code it gives. The engine knows no word of
any language: words are in the lexicon, distances and clause marks in the rule file, and
what is truly linguistic in small named predicates (`predicates.py`) that the specs name.

A sentence runs the rule families in the file's order; a family is a list of specs, a
violent act (`act`: one act per sentence, with up to one event per target kind) or a toll
(`toll`: the casualty figures of the sentence). At most one event per type per sentence: the
first rule that codes a type wins.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from schemas import Casualties
from streams.classify.figures import Count
from streams.classify.hits import PARTICLE, SEPARATED, Hit
from streams.classify.roles import Sentence, accusation_roles, assign, quotation_roles
from streams.classify.rules import Draft, _inside, _View, closes, opens
from streams.classify.scope import (
    AFTER,
    BACKGROUND,
    DENIAL,
    HEDGE,
    INTENT,
    LONG_AFTER,
    NEGATION,
    STANDING,
    words_between,
)
from streams.classify.taxonomy import CoderConfigError, Taxonomy

_SCOPES = {"negation": NEGATION, "hedge": HEDGE, "intent": INTENT, "background": BACKGROUND,
           "denial": DENIAL, "after_clause": AFTER, "long_after": LONG_AFTER,
           "standing": STANDING}
ScopeName = Literal["negation", "hedge", "intent", "background", "denial", "after_clause",
                    "long_after", "standing"]
Flag = Literal["needs_truce", "needs_talks", "needs_conflict", "needs_violence"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ObjectSpec(_Strict):
    """What the trigger needs near it: a hit of one of `cues` within `within` (a distance
    name) words, on `side` of it: `any` (words between the two, either order), `after`
    (starting at or after the trigger's end), `later` (starting after the trigger's start)
    or `before` (ending at or before the trigger's start: the subject of a verb that closes
    its clause, "the strikes will continue");
    with `clause`, no clause mark between them. Objects a predicate of `unless` holds for
    do not count."""

    cues: list[str]
    within: str
    side: Literal["any", "after", "later", "before"] = "any"
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
    # predicates that lift `unless_coded` for a trigger: "Putin declared a truce, ... but
    # Kyiv dismissed it" (the declaration is its own clause, before the rejection)
    coded_unless: list[str] = Field(default_factory=list)
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
    roles: Literal["assign", "accusation", "quotation"] = "assign"
    roles_anchor: list[str] = Field(default_factory=list)
    need_actor: bool = False
    or_if: list[str] = Field(default_factory=list)
    consumes: bool = False
    flags: list[Flag] = Field(default_factory=list)


class GroupSpec(_Strict):
    """The act's hits of one role: hits of `cues` that no `blocked_by` scope cue of the act
    blocks (unless `scoped` is false) and for which no predicate of `unless` holds."""

    cues: list[str]
    scoped: bool = True
    unless: list[str] = Field(default_factory=list)


class EmptyIfAllSpec(_Strict):
    """`group` is emptied when `predicate` holds for every hit of it and the sentence has
    none of `lacks` ("as they assembled explosives": weapons named, nothing used)."""

    group: str
    predicate: str
    lacks: list[str] = Field(default_factory=list)


class VetoSpec(_Strict):
    """Nothing is coded when `predicate` holds for a hit of `cues` and the sentence has
    every category of `has` and none of `lacks`."""

    cues: list[str]
    predicate: str
    has: list[str] = Field(default_factory=list)
    lacks: list[str] = Field(default_factory=list)


class TargetSpec(_Strict):
    """What the act hit: assets of the lexicon's `prefix` class ("infra:", "mil:") that no
    scope cue of `unless_governed_by` governs, no `unless` predicate holds for and every
    `require` predicate does."""

    prefix: str
    unless_governed_by: list[ScopeName] = Field(default_factory=list)
    unless: list[str] = Field(default_factory=list)
    require: list[str] = Field(default_factory=list)


class ActEventSpec(_Strict):
    """One event of the act: coded when a group list of `when` is all non-empty, or when the
    `target` kind has targets; its trigger is the first hit of the first non-empty group of
    `trigger` (`verbs`: the act's verbs); `code` a code name of the type or `violent_act`
    (the taxonomy's violent act of the sentence), `code_if_act` the code name to give when
    the violent act's code is that name's code; the targets' asset classes less
    `assets_except` are the event's assets, `strategic` when one is strategic."""

    type: str
    when: list[list[str]] = Field(default_factory=list)
    target: str | None = None
    trigger: list[str] = Field(default_factory=lambda: ["verbs"])
    code: str
    code_if_act: str | None = None
    assets_except: list[str] = Field(default_factory=list)
    strategic: bool = False


class WeakSpec(_Strict):
    """`flag` is set on every event of the act when the sentence has none of `lacks`, no
    actor mention of the `lacks_parties` kinds, and `all_verbs` holds for every verb."""

    lacks: list[str]
    lacks_parties: list[str] = Field(default_factory=list)
    all_verbs: str
    flag: Flag


class ActSpec(_Strict):
    """A violent act: see the header of `data/rules.yaml`."""

    blocked_by: list[ScopeName] = Field(default_factory=list)
    groups: dict[str, GroupSpec]
    empty_if_all: EmptyIfAllSpec | None = None
    violent_if: list[list[str]]
    violent_if_any: dict[str, str] = Field(default_factory=dict)
    vetoes: list[VetoSpec] = Field(default_factory=list)
    verbs: list[str]
    verb_unless: list[str] = Field(default_factory=list)
    targets: dict[str, TargetSpec] = Field(default_factory=dict)
    prune: dict[str, str] = Field(default_factory=dict)
    events: list[ActEventSpec]
    weak: WeakSpec | None = None


class TollNounSpec(_Strict):
    """A cue for which `predicate` holds is a toll noun ("the death toll"): skipped when an
    `unless` predicate holds, else its figure is what the `count` counter reads."""

    predicate: str
    unless: list[str] = Field(default_factory=list)
    count: str


class TollSpec(_Strict):
    """The casualty figures of a sentence: see the header of `data/rules.yaml`."""

    type: str
    figures: dict[str, str]
    self_counted: dict[str, str] = Field(default_factory=dict)
    blocked_by: list[ScopeName] = Field(default_factory=list)
    vetoes: list[VetoSpec] = Field(default_factory=list)
    unless: list[str] = Field(default_factory=list)
    toll_nouns: TollNounSpec | None = None
    count: str
    count_unless: list[str] = Field(default_factory=list)
    joins: list[str] = Field(default_factory=list)
    violence: list[str] = Field(default_factory=list)
    accidental: str | None = None


class FamilySpec(_Strict):
    name: str
    rules: list[RuleSpec] = Field(default_factory=list)
    act: ActSpec | None = None
    toll: TollSpec | None = None


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
    coded_unless: tuple[Callable[[_View, Hit], bool], ...] = ()


Test = Callable[[_View, Hit], bool]


@dataclass(frozen=True)
class _Group:
    cues: tuple[str, ...]
    scoped: bool
    unless: tuple[Test, ...]


@dataclass(frozen=True)
class _Veto:
    cues: tuple[str, ...]
    test: Test
    has: tuple[str, ...]
    lacks: tuple[str, ...]

    def holds(self, view: _View) -> bool:
        present = view.by_cat
        # plain loops: no generator frame per veto and sentence (the act asks every veto)
        for cat in self.has:
            if cat not in present:
                return False
        for cat in self.lacks:
            if cat in present:
                return False
        test = self.test
        for cat in self.cues:  # any hit will do: the order they are judged in does not matter
            for hit in present.get(cat, ()):
                if test(view, hit):
                    return True
        return False


@dataclass(frozen=True)
class _Target:
    prefix: str
    governed: tuple[str, ...]
    unless: tuple[Test, ...]
    require: tuple[Test, ...]


@dataclass(frozen=True)
class _Act:
    """An act spec with its scopes resolved and its predicates looked up (done at load)."""

    spec: ActSpec
    blocked: tuple[str, ...]
    groups: tuple[tuple[str, _Group], ...]
    empty_if_all: Test | None
    violent_if_any: tuple[tuple[str, Test], ...]
    vetoes: tuple[_Veto, ...]
    verb_unless: tuple[Test, ...]
    targets: tuple[tuple[str, _Target], ...]
    weak: Test | None
    triggers: frozenset[str]  # the cue categories without which no act can be violent


@dataclass(frozen=True)
class _Toll:
    """A toll spec with its scopes resolved and its predicates and counters looked up."""

    spec: TollSpec
    triggers: frozenset[str]  # the figure categories
    blocked: tuple[str, ...]
    vetoes: tuple[_Veto, ...]
    unless: tuple[Test, ...]
    toll_noun: Test | None
    toll_unless: tuple[Test, ...]
    toll_count: Callable[[_View, Hit], Any] | None
    count: Callable[[_View, Hit], Any]
    count_unless: tuple[Test, ...]
    accidental: Test | None


Family = list[_Rule] | _Act | _Toll


def _violent(view: _View, act: _Act, groups: dict[str, list[Hit]]) -> bool:
    """Whether the act's groups make it violent: every group of a `violent_if` condition
    has hits, or a `violent_if_any` test holds for a hit of its group (plain loops)."""
    for condition in act.spec.violent_if:
        for group in condition:
            if not groups[group]:
                break
        else:
            return True
    for group, test in act.violent_if_any:
        for hit in groups[group]:
            if test(view, hit):
                return True
    return False


def _any(tests: tuple[Test, ...], view: _View, hit: Hit) -> bool:
    """Whether any test holds for `hit` (a plain loop: no generator frame per call)."""
    for test in tests:  # noqa: SIM110
        if test(view, hit):
            return True
    return False


def _all(tests: tuple[Test, ...], view: _View, hit: Hit) -> bool:
    """Whether every test holds for `hit`."""
    for test in tests:  # noqa: SIM110
        if not test(view, hit):
            return False
    return True


class RuleBook:
    """The rule families of one coder, checked and resolved at load."""

    def __init__(
        self,
        families: list[tuple[str, Family]],
        candidates: frozenset[str],
        distances: Mapping[str, int],
        clause_marks: str,
    ) -> None:
        self.families = families
        self.candidates = candidates
        self.distances = dict(distances)
        self.clause_marks = clause_marks
        # what `code_sentence` asks of each family, looked up once here rather than per
        # sentence: for a rule list, the categories any of its rules triggers on (None when
        # a finder rule runs on every sentence) and each rule's (type, triggers, rule)
        self._plan: list[tuple[Family, frozenset[str] | None,
                               tuple[tuple[str, frozenset[str], _Rule], ...]]] = []
        for _, family in families:
            if isinstance(family, _Act | _Toll):
                self._plan.append((family, family.triggers, ()))
                continue
            triggers: frozenset[str] | None = frozenset().union(*(r.triggers for r in family))
            if any(not r.triggers for r in family):
                triggers = None
            self._plan.append((family, triggers,
                               tuple((r.spec.type, r.triggers, r) for r in family)))

    @classmethod
    def load(
        cls, data: dict[str, Any], file: str, tax: Taxonomy, categories: frozenset[str],
        phrases: frozenset[str] = frozenset(),
        rules_off: frozenset[str] = frozenset(), predicates_off: frozenset[str] = frozenset(),
    ) -> RuleBook:
        """Validate `data` (the parsed rules.yaml): every cue category is the lexicon's,
        every predicate and counter registered, every distance named, every word list a
        predicate reads in the lexicon's `phrases`, every type and code name the
        taxonomy's; a bad one raises CoderConfigError naming the file, rule and name.

        A language's book leaves out its `rules_off` and reads its `predicates_off` as never
        holding (English-only tests, switched off by the language's data, not copied)."""
        from streams.classify.predicates import COUNTERS, FINDERS, PREDICATES

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
            needs(rule, name, found.distances, found.lists)
            return _never if name in predicates_off else found.test

        def needs(rule: str, name: str, distances: tuple[str, ...], lists: tuple[str, ...]
                  ) -> None:
            for distance in distances:
                if distance not in parsed.distances:
                    raise CoderConfigError(file, rule, distance,
                                           f"is a distance predicate {name!r} needs: not named")
            for word_list in lists:
                if word_list not in phrases:
                    raise CoderConfigError(file, rule, word_list,
                                           f"is a lexicon word list (phrases) {name!r} reads:"
                                           " the lexicon has none")

        def counter(rule: str, name: str) -> Callable[[_View, Hit], Any]:
            found = COUNTERS.get(name)
            if found is None:
                raise CoderConfigError(file, rule, name, "is not a registered counter")
            needs(rule, name, found.distances, found.lists)
            return found.count

        def scopes(names: list[ScopeName]) -> tuple[str, ...]:
            return tuple(_SCOPES[n] for n in names)

        def vetoes(where: str, specs: list[VetoSpec]) -> tuple[_Veto, ...]:
            for veto in specs:
                cats(where, [*veto.cues, *veto.has, *veto.lacks])
            return tuple(_Veto(tuple(v.cues), pred(where, v.predicate), tuple(v.has),
                               tuple(v.lacks)) for v in specs)

        def code_name(where: str, type_: str, name: str) -> None:
            if type_ not in tax.defaults:
                raise CoderConfigError(file, where, type_, "is not a taxonomy type")
            if name != "violent_act" and name not in tax.names(type_):
                raise CoderConfigError(file, where, name,
                                       f"is not a code name of {type_} in the taxonomy")

        def act(where: str, spec: ActSpec) -> _Act:
            groups = []
            for name, group in spec.groups.items():
                cats(f"{where}.{name}", group.cues)
                groups.append((name, _Group(tuple(group.cues), group.scoped,
                                            tuple(pred(where, n) for n in group.unless))))
            named = set(spec.groups) | {"verbs"}

            def group_names(names: list[str], what: str) -> None:
                for name in names:
                    if name not in named:
                        raise CoderConfigError(file, where, name, f"is not a group ({what})")

            for condition in spec.violent_if:
                group_names(condition, "violent_if")
            group_names(list(spec.violent_if_any), "violent_if_any")
            group_names(spec.verbs, "verbs")
            group_names(list(spec.prune), "prune")
            empty = None
            if spec.empty_if_all is not None:
                group_names([spec.empty_if_all.group], "empty_if_all")
                cats(where, spec.empty_if_all.lacks)
                empty = pred(where, spec.empty_if_all.predicate)
            targets = []
            for name, target in spec.targets.items():
                if not any(c.startswith(target.prefix) for c in categories):
                    raise CoderConfigError(file, f"{where}.{name}", target.prefix,
                                           "is no asset class prefix of the lexicon")
                targets.append((name, _Target(
                    target.prefix, scopes(target.unless_governed_by),
                    tuple(pred(where, n) for n in target.unless),
                    tuple(pred(where, n) for n in target.require))))
            for target_name in spec.prune.values():
                if target_name not in spec.targets:
                    raise CoderConfigError(file, where, target_name, "is not a target (prune)")
            for event in spec.events:
                code_name(f"{where}.{event.type}", event.type, event.code)
                if event.code_if_act is not None:
                    code_name(f"{where}.{event.type}", event.type, event.code_if_act)
                for condition in event.when:
                    group_names(condition, "when")
                group_names(event.trigger, "trigger")
                if event.target is not None and event.target not in spec.targets:
                    raise CoderConfigError(file, where, event.target, "is not a target")
            weak = None
            if spec.weak is not None:
                cats(where, spec.weak.lacks)
                weak = pred(where, spec.weak.all_verbs)
            violent = {g for condition in spec.violent_if for g in condition}
            violent |= set(spec.violent_if_any)
            triggers = frozenset(c for g in violent if g in spec.groups
                                 for c in spec.groups[g].cues)
            return _Act(spec, scopes(spec.blocked_by), tuple(groups), empty,
                        tuple((g, pred(where, n)) for g, n in spec.violent_if_any.items()),
                        vetoes(where, spec.vetoes), tuple(pred(where, n) for n in spec.verb_unless),
                        tuple(targets), weak, triggers)

        def toll(where: str, spec: TollSpec) -> _Toll:
            code_name(where, spec.type, "violent_act")
            cats(where, [*spec.figures, *spec.violence, *spec.self_counted])
            for figure in [*spec.figures.values(), *spec.self_counted.values()]:
                if figure not in Casualties.model_fields:
                    raise CoderConfigError(file, where, figure, "is not a casualty figure")
            for kind in spec.joins:
                if kind not in tax.defaults:
                    raise CoderConfigError(file, where, kind, "is not a taxonomy type")
            nouns = spec.toll_nouns
            return _Toll(
                spec, frozenset(spec.figures), scopes(spec.blocked_by), vetoes(where, spec.vetoes),
                tuple(pred(where, n) for n in spec.unless),
                pred(where, nouns.predicate) if nouns else None,
                tuple(pred(where, n) for n in nouns.unless) if nouns else (),
                counter(where, nouns.count) if nouns else None,
                counter(where, spec.count),
                tuple(pred(where, n) for n in spec.count_unless),
                pred(where, spec.accidental) if spec.accidental else None,
            )

        cats("candidates", parsed.candidates)
        families: list[tuple[str, Family]] = []
        for family in parsed.families:
            kinds = (bool(family.rules), family.act is not None, family.toll is not None)
            if sum(kinds) != 1:
                raise CoderConfigError(file, family.name, "rules",
                                       "a family has exactly one of rules, act or toll")
            if family.act is not None:
                families.append((family.name, act(family.name, family.act)))
                continue
            if family.toll is not None:
                families.append((family.name, toll(family.name, family.toll)))
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
                    tuple(pred(where, n) for n in spec.coded_unless),
                ))
            families.append((family.name, rules))
        return cls(families, frozenset(parsed.candidates), parsed.distances,
                   parsed.clause_marks)

    def code_sentence(self, view: _View) -> list[Draft]:
        """Every event the sentence states, at most one per type, family by family."""
        view.distances = self.distances
        cats = view.by_cat.keys()
        drafts: list[Draft] = []
        for family, triggers, rules in self._plan:
            # a family none of whose triggers the sentence has is skipped whole (a finder
            # rule has no trigger categories: its family always runs)
            if triggers is not None and cats.isdisjoint(triggers):
                continue
            if isinstance(family, _Act):
                # every violent condition needs a hit of one of its groups' categories
                drafts += self._act(view, family)
                continue
            if isinstance(family, _Toll):
                drafts += self._toll(view, family, drafts)
                continue
            coded = {d.type for d in drafts}
            for type_, rule_triggers, rule in rules:
                # most rules stop here, on a sentence without their trigger
                if type_ in coded or (rule_triggers and cats.isdisjoint(rule_triggers)):
                    continue
                draft = self._run(view, rule, coded)
                if draft is not None:
                    drafts.append(draft)
                    coded.add(draft.type)
        return drafts

    @staticmethod
    def read_act(view: _View, act: _Act) -> dict[str, list[Hit]]:
        """The act's groups of hits (`view.act`, which predicates read), before any test of
        the act as a whole."""
        found: dict[str, list[Hit]] = {}
        view.act = found
        dropped: set[str] = set()
        for name, group in act.groups:
            hits = view.valid(group.cues, act.blocked) if group.scoped else view.get(*group.cues)
            if group.unless and hits:
                kept = [h for h in hits if not _any(group.unless, view, h)]
                if len(kept) < len(hits):
                    dropped |= {h.cat for h in hits} - {h.cat for h in kept}
                hits = kept
            found[name] = hits
        # a category whose every hit a group's `unless` dropped names no method of the act
        # ("a United Nations aircraft", "the air force said"): not the act's code either
        view.memo[_DROPPED] = dropped
        empty = act.spec.empty_if_all
        if (empty is not None and found[empty.group] and act.empty_if_all is not None
                and all(act.empty_if_all(view, h) for h in found[empty.group])
                and not view.get(*empty.lacks)):
            found[empty.group] = []
        return found

    @staticmethod
    def read_targets(view: _View, act: _Act) -> None:
        """The act's verbs and its targets of each kind (`view.act`, which predicates read),
        in the spec's order; a target prunes the groups `prune` names for it."""
        found = view.act
        found["verbs"] = sorted(h for g in act.spec.verbs for h in found[g])
        for name, target in act.targets:
            hits = []
            governs = view.scope.governs
            for asset in view.prefixed(target.prefix):
                # each test is pure, so the cheaper ones go first: scope, then predicates
                if target.governed and any(governs(g, asset) for g in target.governed):
                    continue
                if _any(target.unless, view, asset) or not _all(target.require, view, asset):
                    continue
                hits.append(asset)
            found[name] = hits
            for group, pruned_by in act.spec.prune.items():
                if pruned_by == name:
                    found[group] = [h for h in found[group] if not _inside(h, hits)]

    def _act(self, view: _View, act: _Act) -> list[Draft]:
        """The events of the sentence's violent act, if it states one."""
        spec = act.spec
        groups = self.read_act(view, act)
        if not _violent(view, act, groups):
            return []
        for veto in act.vetoes:
            if veto.holds(view):
                return []
        verbs = sorted(h for g in spec.verbs for h in groups[g])
        if any(test(view, verbs[0]) for test in act.verb_unless):
            return []
        dropped = view.memo.get(_DROPPED)
        code = view.tax.act_code(view.by_cat.keys() - dropped if dropped else view.by_cat)
        self.read_targets(view, act)
        drafts: list[Draft] = []
        for event in spec.events:
            if event.target is not None:
                targets = groups[event.target]
                if not targets:
                    continue
            elif not any(all(groups[g] for g in condition) for condition in event.when):
                continue
            else:
                targets = []
            trigger = next((groups[g][0] for g in event.trigger if groups[g]), verbs[0])
            name = event.code
            if event.code_if_act is not None and code == view.tax.code(event.type,
                                                                        event.code_if_act):
                name = event.code_if_act
            coded = code if name == "violent_act" else view.tax.code(event.type, name)
            assets = sorted({h.payload for h in targets} - set(event.assets_except))
            draft = Draft(event.type, coded, trigger,
                          assign(view.s, trigger, event.type in view.tax.speech_acts),
                          assets=assets)
            if event.strategic:
                draft.strategic = bool(view.words.strategic.intersection(assets))
            drafts.append(draft)
        weak = spec.weak
        if weak is not None and act.weak is not None and drafts and not any(
            h.cat in weak.lacks for h in view.s.hits
        ) and not any(m.entry.kind in weak.lacks_parties for m in view.s.mentions) and all(
            act.weak(view, v) for v in verbs
        ):
            for draft in drafts:
                setattr(draft, weak.flag, True)
        return drafts

    def _toll(self, view: _View, toll: _Toll, drafts: list[Draft]) -> list[Draft]:
        """The sentence's casualty figures as one event, if it states any."""
        spec = toll.spec
        if any(veto.holds(view) for veto in toll.vetoes):
            return []
        figures: dict[str, int] = {}
        estimates: dict[str, list[tuple[int, int]]] = {}  # key -> a toll noun's (at, figure)
        counted: dict[str, list[Count]] = {}  # key -> the other figures
        first: Hit | None = None
        for cat, key in spec.figures.items():
            for hit in view.valid([cat], toll.blocked):
                if any(p(view, hit) for p in toll.unless) or (
                        BACKGROUND in toll.blocked and _dated_with(view, hit, spec.figures)):
                    continue
                if toll.toll_noun is not None and toll.toll_noun(view, hit):
                    if any(p(view, hit) for p in toll.toll_unless):
                        continue
                    count = toll.toll_count(view, hit) if toll.toll_count else None
                    if count is not None and count.value > 0:
                        figures[key] = max(figures.get(key, 0), count.value)
                        estimates.setdefault(key, []).append((count.start, count.value))
                        first = first if first is not None and first.start < hit.start else hit
                    continue
                count = toll.count(view, hit)
                if count is None or count.value <= 0:
                    continue
                span = Hit(count.start, count.end, "count", "")
                if any(p(view, span) for p in toll.count_unless):
                    continue
                into = key
                if key == "killed" and _joint_toll(view, hit):
                    # "Forty soldiers were killed or wounded": one total of casualties, its
                    # dead unknown; it counts toward the total, never as dead
                    if "wounded" not in spec.figures.values():
                        continue
                    into = "wounded"
                figures[into] = max(figures.get(into, 0), count.value)
                counted.setdefault(into, []).append(count)
                first = first if first is not None and first.start < hit.start else hit
        if first is None:
            return []
        for key, spots in counted.items():
            both = _attackers_and_victims(view, spots)
            if both is not None:
                figures[key] = both
        dead = _whose_dead(view, counted.get("killed", ()), "killed" in estimates)
        for key, tolls in estimates.items():
            rival = _rival_estimate(view, tolls, counted.get(key, ()))
            if rival is not None:
                figures[key] = rival
        for cat, key in spec.self_counted.items():
            if key in figures and view.get(cat):
                figures[key] += 1  # "blew himself up, killing 32": the bomber is the 33rd
        joined = [d for d in drafts if d.type in spec.joins]
        # the toll keeps the act's own method even where the joined event's type narrows it
        # (a bombing of a convoy is attack.military_target 190; its dead are 183)
        dropped = view.memo.get(_DROPPED)
        code = view.tax.act_code(view.by_cat.keys() - dropped if dropped else view.by_cat,
                                 people=True)
        if "killed" not in figures:
            code = view.tax.wounded_only.get(code, code)  # "stabbed four": wounded only, 182
        roles = joined[0].roles if joined else assign(view.s, first,
                                                      spec.type in view.tax.speech_acts)
        draft = Draft(spec.type, code, first, roles, casualties=Casualties(**figures), dead=dead)
        # deaths with no violence named in the sentence stand only if the article has one
        # (not a negated or denied one: "four crew killed ... no sign of attack", "killing
        # 19; police rule out a Fano attack")
        governs = view.scope.governs
        cues = [h for h in view.s.hits if h.cat in spec.violence and not governs(NEGATION, h)
                and not governs(DENIAL, h)]
        draft.needs_violence = not joined and not cues
        # "a blast tore through a warehouse, killing 12": an accident alone needs a conflict
        draft.needs_conflict = not joined and bool(cues) and toll.accidental is not None and all(
            toll.accidental(view, h) for h in cues)
        return [draft]

    def _run(self, view: _View, rule: _Rule, coded: set[str]) -> Draft | None:
        spec = rule.spec
        # plain loops: no generator frame per question (most rules that run stop here)
        lift = False  # a type of `unless_coded` is coded: only a `coded_unless` trigger runs
        for kind in spec.unless_coded:
            if kind in coded:
                if not rule.coded_unless:
                    return None
                lift = True
        present = view.present
        for cat in spec.has:
            if not present(cat):
                return None
        if spec.has_any:
            for cat in spec.has_any:
                if present(cat):
                    break
            else:
                return None
        for cat in spec.lacks:
            if present(cat):
                return None
        if rule.finder is not None:
            candidates = rule.finder(view)
        elif rule.blocked:
            candidates = view.valid(spec.trigger, rule.blocked)
        else:
            candidates = view.get(*spec.trigger)
        taken = view.memo.get(_TAKEN)
        if taken:
            # "walked out of the talks on Tuesday": a trigger made of the words an earlier
            # rule took ("talks on") is taken with them
            candidates = [h for h in candidates
                          if not any(h.start < end and start < h.end for start, end in taken)]
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
            if lift and not _any(rule.coded_unless, view, hit):
                continue
            if rule.governed and not all(view.scope.governs(g, hit) for g in rule.governed):
                continue
            if rule.unless and _any(rule.unless, view, hit):
                continue
            if spec.first_only:
                chosen.append(hit)
                break
            if rule.require and not _all(rule.require, view, hit):
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
        # a separable verb ("schlug ... eine Waffenruhe vor"): its object stands between the
        # verb and its particle, however long the middle field
        particle = next((p for p in view.get(PARTICLE) if p.payload == hit.payload
                         and p.start >= hit.end), None) if SEPARATED in hit.payload else None
        for obj in objects:
            # the words between them, read for clause marks
            gap_start, gap_end = hit.end, obj.start
            if (particle is not None and spec.side != "before" and hit.end <= obj.start
                    and obj.end <= particle.start):
                pass  # inside the verb's clause: near
            elif spec.side == "any":
                if words_between(text, min(hit.end, obj.end), max(hit.start, obj.start)) \
                        > rule.within:
                    continue
            elif spec.side == "after":
                if obj.start < hit.end or words_between(text, hit.end, obj.start) > rule.within:
                    continue
            elif spec.side == "before":
                if obj.end > hit.start or words_between(text, obj.end, hit.start) > rule.within:
                    continue
                gap_start, gap_end = obj.end, hit.start
            elif obj.start <= hit.start or words_between(text, hit.end, obj.start) \
                    > rule.within:
                continue
            if spec.clause and any(mark in text[gap_start:gap_end]
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
        elif spec.roles == "quotation":
            roles = quotation_roles(view.s, hit)
        else:
            roles = assign(view.s, hit, spec.type in view.tax.speech_acts,
                           spec.type in view.tax.symmetric)
        if (spec.need_actor and roles.actor is None
                and not any(test(view, hit) for test in rule.or_if)):
            return None
        draft = Draft(spec.type, code, hit, roles, anchors=list(anchors or []))
        for flag in spec.flags:
            setattr(draft, flag, True)
        return draft

    def _consume(self, view: _View, rule: _Rule, hit: Hit, objects: list[Hit]) -> None:
        """The object the trigger is about (the nearest) is taken, and so are the verb's own
        objects after it in its clause ("the negotiators walked out of the Geneva talks"):
        later rules in the sentence do not see them ("talks between A and B were suspended":
        not held), nor a trigger made of their words ("the talks on Monday")."""
        if not rule.spec.consumes or rule.spec.near is None or not objects:
            return
        taken = [min(objects, key=lambda n: (view.distance(hit, [n]), abs(n.start - hit.start)))]
        text, within = view.s.text, self.distances[rule.spec.near.within]
        linkers = view.words.set("linkers")  # "stalled after a meeting between ...": no more
        for o in objects:
            if o.start < hit.end or o is taken[0]:
                continue
            gap = text[hit.end : o.start]
            if (words_between(text, hit.end, o.start) > within
                    or any(m in gap for m in self.clause_marks)
                    or not linkers.isdisjoint(gap.lower().split())):
                break
            taken.append(o)
        spans = view.memo.setdefault(_TAKEN, [])
        for t in taken:
            spans.append((t.start, t.end))
            for cat in rule.spec.near.cues:
                view.pool[cat] = [o for o in view.objects(cat)
                                  if o.end <= t.start or o.start >= t.end]


# view.memo's key for the spans of the objects rules took (`consumes`)
_TAKEN = "engine.taken"
# view.memo's key for the cue categories an act's groups dropped whole (`read_act`)
_DROPPED = "engine.dropped"


# words a casualty clause may run from the dated one before it ("Тогда погибли 32 человека,
# более 80 получили ранения"): the background window
_DATED_REACH = 8


def _joint_toll(view: _View, hit: Hit) -> bool:
    """ "were killed or wounded", "dozens of them were killed and wounded", "wounded or
    killed": a death word joined to a wound word by one of the language's `joint_links` is a
    single toll of both."""
    links = view.words.set("joint_links")
    if not links:
        return False
    text = view.s.text
    for other in view.get("wound"):
        gap = (text[hit.end : other.start] if other.start >= hit.end
               else text[other.end : hit.start] if other.end <= hit.start else None)
        if gap is None:
            continue
        words = gap.split()
        if len(words) == 1 and words[0].lower() in links:
            return True
    return False


def _attacker_counts(view: _View, counts: Iterable[Count]) -> list[Count]:
    """The counts of the attackers' own dead: a figure of the language's `attacker_nouns`,
    a word between at most ("six Indian-sponsored khwarij")."""
    words = view.words
    if not words.phrases.get("attacker_nouns"):
        return []
    # "six Indian-sponsored khwarij", "dozens of the attackers", "27 \"terrorists\""
    group = words.pattern("attacker_nouns", lambda w: r"\s+(?:[\w'-]+\s+)?"
                          rf"(?:{w.alt('near_determiners')}\s+)?[\"“‘']?"
                          rf"{w.alt('attacker_nouns')}(?!\w)")
    text = view.s.text
    return [c for c in counts if group.match(text, c.end)]


def _whose_dead(view: _View, counts: Sequence[Count], estimated: bool) -> str:
    """Whose dead a toll counts (`Draft.dead`): "attackers" where every count is of the
    attackers and exact ("seven assailants"; never "several assailants": `vague_figures`),
    "attackers_rough" where one is ACLED's plural value ("dozens of the attackers":
    `rough_figures`, counted, but set aside beside another source's exact count);
    "victims" where none is and the largest names its victims ("eight soldiers", "nine
    farmers", not "nine people", the language's `toll_generic_nouns`); "both" where the
    sentence counts the two apart; else "" (a death toll's figure, or dead it does not
    name)."""
    if estimated or not counts:
        return ""
    attackers = _attacker_counts(view, counts)
    if attackers:
        if len(attackers) < len(counts):
            return "both"
        text = view.s.text
        said = {w for c in attackers for w in text[c.start : c.end].lower().split()}
        if view.words.set("vague_figures").intersection(said):
            return ""
        rough = {w.lower() for w in view.words.set("rough_figures")}
        return "attackers_rough" if rough.intersection(said) else "attackers"
    words = view.words
    victims = words.pattern("victim_nouns", lambda w: r"\s+(?:[\w'-]+\s+)?" + w.alternation(
        tuple(sorted(w.person_nouns - {n.lower() for n in w.phrases["attacker_nouns"]}
                     - {n.lower() for n in w.phrases["toll_generic_nouns"]}))) + r"(?!\w)")
    largest = max(counts, key=lambda c: c.value)
    return "victims" if victims.match(view.s.text, largest.end) else ""


def _attackers_and_victims(view: _View, counts: list[Count]) -> int | None:
    """The attackers' dead added to their victims' where one sentence counts them apart:
    "killing seven soldiers; 10 attackers died in the gunfight" is 17 (ACLED counts the
    attackers' own dead). A figure inside the other's group ("12 people, among them five
    gunmen") is not added."""
    words = view.words
    if len(counts) < 2:
        return None
    attackers = _attacker_counts(view, counts)
    victims = [c for c in counts if c not in attackers]
    if not attackers or not victims:
        return None
    inside = words.pattern("apposition_opener", lambda w: rf"(?<!\w){w.alt('apposition_openers')}"
                           r"(?!\w)")
    text = view.s.text
    for attacker in attackers:
        for victim in victims:
            lo, hi = sorted((attacker.start, victim.start))
            if inside.search(text, lo, hi) is not None:
                return None
    return max(c.value for c in attackers) + max(c.value for c in victims)


def _rival_estimate(view: _View, tolls: list[tuple[int, int]],
                    others: Iterable[Count]) -> int | None:
    """The lower figure where a sentence sets two sources' figures against each other:
    "officials said 14 died, while the governor put the toll at 11" is 11 (ACLED takes the
    lower of conflicting figures); one account's figures ("killed 12, including five
    children") are read as before."""
    words = view.words
    if not words.phrases.get("rival_figure_links"):
        return None
    links = words.pattern("rival_figure_links",
                          lambda w: rf"(?<!\w){w.alt('rival_figure_links')}(?!\w)")
    text = view.s.text
    lowest = None
    for at, value in tolls:
        for count in others:
            other = count.value
            if other == value:
                continue
            lo, hi = sorted((at, count.start))
            if links.search(text, lo, hi) is not None:
                lowest = min(value, other, lowest if lowest is not None else value)
    return lowest


def _dated_with(view: _View, hit: Hit, cats: Mapping[str, str]) -> bool:
    """ "Тогда погибли 32 человека, более 80 получили ранения", "Then 32 were killed, more
    than 80 injured": a casualty word in a clause a bare comma joins to one a background cue
    dates (no clause word, no other mark, no date of its own between) is of that time too."""
    scope, text = view.scope, view.s.text
    for other in view.get(*cats):
        if other.end > hit.start or not scope.governs(BACKGROUND, other):
            continue
        if words_between(text, other.end, hit.start) > _DATED_REACH:
            continue
        gap = text[other.end : hit.start]
        if "," not in gap or scope.barrier.search(gap.replace(",", " ")) is not None:
            continue
        if not any(other.end <= h.start < hit.start for h in view.get("date_hint")):
            return True
    return False


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
