"""Classes the tune batches up to `dev34-*` still showed at coder 1.12.0, and the blind
`dev35-*`-`dev37-*` batches after them, pinned in new words. Read as published on Thursday
5 June 2025 (`classify_helpers.PUBLISHED`)."""

from __future__ import annotations

from tests.unit.classify.classify_helpers import code, killed, one, strategic, types

# craft that strike are the weapon, not the target

def test_jets_that_bomb_a_village_are_not_hit() -> None:
    assert not strategic("Villagers bury 14 killed in school air strike as military jets bomb "
                          "neighbouring village")


def test_helicopters_of_an_air_force_that_struck_a_camp_are_not_hit() -> None:
    body = ("The ministry said attack helicopters of the Mozambican air force struck the rebel "
            "camp near Macomia at dawn on Wednesday before ground troops moved in.")
    attack = one(code(body), "attack.aerial")
    assert attack.actor is not None and attack.actor.code == "MOZMIL"
    assert not strategic(body)


def test_aircraft_that_had_neutralised_fighters_are_not_hit() -> None:
    assert not strategic('The raid on Wednesday came days after the army said its aircraft '
                          'had "neutralised" dozens of fighters in strikes on their bases near '
                          "the border.")


def test_an_air_base_struck_by_drones_is_still_hit() -> None:
    assert strategic("Ukrainian drones struck the Engels air base on Wednesday, destroying "
                      "two bombers.")


def test_a_patrol_that_hit_a_roadside_bomb_is_the_target() -> None:
    attack = one(code("Two soldiers were killed when their patrol hit a roadside bomb near Kidal "
                      "on Wednesday, the Malian army said."), "attack.military_target")
    assert attack.target is not None and attack.target.code == "MLIMIL"


# a report the story has since replaced

def test_a_toll_an_official_had_earlier_given_is_set_aside() -> None:
    body = ("Four paramilitary soldiers were killed when militants attacked a camp in Kech on "
            "Wednesday, the military said. Earlier in the day, a district official had told "
            "reporters that 12 soldiers had been killed in the attack.")
    assert killed(body) == [4]


def test_an_attack_a_source_had_earlier_reported_is_withdrawn() -> None:
    body = ("CORRECTED-Fire at Baiji refinery caused by an electrical fault, ministry says. The "
            "fire broke out in a distillation unit on Wednesday, the oil ministry said. A "
            "security source had earlier told reporters that a drone had hit the refinery.")
    assert not types(body) & {"attack.aerial", "attack.infrastructure"}


def test_a_report_told_in_the_past_tense_stands() -> None:
    body = ("A security source told reporters on Wednesday that a drone had hit the refinery "
            "at Baiji, setting a storage tank on fire.")
    assert "attack.infrastructure" in types(body)


# a toll followed by its period

def test_a_toll_since_a_truce_took_effect_is_a_tally_in_any_tense() -> None:
    body = ("A drone wounded a soldier near a border post on Wednesday. Israel has carried out "
            "near-daily strikes that it says target the group's members and depots, killing "
            "more than 340 people since the truce took effect, the health ministry says.")
    assert killed(body) == [0]  # the soldier wounded on Wednesday, no one killed


def test_a_headline_toll_this_year_is_a_tally() -> None:
    assert not types("Minister questioned in parliament over Mandera attacks; says 52 killed by "
                     "al-Shabaab this year")


def test_a_record_since_an_earlier_day_is_not_a_period() -> None:
    assert killed("A car bomb killed 35 people at a market in Mogadishu on Wednesday, the "
                   "deadliest attack since 2022.") == [35]


# a breach ruled out is a denial, not a truce rejected

def test_an_army_that_rules_out_a_ceasefire_violation_rejects_nothing() -> None:
    body = ("Forest fire sets off landmine blasts along the Line of Control; army rules out "
            "ceasefire violation")
    assert "ceasefire.rejected" not in types(body)


def test_an_army_that_rules_out_a_ceasefire_rejects_it() -> None:
    body = "The army ruled out a ceasefire in the district on Wednesday."
    assert "ceasefire.rejected" in types(body)


# figures

def test_a_partitive_inside_a_list_is_not_one_more_group() -> None:
    body = ("Jets bombed two houses in Khost on Wednesday, killing nine civilians, five of them "
            "children, and wounding four others.")
    toll = one(code(body), "casualties.reported")
    assert toll.casualties is not None
    assert (toll.casualties.killed, toll.casualties.wounded) == (9, 4)


