"""Classes the blind `dev44-*`, `dev47-*` and `dev49-*`-`dev52-*` batches showed at coder
1.14.0, pinned in new words. Read as published on Thursday 5 June 2025
(`classify_helpers.PUBLISHED`)."""

from __future__ import annotations

from datetime import UTC, datetime

from tests.unit.classify.classify_helpers import code, killed, one, strategic, types, violent

# tallies: a period named back, two incidents summed, a vague count of acts, acts "together"

def test_a_perfect_toll_over_the_same_period_is_a_tally() -> None:
    body = ("Rebel attacks in the north continued on Wednesday, the army said.\n\n"
            "At least 45 soldiers have been killed in rebel attacks over the same period, "
            "according to army figures.")
    assert 45 not in killed(body)


def test_a_toll_of_the_days_attack_stands() -> None:
    body = "At least 45 soldiers were killed in a rebel attack on a base in Gao on Wednesday."
    assert 45 in killed(body)


def test_a_sum_over_two_incidents_is_no_incidents_toll() -> None:
    body = ("Militants killed four soldiers at an army post in Tarmiyah on Wednesday. Iraqi jets "
            "later struck a hideout in Kirkuk, killing six militants.\n\n"
            "The deaths brought to 10 the number of people killed in the two incidents, "
            "officials said.")
    assert max(killed(body)) < 10


def test_dozens_of_strikes_and_their_toll_are_a_campaign() -> None:
    body = ("A federal jury convicted the former oil official on Wednesday.\n\n"
            "U.S. forces carried out dozens of strikes on boats in the Caribbean, killing "
            "more than 80 people, according to figures compiled at the time.")
    assert "casualties.reported" not in types(body)


def test_one_boat_strike_and_its_toll_stand() -> None:
    body = ("U.S. forces struck a boat in the Caribbean on Wednesday, killing 11 people, the "
            "Pentagon said.")
    assert 11 in killed(body)


def test_a_toll_of_attacks_counted_together_is_a_tally() -> None:
    body = ("A drone struck a clinic in El Fasher on Wednesday, the WHO said, adding that it "
            "had verified 900 attacks on health care in Sudan.\n\n"
            "Together they killed 140 health workers and patients.")
    assert 140 not in killed(body)


def test_a_figure_before_a_semicolon_is_not_the_next_clauses_toll() -> None:
    body = "Attacks on clinics in Sudan top 1,200; drone kills nurse in El Fasher"
    assert 1200 not in killed(body)


def test_a_figure_before_its_casualty_word_is_still_read() -> None:
    assert 14 in killed("Sudan: 14 killed in drone strike on El Fasher market")


# a market's highs and lows are no hits

def test_trade_hitting_a_four_year_high_is_no_attack() -> None:
    body = ("Cross-border trade at Torkham hits four-year high as highway reopens to convoys\n\n"
            "Trade recovered after months of clashes between Pakistani troops and the Taliban, "
            "customs officials said on Wednesday.")
    assert "attack.infrastructure" not in types(body)


def test_drones_hitting_a_highway_bridge_are_still_an_attack() -> None:
    body = "Drones hit the highway bridge at Torkham on Wednesday, the Taliban said."
    assert "attack.infrastructure" in types(body)


# an air base's runway is the base's; an airport guarded or beside a post is where it lies

def test_a_runway_in_an_article_about_an_air_base_is_the_bases() -> None:
    body = ("Drones hit the Saky air base in Crimea overnight, destroying two fighter jets, "
            "Ukraine's general staff said on Wednesday.\n\n"
            "A video showed a fire on the edge of the runway.")
    assert "attack.infrastructure" not in types(body)
    assert strategic(body)


def test_an_airports_runway_is_still_infrastructure() -> None:
    body = "Russian drones hit Kherson airport on Wednesday, cratering the runway."
    assert "attack.infrastructure" in types(body)


def test_an_airport_a_post_guards_is_not_hit() -> None:
    body = ("Insurgents attacked an army post guarding the airport of Pemba on Wednesday, "
            "killing three soldiers, the police said.")
    assert "attack.infrastructure" not in types(body)
    assert "attack.military_target" in types(body)


