"""Classes the tune batches up to `dev40-*` still showed at coder 1.13.0, and the blind
`dev41-*`-`dev43-*` batches after them, pinned in new words. Read as published on Thursday
5 June 2025 (`classify_helpers.PUBLISHED`)."""

from __future__ import annotations

from datetime import UTC, datetime

from tests.unit.classify.classify_helpers import killed, strategic, types, violent

# a ship's bridge and a naval base's quay are no civilian infrastructure

def test_a_tankers_bridge_wing_is_no_bridge() -> None:
    body = ("A bulk carrier was hit by a drone on its bridge wing off Mokha on Wednesday, "
            "the maritime agency said; the crew were unhurt.")
    assert "attack.infrastructure" not in types(body)


def test_a_corvettes_deck_and_bridge_are_no_bridge() -> None:
    body = ("The rebels said two explosive drones hit the corvette's deck and bridge as it "
            "lay off Sittwe on Wednesday.")
    assert "attack.infrastructure" not in types(body)


def test_a_naval_bases_jetty_is_no_port() -> None:
    body = ("Two drones hit the naval base's jetty at Kyaukphyu on Wednesday, setting a patrol "
            "boat on fire.")
    assert "attack.infrastructure" not in types(body)


def test_a_road_bridge_struck_is_still_infrastructure() -> None:
    body = "Russian drones struck a road bridge over the Donets near Izium on Wednesday."
    assert "attack.infrastructure" in types(body)


def test_a_commercial_port_struck_is_still_infrastructure() -> None:
    body = "A missile struck the grain port of Izmail on Wednesday, damaging two berths."
    assert "attack.infrastructure" in types(body)


# a truce that holds or is observed is no truce agreed

def test_a_truce_that_is_holding_is_no_new_agreement() -> None:
    body = ('"The ceasefire is holding," the district commissioner told reporters in Kotli on '
            "Wednesday, after two quiet nights along the Line of Control.")
    assert "ceasefire.agreed" not in types(body)


def test_a_truce_observed_by_one_side_is_no_new_agreement() -> None:
    body = ('A spokesman said the army had "fully observed" the truce and blamed the rebels for '
            "the failure of the talks in Kunming on Wednesday.")
    assert "ceasefire.agreed" not in types(body)


def test_a_truce_signed_is_still_agreed() -> None:
    body = "The army and the rebels signed a ceasefire in Kunming on Wednesday, mediators said."
    assert "ceasefire.agreed" in types(body)


def test_a_truce_that_took_effect_is_still_agreed() -> None:
    body = "A ceasefire between the army and the rebels took effect at midnight on Wednesday."
    assert "ceasefire.agreed" in types(body)


def test_a_ceasefire_in_an_advertising_war_is_no_truce() -> None:
    body = ('Kenya\'s two biggest mobile operators agreed to a "ceasefire" in their '
            "advertising war on Wednesday after the regulator stepped in.")
    assert "ceasefire.agreed" not in types(body)


# a call on one side to stop its attacks, after a strike, is a condemnation, no truce offered

def test_a_call_to_press_one_side_to_stop_its_attacks_proposes_no_truce() -> None:
    body = ("Lebanon's president condemned the strike on Wednesday and urged the United States "
            "and France to press Israel to stop its attacks.")
    assert "ceasefire.proposed" not in types(body)


def test_an_appeal_to_halt_attacks_for_a_month_is_a_truce_proposed() -> None:
    body = ("The U.N. envoy urged the rebels on Wednesday to halt its attacks for 30 days to give "
            "talks a chance.")
    assert "ceasefire.proposed" in types(body)


# what a withdrawn story told is no event

def test_a_withdrawn_storys_air_strike_is_no_event() -> None:
    assert not violent("ADVISORY-Story on Sudanese air strike on Kassala power station "
                       "withdrawn\n\nThe story, published on Wednesday, is withdrawn. The "
                       "army said no strike took place.")


