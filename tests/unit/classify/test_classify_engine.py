"""The rule engine: every named predicate holds for its example and not for its
counter-example, a rule spec naming anything unknown fails at load with the file, rule and
name, and a rule added as data codes without any new code."""

from __future__ import annotations

import copy
import re
from typing import Any

import pytest

from streams.classify import CoderConfigError, default_coder, load_coder
from streams.classify.engine import RuleBook, _Act
from streams.classify.hits import Hit
from streams.classify.lexicon import categories
from streams.classify.predicates import COUNTERS, FINDERS, PREDICATES
from streams.classify.resources import load_yaml
from streams.classify.roles import Sentence
from streams.classify.rules import _View
from tests.unit.classify.classify_helpers import article


def _view(text: str, lists: tuple[str, ...] | None = None) -> _View:
    """The sentence's view with the act's groups, verbs and targets read (which the attack
    predicates read); with `lists`, its words hold only those lexicon word lists."""
    coder = default_coder()
    hits = coder.lexicon.scan(text)
    s = Sentence(text, 0, len(text), hits, coder.actors.mentions(hits, text))
    view = _View(s, coder.taxonomy)
    view.distances = coder.rules.distances
    for _, family in coder.rules.families:
        if isinstance(family, _Act):
            RuleBook.read_act(view, family)
            RuleBook.read_targets(view, family)
    if lists is not None:
        words = copy.copy(coder.words)
        words.phrases = {name: coder.words.phrases[name] for name in lists}
        words._sets, words._patterns = {}, {}
        view.words = words
    return view


def _hit(view: _View, word: str, cat: str) -> Hit:
    text = view.s.text
    if cat == "count":  # a figure, as a count predicate is given it
        found = [Hit(m.start(), m.end(), "count", "")
                 for m in re.finditer(re.escape(word), text)]
    else:
        found = [h for h in view.s.hits
                 if h.cat == cat and text[h.start : h.end].lower() == word]
    assert found, f"no {cat!r} hit {word!r} in {text!r}: {view.s.hits}"
    return found[0]


@pytest.mark.parametrize("name", sorted(PREDICATES))
def test_predicate_holds_for_its_example_and_not_its_counter_example(name: str) -> None:
    """Run with only the word lists the predicate registers: a list it reads without
    saying so fails here, not in a language whose lexicon lacks it."""
    entry = PREDICATES[name]
    assert entry.test.__doc__, f"{name} says what it asks"
    text, word, cat = entry.holds
    view = _view(text, entry.lists)
    assert entry.test(view, _hit(view, word, cat)) is True, entry.holds
    text, word, cat = entry.fails
    view = _view(text, entry.lists)
    assert entry.test(view, _hit(view, word, cat)) is False, entry.fails


@pytest.mark.parametrize("name", sorted(COUNTERS))
def test_counter_reads_its_example_and_not_its_counter_example(name: str) -> None:
    entry = COUNTERS[name]
    assert entry.count.__doc__, f"{name} says what it reads"
    for text, word, cat, value in (entry.holds, entry.fails):
        view = _view(text, entry.lists)
        count = entry.count(view, _hit(view, word, cat))
        assert (count.value if count is not None else None) == value, (text, count)


def test_future_force_finds_a_partys_own_vow_only() -> None:
    find = FINDERS["future_force"]
    own = _view("Medvedev said Moscow would hit decision-making centres if attacked.")
    [trigger] = find(own)
    assert own.s.text[trigger.start : trigger.end] == "would hit"
    assert find(_view("Kyiv said Russia would strike again.")) == []


def test_every_shipped_family_is_a_spec_on_the_engine() -> None:
    book = default_coder().rules
    types: set[str] = set()
    for _, family in book.families:
        if isinstance(family, list):
            types |= {rule.spec.type for rule in family}
        elif isinstance(family, _Act):
            types |= {event.type for event in family.spec.events}
        else:
            types.add(family.spec.type)
    assert types == {"ceasefire.rejected", "ceasefire.proposed", "ceasefire.agreed",
                     "ceasefire.violated", "negotiation.held", "negotiation.stalled",
                     "attack.infrastructure", "attack.aerial", "attack.military_target",
                     "casualties.reported", "accusation.terrorism", "threat.military"}
    assert not any(callable(family) for _, family in book.families)


def test_no_rule_module_holds_the_old_attack_functions() -> None:
    import streams.classify.rules as rules

    assert not [name for name in vars(rules) if name.startswith(("_attack", "_casualt"))]


# --- every name in a spec is checked at load ------------------------------------------------

def _rules() -> dict[str, Any]:
    return copy.deepcopy(load_yaml("rules.yaml"))


def _rule(data: dict[str, Any], family: str, name: str) -> dict[str, Any]:
    rules = next(f for f in data["families"] if f["name"] == family)["rules"]
    return next(r for r in rules if r["name"] == name)