def test_an_airfield_a_post_sits_beside_is_no_strategic_target() -> None:
    body = ("Insurgents attacked an army post in Pemba on Wednesday, the police said.\n\n"
            "The attack on the post, which sits at the edge of the airfield, began at 1 a.m. "
            "and lasted two hours.")
    assert "attack.military_target" in types(body)
    assert not strategic(body)


def test_an_airport_and_a_post_both_attacked_are_both_hit() -> None:
    body = "Insurgents attacked the airport of Pemba and an army post on Wednesday."
    assert "attack.infrastructure" in types(body)


def test_a_fuel_store_on_the_base_is_the_bases() -> None:
    body = ("Drones hit the Morozovsk air base on Wednesday, the general staff said. \"Two "
            "Su-34 bombers were hit, and a fuel storage site on the base caught fire,\" it "
            "said.")
    assert "attack.infrastructure" not in types(body)
    assert strategic(body)


# a campaign told in the perfect below the lede

_TALKS_LEDE = "Talks between Russia and Ukraine in Abu Dhabi broke down on Wednesday.\n\n"


def test_power_plants_hit_in_the_perfect_are_a_campaign() -> None:
    body = _TALKS_LEDE + ("Russia has hit Ukraine's power plants and gas facilities with waves "
                          "of missiles, causing rolling blackouts.")
    assert "attack.infrastructure" not in types(body)


def test_depots_hit_in_the_perfect_are_a_campaign() -> None:
    body = _TALKS_LEDE + ("Ukraine has hit Russian refineries and ammunition depots with "
                          "long-range drones, saying they feed the war.")
    assert not {"attack.infrastructure", "attack.military_target"} & types(body)


def test_air_strikes_kept_up_are_a_campaign() -> None:
    body = _TALKS_LEDE + "Russia has also kept up its air strikes on Ukraine's energy system."
    assert "attack.infrastructure" not in types(body)


def test_two_plants_hit_on_the_day_stand_below_the_lede() -> None:
    body = _TALKS_LEDE + "Russian missiles hit two power plants in Kharkiv on Wednesday."
    assert "attack.infrastructure" in types(body)


def test_energy_sites_a_ministry_said_its_forces_had_struck_stand() -> None:
    body = _TALKS_LEDE + ("The Russian Defence Ministry said its forces had struck energy "
                          "facilities supporting Ukraine's arms industry.")
    assert "attack.infrastructure" in types(body)


# a lede that dates its violence months back, the wounded in a clause of their own included

_FRIDAY = datetime(2027, 7, 2, 9, tzinfo=UTC)
_BUS_HEADLINE = ("Rights group says army drone strike on minibus in Amhara killed 17 civilians, "
                 "urges inquiry")


def test_a_lede_whose_strike_and_wounded_are_of_may_codes_no_violence() -> None:
    body = ("An army drone strike on a minibus in the Amhara region in May killed 17 "
            "civilians, among them three children, and wounded six, a rights group said in a "
            "report published on Thursday, urging the government to investigate.")
    assert not violent(body, headline=_BUS_HEADLINE, published=_FRIDAY)


def test_a_lede_whose_strike_is_of_the_day_stands() -> None:
    body = ("An army drone strike on a minibus in the Amhara region killed 17 civilians, among "
            "them three children, and wounded six on Thursday, officials said.")
    assert "casualties.reported" in violent(body, headline=_BUS_HEADLINE, published=_FRIDAY)


# an obituary's truce history

def test_an_obituarys_broken_truce_is_the_lifes_history() -> None:
    body = ("Lieutenant General Aden Hirsi, who led the army's team at the Kismayo talks, has "
            "died in Nairobi, his family said.\n\nThe truce agreed at the talks was repeatedly "
            "violated and collapsed within weeks.")
    headline = "Obituary: Somali general who led the Kismayo talks dies of a heart attack"
    assert "ceasefire.violated" not in types(body, headline=headline)


# the Central African Republic's rebel coalition, and a paramilitary fort

def test_the_cafs_rebel_coalition_is_an_armed_group() -> None:
    body = ("Rebels of the Coalition of Patriots for Change attacked an army post in Markounda "
            "on Wednesday, killing four soldiers, the ministry said.")
    assert one(code(body), "attack.military_target").actor.code == "CAFREB"