def test_a_strike_reported_beside_a_withdrawn_report_stands() -> None:
    body = ("The report on a mortar attack on the port was withdrawn. Later on Wednesday, "
            "drones struck the Kassala power station, the army said.")
    assert "attack.infrastructure" in types(body)


# a toll in a relative clause whose antecedent counts acts over a period is the period's

def test_a_toll_of_attacks_counted_since_the_start_of_the_year_is_a_tally() -> None:
    body = ("The World Health Organization has verified 28 attacks on health care in Chad "
            "since the start of the year, in which 61 patients and staff were killed, its "
            "representative told reporters on Wednesday.")
    assert "casualties.reported" not in types(body)


def test_a_toll_of_the_deadliest_attack_since_the_truce_stands() -> None:
    body = ("Gunmen attacked a market in Mopti on Wednesday in the deadliest attack since the "
            "truce, in which 31 people were killed, officials said.")
    assert "casualties.reported" in types(body)


# a wire led by an earlier month's toll reports that month: its undated violence is the month's

_MONTH_REPORT = ("At least 97 civilians were killed and 410 injured in Sudan in April, the U.N. "
                 "mission said on Thursday in its monthly update.\n\n"
                 "In Darfur, the mission verified 31 civilian deaths, most of them caused by "
                 "drone strikes on markets.")


def test_a_monthly_reports_undated_toll_is_the_months() -> None:
    assert not violent(_MONTH_REPORT, published=datetime(2025, 5, 8, 9, 0, tzinfo=UTC))


def test_a_new_strike_on_a_recent_day_in_a_monthly_report_stands() -> None:
    body = _MONTH_REPORT + ("\n\nOn Wednesday, a drone strike on a market in El Fasher killed "
                            "14 people, the mission said.")
    assert "casualties.reported" in violent(body, published=datetime(2025, 5, 8, 9, 0,
                                                                       tzinfo=UTC))


def test_a_lead_that_dates_only_the_truce_to_an_earlier_month_is_no_report() -> None:
    body = ("Thailand's army said on Wednesday that Cambodian troops fired on a Thai outpost "
            "before dawn, wounding one soldier, and called it a breach of the ceasefire agreed "
            "in December.\n\nOne soldier was wounded in the shoulder by shrapnel, the army "
            "said.")
    assert "casualties.reported" in violent(body, published=datetime(2025, 2, 11, 9, 0,
                                                                       tzinfo=UTC))


# craft that fly in or strike alongside another are not hit

def test_helicopters_that_came_are_not_hit() -> None:
    assert not strategic('Gunmen stormed the base at dawn on Wednesday. "The shooting was '
                          'everywhere, then the helicopters came," a resident said.')


def test_helicopters_and_drones_that_struck_fighters_are_not_hit() -> None:
    assert not strategic('The army said "more than 20 terrorists were neutralised" on '
                          'Wednesday and that helicopters and drones had "struck the fleeing '
                          'terrorists".')


def test_helicopters_struck_at_their_base_are_still_hit() -> None:
    assert strategic("Drones struck two helicopters at the Djibo base on Wednesday, the army "
                      "said.")


# a campaign's plural acts on a list of assets, below the lede, name no incident

def test_airstrikes_on_a_list_of_ports_plants_and_an_airport_are_a_campaign() -> None:
    body = ("The envoy briefed the Security Council on Wednesday.\n\nAfter the war broke out, "
            "the group fired missiles at shipping, drawing airstrikes on ports, power stations "
            "and Hodeidah airport.")
    assert "attack.infrastructure" not in types(body)


def test_an_airstrike_on_one_port_below_the_lede_stands() -> None:
    body = ("The envoy briefed the Security Council on the war on Wednesday.\n\nIsraeli "
            "airstrikes hit the port of Hodeidah on Tuesday, port officials said.")
    assert "attack.infrastructure" in types(body)


def test_a_judgments_findings_on_old_attacks_are_no_news() -> None:
    body = ("A Dutch court on Wednesday jailed a former militia commander for life over "
            "attacks on villages in Ituri.\n\nJudges said the attacks included the burning of "
            "a market in Bunia, which killed 31 people.")
    assert "casualties.reported" not in types(body)


