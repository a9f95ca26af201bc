"""A truce proposed by an actor that is no side of any war covered (the taxonomy's
`third_parties`) is its appeal to the sides, CAMEO 0256; a side's proposal stays its own offer
(0356) and a third party's demand stays a demand (107)."""

from __future__ import annotations

import copy

import pytest

from streams.classify import CoderConfigError
from streams.classify.lexicon import categories
from streams.classify.resources import cameo_table, load_yaml
from streams.classify.taxonomy import Taxonomy
from tests.unit.classify.classify_helpers import code, one


@pytest.mark.parametrize(("body", "cameo", "actor", "target"), [
    # a European state offering a truce between others: an appeal
    ("Norway proposed a two-week truce on the Black Sea, to be watched by UN monitors.",
     "0256", "NORGOV", None),
    ("Egypt put forward a fresh proposal for a 45-day pause in Gaza on Tuesday.",
     "0256", "EGYGOV", None),
    # a side, or a state that has fought in a covered theatre, offers its own halt
    ("Turkey proposed a truce with Kurdish fighters in northern Syria.", "0356", "TURGOV", None),
    ("Sudan's army proposed a three-day truce in El Fasher for the Eid holiday.",
     "0356", "SDNMIL", None),
])
def test_who_proposes_decides_appeal_or_offer(body: str, cameo: str, actor: str,
                                              target: str | None) -> None:
    event = one(code(body), "ceasefire.proposed")
    assert (event.cameo_code, event.actor and event.actor.code,
            event.target and event.target.code) == (cameo, actor, target)


def test_a_third_partys_demand_stays_a_demand() -> None:
    event = one(code("Germany demanded an immediate ceasefire between Israel and Iran on Friday."),
                "ceasefire.proposed")
    assert (event.cameo_code, event.actor and event.actor.code) == ("107", "DEUGOV")


def test_third_parties_load_and_one_that_is_no_actor_code_fails() -> None:
    data = copy.deepcopy(load_yaml("taxonomy.yaml"))
    lexicon = categories(load_yaml("lexicon.yaml"))
    data["third_parties"] = ["GBR", "UNO"]
    assert Taxonomy.load(data, "taxonomy.yaml", cameo_table(), lexicon).third_parties == {
        "GBR", "UNO"}
    data["third_parties"] = ["GBR", "britain"]
    with pytest.raises(CoderConfigError, match="third_parties"):
        Taxonomy.load(data, "taxonomy.yaml", cameo_table(), lexicon)