def test_the_coalitions_own_higher_toll_is_set_aside() -> None:
    body = ("Rebels attacked an army post in Markounda on Wednesday, killing four soldiers, "
            "the ministry said.\n\nThe Coalition of Patriots for Change said its fighters had "
            "killed more than 20 soldiers.")
    assert killed(body) == [4]


def test_a_paramilitary_fort_stormed_is_a_military_target() -> None:
    body = ("Militants stormed a paramilitary fort in Zhob on Wednesday, killing four soldiers, "
            "the army said.")
    assert "attack.military_target" in types(body)


# violations counted by the thousand, a disputed figure, a shooting air defence

def test_violations_counted_by_the_thousand_are_a_tally() -> None:
    body = ("The prime minister told lawmakers on Wednesday that Israel had committed more than "
            "10,000 violations of the ceasefire since it took effect.")
    assert "ceasefire.violated" not in types(body)


def test_a_weekends_counted_violations_are_news() -> None:
    body = ("Monitors recorded 312 ceasefire violations in Donetsk region over the weekend, "
            "including 40 explosions.")
    assert "ceasefire.violated" in types(body)


def test_a_strike_that_is_one_of_hundreds_of_violations_is_one() -> None:
    body = ("Lebanon's president said Wednesday's strike on Nabatieh was one of hundreds of "
            "Israeli violations of the truce.")
    assert "ceasefire.violated" in types(body)


def test_a_figure_the_other_side_dismisses_is_set_aside() -> None:
    body = ("The army said on Wednesday its troops had repelled an attack by Arakan Army "
            "fighters on a battalion base in Gwa, killing 18 of the attackers.\n\n"
            "The Arakan Army said three of its fighters were killed. It dismissed the army's "
            "figure of 18 dead attackers as propaganda.")
    assert killed(body) == [3]


def test_an_air_defence_that_is_working_is_no_target() -> None:
    body = ("Updates issued overnight by the city military administration (local time):\n\n"
            "02:05 - Debris of a downed drone fell on a residential building in Darnytskyi "
            "district.\n\n04:15 - Explosions in the city - air defence is working.\n\n"
            "06:30 - The mayor: \"Russian terrorists attacked the capital with drones all "
            "night.\"")
    headline = "Kyiv air-raid bulletin: drone debris falls on apartment block"
    assert "attack.military_target" not in types(body, headline=headline)


def test_an_air_defence_system_struck_is_still_strategic() -> None:
    assert strategic("Drones struck an air defence system near Kyiv on Wednesday.")


def test_plants_struck_in_turn_are_a_campaign() -> None:
    body = _TALKS_LEDE + ("Ukraine has in turn struck Russian refineries, oil terminals and "
                          "power plants with long-range drones.")
    assert "attack.infrastructure" not in types(body)


def test_a_winter_of_attacks_braced_for_is_no_attack() -> None:
    body = ("EU finance ministers approved a loan for Ukraine on Wednesday as Kyiv braces for "
            "a fourth winter of attacks on its energy system.")
    assert "attack.infrastructure" not in types(body)


# a closing attribution dated back, a report replaced since the morning, a lede's old act

_WARRANTS = ("An anti-terrorism court issued arrest warrants on Wednesday for 12 men accused "
             "over the hotel siege.\n\n")


def test_a_toll_according_to_figures_at_the_time_is_history() -> None:
    body = _WARRANTS + ("Twenty guests were killed before troops ended the siege, killing 30 "
                        "attackers, according to official figures at the time.")
    assert "casualties.reported" not in types(body)


def test_a_toll_according_to_the_police_stands() -> None:
    body = ("Gunmen stormed a hotel in Quetta on Wednesday, killing 20 guests, according to "
            "the police.")
    assert 20 in killed(body)


def test_a_toll_told_in_the_morning_and_since_replaced_is_no_toll() -> None:
    body = ("Islamist insurgents killed seven people and burned dozens of houses in a raid on a "
            "village in Chiure district before dawn on Wednesday, police said.\n\n"
            "A community leader in Ocua had told our reporter by telephone in the morning that "
            "\"at least 12\" people had been killed in the village when the attackers arrived "
            "at around 4 a.m.")
    headline = "UPDATE 1-Village raid toll lowered to seven from twelve, police say"
    assert killed(body, headline=headline) == [7]