def test_a_product_that_blocks_cyber_attacks_reports_none() -> None:
    body = ("A Kyiv start-up on Wednesday launched a platform it says can detect and block "
            "cyber attacks on electricity substations within seconds.")
    assert "attack.infrastructure" not in types(body)


# an act qualified as earlier is not the story's

def test_damage_from_earlier_attacks_is_no_new_attack() -> None:
    body = ("Power cuts will apply in four regions on Wednesday because of damage from earlier "
            "Russian attacks on power plants, the grid operator said.")
    assert "attack.infrastructure" not in types(body)


def test_damage_from_overnight_attacks_is_a_new_attack() -> None:
    body = ("Power cuts will apply in four regions on Wednesday because of damage from "
            "overnight Russian attacks on power plants, the grid operator said.")
    assert "attack.infrastructure" in types(body)


# a lead whose violence a court tries makes a trial story

def test_a_sentencing_lead_makes_the_retold_toll_history() -> None:
    body = ("A Baghdad court on Wednesday sentenced three men to death over a car bombing at a "
            "market in Sadr City that killed 35 people two summers ago.\n\nThe Islamic State "
            "group claimed responsibility at the time. The blast tore through a market packed "
            "with families, and also wounded more than 60 people.")
    assert not violent(body)


def test_a_court_lead_over_a_recent_attack_keeps_it() -> None:
    body = ("An anti-terrorism court in Quetta indicted four militants over the bombing of a "
            "bus on Tuesday.\n\nThe blast killed 12 passengers, police said.")
    assert "casualties.reported" in violent(body)


def test_a_school_the_attacker_calls_a_command_centre_is_disputed() -> None:
    assert not strategic("Israeli jets strike school-turned-shelter in Jabalia it calls Hamas "
                          "command centre; civil defence says six killed")


def test_a_command_centre_struck_beside_a_school_is_still_hit() -> None:
    assert strategic("The army struck a Hamas command centre near a school in Jabalia on "
                      "Wednesday, killing six fighters.")


def test_aircraft_type_drones_are_no_aircraft_hit() -> None:
    assert not strategic("Air defence forces repelled an attack by 31 aircraft-type drones "
                          "over the Belgorod region overnight, the governor said on Wednesday.")


def test_a_submarine_moored_at_a_pier_leaves_the_port_unhit() -> None:
    body = ("Ukraine said an underwater drone hit a Russian submarine in Novorossiysk on "
            "Wednesday. A source said the drone exploded against the hull of the submarine, "
            "which was moored at a pier of the naval base, at about 1.30 a.m.")
    assert "attack.infrastructure" not in types(body)


def test_fighters_storm_a_base_in_a_flash_is_no_weather() -> None:
    assert "casualties.reported" in types(
        "BULLETIN: Jihadist fighters storm army base in Mali's Mopti region, at least 20 "
        "soldiers killed - military sources")


def test_a_storm_that_hits_the_coast_is_weather() -> None:
    assert not violent("A storm hit the coast of Bangladesh on Wednesday, killing 14 people "
                       "and flooding villages, officials said.")


# thousands killed, below the lede and on no recent day, are a war's toll

def test_a_wars_toll_in_a_background_paragraph_is_no_incident() -> None:
    body = ("Donors pledged $12 billion for Gaza's reconstruction at a conference in Cairo on "
            "Wednesday.\n\nIsrael's offensive killed more than 70,000 Palestinians, according "
            "to the Gaza Health Ministry, and destroyed most of the territory's water plants.")
    assert not violent(body)


def test_a_massacre_of_thousands_on_a_recent_day_stands() -> None:
    body = ("Aid agencies warned of famine in Darfur on Wednesday.\n\nThe Rapid Support Forces "
            "killed more than 1,500 civilians in El Fasher overnight, the U.N. said.")
    assert "casualties.reported" in violent(body)


# a quarter's report, repeated attacks and hundreds killed in the perfect are tallies