def test_a_first_partitive_item_still_counts() -> None:
    toll = one(code("Gunmen stormed the village on Wednesday and killed two of the guards and "
                    "three villagers."), "casualties.reported")
    assert toll.casualties is not None and toll.casualties.killed == 5


def test_two_dozen_is_twenty_four() -> None:
    assert killed("A military jet bombed the market on Wednesday morning, killing at least two "
                   "dozen people.") == [24]
    assert killed("Two dozen people were killed when gunmen stormed the village on "
                   "Wednesday.") == [24]


def test_bodies_found_after_a_raid_are_its_dead() -> None:
    body = ("The bodies of at least 14 villagers were found on Wednesday after gunmen stormed "
            "the village, a rights group said.")
    assert killed(body) == [14]


def test_bodies_handed_over_are_no_new_deaths() -> None:
    body = ("Gunmen attacked a checkpoint on Wednesday. Separately, the army received the bodies "
            "of 300 soldiers killed in the war.")
    assert 300 not in killed(body)


def test_a_participles_toll_goes_with_an_earlier_act_across_an_aside() -> None:
    body = ("Jets struck hideouts in Khost on Wednesday. The strikes came ten days after a car "
            "bomb attacked a paramilitary camp in Landi Kotal, near the border, killing eight "
            "soldiers and two civilians.")
    assert 10 not in killed(body)


def test_deaths_beside_a_ruled_out_attack_are_an_accident() -> None:
    assert not types("Bus plunges into gorge in Amhara, killing 19; police rule out rebel attack")


def test_a_court_that_jails_a_commander_over_an_old_shelling_reports_no_toll() -> None:
    assert not types("Court jails artillery commander in absentia over shelling of market that "
                     "left 11 dead")


# talks, background and drills

def test_talks_that_had_stalled_are_background() -> None:
    body = ("Gunmen attacked a ranger base in Rueso on Wednesday, wounding three rangers. The "
            "talks had stalled after a series of bombings in the region early this year.")
    assert "negotiation.stalled" not in types(body)


def test_talks_a_speaker_said_had_collapsed_are_news() -> None:
    body = ("The government said on Wednesday that the talks had collapsed because of the "
            "rebels' demands.")
    assert "negotiation.stalled" in types(body)


def test_groups_that_continue_to_carry_out_attacks_name_no_incident() -> None:
    body = ("Armed groups continue to carry out attacks against civilians, security forces and "
            "infrastructure in the province, including on the main roads, the advisory says.")
    assert "attack.infrastructure" not in types(body)


def test_a_mock_camp_overrun_in_an_exercise_is_no_attack() -> None:
    body = ("Soldiers backed by helicopters overran a mock militant camp near the naval base on "
            "Wednesday, the army said.")
    assert not types(body) & {"attack.military_target", "attack.aerial"}


def test_a_drill_that_simulates_a_raid_is_no_attack() -> None:
    assert not types("Army drill simulates militia raid on border community and volley of "
                     "rockets on the refinery")


# vows of continued operations and pursuit

_RAID = "Gunmen attacked an army post near the border on Wednesday, killing four soldiers. "


def _threat(body: str) -> list[tuple[str | None, str | None]]:
    return [(e.actor.code if e.actor else None, e.target.code if e.target else None)
            for e in code(_RAID + body) if e.type == "threat.military"]


def test_a_quotation_that_goes_on_after_its_speaker_is_named_is_still_the_speakers() -> None:
    body = ('"The man was one of the most dangerous leaders of the gangs in Iraq," the '
            "command's spokesman said in a statement. \"Our operations will continue until "
            'the last remnant of these gangs is defeated."')
    assert _threat(body)


def test_a_quotation_opened_after_a_colon_is_the_speakers() -> None:
    body = ('In Manila, the national security adviser said: "They used the talks as a stage. '
            'The armed forces will continue operations until the guerrilla fronts are '
            'dismantled."')
    assert _threat(body)


def test_operations_against_a_group_that_will_continue_are_a_vow() -> None:
    assert _threat('"The operations against the militants will continue until every village '
                   'is liberated," he said.')


def test_a_price_paid_at_the_time_and_place_we_choose_is_a_vow_not_a_past_time() -> None:
    assert _threat('"The American occupier will pay a heavy price at the time and place we '
                   'choose," the faction said.')


def test_vows_of_pursuit_in_armies_own_words() -> None:
    for vow in ('"We will pursue these terrorists wherever they hide," the army said.',
                '"We will not stop until the remnants of this group are neutralised," the '
                "general said.",
                '"Every convoy that carries fuel to the junta will be a target," JNIM said.',
                '"The military will keep hitting targets that are used to kill our people," '
                "the spokesman said."):
        assert _threat(vow), vow