def test_a_lede_whose_act_is_last_months_dates_the_acts_below() -> None:
    body = ("A military air strike that killed 17 people, 12 of them children, at a village "
            "school in Sagaing region last month was a deliberate attack on civilians, a rights "
            "group said in a report published on Monday.\n\n"
            "According to the report, a military jet dropped two bombs at about 10.15 a.m., "
            "while pupils were in class.")
    headline = ("Myanmar: military air strike that killed 17 at a village school was a war "
                "crime, rights group says")
    assert not violent(body, headline=headline)


def test_a_lede_with_an_earlier_week_in_a_relative_clause_is_the_days_news() -> None:
    body = ("A security guard who had been dismissed a week earlier opened fire at a mall in "
            "Quezon City on Wednesday, killing six people, police said.")
    assert 6 in killed(body)


# a negated list, a trend, a supposed attempt, jets that bomb, standing charges

def test_an_asset_listed_after_a_negated_one_is_not_hit() -> None:
    body = ("Shelling hit a market in Kadugli on Wednesday. The shelling did not hit the city's "
            "power station or its water reservoir, a local official said.")
    assert "attack.infrastructure" not in types(body)


def test_assets_listed_after_a_hit_one_are_hit() -> None:
    body = "The shelling hit the city's power station and its water reservoir on Wednesday."
    assert "attack.infrastructure" in types(body)


def test_attacks_a_party_has_increased_are_a_campaign() -> None:
    body = _TALKS_LEDE + ("Russia, for its part, has increased its own long-range drone "
                          "attacks on Ukraine's energy system.")
    assert "attack.infrastructure" not in types(body)


def test_any_attempt_to_strike_a_bridge_is_supposed() -> None:
    body = ('"Any attempt to strike the Crimean bridge will receive a response that Kyiv will '
            'remember," Kremlin spokesman Dmitry Peskov said on Wednesday.')
    assert "attack.infrastructure" not in types(body)


def test_jets_that_drop_bombs_are_no_target() -> None:
    body = ("Two fighter jets dropped bombs on a militant camp in Butig on Wednesday, followed "
            "by attack helicopters, the military said.")
    assert not strategic(body)


def test_occasional_violations_charged_are_a_standing_charge() -> None:
    body = ("The Line of Control has been largely quiet since the truce, although both sides "
            "have accused each other of occasional violations.")
    assert "ceasefire.violated" not in types(body)


def test_violations_charged_on_the_day_stand() -> None:
    body = ("India and Pakistan accused each other of violating the truce along the Line of "
            "Control on Wednesday.")
    assert "ceasefire.violated" in types(body)


# `dev53-*`-`dev55-*`: a monthly update's lede, recaps, relatives, depots, camps, airstrips

def test_a_monthly_updates_lede_with_an_apposition_is_the_months_count() -> None:
    body = ("Government forces killed 31 civilians in Darfur, including nine children, in "
            "November, the U.N. human rights office said in its monthly update on Wednesday.")
    headline = "Darfur: UN rights office says 31 civilians killed in November"
    assert "casualties.reported" not in types(body, headline=headline)


def test_a_toll_of_the_day_said_in_an_update_stands() -> None:
    body = ("Government forces killed 31 civilians in a raid on a market in Darfur on "
            "Wednesday, including nine children, the U.N. office said in an update.")
    assert 31 in killed(body)


def test_a_toll_in_a_where_clause_of_a_time_named_back_is_history() -> None:
    body = ("A court upheld life terms for the former separatist leaders on Wednesday.\n\n"
            "Azerbaijan also accused Armenian forces at the time of firing cluster munitions "
            "on Barda, where 21 people were killed in a single day.")
    assert "casualties.reported" not in types(body)


def test_a_briefings_pointer_to_its_earlier_edition_is_a_recap() -> None:
    body = ("Drones hit a gang base in Cabaret on Wednesday, police said.\n\n"
            "COLOMBIA: Our Friday briefing covered the government's rejection of the ELN's "
            "offer of a 60-day truce in Catatumbo.")
    assert "ceasefire.rejected" not in types(body)