def test_a_quarters_toll_is_a_tally_and_its_report_a_period_report() -> None:
    body = ("UN rights office says military air strikes killed at least 230 civilians in first "
            "quarter\n\nAerial bombardment by fighter jets and helicopters accounted for most "
            "of the deaths, the report said.")
    assert not violent(body)


def test_masts_destroyed_repeatedly_are_a_tally() -> None:
    body = ("Masts in Mandera have been destroyed repeatedly in attacks blamed on al Shabaab, "
            "which has targeted telecommunications equipment.")
    assert "attack.infrastructure" not in types(body)


def test_air_strikes_that_have_killed_hundreds_are_a_campaign() -> None:
    body = ("Rare-earth exports slumped in April, customs data showed on Wednesday.\n\nThe "
            "military has responded with air strikes that rights groups say have killed "
            "hundreds of civilians.")
    assert not violent(body)


def test_sides_that_have_not_agreed_to_a_proposal_reject_nothing() -> None:
    body = ("Mediators have proposed a three-month humanitarian truce, but the army and the RSF "
            "have not agreed to it.")
    assert "ceasefire.rejected" not in types(body)


def test_a_side_that_did_not_agree_to_a_truce_rejects_it() -> None:
    assert "ceasefire.rejected" in types("The RSF did not agree to the truce on Wednesday, its "
                                         "spokesman said.")


def test_a_headline_court_that_convicts_over_a_bombing_tells_no_new_toll() -> None:
    assert not violent("Colombian court convicts 3 ELN rebels over car bombing that killed 22 "
                       "police cadets")


# a headline's act that the lede dates to an earlier month is that earlier act

def test_a_headline_strike_the_lede_dates_to_march_is_old() -> None:
    body = ("A Nigerian Air Force strike on a market in Zamfara state in March killed at least "
            "24 civilians, a rights group said in a report published on Wednesday.")
    assert not violent(body, headline="Rights group says air strike on Zamfara market killed "
                                      "24 civilians",
                       published=datetime(2025, 5, 8, 9, 0, tzinfo=UTC))


def test_a_headline_strike_the_lede_dates_to_yesterday_stands() -> None:
    body = ("A Nigerian Air Force strike on a market in Zamfara state on Wednesday killed at "
            "least 24 civilians, residents said.")
    assert "casualties.reported" in violent(
        body, headline="Air strike on Zamfara market kills 24 civilians",
        published=datetime(2025, 5, 8, 9, 0, tzinfo=UTC))


def test_a_strike_speakers_recalled_is_history() -> None:
    body = ("Speakers at Sunday's ceremony also recalled the Israeli strike on Evin prison in "
            "Tehran on June 23, 2025, which Iranian officials said killed 79 people.")
    assert not violent(body, published=datetime(2027, 6, 13, 14, 0, tzinfo=UTC))


# talks that broke down, told below a lede about something else on no day, are history

def test_talks_that_ended_without_agreement_below_an_attack_lede_are_history() -> None:
    body = ("Militants stormed a Frontier Corps fort in Kulachi on Wednesday, killing six "
            "soldiers, the military said.\n\nPakistan and Afghanistan agreed a ceasefire in "
            "Doha. Follow-up talks in Istanbul ended without agreement.")
    assert "negotiation.stalled" not in types(body)


def test_talks_a_government_says_it_is_suspending_below_the_lede_stand() -> None:
    body = ("Fighting west of Walikale left six soldiers dead over the weekend, a military "
            "source said on Wednesday.\n\nA government spokesman said Kinshasa was suspending "
            "its participation in the Doha talks until the rebels pulled back.")
    assert "negotiation.stalled" in types(body)


def test_talks_that_collapsed_in_a_talks_lede_stand() -> None:
    body = ("Talks between the army and the rebels in Istanbul broke down on Wednesday.\n\nThe "
            "talks ended without agreement after the rebels walked out.")
    assert "negotiation.stalled" in types(body)


