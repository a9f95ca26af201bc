"""Classes the blind tune batches showed at coder 1.16.0 (campaigns told in background
paragraphs, generic attacks, joint tolls), pinned in new words. Read as published on
Thursday 5 June 2025 (`classify_helpers.PUBLISHED`)."""

from __future__ import annotations

from tests.unit.classify.classify_helpers import code, killed, one, types, violent

_LEDE = "Gunmen attacked a police post in Garissa county on Wednesday, killing two officers.\n\n"

# background campaigns: a verb joined to a perfect, plural infrastructure told on no day


def test_a_verb_joined_to_a_perfect_tells_a_campaign() -> None:
    body = _LEDE + ("The group has planted bombs along the border roads and torched "
                    "telecommunications masts in three counties.")
    assert "attack.infrastructure" not in types(body)


def test_a_joined_verb_in_the_days_news_stands() -> None:
    body = ("Gunmen stormed a police post in Garissa county on Wednesday and torched a "
            "telecommunications mast beside it, police said.")
    assert "attack.infrastructure" in types(body)


def test_plural_infrastructure_struck_on_no_day_below_the_lede_is_a_campaign() -> None:
    body = ("Ship owners began sending tankers back through the strait on Wednesday, brokers "
            "said.\n\n"
            "Warplanes bombed the ports of Hodeidah, Ras Isa and Salif in response.")
    assert "attack.infrastructure" not in types(body)


def test_plural_infrastructure_struck_on_the_day_stands() -> None:
    body = ("Ship owners began sending tankers back through the strait on Wednesday, brokers "
            "said.\n\n"
            "Warplanes bombed the ports of Hodeidah and Ras Isa on Wednesday, the port "
            "authority said.")
    assert "attack.infrastructure" in types(body)


def test_plural_infrastructure_in_a_reported_pluperfect_stands() -> None:
    body = ("Air raid sirens sounded across Kharkiv for three hours on Wednesday.\n\n"
            "The defence ministry in Moscow said its forces had struck energy facilities "
            "serving the arms industry.")
    assert "attack.infrastructure" in types(body)


def test_plural_military_positions_struck_on_no_day_stay_a_clash() -> None:
    body = ("The army said the border had been quiet for a week.\n\n"
            "Militants attacked army positions near the pass, killing two soldiers.")
    assert "attack.military_target" in types(body)


# a generic attack: an indefinite act whose clause goes on in "can"


def test_an_attack_that_can_do_harm_is_generic() -> None:
    body = ('"An attack on a water plant\'s control software can leave a whole city dry," '
            "the company's founder said at the product launch on Wednesday.")
    assert "attack.infrastructure" not in types(body)


def test_an_attack_that_did_harm_stands() -> None:
    body = ("An attack on a water plant in Hasakah left the city dry on Wednesday, the "
            "utility said.")
    assert "attack.infrastructure" in types(body)


# a joint toll: "killed or wounded" is one total, its dead unknown


def test_a_joint_toll_counts_no_dead() -> None:
    body = "Thirty soldiers were killed or wounded when fighters stormed a base on Wednesday."
    toll = one(code(body), "casualties.reported").casualties
    assert toll is not None and not toll.killed and toll.wounded == 30


def test_a_joint_toll_in_the_other_order_counts_no_dead() -> None:
    body = "Fighters stormed a base on Wednesday; 25 soldiers were wounded or killed."
    toll = one(code(body), "casualties.reported").casualties
    assert toll is not None and not toll.killed and toll.wounded == 25


def test_separate_tolls_of_dead_and_wounded_stand() -> None:
    body = "Fighters stormed a base on Wednesday; 12 soldiers were killed and 30 wounded."
    toll = one(code(body), "casualties.reported").casualties
    assert toll is not None and toll.killed == 12 and toll.wounded == 30


# other senses and other times: a fixture's meeting, talks of the war's first months, drills
# called a warning


def test_a_league_meeting_between_rivals_is_no_talks() -> None:
    body = ("Harbour City beat the champions 3-1 on Saturday in the first league meeting "
            "between the two clubs in the capital for three years.")
    assert "negotiation.held" not in types(body)


def test_talks_of_the_wars_first_months_are_history() -> None:
    body = ("Drones struck a fuel depot in Kosti on Wednesday, the army said.\n\n"
            "Mediated talks in Jeddah in the war's first months produced a declaration that "
            "neither side honoured.")
    assert "negotiation.held" not in types(body)


def test_talks_held_today_stand() -> None:
    body = ("Army and RSF delegates held talks in Jeddah on Wednesday on a humanitarian "
            "truce, mediators said.")
    assert "negotiation.held" in types(body)


def test_drills_called_a_stern_warning_threaten_nothing() -> None:
    body = ("Beijing said on Wednesday its naval drills around the island, which it called "
            '"a stern warning to separatist forces", would end on Friday.')
    assert "threat.military" not in types(body)