def test_an_ammunition_and_fuel_depot_is_military() -> None:
    body = ("Army drones struck an ammunition and fuel depot that the RSF had set up near "
            "Zalingei on Wednesday, the military said.")
    assert "attack.infrastructure" not in types(body)
    assert strategic(body)


def test_a_condemnation_in_the_strongest_terms_of_an_earlier_attack_is_no_attack() -> None:
    body = ("The Security Council on Wednesday condemned \"in the strongest terms the heinous "
            "and cowardly terrorist attack\" on worshippers at a mosque near Tera on 30 May, "
            "in which at least 44 civilians were killed.")
    assert "casualties.reported" not in types(body)


def test_a_patrol_boat_that_fires_on_a_patrol_ship_attacks_it() -> None:
    body = ("BULLETIN: NORTH KOREAN PATROL BOAT FIRES ON SOUTH KOREAN NAVY PATROL SHIP NEAR "
            "NORTHERN LIMIT LINE - JCS")
    assert strategic(body)


def test_a_towns_airstrip_is_civilian_infrastructure() -> None:
    body = ("Rebels set fire to the terminal building and radio room of the Sinak airstrip in "
            "Puncak regency on Wednesday, police said.")
    assert "attack.infrastructure" in types(body)
    assert not strategic(body)


def test_an_armed_groups_camp_by_its_name_is_a_military_target() -> None:
    body = ("The air force bombed an ELN camp near El Tarra on Wednesday, killing seven "
            "guerrillas, the defence minister said.")
    assert "attack.military_target" in types(body)


def test_a_pipeline_blast_that_was_a_pressure_rupture_is_no_attack() -> None:
    body = ("CORRECTED-Blast on Sinai gas pipeline near El-Arish was pressure rupture, not "
            "attack - ministry")
    assert "attack.infrastructure" not in types(body)


def test_launches_resumed_in_the_autumn_are_no_breach_of_the_day() -> None:
    body = ("Sirens sounded in central Israel on Wednesday after a missile was fired from "
            "Yemen.\n\nThe Houthis resumed launches at Israel in the autumn, accusing Israel of "
            "violating the Gaza ceasefire.")
    assert "ceasefire.violated" not in types(body)


def test_a_borehole_blown_up_is_an_attack_on_infrastructure() -> None:
    body = ("Al-Shabaab militants blew up a borehole pump house in Hulugho on Wednesday, cutting "
            "water to the town, police said.")
    assert "attack.infrastructure" in types(body)


def test_residents_higher_toll_beside_the_polices_is_set_aside() -> None:
    body = ("A police drone strike hit gang members gathered in a courtyard in Bel Air on "
            "Wednesday, killing nine of them, police said.\n\n"
            "Residents told reporters that 13 people had been killed, among them four "
            "neighbours.")
    assert killed(body) == [9]


def test_residents_toll_alone_stands() -> None:
    body = ("Residents told reporters that 13 people had been killed when a drone struck a "
            "courtyard in Bel Air on Wednesday.")
    assert 13 in killed(body)


def test_a_drone_that_struck_a_plane_beside_a_ceasefire_mechanism_agrees_nothing() -> None:
    body = ("The rebels suspended their part in the ceasefire verification mechanism after an "
            "army drone struck a cargo plane at Minembwe on Wednesday.")
    assert "ceasefire.agreed" not in types(body)


def test_a_deal_struck_for_a_ceasefire_is_agreed() -> None:
    body = ("Israel and Hamas struck a deal late on Wednesday for a ceasefire in Gaza, Qatar's "
            "prime minister announced.")
    assert "ceasefire.agreed" in types(body)


def test_a_rejection_of_its_own_object_beside_a_truce_in_another_clause_rejects_no_truce() -> None:
    body = ("Lebanon-Israel: ceasefire committee to meet next week, army detonates ordnance "
            "near Khiam, Qassem rules out disarmament")
    assert "ceasefire.rejected" not in types(body)


def test_a_truce_offer_rejected_in_the_next_clause_is_rejected() -> None:
    body = ("Hamas received the ceasefire proposal on Monday, and on Wednesday rejected it "
            "outright.")
    assert "ceasefire.rejected" in types(body)
