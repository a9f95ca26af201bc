"""Rule classes that keyword coding gets wrong: retrospective and refuted claims, accidents,
modifier readings of truce words, talks, military targets, casualty counts in words.

The sentences are written for these tests (not taken from the labelled corpus)."""

from __future__ import annotations

import pytest

from streams.classify.resources import load_yaml
from tests.unit.classify.classify_helpers import code, one, types


def test_every_lexicon_term_is_a_string() -> None:
    """YAML reads a bare `no` as False: a cue silently lost (it was, for "no")."""
    lexicon = load_yaml("lexicon.yaml")
    for cat, terms in lexicon["cues"].items():
        assert all(isinstance(t, str) for t in terms), cat
    assert "no" in lexicon["cues"]["negation"]


# --- 1. casualty figures from the wrong context -------------------------------------------

@pytest.mark.parametrize("text", [
    "Mourners gathered in Kramatorsk on Sunday to mark three years since a missile strike on "
    "the station killed 61 people.",
    "Families laid wreaths on Friday where a rocket barrage killed 19 villagers.",
    "Three years ago this month, a car bomb outside the ministry killed 40 people.",
    "The frigate's sinking killed 300 sailors and remains a sore point of the 1982 conflict.",
])
def test_retrospective_sentences_are_not_events(text: str) -> None:
    assert types(text) == set()


def test_negated_quantifier_is_not_a_casualty_figure() -> None:
    assert "casualties.reported" not in types(
        "Rebels shelled the town, but none of the 40 people in the shelter was hurt."
    )


@pytest.mark.parametrize("text", [
    "A ferry capsized off the coast on Monday, killing 34 passengers.",
    "Nine carriages of a passenger train left the tracks on Sunday, killing one woman and "
    "injuring twelve, rail officials said.",
])
def test_accidents_are_not_casualties_of_violence(text: str) -> None:
    assert types(text) == set()


def test_casualties_with_violence_elsewhere_in_the_article_stand() -> None:
    got = types("Russian drones struck Sumy overnight. Four civilians were killed, the "
                "governor said.")
    assert "casualties.reported" in got


# --- 2. infrastructure with no attack ----------------------------------------------------

@pytest.mark.parametrize("text", [
    "A bird strike damaged an engine of a jet that had just left the airport.",
    "Corrosion caused the rupture of the oil pipeline, investigators said.",
    "Police ruled out sabotage after a fire at the refinery on Sunday.",
    "Claims that saboteurs had blown up the gas pipeline were baseless, the operator said.",
    "Posts claiming that a drone had hit the bridge were fake, officials said.",
    "Engineers said the power outage that hit the capital was caused by an overloaded "
    "transformer.",
    "Gale-force winds knocked out power lines across the region overnight.",
    "The opposition leader launched a scathing attack on plans to privatise the railways.",
])
def test_infrastructure_without_an_attack(text: str) -> None:
    assert "attack.infrastructure" not in types(text)


def test_fuel_store_at_an_air_base_is_military() -> None:
    got = types("Drones struck the Morozovsk air base overnight, setting its fuel storage "
                "ablaze.")
    assert "attack.military_target" in got
    assert "attack.infrastructure" not in got


def test_a_fuel_depot_on_its_own_is_infrastructure() -> None:
    assert "attack.infrastructure" in types("Drones struck a fuel depot near Tambov overnight.")


# --- 3. ceasefire.agreed from background and other senses -------------------------------

@pytest.mark.parametrize("text", [
    "Shelling resumed on Tuesday, two days after a truce took effect.",
    "Hamas accused Israel of violating the truce, which took effect on Sunday.",
    "Each side blamed the other for breaching the ceasefire signed in Doha last month.",
    "Kyiv accused Moscow of breaching the freshly agreed truce on energy sites.",
])
def test_a_truce_in_the_background_is_not_a_new_agreement(text: str) -> None:
    assert "ceasefire.agreed" not in types(text)


@pytest.mark.parametrize("text", [
    "The two coalition parties declared a truce in their public feud over pensions.",
    "Her new novel follows a family in the week after a ceasefire is signed.",
])
def test_non_conflict_truces(text: str) -> None:
    assert types(text) == set()


def test_agreement_to_stop_firing_is_a_truce() -> None:
    got = types("India and Pakistan agreed on Saturday to stop all firing along the border.")
    assert "ceasefire.agreed" in got


def test_breach_of_the_agreement_is_a_violation() -> None:
    got = types("Hezbollah said the Israeli strike was a breach of the agreement.")
    assert "ceasefire.violated" in got


# --- 4. rejections -------------------------------------------------------------------------

def test_rejecting_a_call_to_halt_attacks() -> None:
    got = types("The Houthis rejected a UN appeal for a halt to attacks on shipping.")
    assert "ceasefire.rejected" in got
    assert "ceasefire.proposed" not in got  # the appeal is only what was rejected