def test_a_stern_warning_of_force_to_come_is_a_threat() -> None:
    body = ("Beijing issued a stern warning on Wednesday that its forces would strike any "
            "ship that entered the zone.")
    assert "threat.military" in types(body)


# the dev56-dev57 classes: claimed tolls, a front's day counted in districts, offices held
# back then, standing rejections of every proposal, the gas and water networks' sites


def test_a_toll_anyone_claims_is_set_aside_beside_another_figure() -> None:
    body = ("Gunmen attacked a police station in Mirebalais before dawn on Wednesday, killing "
            "three officers, police said.\n\n"
            "In a voice message, the gang's leader claimed his men had killed 14 officers.")
    assert killed(body) == [3]


def test_a_claimed_toll_alone_stands() -> None:
    body = ("In a voice message on Wednesday, the gang's leader claimed his men had killed "
            "14 officers in an attack on a police station in Mirebalais.")
    assert 14 in killed(body)


def test_claiming_responsibility_for_an_attack_keeps_its_toll() -> None:
    body = ("Islamic State claimed responsibility for a bombing at a bus station in Kirkuk "
            "on Wednesday that killed 13 people, police said, while a medic put the toll "
            "at 15.")
    assert 13 in killed(body)


def test_strikes_counted_in_districts_are_a_fronts_day() -> None:
    body = ("The defence ministry published its daily summary on Wednesday.\n\n"
            '"Aviation, drones and artillery hit fuel infrastructure facilities and '
            'ammunition depots in 131 districts," the summary said.')
    assert violent(body) == set()


def test_power_cut_in_settlements_after_a_strike_stands() -> None:
    body = ("Drones hit a substation in the Chernihiv region on Wednesday, cutting power in "
            "28 settlements, the regional governor said.")
    assert "attack.infrastructure" in types(body)


def test_an_office_held_back_then_dates_the_talks() -> None:
    body = ("A bomb damaged a bridge near Ocaña on Wednesday, the army said.\n\n"
            "The then government broke off peace talks with the rebels after a similar "
            "attack.")
    assert "negotiation.stalled" not in types(body)


def test_a_rejection_of_every_proposal_is_a_standing_position() -> None:
    body = ('"The occupation has rejected every proposal by the mediators," a Hamas '
            "official said on Wednesday, after troops killed three gunmen near Rafah.")
    assert "ceasefire.rejected" not in types(body)


def test_a_rejection_made_today_stands() -> None:
    body = ("Hamas on Wednesday rejected the mediators' proposal for a 30-day truce in "
            "Gaza.")
    assert "ceasefire.rejected" in types(body)


def test_a_gas_distribution_station_is_infrastructure() -> None:
    body = ("Drones hit a gas distribution station in the town of Sudzha on Wednesday, "
            "cutting gas to 2,000 homes.")
    assert "attack.infrastructure" in types(body)


def test_a_water_intake_is_infrastructure() -> None:
    body = ("A bomb exploded at the water intake that supplies the town of Sardinata early "
            "on Wednesday, damaging its pumps.")
    assert "attack.infrastructure" in types(body)


# rejections that are no news: talks refused with a kind of foe, a party described by what it
# rejects, a weekday named back past this week


def test_no_talks_with_bandits_is_a_principle() -> None:
    body = ("The defence minister said on Wednesday that troops would pursue the gunmen into "
            "the forests and ruled out negotiations with bandits.")
    assert "ceasefire.rejected" not in types(body)


def test_talks_with_a_named_party_ruled_out_stand() -> None:
    body = ("The rebel command on Wednesday ruled out talks with the government until its "
            "troops leave the province.")
    assert "ceasefire.rejected" in types(body)


def test_a_party_described_by_what_it_rejects_rejects_nothing_today() -> None:
    body = ("Two soldiers were killed in a clash near Datu Piang on Wednesday, the army said, "
            "blaming a splinter faction that rejects the peace process.")
    assert "ceasefire.rejected" not in types(body)


def test_a_rejection_named_back_past_this_week_is_no_news() -> None:
    body = ("Drones hit an army base in Damboa on Wednesday, wounding two soldiers.\n\n"
            "The army chief said last Friday there would be no truce with the rebels.")
    assert "ceasefire.rejected" not in types(body)


def test_violations_charged_almost_daily_are_a_standing_charge() -> None:
    body = ("An Israeli drone struck a car near Tyre on Wednesday, killing two men.\n\n"
            "Lebanon has accused Israel of violating the truce almost daily since it began.")
    events = code(body)
    assert not any(e.type == "ceasefire.violated" and "almost daily" in e.evidence.text
                   for e in events)


def test_a_violation_charged_over_the_days_strike_stands() -> None:
    body = ("An Israeli drone struck a car near Tyre on Wednesday, killing two men. Lebanon "
            "accused Israel of violating the truce with the strike.")
    assert "ceasefire.violated" in types(body)


# figures: a group's members counted, a civil society's higher toll


