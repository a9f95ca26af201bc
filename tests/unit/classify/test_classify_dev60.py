"""Classes the blind tune batches showed at coder 1.17.0 (the attackers' dead told in a
sentence of their own, a wire's update number before its count), pinned in new words. Read
as published on Thursday 5 June 2025 (`classify_helpers.PUBLISHED`)."""

from __future__ import annotations

from tests.unit.classify.classify_helpers import code, killed, strategic, types

# the attackers' dead told apart from their victims' in one paragraph are added (ACLED)


def test_attackers_dead_in_their_own_sentence_are_added_to_the_victims() -> None:
    body = ("Gunmen attacked an army post near Kidal at dawn on Thursday. Six soldiers were "
            "killed and two were wounded, the army said. Five assailants were also killed in "
            "the fighting, it said.")
    assert max(killed(body)) == 11


def test_added_attackers_keep_the_article_below_the_threshold_when_it_is() -> None:
    body = ("Militants stormed a police checkpoint in Tank district on Thursday, killing three "
            "policemen. Four attackers were killed in the exchange of fire, police said.")
    assert max(killed(body)) == 7


def test_a_vague_count_of_attackers_is_not_added() -> None:
    body = ("Jihadists ambushed a convoy of lorries near Nioro on Thursday, killing nine "
            "drivers. Soldiers escorting the convoy repelled them, killing several "
            "assailants, the army said.")
    assert max(killed(body)) == 9


def test_victims_named_only_as_people_take_no_attackers() -> None:
    # "nine people" may hold the attackers already: nothing is added
    body = ("An attack on a market in Bama on Thursday killed nine people, officials said. "
            "Three gunmen were killed by troops, the army said.")
    assert max(killed(body)) == 9


def test_attackers_of_another_item_in_a_roundup_are_not_added() -> None:
    body = ("- Mali: Jihadists attacked a village near Mopti on Thursday, killing eight "
            "farmers, local officials said.\n"
            "- Niger: The army said its troops killed four militants near Tillaberi.")
    assert max(killed(body)) == 8


def test_attackers_in_a_sentence_of_separate_raids_are_not_added() -> None:
    body = ("Gunmen attacked a police station in Bannu on Thursday, killing seven officers. "
            "Six militants were killed in separate raids across the district, police said.")
    assert max(killed(body)) == 7


def test_a_death_toll_higher_than_the_victims_blocks_the_sum() -> None:
    # "the death toll rose to 12" may already count the attackers
    body = ("Militants attacked an army camp in Kurram on Thursday, killing eight soldiers, "
            "and the death toll rose to 12 by the evening. Four attackers were killed, "
            "the army said.")
    assert max(killed(body)) == 12


def test_the_attackers_own_count_is_not_added_to_itself() -> None:
    # an army's raid: its victims are the fighters, told twice
    body = ("Troops raided a rebel camp in Guaviare on Thursday, killing seven guerrillas, "
            "the defence ministry said. Seven fighters were killed and three were captured.")
    assert max(killed(body)) == 7


# a wire's update number before its count


def test_an_update_number_is_not_the_count() -> None:
    events = code("Gunmen attacked a border post on Thursday, police said.",
                  headline="UPDATE 1-Seven soldiers killed in attack on border post")
    assert [e.casualties.killed for e in events
            if e.type == "casualties.reported" and e.casualties] == [7]


def test_a_headline_counting_soldiers_and_attackers_adds_them() -> None:
    events = code("More to follow.", headline=(
        "UPDATE 2-Six soldiers martyred, five khwarij sent to hell in Tirah check post attack"))
    assert max(e.casualties.killed or 0 for e in events
               if e.type == "casualties.reported" and e.casualties) == 11


def test_attackers_in_the_next_paragraph_of_agency_copy_are_added() -> None:
    body = ("Seven soldiers were killed when militants attacked an army camp near Djenne "
            "before dawn on Thursday, the armed forces said.\n\n"
            "Six attackers were also killed as troops fought off the assault, the army said.")
    assert max(killed(body)) == 13


def test_attackers_in_the_next_item_of_a_list_are_not_added() -> None:
    body = ("- Seven soldiers were killed when militants attacked an army camp near Djenne "
            "on Thursday, the armed forces said.\n"
            "- Six attackers were killed when troops repelled a raid on a checkpoint near "
            "Gao, the army said.")
    assert max(killed(body)) == 7


def test_attackers_killed_in_a_later_act_are_not_added() -> None:
    body = ("Militants killed five policemen at a checkpoint near Baquba on Thursday. Jets "
            "later struck a hideout in the hills, killing seven militants.")
    assert max(killed(body)) == 7


# "attack" naming a craft's type


def test_attack_helicopters_delivered_are_no_attack() -> None:
    body = ("The air force took delivery of two attack helicopters and four light attack jets "
            "at a ceremony in Kinshasa on Thursday, the defence ministry said.")
    assert types(body) == set()


def test_drones_that_attack_helicopters_are_an_attack() -> None:
    body = ("Ukrainian drones attack helicopters parked at an air base in Kursk region, the "
            "general staff said on Thursday.")
    assert strategic(body)