def test_rejecting_a_proposal_for_a_ceasefire_far_from_the_verb() -> None:
    got = types("The cabinet rejected a proposal by Egypt, Qatar and the United States for a "
                "10-day ceasefire.")
    assert "ceasefire.rejected" in got


def test_denying_a_report_of_a_rejection() -> None:
    text = ("Officials denied a newspaper report that the government had turned down a "
            "request to extend the truce.")
    assert "ceasefire.rejected" not in types(text)


def test_bulletin_urgent_is_not_urge() -> None:
    got = types("URGENT: REBELS DISMISS GOVERNMENT CEASEFIRE AS A TRICK")
    assert got == {"ceasefire.rejected"}


# --- 5. talks ------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Israeli and Hamas negotiators met in Doha on Monday.",
    "The two delegations met for three hours in Geneva on Friday.",
    "Both sides said they had completed negotiations on a prisoner exchange.",
])
def test_talks_held(text: str) -> None:
    assert "negotiation.held" in types(text)


def test_talks_resumed_then_walkout_is_both() -> None:
    got = types("Talks resumed in Jeddah on Sunday, but the army delegation walked out after "
                "an hour.")
    assert {"negotiation.held", "negotiation.stalled"} <= got


def test_suspended_talks_were_not_held() -> None:
    got = types("Talks between the government and the rebels were suspended on Monday.")
    assert got == {"negotiation.stalled"}


@pytest.mark.parametrize("text", [
    "Diplomats warned that planned talks could collapse before they start.",
    "Ukraine denied that its delegation had walked out of the talks.",
    "The bombing was meant to derail peace efforts, the ministry said.",
])
def test_not_a_stall(text: str) -> None:
    assert "negotiation.stalled" not in types(text)


# --- 6, 7. military targets and aerial means --------------------------------------------------

@pytest.mark.parametrize("text", [
    "Insurgents ambushed an army patrol in the north on Monday.",
    "Gunmen attacked a military checkpoint outside the town.",
    "Azerbaijani forces opened fire on Armenian positions near the border.",
    "Partisans ambushed an armoured column near Kupiansk.",
])
def test_ground_military_targets(text: str) -> None:
    assert "attack.military_target" in types(text)


def test_air_defence_as_the_shooter_is_not_a_target() -> None:
    got = types("Explosions were heard and air defence fire lit up the sky over Lahore.")
    assert "attack.military_target" not in got


def test_naval_drones_are_not_aerial() -> None:
    got = types("Ukrainian sea drones struck a Russian patrol ship near Sevastopol.")
    assert "attack.aerial" not in got
    assert "attack.military_target" in got


def test_ground_rockets_are_not_aerial() -> None:
    got = types("Rebels fired rockets at the army base outside the city on Sunday.")
    assert "attack.aerial" not in got
    assert "attack.military_target" in got


@pytest.mark.parametrize("text", [
    "A military jet bombed a village in Sagaing on Friday.",
    "Junta aircraft bombed a market on Tuesday.",
    "Military aircraft bombed two villages in Magway on Sunday.",
])
def test_junta_air_raids_are_aerial(text: str) -> None:
    assert "attack.aerial" in types(text)


def test_quake_truce_is_not_a_weather_story() -> None:
    got = types("Military aircraft bombed a village, in breach of the junta's earthquake "
                "ceasefire, the opposition said.")
    assert {"attack.aerial", "ceasefire.violated"} <= got


# --- 8. terrorism accusations --------------------------------------------------------------

def test_described_as_a_terrorist_act() -> None:
    event = one(code('The Kremlin described the explosion as "a terrorist act by Kyiv."'),
                "accusation.terrorism")
    assert event.actor.country == "RUS"


def test_accused_of_state_sponsored_terrorism_with_an_african_union_clause() -> None:
    text = ('Congo accused Rwanda of "state-sponsored terrorism" and asked the African Union '
            "for sanctions.")
    event = one(code(text), "accusation.terrorism")
    assert event.target.country == "RWA"


# --- 9. casualties in words ----------------------------------------------------------------

def test_listed_casualties_are_summed() -> None:
    event = one(code("A bomb under the rails exploded as a train passed, killing the driver "
                     "and two track workers."), "casualties.reported")
    assert event.casualties.killed == 3


def test_one_with_modifiers_counts() -> None:
    event = one(code("One Palestinian man was killed by an Israeli drone strike in Jenin."),
                "casualties.reported")
    assert event.casualties.killed == 1


# --- 10. all-caps bulletins ----------------------------------------------------------------

def test_all_caps_threat_bulletin() -> None:
    assert "threat.military" in types("BULLETIN: IRAN VOWS TO RETALIATE AGAINST ISRAEL")


def test_threat_with_a_long_complement() -> None:
    text = ("A Houthi spokesman warned that any vessel linked to Israel or its allies "
            "would be targeted.")
    assert "threat.military" in types(text)