def test_those_to_be_brought_to_justice_are_not_threatened_with_force() -> None:
    assert not _threat('Those responsible "will be pursued and brought to justice", the '
                       "ministry said.")


def test_a_company_that_threatens_to_halt_operations_threatens_no_force() -> None:
    assert not _threat("The port operator threatened to halt operations at the terminal "
                       "until the strike ends.")


# dev38-dev40 classes

def test_talks_broken_off_since_a_long_named_process_are_background() -> None:
    body = ("The region has seen a wave of drone attacks on police stations since talks between "
            "the government and the dissident faction led by its commander broke down.")
    assert "negotiation.stalled" not in types(body)


def test_an_act_more_than_a_decade_after_is_history() -> None:
    body = ("Iraq signs new dam maintenance contract, more than a decade after militants "
            "overran the dam")
    assert "attack.infrastructure" not in types(body)


def test_acts_told_in_the_perfect_with_since_are_a_tally() -> None:
    body = ("Talks collapsed in Geneva on Wednesday. Ukraine's sea drones have since hit "
            "Russian tankers and warships, and Russia has repeatedly struck the ports.")
    assert "attack.military_target" not in types(body)


def test_a_bomb_that_derails_a_train_derails_no_talks() -> None:
    body = "Peace dialogue to resume next month; bomb derails freight train in Yala"
    assert "negotiation.stalled" not in types(body)


def test_water_sites_in_local_words_are_infrastructure() -> None:
    for body in ("A bomb ripped through the main water tower in Djibo on Wednesday, killing "
                 "a guard.",
                 "Rockets hit the water filtration station on the outskirts of Donetsk on "
                 "Wednesday, killing two workers.",
                 "An Israeli drone strike hit a municipal water well in Gaza City on Wednesday, "
                 "killing a worker."):
        assert "attack.infrastructure" in types(body), body


def test_an_ammunition_store_isstrategic() -> None:
    body = ("Rebels overran an army barracks at Ulang on Wednesday night and blew up its "
            "ammunition store, the army said.")
    assert strategic(body)


def test_a_pause_of_weeks_rebuffed_is_a_truce_rejected() -> None:
    assert "ceasefire.rejected" in types("Rebels rebuff government offer of two-week pause in "
                                         "Amhara fighting")


def test_deaths_every_year_are_a_tally() -> None:
    body = ("Gas explosions in apartment blocks kill dozens of people in Russia every year, "
            "often because of old pipes.")
    assert killed(body) == []


def test_a_patrol_that_struck_a_landmine_is_the_target() -> None:
    attack = one(code("Three soldiers were wounded when their patrol struck a landmine near "
                      "Mopti on Wednesday, the army said."), "attack.military_target")
    assert attack.target is not None and attack.target.code == "MLIMIL"


def test_a_political_ceasefire_is_no_truce() -> None:
    body = ("Pakistani jets struck hideouts in Khost on Wednesday, the minister said. He also "
            'rejected calls by the opposition for a "political ceasefire" in parliament.')
    assert "ceasefire.rejected" not in types(body)


def test_a_rejection_held_since_an_earlier_day_is_a_standing_position() -> None:
    assert "ceasefire.rejected" not in types(
        "The junta has publicly rejected negotiations with jihadist groups since it seized "
        "power.")
    assert "ceasefire.rejected" not in types(
        "The army-led government, which had not responded by Wednesday afternoon, has "
        "rejected previous truce proposals.")


def test_a_rejection_in_the_perfect_reported_today_is_news() -> None:
    assert "ceasefire.rejected" in types("Hamas has rejected the truce proposal, a spokesman "
                                         "said on Wednesday.")


def test_a_drone_rumour_on_social_media_denied_outright_is_not_coded() -> None:
    body = ("A five-storey hotel under renovation collapsed in Erbil on Monday night, killing "
            "11 workers, the civil defence said. Videos posted on social media on Monday night "
            'claimed that a drone had struck the building. "There was no drone, no explosion '
            'and no fire," the director said.')
    assert "attack.aerial" not in types(body)


def test_explosives_planted_at_a_towers_base_hit_no_military_base() -> None:
    body = ("Militants blew up a telecom mast near Elwak on Wednesday, planting explosives at "
            "the base of the mast before dawn, police said.")
    found = types(body)
    assert "attack.infrastructure" in found and "attack.military_target" not in found


def test_positions_shells_were_fired_from_were_not_hit() -> None:
    body = ("Shells hit the hospital in Ulang on Wednesday. The opposition said government "
            "troops had fired the shells from positions across the river.")
    assert "attack.military_target" not in types(body)