# a craft that strikes back is not what was struck


def test_jets_that_strike_back_are_not_hit() -> None:
    events = code("Rockets hit army positions near the border on Thursday, the army said.",
                  headline="Border flares as rockets hit army positions, F-16s strike back")
    assert not any(e.strategic for e in events if e.type == "attack.military_target")


def test_a_craft_named_by_two_words_before_its_verb_acts() -> None:
    body = ("Cambodian troops fired rockets at Thai army positions on Thursday, wounding two "
            "rangers, and Thai F-16 fighter jets responded by striking artillery positions.")
    assert not strategic(body)


def test_jets_struck_on_the_ground_are_hit() -> None:
    body = "Drones struck two F-16s at an air base near Constanta on Thursday, officials said."
    assert strategic(body)


# tallies over a span, and residents' higher toll


def test_a_headline_tally_over_past_week_is_no_incident() -> None:
    events = code("More to follow.", headline=(
        "URGENT: ARMY SAYS 27 TERRORISTS KILLED IN OPERATIONS IN NORTH WAZIRISTAN OVER PAST "
        "WEEK"))
    assert "casualties.reported" not in {e.type for e in events}


def test_bodies_brought_to_hospitals_over_48_hours_are_a_tally() -> None:
    body = ("The health ministry said on Thursday that the bodies of 17 people had been "
            "brought to hospitals over the previous 48 hours.")
    assert "casualties.reported" not in types(body)


def test_two_residents_higher_toll_is_set_aside() -> None:
    body = ("A drone strike on a minibus near Gondar on Thursday killed five passengers and "
            "wounded eight, a health official said. Two residents said 15 people had been "
            "killed in the strike.")
    assert max(killed(body)) == 5


def test_a_berth_at_the_naval_base_is_the_base() -> None:
    body = ("A landing ship was hit in its berth at the naval base in Novorossiysk overnight "
            "by two sea drones, the navy said on Thursday.")
    assert "attack.infrastructure" not in types(body)


def test_a_berth_at_the_commercial_port_is_the_port() -> None:
    body = ("A grain ship was hit in its berth at the port of Odesa overnight by two drones, "
            "the port authority said on Thursday.")
    assert "attack.infrastructure" in types(body)


# a civilian site hit, then the other side's account of it


def test_a_command_centre_the_other_side_puts_in_a_hospital_is_disputed() -> None:
    body = ("An air strike hit a wing of the main hospital in Nyala on Thursday morning, "
            "killing four people, doctors said, while the army said the building had been "
            "used as a command centre for drone operations.\n\n"
            "The army's spokesman said the air force had targeted \"a command centre used by "
            "the militia\".")
    assert not strategic(body)


def test_a_command_centre_hit_beside_a_hospital_stands() -> None:
    body = ("An air strike hit a command centre of the militia near the main hospital in "
            "Nyala on Thursday morning, the army said.")
    assert strategic(body)


def test_an_air_base_a_drone_flew_over_is_not_hit() -> None:
    body = ("Soldiers brought down a small drone flying over the Buechel air base on "
            "Thursday evening, police said.")
    assert not strategic(body)


def test_a_ship_sunk_in_a_phase_of_an_exercise_is_a_drill() -> None:
    body = ("Navy ships and air force jets sank a decommissioned patrol ship off Zambales on "
            "Thursday in the final live-fire phase of a two-week exercise, the military said.")
    assert "attack.military_target" not in types(body)


def test_a_ship_sunk_after_an_exercise_ended_is_an_attack() -> None:
    body = ("Drones sank a navy patrol ship off Zambales on Thursday, two days after the end "
            "of a two-week exercise, the military said.")
    assert "attack.military_target" in types(body)


# a rough count of the attackers' dead beside another source's exact one


def test_dozens_of_attackers_beside_a_groups_exact_count_is_set_aside() -> None:
    body = ("Chad's air force struck a column of rebel pick-up trucks near Wour on Thursday, "
            "killing \"dozens of terrorists\", the army said.\n\n"
            "The rebels said three of their fighters had been killed.")
    assert max(killed(body)) == 3


def test_dozens_of_attackers_alone_are_counted_with_their_victims() -> None:
    body = ("Jihadists attacked an army post near Mangaize at dawn on Thursday. Nine soldiers "
            "were killed, and dozens of the attackers were killed as the air force struck "
            "them, the army said.")
    assert max(killed(body)) >= 21


def test_a_training_launch_of_a_missile_is_a_test() -> None:
    body = ("The army on Thursday conducted a successful training launch of a ground-launched "
            "cruise missile with a range of 750 kilometres, the military said.")
    assert "attack.aerial" not in types(body)


def test_rounds_of_talks_that_failed_since_are_history() -> None:
    body = ("Several rounds of follow-up talks in Istanbul failed to produce a monitoring "
            "mechanism, and both sides have since accused each other of breaching the truce.")
    assert "negotiation.stalled" not in types(body)


def test_a_round_of_talks_that_failed_today_stalls() -> None:
    body = ("A third round of talks in Istanbul failed on Thursday to produce a monitoring "
            "mechanism, the mediators said.")
    assert "negotiation.stalled" in types(body)
