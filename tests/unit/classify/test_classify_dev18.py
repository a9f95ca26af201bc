"""Classes the `dev18-*` / `dev19-*` blind batches (the world's English-language press and the
wire's own machinery) showed, pinned in new words: each test fails on the coder before
coder 1.10.0."""

from __future__ import annotations

import pytest

from tests.unit.classify.classify_helpers import code, one, types

_VIOLENT = {"attack.aerial", "attack.infrastructure", "attack.military_target",
            "casualties.reported"}


@pytest.mark.parametrize("body", [
    'Editors: please kill the story headlined "Rebels blow up pipeline in Arauca, three '
    'dead", sent on Monday. There will be no substitute story.',
    "The report titled “Drones struck the Zaporizhzhia substation” was withdrawn by the "
    "agency.",
])
def test_a_quoted_title_names_a_story_not_an_event(body: str) -> None:
    assert not types(body) & _VIOLENT


def test_a_corrections_note_removes_the_attack_it_names() -> None:
    body = ("(Corrects paragraph 2 to remove reference to an attack on the Kirkuk refinery; "
            "the refinery was operating normally)")
    assert "attack.infrastructure" not in types(body)


@pytest.mark.parametrize("body", [
    "Nine bridges were swept away and three grid stations knocked out by the floodwaters in "
    "the valley.",
    "Twelve people were killed when a bus overturned on the mountain road near the border "
    "town.",
])
def test_a_disaster_or_a_crash_that_names_its_cause_is_no_attack(body: str) -> None:
    assert not types(body) & _VIOLENT


@pytest.mark.parametrize("body", [
    "The panel discussed the army's campaign of air strikes on rebel-held power stations.",
    "Ukraine has kept up drone strikes on Russian oil depots and refineries.",
    "Drones have continued to strike the gas fields of the region, officials said.",
    "Russia has fired hundreds of missiles at Ukraine's power plants this winter.",
])
def test_a_campaign_told_as_a_whole_is_no_incident(body: str) -> None:
    assert "attack.infrastructure" not in types(body)


def test_torched_mobile_towers_are_telecom_infrastructure() -> None:
    event = one(code("Suspected Maoists set fire to two mobile towers in Dantewada district "
                     "on Sunday night, cutting phone services, police said."),
                "attack.infrastructure")
    assert event.cameo_code == "1712"  # set on fire: destroying property


def test_a_figure_an_update_replaced_is_no_toll() -> None:
    event = one(code("A suicide bomber struck a mosque in the city on Friday, killing seven "
                     "people and wounding 20, officials said, lowering an earlier toll of 14 "
                     "dead."), "casualties.reported")
    assert (event.casualties.killed, event.casualties.wounded) == (7, 20)
    risen = one(code("The death toll from Friday's bombing rose to 21, up from 14."),
                "casualties.reported")
    assert risen.casualties.killed == 21


def test_breaking_an_impasse_breaks_no_truce() -> None:
    found = types("To break the deadlock, Qatar on Thursday tabled a plan for a permanent "
                  "truce between the two sides.")
    assert "ceasefire.violated" not in found
    assert "ceasefire.violated" in types("Militias broke the truce on Tuesday, shelling two "
                                         "villages near the front.")


# --- dev20 / dev21: the belligerents'-voices brief again ----------------------------------

def test_a_berth_hit_is_the_port_a_ship_at_its_berth_is_not() -> None:
    assert "attack.infrastructure" in types(
        "A drone attack overnight damaged a berth and a crane at the ferry port, the port "
        "administration said.")
    assert "attack.infrastructure" not in types(
        "The navy said a patrol ship was hit at its berth in Novorossiysk by sea drones.")


def test_a_missile_ship_is_a_warship() -> None:
    event = one(code("Drones struck a Russian missile ship at its mooring in the Sea of Azov "
                     "overnight, the general staff said."), "attack.military_target")
    assert "warship" in event.model_dump_json()


def test_attacks_over_the_past_weeks_are_a_period() -> None:
    assert "attack.infrastructure" not in types(
        "The utility said the outages were caused by missile attacks on power plants over the "
        "past weeks.")


def test_a_films_climax_and_its_critics_are_no_strike() -> None:
    assert types("Critics savaged the film, whose climax has a lone pilot destroy an entire "
                 "air base.") == set()


def test_ransomware_is_crime_not_an_attack_on_infrastructure() -> None:
    assert "attack.infrastructure" not in types(
        "A ransomware gang crippled the port operator's booking systems on Monday, the company "
        "said.")


# --- dev22 / dev23 ----------------------------------------------------------------------

def test_an_airports_military_installations_are_the_air_base_not_the_airport() -> None:
    found = types("Kamikaze drones targeted the military installations of the city's airport "
                  "before dawn, damaging a fighter jet, the army said.")
    assert "attack.military_target" in found
    assert "attack.infrastructure" not in found


@pytest.mark.parametrize("body", [
    "Fuel thieves drilled an illegal tap into the pipeline, and the leak caught fire near "
    "the town, Pemex said.",
    "A forest fire set off old landmines near the frontier, and blasts were heard for hours.",
])
def test_a_fire_with_a_cause_of_its_own_is_no_attack(body: str) -> None:
    assert not types(body) & _VIOLENT


def test_talks_with_hackers_are_no_peace_talks() -> None:
    assert types("Talks with the hackers broke down on Friday, the hospital group said.") == set()


def test_a_condemnation_reaches_past_its_adverbs_to_the_act() -> None:
    from datetime import UTC, datetime

    found = types("The council condemned in the strongest terms the heinous terrorist attack "
                  "perpetrated on 11 October against civilians in the village, which killed 40.",
                  published=datetime(2025, 10, 14, 21, tzinfo=UTC))
    assert "casualties.reported" not in found