def test_more_vows_in_officials_own_words() -> None:
    for vow in ('"Any misadventure will be responded to with full force," the army said.',
                '"The enemy will receive a fitting response," the governor said.',
                '"Any vehicle that circulates will be considered a military target," the '
                "group said.",
                '"If any hostile navy comes near our ports, it will be sent to the bottom of '
                'the sea," the navy chief said.'):
        assert _threat(vow), vow


def test_an_act_called_a_fitting_response_threatens_nothing() -> None:
    assert not _threat("The military said on Wednesday that its missiles had destroyed a radar "
                       "at the air base, calling it a fitting response to the aggression.")


def test_an_earlier_day_opening_a_sentence_below_the_lede_is_a_recap() -> None:
    body = ("The ELN declared a unilateral Christmas ceasefire on Wednesday. On Sunday, ELN "
            "fighters attacked a military post in Arauca with explosives dropped from drones, "
            "killing two soldiers, according to the army.")
    assert not types(body) & {"attack.aerial", "attack.military_target", "casualties.reported"}


def test_yesterday_opening_a_sentence_is_still_news() -> None:
    body = ("The ELN declared a unilateral Christmas ceasefire on Thursday. On Wednesday, ELN "
            "fighters attacked a military post in Arauca, killing two soldiers, the army said.")
    assert "attack.military_target" in types(body)


def test_volunteers_playing_the_dead_and_wounded_are_no_casualties() -> None:
    body = ("Emergency services staged a mass casualty drill on Wednesday that simulated a bomb "
            "exploding aboard a ferry, with dozens of volunteers playing the dead and wounded.")
    assert "casualties.reported" not in types(body)


def test_a_forces_posts_in_regional_words_are_military_targets() -> None:
    for body in ("Militants stormed a security forces' check post in North Waziristan early on "
                 "Wednesday.",
                 "Militants fired on an army detachment before dawn on Wednesday.",
                 "Gunmen fired on two gendarmerie posts before dawn on Wednesday.",
                 "Insurgents attacked a joint army position on Wednesday night.",
                 "Terrorists attacked an FC camp in Kech in the early hours of Wednesday."):
        assert "attack.military_target" in types(body), body


def test_a_claim_dismissed_by_officials_is_no_attack() -> None:
    body = ("A forest fire set off landmine explosions near the border fence on Wednesday, "
            "officials said, dismissing social media claims that troops had shelled forward "
            "posts.")
    assert "attack.military_target" not in types(body)


def test_people_called_terrorists_in_a_speakers_quotation_are_accused() -> None:
    body = ("Gunmen killed 14 villagers in Kaduna on Wednesday. The state governor described "
            'the attack as "barbaric". "These terrorists will not go unpunished. I have '
            'ordered the security forces to find them," he said.')
    assert "accusation.terrorism" in types(body)



def test_a_calendar_date_opening_a_sentence_tells_the_storys_own_act() -> None:
    body = ("The president cast doubt on the talks on Wednesday. On June 1, drones targeted "
            "four air bases deep inside the country, damaging dozens of bombers, officials "
            "said.")
    assert strategic(body)


def test_a_period_after_a_record_is_not_a_tally() -> None:
    assert killed("Shelling killed 14 civilians in Kurmuk on Wednesday, the highest toll in a "
                   "single day since the start of the year, medics said.") == [14]


def test_the_talks_state_or_history_is_no_meeting() -> None:
    for body in ("Talks on the second phase of the plan have made little progress.",
                 "Formal peace talks between Bangkok and the BRN, facilitated by Malaysia, have "
                 "not met for more than a year.",
                 "Syrian and Israeli officials have held several rounds of talks on a security "
                 "arrangement without reaching an agreement."):
        assert "negotiation.held" not in types(body), body


def test_talks_held_today_are_a_meeting() -> None:
    assert "negotiation.held" in types("Officials of the two governments held talks in Doha on "
                                       "Wednesday, the mediators said.")


def test_talks_of_traders_or_a_transport_association_are_another_sense() -> None:
    body = ("Militants killed two soldiers in Kupwara on Wednesday. Talks between the traders' "
            "leaders and officials of the tax office collapsed on Wednesday night after four "
            "hours.")
    found = types(body)
    assert "negotiation.stalled" not in found and "negotiation.held" not in found


def test_talks_observed_by_the_african_union_are_still_talks() -> None:
    body = ("Talks between the government and the rebels in Doha ended in deadlock on "
            "Wednesday, with African Union observers present.")
    assert "negotiation.stalled" in types(body)