def _load(data: dict[str, Any], lexicon: dict[str, Any] | None = None) -> RuleBook:
    lexicon = lexicon if lexicon is not None else load_yaml("lexicon.yaml")
    known = categories(lexicon)
    return RuleBook.load(data, "rules.yaml", default_coder().taxonomy, known,
                         frozenset(lexicon["phrases"]) | known)


def _family(data: dict[str, Any], name: str) -> dict[str, Any]:
    return next(f for f in data["families"] if f["name"] == name)


@pytest.mark.parametrize(("edit", "rule", "name", "says"), [
    (lambda d: _rule(d, "ceasefire", "truce_rejected").update(trigger=["rejekt"]),
     "ceasefire.truce_rejected", "rejekt", "not a category of the lexicon"),
    (lambda d: _rule(d, "negotiation", "talks_held")["near"].update(cues=["talk"]),
     "negotiation.talks_held", "talk", "not a category of the lexicon"),
    (lambda d: _rule(d, "ceasefire", "truce_agreed").update(unless=["modifies_the_truce"]),
     "ceasefire.truce_agreed", "modifies_the_truce", "not a registered predicate"),
    (lambda d: _rule(d, "threat", "force_threatened")["near"].update(unless=["in_asset"]),
     "threat.force_threatened", "in_asset", "not a registered predicate"),
    (lambda d: _rule(d, "ceasefire", "truce_proposed").update(prefer="owner"),
     "ceasefire.truce_proposed", "owner", "not a registered predicate"),
    (lambda d: _rule(d, "negotiation", "talks_stalled")["near"].update(within="nearby"),
     "negotiation.talks_stalled", "nearby", "not a named distance"),
    (lambda d: _rule(d, "negotiation", "talks_stalled").update(code="stalled"),
     "negotiation.talks_stalled", "stalled", "not a code name of negotiation.stalled"),
    (lambda d: _rule(d, "ceasefire", "truce_violated").update(type="ceasefire.breached"),
     "ceasefire.truce_violated", "ceasefire.breached", "not a taxonomy type"),
    (lambda d: _rule(d, "ceasefire", "truce_agreed").update(unless_coded=["truce.rejected"]),
     "ceasefire.truce_agreed", "truce.rejected", "not a taxonomy type"),
    (lambda d: _rule(d, "threat", "own_force_vowed").update(finder="future_forces"),
     "threat.own_force_vowed", "future_forces", "not a registered finder"),
    (lambda d: _family(d, "attacks")["act"]["groups"]["attack"].update(unless=["generic"]),
     "attacks", "generic", "not a registered predicate"),
    (lambda d: _family(d, "attacks")["act"]["groups"]["damage"].update(cues=["damages"]),
     "attacks.damage", "damages", "not a category of the lexicon"),
    (lambda d: _family(d, "attacks")["act"].update(violent_if=[["strike"]]),
     "attacks", "strike", "not a group"),
    (lambda d: _family(d, "attacks")["act"]["events"][1].update(target="infra"),
     "attacks", "infra", "not a target"),
    (lambda d: _family(d, "attacks")["act"]["events"][2].update(code="air"),
     "attacks.attack.military_target", "air", "not a code name of attack.military_target"),
    (lambda d: _family(d, "attacks")["act"]["targets"]["military"].update(prefix="army:"),
     "attacks.military", "army:", "no asset class prefix"),
    (lambda d: _family(d, "casualties")["toll"].update(count="casualty_count"),
     "casualties", "casualty_count", "not a registered counter"),
    (lambda d: _family(d, "casualties")["toll"].update(figures={"kill": "dead"}),
     "casualties", "dead", "not a casualty figure"),
    (lambda d: d["distances"].pop("receiving"),
     "attacks", "receiving", "a distance predicate 'infrastructure_hit' needs"),
    (lambda d: d["distances"].pop("refusal"),
     "negotiation.talks_held", "refusal", "a distance predicate 'talks_refused' needs"),
    (lambda d: d["candidates"].append("truse"), "candidates", "truse",
     "not a category of the lexicon"),
    (lambda d: _rule(d, "ceasefire", "truce_rejected").update(blocked_by=["negotiation"]),
     "families.0.rules.0.blocked_by.0", "0", "is invalid"),
])
def test_an_unknown_name_in_a_rule_fails_at_load(
    edit: Any, rule: str, name: str, says: str
) -> None:
    data = _rules()
    edit(data)
    with pytest.raises(CoderConfigError) as caught:
        _load(data)
    assert (caught.value.file, caught.value.rule, caught.value.name) == (
        "rules.yaml", rule, name)
    assert says in str(caught.value)


def test_a_word_list_a_predicate_reads_must_be_in_the_lexicon() -> None:
    lexicon = copy.deepcopy(load_yaml("lexicon.yaml"))
    del lexicon["phrases"]["mobile_nouns"]  # a list only `locative` reads
    with pytest.raises(CoderConfigError) as caught:
        _load(_rules(), lexicon)
    assert (caught.value.rule, caught.value.name) == ("attacks", "mobile_nouns")
    assert "'locative' reads" in str(caught.value)


