"""The taxonomy: event types, the CAMEO codes each may be given (by name) and their base
confidence, read from `data/taxonomy.yaml` and checked against the CAMEO table when a coder
is built. The rules never write a code: they ask the taxonomy for one by name."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated, Any, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from streams.classify.resources import CameoCode


class CoderConfigError(ValueError):
    """A data file names something that does not exist: raised when the coder is built,
    never while coding, with the file, the rule (or type) and the bad name."""

    def __init__(self, file: str, rule: str, name: str, problem: str) -> None:
        super().__init__(f"{file}: {rule}: {name!r} {problem}")
        self.file = file
        self.rule = rule
        self.name = name
        self.problem = problem

    @classmethod
    def invalid(cls, file: str, exc: ValidationError) -> CoderConfigError:
        """The first problem pydantic found in a data file, named by its place in the file."""
        problem = exc.errors()[0]
        where = ".".join(str(p) for p in problem["loc"])
        return cls(file, where, where.rsplit(".", 1)[-1], f"is invalid: {problem['msg']}")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class _Acts(_Strict):
    default: str
    by_cue: dict[str, str]
    # acts only done to people ("assassinated", "hacked with machetes"): only a type with
    # `people: true` (a toll) takes their codes; another skips them for the next act named
    people_only: list[str] = Field(default_factory=list)
    # a people act's code when no one was killed (a stabbing that only wounded: 1823 -> 182)
    wounded_only: dict[str, str] = Field(default_factory=dict)


class _Type(_Strict):
    default: str
    codes: dict[str, str] = Field(default_factory=dict)
    codes_from: Literal["violent_acts"] | None = None
    confidence: float = Field(ge=0.0, le=1.0)
    speech_act: bool = False
    # two parties do it together ("Israel and Hamas agreed", "talks between A and B"): the
    # first named is the actor, the second the target
    symmetric: bool = False
    # the type counts people (casualties.reported): it takes `violent_acts.people_only` codes
    people: bool = False
    # a record first told past the file's `lead_chars` is background, not coded: an act, a
    # toll, a truce or talks the article recalls below its news
    lead_only: bool = False


class _File(_Strict):
    version: Literal[2]
    violent_acts: _Acts
    types: dict[str, _Type]
    # actor codes (a state's ISO 3166 alpha-3, an organisation's code) that are no side of
    # any war the wires cover: a truce one of them proposes is its appeal to the sides
    third_parties: list[Annotated[str, StringConstraints(pattern=r"^[A-Z]{3,4}$")]] = Field(
        default_factory=list)
    # the body's lead, in characters: a `lead_only` type's record first told past it is
    # background (none: every record is kept wherever it is told)
    lead_chars: int | None = Field(default=None, ge=1)
    # ... unless the article dates it to a day of its news (publication, or a date its
    # lead gives) or this many days before one: news
    recent_days: int = Field(default=0, ge=0)


# the names each rule family asks the taxonomy for (streams/classify/rules.py and the
# specs' engine): a taxonomy without one of them cannot serve the rules
REQUIRED_NAMES: Mapping[str, frozenset[str]] = {
    "ceasefire.rejected": frozenset({"truce", "peace_plan", "talks"}),
    "ceasefire.proposed": frozenset({"propose", "demand", "appeal"}),
    "ceasefire.agreed": frozenset({"agree"}),
    "ceasefire.violated": frozenset({"violate"}),
    "negotiation.held": frozenset({"held", "planned"}),
    "negotiation.stalled": frozenset({"stall"}),
    "attack.aerial": frozenset({"aerial"}),
    "attack.military_target": frozenset({"aerial", "ground"}),
    "accusation.terrorism": frozenset({"terror"}),
    "threat.military": frozenset({"threat"}),
}


class Taxonomy:
    """Codes by (type, name), the violent acts' codes and each type's base confidence."""

    def __init__(
        self,
        codes: dict[str, dict[str, str]],
        defaults: dict[str, str],
        confidence: dict[str, float],
        acts: list[tuple[str, str]],
        act_default: str,
        speech_acts: frozenset[str],
        symmetric: frozenset[str] = frozenset(),
        people_only: frozenset[str] = frozenset(),
        wounded_only: dict[str, str] | None = None,
        third_parties: frozenset[str] = frozenset(),
        lead_only: frozenset[str] = frozenset(),
        lead_chars: int | None = None,
        recent_days: int = 0,
    ) -> None:
        self._codes = codes
        self.speech_acts = speech_acts
        self.symmetric = symmetric
        self.defaults = defaults
        self.confidence = confidence
        self.acts = acts
        self.act_default = act_default
        self.people_only = people_only
        self.wounded_only = wounded_only or {}
        self.third_parties = third_parties
        self.lead_only = lead_only
        self.lead_chars = lead_chars
        self.recent_days = recent_days

    @classmethod
    def load(
        cls,
        data: dict[str, Any],
        file: str,
        cameo: Mapping[str, CameoCode],
        categories: frozenset[str],
    ) -> Taxonomy:
        """Validate `data` (the parsed taxonomy.yaml): every type is an event type of the
        schema, every code is in the CAMEO table, every violent act a lexicon category
        (`categories`), every name the rules ask for is there."""
        from schemas import EventType

        try:
            parsed = _File.model_validate(data)
        except ValidationError as exc:
            raise CoderConfigError.invalid(file, exc) from exc

        def check(rule: str, code: str) -> str:
            if code not in cameo:
                raise CoderConfigError(file, rule, code,
                                       "is not a CAMEO code of cameo_eventcodes.tsv")
            return code

        check("violent_acts.default", parsed.violent_acts.default)
        for cue in parsed.violent_acts.by_cue:
            if cue not in categories:
                raise CoderConfigError(file, "violent_acts", cue,
                                       "is not a category of the lexicon")
        acts = [(cue, check(f"violent_acts.{cue}", code))
                for cue, code in parsed.violent_acts.by_cue.items()]
        people_only = frozenset(parsed.violent_acts.people_only)
        for cue in sorted(people_only - set(parsed.violent_acts.by_cue)):
            raise CoderConfigError(file, "violent_acts.people_only", cue,
                                   "is not an act of violent_acts.by_cue")
        wounded_only = {check("violent_acts.wounded_only", k): check(
            "violent_acts.wounded_only", v) for k, v in parsed.violent_acts.wounded_only.items()}
        known = set(get_args(EventType))
        codes: dict[str, dict[str, str]] = {}
        for name, spec in parsed.types.items():
            if name not in known:
                raise CoderConfigError(file, name, name, "is not an event type of the schema")
            check(f"{name}.default", spec.default)
            codes[name] = {key: check(f"{name}.{key}", code) for key, code in spec.codes.items()}
            if spec.codes_from == "violent_acts":
                codes[name].update((cue, code) for cue, code in acts
                                   if spec.people or cue not in people_only)
                if spec.people:
                    codes[name].update((f"wounded_{k}", v) for k, v in wounded_only.items())
        for name, needed in REQUIRED_NAMES.items():
            if name not in codes:
                raise CoderConfigError(file, name, name, "is missing: the rules code this type")
            for key in sorted(needed - set(codes[name])):
                raise CoderConfigError(file, name, key,
                                       "is missing from its codes: the rules ask for it")
        return cls(codes, {n: s.default for n, s in parsed.types.items()},
                   {n: s.confidence for n, s in parsed.types.items()}, acts,
                   parsed.violent_acts.default,
                   frozenset(n for n, s in parsed.types.items() if s.speech_act),
                   frozenset(n for n, s in parsed.types.items() if s.symmetric),
                   people_only, wounded_only, frozenset(parsed.third_parties),
                   frozenset(n for n, s in parsed.types.items() if s.lead_only),
                   parsed.lead_chars, parsed.recent_days)

    def code(self, type_: str, name: str) -> str:
        """The code `type_` gets when the rules found `name` (checked at load: never fails
        for the names in REQUIRED_NAMES)."""
        return self._codes[type_][name]

    def act_code(self, present: frozenset[str] | set[str] | Any, people: bool = False) -> str:
        """The violent act's code for a sentence whose cue categories include `present`:
        the first act listed that it names (for a toll, `people`, also the acts only done to
        people), else the default."""
        for cue, code in self.acts:
            if cue in present and (people or cue not in self.people_only):
                return code
        return self.act_default

    def names(self, type_: str) -> frozenset[str]:
        """The code names `type_` has (what rule specs may ask for)."""
        return frozenset(self._codes[type_])

    def codes(self, type_: str) -> frozenset[str]:
        """Every code `type_` can be given."""
        return frozenset({self.defaults[type_], *self._codes[type_].values()})