def test_members_of_a_group_are_counted_with_the_others() -> None:
    body = ("Military jets bombed a village in Namhsan township on Wednesday, killing six "
            "civilians and five members of a local defence force, the group said.")
    assert 11 in killed(body)


def test_a_civil_society_toll_is_set_aside_beside_an_officials() -> None:
    body = ("Militiamen attacked a gold-mining site near Mongbwalu on Wednesday, killing at "
            "least six people, the territorial administrator said.\n\n"
            "A civil society coalition in Bunia put the toll at 13.")
    assert 13 not in killed(body)


def test_a_campaigns_list_goes_on_past_the_names_of_its_ports() -> None:
    body = ("Container lines added calls at the port of Berbera on Wednesday, the port "
            "authority said.\n\n"
            "Warplanes bombed the ports of Mocha, Ras Isa and Salif as well as Sanaa's airport "
            "and power stations after missile attacks on shipping.")
    assert "attack.infrastructure" not in types(body)


def test_a_named_list_of_ports_struck_on_the_day_stands() -> None:
    body = ("Warplanes bombed the ports of Mocha and Salif as well as Sanaa's airport on "
            "Wednesday, the port authority said.")
    assert "attack.infrastructure" in types(body)


# tallies told as acts: "those attacks killed", hundreds killed in a campaign's sentence


def test_a_toll_of_those_attacks_is_a_tally() -> None:
    body = ("A drone struck an ambulance near Nabatieh on Wednesday, killing two "
            "paramedics, the WHO said.\n\n"
            "The agency has verified 140 attacks on health care since the war began. Those "
            "attacks killed 212 health workers and patients.")
    assert 212 not in killed(body)


def test_hundreds_killed_in_near_daily_strikes_are_a_campaigns_toll() -> None:
    body = ("Officials met in Limassol on Wednesday to discuss the border, sources said.\n\n"
            "Israel has kept troops at five positions and has carried out near-daily strikes "
            "on what it says are militants, killing hundreds of people, according to local "
            "authorities.")
    assert "casualties.reported" not in types(body)


def test_hundreds_killed_on_the_day_stand() -> None:
    body = ("Air strikes on the city's markets on Wednesday killed hundreds of people, "
            "the health ministry said.")
    assert "casualties.reported" in types(body)


# an answer to acts of an earlier time is of that time


def test_a_retaliation_right_after_acts_of_an_earlier_war_is_history() -> None:
    body = ("Talks between the two governments broke up in Muscat on Wednesday without a new "
            "date, mediators said.\n\n"
            "That war began when Israel launched air strikes on nuclear sites at Natanz and "
            "Fordo. Iran retaliated with waves of ballistic missiles and a missile attack on "
            "the Al Udeid air base in Qatar.")
    assert violent(body) == set()


def test_a_retaliation_after_the_days_strike_stands() -> None:
    body = ("Israeli jets struck an air defence battery near Isfahan on Wednesday, the "
            "military said. Iran retaliated with a missile attack on the Nevatim air base.")
    assert "attack.military_target" in types(body)


# a terror label inside a refused truce's object stands


def test_no_truce_with_a_terrorist_militia_still_calls_it_terrorist() -> None:
    body = ('"There will be no truce with the terrorist militia while it besieges our '
            'cities," the army chief said on Wednesday.')
    assert "accusation.terrorism" in types(body)


def test_a_terror_motive_ruled_out_is_no_accusation() -> None:
    body = ("Police said on Wednesday the blast at the depot was not a terrorist attack but "
            "a gas leak.")
    assert "accusation.terrorism" not in types(body)


# hard times and near misses


def test_an_economy_hit_by_sanctions_and_a_power_crisis_is_no_attack() -> None:
    body = ("The rial fell to a record low on Wednesday.\n\n"
            "The economy has been hit by the return of sanctions and an electricity crisis.")
    assert "attack.infrastructure" not in types(body)


def test_a_missile_that_hit_close_to_a_base_missed_it() -> None:
    body = ("Iran fired ballistic missiles at Israel on Wednesday, most of which were "
            "intercepted, and one hit close to the Nevatim air base, the military said.")
    assert "attack.military_target" not in types(body)


def test_a_bomb_dropped_near_an_army_post_attacked_it() -> None:
    body = ("An Israeli drone dropped a bomb near a Lebanese army post on Wednesday, "
            "wounding a soldier, the army said.")
    assert "attack.military_target" in types(body)


def test_a_statements_loss_of_soldiers_is_their_death() -> None:
    body = ("Jihadists attacked an army post near Karimama on Wednesday. \"We deplore the loss "
            'of six soldiers," the army said in a statement.')
    assert 6 in killed(body)


def test_soldiers_who_fell_with_honour_died() -> None:
    body = ("Jihadists attacked an army post near Karimama on Wednesday. \"Four of our "
            'soldiers fell with honour and three were wounded," the army said.')
    assert 4 in killed(body)