def test_a_candidates_pledge_rejects_no_truce() -> None:
    assert "ceasefire.rejected" not in types(
        '"When I am governor, there will be no truce with criminals," the candidate told a '
        "rally in Uruapan on Wednesday.")


def test_a_governors_refusal_rejects_a_truce() -> None:
    assert "ceasefire.rejected" in types(
        '"There will be no truce with the cartels," the governor told reporters in Uruapan on '
        "Wednesday, rejecting the offer.")


def test_blasts_during_the_disposal_of_expired_shells_are_an_accident() -> None:
    body = ("A series of explosions at an army ammunition depot near Senaki on Wednesday was "
            "caused by a fire that broke out while expired artillery shells were being moved "
            "for disposal, the ministry said.\n\nTwo soldiers were slightly injured, it said.")
    assert not violent(body)


def test_a_podcast_that_looks_back_at_a_strike_reports_none() -> None:
    assert not violent("In this week's episode, recorded on Wednesday, our correspondents look "
                       "back at the drone attack on Iraq's Balad air base.")


def test_students_talks_with_an_official_that_fail_are_no_conflict_talks() -> None:
    assert "negotiation.stalled" not in types(
        "Talks between the students' leaders and the Commissioner of Education on Wednesday "
        "night failed to break the deadlock over the language rules.")


def test_a_rejection_of_something_else_after_a_truce_rejects_no_truce() -> None:
    assert "ceasefire.rejected" not in types(
        "The foreign minister stressed on Wednesday the need to consolidate the ceasefire, and "
        "reiterated Egypt's categorical rejection of any displacement of Palestinians.")


def test_a_rejection_of_the_ceasefire_still_rejects_it() -> None:
    assert "ceasefire.rejected" in types(
        "Hamas announced on Wednesday its rejection of the ceasefire proposal.")


# a war's earlier years told without a year, and business talks, are no talks held today

def test_talks_in_the_first_year_of_the_war_are_history() -> None:
    body = ("Drones hit the pumping station on Wednesday, officials said.\n\nTalks in Jeddah in "
            "the first year of the war produced a declaration on protecting civilians.")
    assert "negotiation.held" not in types(body)


def test_a_company_in_talks_with_distributors_holds_no_conflict_talks() -> None:
    assert "negotiation.held" not in types(
        "The company said on Wednesday it was in talks with distributors in the Baltic states.")


def test_attacks_in_recent_years_are_a_tally() -> None:
    body = ("The governor said on Wednesday that reports of an attack on Komanda were false.\n\n"
            "Komanda has been hit by several ADF attacks in recent years, including an attack "
            "on a church that killed dozens of worshippers.")
    assert "casualties.reported" not in types(body)


def test_helicopters_that_struck_two_camps_are_not_hit() -> None:
    assert not strategic("The army said its attack helicopters struck two camps of the "
                          "rebels in Ituri on Wednesday, killing dozens of fighters.")


# the higher of two tolls, and fighters' own claim, are set aside for the lower

def test_a_higher_toll_a_second_source_gives_is_set_aside() -> None:
    body = ("The U.S. military said on Wednesday its air strike in the Cal Miskaad mountains "
            "had killed nine fighters.\n\nPuntland's security ministry gave a higher toll, "
            "saying the strike had killed 14 of them.")
    assert killed(body) == [9]


def test_a_toll_separatists_claim_in_a_headline_is_set_aside() -> None:
    body = ("Pakistan's military said on Wednesday that militants attacked a Frontier Corps "
            "camp near Nushki and that two soldiers were wounded, with no loss of life.")
    tolls = killed(body, headline="Pakistan says attack on camp repulsed; separatists claim 15 "
                                  "soldiers killed")
    assert 15 not in tolls


def test_soldiers_killed_in_the_ground_offensive_are_the_wars_dead() -> None:
    body = ("The health ministry said on Wednesday the war's toll had passed 72,000.\n\nAbout "
            "470 Israeli soldiers were killed in the ground offensive in Gaza.")
    assert "casualties.reported" not in types(body)