def test_a_rule_needs_a_trigger_or_a_finder() -> None:
    data = _rules()
    _rule(data, "threat", "own_force_vowed").pop("finder")
    with pytest.raises(CoderConfigError, match=r"own_force_vowed.*a finder instead"):
        _load(data)


def test_load_coder_checks_the_rules_file_too() -> None:
    data = _rules()
    _rule(data, "accusation", "terrorism_alleged").update(or_if=["quotes"])
    with pytest.raises(CoderConfigError) as caught:
        load_coder(rules=data)
    assert caught.value.file.endswith("rules.yaml")
    assert (caught.value.rule, caught.value.name) == ("accusation.terrorism_alleged", "quotes")


# --- a rule added as data ---------------------------------------------------------------------

def test_a_rule_added_as_data_codes_without_new_code() -> None:
    """The worked example of docs/coder.md: talks "shelved" are stalled, not held."""
    text = "Talks in Doha were shelved on Tuesday, officials said."
    # the shipped rules read "talks in Doha" as talks held, and know no "shelved"
    assert [e.type for e in default_coder().code_events(article(text))] == ["negotiation.held"]
    lexicon = copy.deepcopy(load_yaml("lexicon.yaml"))
    lexicon["cues"]["shelve"] = ["shelved", "shelves", "shelving", "mothballed"]
    rules = _rules()
    negotiation = next(f for f in rules["families"] if f["name"] == "negotiation")
    negotiation["rules"].insert(1, {
        "name": "talks_shelved",
        "type": "negotiation.stalled",
        "trigger": ["shelve"],
        "has": ["talks"],
        "blocked_by": ["negation", "hedge", "intent"],
        "near": {"cues": ["talks"], "within": "close"},
        "consumes": True,
        "code": "stall",
    })
    coder = load_coder(lexicon=lexicon, rules=rules)
    [event] = coder.code_events(article(text))
    assert (event.type, event.cameo_code) == ("negotiation.stalled", "164")
    negated = "Talks in Doha were not shelved on Tuesday, officials said."
    assert [e.type for e in coder.code_events(article(negated))] == ["negotiation.held"]


# --- a language added as data -----------------------------------------------------------------

def _french_lexicon() -> dict[str, Any]:
    """The worked example of docs/coder.md: French cues in the lexicon's format, every
    category the rules name present (most of them empty in this small example)."""
    lexicon = copy.deepcopy(load_yaml("lexicon.yaml"))
    lexicon["cues"] = {cat: [] for cat in lexicon["cues"]}
    lexicon["cues"].update({
        "truce": ["trêve", "trêves", "cessez-le-feu", "arrêt des combats"],
        "reject": ["rejet*", "refus*", "écarte", "a écarté", "ont écarté"],
        "negation": ["pas", "jamais", "aucun", "aucune"],
        "hedge": ["pourrait", "pourraient", "si"],
        "report": ["a déclaré", "selon", "a annoncé"],
    })
    return lexicon


def test_a_language_added_as_data_codes_its_own_text() -> None:
    coder = load_coder(lexicon=_french_lexicon())
    [event] = coder.code_events(article("Le Hamas a rejeté la trêve mardi, selon un responsable."))
    assert (event.type, event.cameo_code, event.actor and event.actor.code) == (
        "ceasefire.rejected", "1246", "PSEREB")
    assert coder.code_events(article("Le Hamas n'a pas rejeté la trêve mardi.")) == []
    assert coder.code_events(article("Le Hamas pourrait rejeter la trêve.")) == []
    # the English text is no longer read: its cues are not in this lexicon
    assert coder.code_events(article("Hamas rejected the truce on Tuesday.")) == []


def test_role_words_abbreviations_and_numbers_come_from_the_coders_lexicon() -> None:
    from streams.classify.roles import _role

    lexicon = _french_lexicon()
    lexicon["roles"].update(agent_prep=["par"], target_prep=["sur", "contre"],
                            partner_prep=["avec", "entre"])
    lexicon["abbreviations"] = ["gén", "col", "m", "mme"]
    lexicon["numbers"] = {"un": 1, "une": 1, "deux": 2, "trois": 3, "dix": 10, "douzaine": 12}
    coder = load_coder(lexicon=lexicon)
    text = "La trêve a été rejetée par Hamas."
    hits = coder.lexicon.scan(text)
    [hamas] = coder.actors.mentions(hits, text)
    french = Sentence(text, 0, len(text), hits, [hamas], coder.words)
    assert _role(french, hamas) == "agent"
    assert _role(french._replace(words=default_coder().words), hamas) == "subject"
    two = "Le gén. Dupont a rejeté la trêve. Puis il est parti."
    assert len(coder.splitter.split(two)) == 2
    assert len(default_coder().splitter.split(two)) == 3  # English: "gén." ends a sentence
    killed = "tués trois civils"
    assert coder.words.figures.count_after(killed, 4, len(killed)).value == 3
    assert default_coder().words.figures.count_after(killed, 4, len(killed)) is None
