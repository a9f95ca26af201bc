"""Rule classes widened so the coder is not tied to one phrasing per event type: other verbs,
passives and nominalizations, anaphoric proposals, and the non-conflict senses that come
with them (labour stoppages, sirens, staged drills, accidental blasts).

The sentences are written for these tests (not taken from the labelled corpus)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tests.unit.classify.classify_helpers import code, one, types

# --- weapons: what makes a strike aerial --------------------------------------------------


def test_guided_bombs_are_aerial() -> None:
    found = types("Russian jets dropped guided bombs on a power station in Sumy on Monday.")
    assert {"attack.aerial", "attack.infrastructure"} <= found


def test_rocket_artillery_is_not_aerial() -> None:
    found = types("HIMARS rockets knocked out a railway bridge near Nova Kakhovka on Sunday.")
    assert "attack.infrastructure" in found
    assert "attack.aerial" not in found


def test_downed_aircraft_is_a_target_not_a_strike() -> None:
    events = code(
        "Ukraine's air force on Monday reported the downing of a Russian Su-35 fighter jet, "
        "saying air defence crews had brought it down near Kupiansk."
    )
    target = one(events, "attack.military_target")
    assert target.strategic
    assert "attack.aerial" not in {e.type for e in events}


def test_air_raid_siren_is_not_a_strike() -> None:
    assert types(
        "The concert in Lviv was halted for an hour on Saturday when an air raid siren sounded."
    ) == set()


# --- military targets: passives, relative clauses, sinking, convoys ----------------------


def test_passive_subject_a_few_words_before_the_verb() -> None:
    events = code(
        "The arms depot outside Kotluban in Volgograd region was engulfed in flames on "
        "Wednesday after Ukrainian drones hit it."
    )
    assert one(events, "attack.military_target").strategic


def test_asset_in_a_relative_clause_is_not_the_target() -> None:
    assert "attack.military_target" not in types(
        "Soldiers opened fire on Monday at two men who were walking towards their checkpoint."
    )


def test_sinking_a_warship() -> None:
    events = code("Ukrainian naval drones sink a Russian patrol ship near Novorossiysk.")
    assert one(events, "attack.military_target").strategic
    assert "attack.aerial" not in {e.type for e in events}


def test_ambushed_army_convoy() -> None:
    assert "attack.military_target" in types(
        "Insurgents ambushed an army convoy near Menaka on Friday, killing 14 soldiers."
    )


# --- ceasefire family: other verbs ---------------------------------------------------------


@pytest.mark.parametrize("text", [
    "The Sudan truce unravelled on Sunday when paramilitary gunners shelled a market in Omdurman.",
    "A three-day ceasefire in Tigray was shattered on Friday by artillery fire near Alamata.",
])
def test_truce_unravelling_is_a_violation(text: str) -> None:
    assert "ceasefire.violated" in types(text)


@pytest.mark.parametrize("text", [
    "Kinshasa and the rebels inked an accord on Monday that commits both sides to a ceasefire.",
    "A truce between the army and the militia came into effect at dawn on Tuesday.",
    "Mediators said the two sides clinched a ceasefire deal in Doha late on Wednesday.",
])
def test_truce_agreed_with_other_verbs(text: str) -> None:
    assert "ceasefire.agreed" in types(text)


def test_voting_down_a_proposal_is_a_rejection_not_a_proposal() -> None:
    found = types(
        "Israel's cabinet voted down a ceasefire proposal from Qatari mediators on Sunday."
    )
    assert "ceasefire.rejected" in found
    assert "ceasefire.proposed" not in found


def test_a_framework_for_a_truce_is_a_proposal() -> None:
    assert "ceasefire.proposed" in types(
        "Turkey gave both sides a framework for a 45-day truce on Thursday, diplomats said."
    )


def test_anaphoric_proposal_needs_a_truce_in_the_article() -> None:
    body = ("Hamas on Monday turned down a 40-day pause in the fighting. "
            "Egypt had tabled the plan in Cairo the week before.")
    assert "ceasefire.proposed" in types(body)
    assert "ceasefire.proposed" not in types(
        "Egypt had tabled the plan in Cairo the week before, officials said."
    )


# --- negotiations -------------------------------------------------------------------------


def test_talks_held_with_other_phrasings() -> None:
    assert "negotiation.held" in types(
        "Armenian and Azerbaijani envoys sat across the table in Almaty on Friday for a third "
        "day of negotiations on the border."
    )


def test_refusing_to_attend_talks_is_not_holding_them() -> None:
    found = types("Azerbaijan refuses to attend planned talks in Brussels, foreign ministry says.")
    assert "ceasefire.rejected" in found
    assert "negotiation.held" not in found


def test_a_future_round_that_could_collapse_is_nothing() -> None:
    assert types(
        "Diplomats said the next round of talks between Kinshasa and Kigali could collapse if "
        "troops are not withdrawn."
    ) == set()


def test_labour_stoppage_and_labour_talks() -> None:
    body = ("Workers at the port of Gdansk downed tools on Tuesday. "
            "Talks between their representatives and employers broke down last week.")
    assert types(body) == set()


# --- threats ------------------------------------------------------------------------------


def test_own_side_stating_future_force_is_a_threat() -> None:
    events = code(
        "Iran's defence minister said on Sunday Tehran would strike American bases in the "
        "region if its nuclear sites were attacked."
    )
    assert one(events, "threat.military").actor is not None


def test_another_side_predicted_to_strike_is_not_a_threat() -> None:
    assert "threat.military" not in types(
        "Zelenskiy said on Monday Russia would strike the grid again before winter."
    )


def test_warning_about_a_hypothetical_strike_is_not_a_threat() -> None:
    assert "threat.military" not in types(
        "Officials warned on Monday that a strike on the Rivne nuclear plant could cut power "
        "to millions."
    )


def test_vowing_to_hunt_down_attackers_is_a_threat() -> None:
    assert "threat.military" in types(
        "Mali's army vowed on Sunday to hunt down the militants who attacked its base at Kati."
    )


# --- non-conflict senses and history ------------------------------------------------------


def test_counter_terrorism_is_not_an_accusation() -> None:
    assert "accusation.terrorism" not in types(
        "Jordanian police said on Tuesday they had held a counter-terrorism exercise at Amman "
        "airport."
    )


def test_drills_simulating_strikes_on_ports() -> None:
    assert types(
        "North Korea staged drills on Monday, simulating strikes on ports and airfields in the "
        "south."
    ) == set()


def test_accidental_blast_with_deaths_is_not_violence() -> None:
    assert types(
        "A blast ripped through a chemical warehouse in Tianjin on Friday, killing 15 workers, "
        "officials said, blaming a leaking valve."
    ) == set()


def test_years_between_past_dates_are_history() -> None:
    assert types(
        "Separatist gunners shelled Grozny for months, killing thousands between 1994 and 1996."
    ) == set()


# --- casualty counts ----------------------------------------------------------------------


def test_count_before_an_appositive() -> None:
    events = code(
        "At least 15 people, including four children, were found dead after an airstrike on "
        "a school in Gaza City on Thursday."
    )
    casualties = one(events, "casualties.reported").casualties
    assert casualties is not None and casualties.killed == 15


# --- second pass: verbs and frames found on a fresh batch of wires ------------------------


def test_overrunning_an_outpost() -> None:
    found = types("Fighters overran a police and army outpost near Diffa on Monday, killing nine.")
    assert {"attack.military_target", "casualties.reported"} <= found


def test_gunned_down_is_a_killing_with_a_figure() -> None:
    events = code("Militiamen gunned down 38 worshippers at a mosque in Ituri on Friday.")
    casualties = one(events, "casualties.reported").casualties
    assert casualties is not None and casualties.killed == 38


def test_a_denied_walkout_does_not_cancel_a_meeting() -> None:
    found = types(
        "Kyiv denied that its envoys had walked out of the talks in Geneva, saying the "
        "negotiators had met again on Tuesday."
    )
    assert found == {"negotiation.held"}


def test_an_offer_to_halt_strikes_is_a_proposal_not_an_attack() -> None:
    found = types(
        "Russia offered on Friday to halt its missile strikes on Ukrainian ports if Kyiv "
        "stopped attacking tankers."
    )
    assert found == {"ceasefire.proposed"}


def test_an_assault_staged_as_an_exercise() -> None:
    assert types(
        "Commandos stormed a ferry in the port of Constanta on Thursday in a joint "
        "counter-terrorism exercise with Bulgarian police."
    ) == set()


# --- third pass: accusations, rejections, talks and infrastructure traps ------------------


def test_designating_a_group_terrorist_is_an_accusation() -> None:
    assert "accusation.terrorism" in types(
        "Australia's home affairs minister designated the militia a terrorist organisation "
        "on Monday."
    )


@pytest.mark.parametrize("verb", ["shrugged off", "brushed off", "snubbed"])
def test_rejection_verbs(verb: str) -> None:
    assert "ceasefire.rejected" in types(
        f"The junta {verb} a 30-day truce put forward by ASEAN envoys on Tuesday."
    )


def test_talks_that_fizzle_out_have_stalled() -> None:
    found = types("Talks between Addis Ababa and the Fano militia fizzled out in Arusha on Monday.")
    assert "negotiation.stalled" in found
    assert "negotiation.held" not in found


def test_any_attack_is_generic() -> None:
    assert types(
        "The agency said on Monday that any attack on the Kakhovka reservoir's remaining "
        "pumping station would leave the region without water."
    ) == set()


def test_political_attack_with_an_infrastructure_noun() -> None:
    assert types(
        "Romania's opposition attacked the government on Thursday over the sale of a coal "
        "power plant, calling it an assault on jobs."
    ) == set()


# --- fourth pass: probes of the README's trap list and common verbs -----------------------


def test_a_parade_of_weapons_is_not_an_attack() -> None:
    assert types(
        "Pyongyang held a parade on Thursday, with tanks, missiles and drones rolling through "
        "Kim Il Sung Square."
    ) == set()


def test_cumulative_war_toll_is_background() -> None:
    assert types(
        "The conflict has killed more than 150,000 people since April 2023, aid groups say."
    ) == set()


def test_army_jets_are_aerial() -> None:
    assert "attack.aerial" in types(
        "Myanmar army jets bombed an ammunition depot held by rebels near Lashio on Friday."
    )


@pytest.mark.parametrize("text", [
    "Talks between Belgrade and Pristina broke off on Monday over the agenda.",
    "Kremlin officials said the peace talks had reached a dead end.",
])
def test_talks_breaking_off(text: str) -> None:
    assert "negotiation.stalled" in types(text)


def test_failing_to_agree_is_a_stall_not_an_agreement_or_refusal() -> None:
    found = types("Negotiators failed to agree on a truce after four days in Doha.")
    assert found == {"negotiation.stalled"}


def test_declining_to_join_talks_is_a_rejection() -> None:
    found = types("The militia declined to join peace talks in Nairobi on Tuesday.")
    assert "ceasefire.rejected" in found
    assert "negotiation.held" not in found


def test_protection_from_attacks_is_not_an_attack() -> None:
    assert types(
        "Utilities are building concrete walls to protect transformers from missile strikes."
    ) == set()


def test_reopening_a_year_after_strikes_is_background() -> None:
    assert types("The port reopened on Monday, a year after drone strikes closed it.") == set()


def test_opening_a_terrorism_case_is_an_accusation() -> None:
    assert "accusation.terrorism" in types(
        "Belarus's prosecutors opened a terrorism case on Sunday after a drone hit a "
        "railway depot near Gomel."
    )


# --- infrastructure: the asset must be what was hit, not where something else was ---------


@pytest.mark.parametrize(
    "sentence",
    [
        "Russian drones hit a residential building in the port city of Odesa overnight, "
        "injuring three people.",
        "A missile struck a shopping centre near the railway station in Kharkiv on Tuesday, "
        "killing two people.",
        "A Houthi missile struck a bulk carrier bound for the port of Jeddah on Monday.",
        "Residents fled across the Antonivskyi bridge as Russian shelling of the city "
        "intensified on Sunday, killing one woman.",
        "A glide bomb struck a printing house in Kharkiv on Thursday, killing seven workers, "
        "while another hit a petrol station on the highway out of the city.",
        "Refugees arriving at the Lviv railway station said Russian drones had flattened "
        "their village on Sunday.",
    ],
)
def test_infrastructure_named_only_as_a_place_is_not_the_target(sentence: str) -> None:
    assert "attack.infrastructure" not in types(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Russian drones struck the port of Izmail overnight, damaging grain silos.",
        "The only road bridge linking the town to the left bank was knocked out on Wednesday "
        "by Ukrainian rockets.",
        "A substation in Kherson region was hit by Russian artillery on Monday.",
        "Ukrainian drones set a refinery in Russia's Samara region ablaze on Saturday.",
        "A drone strike on the highway between Kherson and Mykolaiv destroyed two trucks "
        "on Friday.",
    ],
)
def test_infrastructure_on_the_receiving_end(sentence: str) -> None:
    assert "attack.infrastructure" in types(sentence)


# --- actors of every country, and accusers that are not named by country ------------------


@pytest.mark.parametrize(
    ("sentence", "code"),
    [
        ("Ethiopian troops shelled a village in Amhara on Monday.", "ETHMIL"),
        ("Mali's army said drones struck a convoy near Kidal on Monday.", "MLIMIL"),
        ("The Chadian government rejected the truce on Monday.", "TCDGOV"),
    ],
)
def test_composed_actor_of_any_country(sentence: str, code: str) -> None:
    from streams.classify import actors
    from streams.classify.lexicon import scan

    assert code in {m.entry.code for m in actors.mentions(scan(sentence), sentence)}


@pytest.mark.parametrize(
    "sentence",
    [
        "The Ethiopian government branded Fano militiamen \"extremist terrorists\" on Tuesday.",
        "The junta accused Algeria of harbouring terrorists and sponsoring attacks on Malian "
        "troops near the border.",
        "Militants stormed a hotel in Mogadishu, killing at least 15 people, in what the "
        "government called a terrorist attack.",
    ],
)
def test_terrorism_accusations_in_other_words(sentence: str) -> None:
    assert "accusation.terrorism" in types(sentence)


def test_metaphorical_terrorism_is_not_an_accusation() -> None:
    assert types(
        "The president accused opposition lawmakers of \"political terrorism\" after they "
        "blocked a vote with a 30-hour filibuster."
    ) == set()


def test_met_with_a_response_is_no_meeting() -> None:
    assert "negotiation.held" not in types(
        "North Korea warned that any further South Korean drone flight would be met with a "
        "\"terrible\" response."
    )


# --- truces broken in other words; talks frozen, boycotted; history in other forms ---------


@pytest.mark.parametrize(
    "sentence",
    [
        "ARMENIA ACCUSES AZERBAIJAN OF BREAKING CEASEFIRE WITH FIRE ON BORDER VILLAGE",
        "Kyiv said Russian shelling had continued, accusing Moscow of breaking its own truce.",
        "Paramilitary shelling killed 14 people in the camp on Tuesday despite its declared "
        "truce, the governor said.",
    ],
)
def test_truce_broken_in_other_words(sentence: str) -> None:
    assert "ceasefire.violated" in types(sentence)


def test_despite_a_truce_without_violence_is_no_breach() -> None:
    assert "ceasefire.violated" not in types(
        "Despite the truce, the two delegations remained far apart on Tuesday."
    )


def test_freezing_talks_is_a_stall() -> None:
    assert "negotiation.stalled" in types(
        "The ELN said on Friday it was freezing peace talks with the government."
    )


def test_refusing_to_attend_talks_is_a_rejection() -> None:
    found = types(
        "The army-backed government said it would not take part in any talks until the RSF "
        "withdrew from civilian homes."
    )
    assert "ceasefire.rejected" in found
    assert "negotiation.stalled" not in found  # withdrew from homes, not from talks


@pytest.mark.parametrize(
    ("sentence", "published"),
    [
        ("The last truce in Gaza collapsed in March when talks on a second phase failed.",
         datetime(2025, 10, 9, tzinfo=UTC)),
        ("The 1953 agreement was signed after two years of talks that broke down several "
         "times.", datetime(2025, 7, 27, tzinfo=UTC)),
        ("Two years after the Jeddah talks broke down, the U.N. said on Thursday its appeal "
         "was a quarter funded.", datetime(2025, 12, 4, tzinfo=UTC)),
    ],
)
def test_history_in_other_forms(sentence: str, published: datetime) -> None:
    assert types(sentence, published=published) == set()


def test_a_month_ago_is_still_news() -> None:
    found = types("Talks collapsed in September when the rebels walked out.",
                  published=datetime(2025, 10, 9, tzinfo=UTC))
    assert "negotiation.stalled" in found


def test_posing_a_threat_is_no_threat() -> None:
    assert "threat.military" not in types(
        "The Israeli military said it had struck militants who posed a threat to its forces."
    )


def test_unchanged_death_toll_takes_no_figure_from_the_injured() -> None:
    events = code(
        "Russian drones struck the railway station in Shostka on Saturday, killing one person. "
        "Officials later put the number of injured at 31, including three children, and said "
        "the death toll had not changed."
    )
    killed = [e.casualties.killed for e in events if e.casualties and e.casualties.killed]
    assert killed and max(killed) == 1


def test_weapons_named_in_a_foiled_plot_are_no_attack() -> None:
    assert types(
        "Officers detained the suspects near Chelm as they allegedly assembled explosives and "
        "photographed a rail bridge."
    ) == set()


def test_intended_target_that_was_not_hit() -> None:
    assert "attack.infrastructure" not in types(
        "The governor said the drones launched overnight had been aimed at the city's energy "
        "infrastructure, but that the power supply was not affected."
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "On the second day a simulation exercise will test how emergency services respond to a "
        "mock drone attack on a hydroelectric dam.",
        "Armed groups have increasingly targeted pipelines, power lines and telecom masts "
        "across the Sahel, delegates at a counter-terrorism conference heard on Tuesday.",
        "The adviser said protecting infrastructure was now the front line of the fight "
        "against terrorism.",
    ],
)
def test_drills_habits_and_the_fight_against_terrorism_are_no_events(sentence: str) -> None:
    assert types(sentence) == set()


def test_quoted_vague_figure_counts() -> None:
    events = code(
        "Sudan's army said on Tuesday it had repelled an assault on its garrison in Babanusa, "
        "killing \"dozens\" of attackers."
    )
    assert any(e.casualties and e.casualties.killed == 12 for e in events)


def test_a_burning_drone_hangar_is_no_air_strike() -> None:
    found = types(
        "Gunfire was heard for hours and smoke rose from the air base, where a transport plane "
        "and a drone hangar were burning."
    )
    assert "attack.aerial" not in found


def test_passive_rejection_of_a_proposal_codes_no_proposal() -> None:
    found = types(
        "A proposal for a week-long pause in the fighting in Gaza was rejected by Hamas on "
        "Sunday, Egyptian sources said."
    )
    assert "ceasefire.rejected" in found
    assert "ceasefire.proposed" not in found


@pytest.mark.parametrize(
    "sentence",
    [
        "Russian and Ukrainian delegations are due to meet in Istanbul next week for a new "
        "round of talks on a ceasefire, Turkish officials said on Tuesday.",
        "Ukraine marked the third anniversary of the missile strike on Kramatorsk railway "
        "station on Tuesday, when 61 people were killed as they waited to be evacuated.",
        "U.N. monitors said on Tuesday they had recorded no violations of the truce, dismissing "
        "reports of overnight shelling as false.",
        "A Russian missile strike could come at any moment, the governor warned residents on "
        "Tuesday, urging them to heed air raid sirens.",
        "At least 2,900 people were killed when M23 rebels seized Goma in January, the U.N. "
        "said on Tuesday.",
    ],
)
def test_scheduled_memorial_refuted_warned_and_dated_by_the_statement(sentence: str) -> None:
    assert types(sentence, published=datetime(2025, 3, 4, 12, tzinfo=UTC)) == set()


def test_cumulative_toll_is_no_casualty_figure() -> None:
    events = code(
        "A drone struck a house in Sumy on Tuesday, killing one person. More than 1,200 "
        "civilians have been killed in Russian air strikes on the region this year."
    )
    assert max(e.casualties.killed or 0 for e in events if e.casualties) == 1


@pytest.mark.parametrize(
    ("sentence", "infrastructure"),
    [
        ("Ukrainian missiles hit a Russian landing ship docked in the port of Sevastopol on "
         "Tuesday.", False),
        ("Russian drones struck a civilian cargo ship at the port of Pivdennyi on Tuesday.", False),
        ("A drone attack set off a fire at a fuel terminal in the port of Ust-Luga on Sunday.",
         True),
    ],
)
def test_a_ship_in_port_is_not_the_port(sentence: str, infrastructure: bool) -> None:
    assert ("attack.infrastructure" in types(sentence)) is infrastructure


@pytest.mark.parametrize(
    "sentence",
    [
        "Gang members rampaged through the town of Pont-Sonde overnight, killing more than 70 "
        "people, the U.N. said.",
        "A blast at a mosque in Kunduz during Friday prayers claimed the lives of at least 50 "
        "worshippers, the Taliban said, blaming Islamic State.",
    ],
)
def test_massacres_in_other_words(sentence: str) -> None:
    events = code(sentence)
    assert any(e.casualties and (e.casualties.killed or 0) >= 50 for e in events)


def test_no_point_in_a_truce_is_a_rejection_of_the_call_it_answers() -> None:
    found = types(
        "The Kremlin said Moscow saw no point in a temporary ceasefire, responding to a European "
        "call for an unconditional 30-day pause."
    )
    assert "ceasefire.rejected" in found
    assert "ceasefire.proposed" not in found


@pytest.mark.parametrize(
    ("term", "code"),
    [("al-Shabaab", "SOMREB"), ("Boko Haram", "NGAREB"), ("the ELN", "COLREB"),
     ("the Arakan Army", "MMRREB"), ("Islamic State", "IMGREB")],
)
def test_armed_groups_are_actors(term: str, code: str) -> None:
    from streams.classify import actors
    from streams.classify.lexicon import scan

    sentence = f"Fighters from {term} attacked a village on Monday."
    assert code in {m.entry.code for m in actors.mentions(scan(sentence), sentence)}


def test_a_party_destroying_a_military_asset_is_a_strike() -> None:
    events = code(
        "Russia's defence ministry said it had destroyed a Ukrainian Patriot battery and a "
        "command post near Zaporizhzhia."
    )
    assert one(events, "attack.military_target").strategic


@pytest.mark.parametrize(
    "sentence",
    [
        "A fire broke out at an ammunition depot in Voronezh region on Tuesday, officials said, "
        "without giving a cause.",
        "Military intelligence said a fire had destroyed a Tu-22M3 bomber at the Shaykovka "
        "airfield, without saying who was behind it.",
        "A fighter jet crashed during a training flight in the west of the country on Tuesday, "
        "killing the pilot, the air force said.",
    ],
)
def test_fires_and_crashes_without_a_cause_are_no_attacks(sentence: str) -> None:
    assert types(sentence) == set()


@pytest.mark.parametrize(
    ("sentence", "actor"),
    [
        ("Netanyahu said Israel would not agree to any ceasefire that left Hamas in power, "
         "dismissing the latest Egyptian proposal.", "ISRGOV"),
        ("Sudan's army chief said there would be no ceasefire with the RSF, rejecting calls "
         "from mediators for a humanitarian pause.", "SDNMIL"),
    ],
)
def test_trailing_participle_takes_the_main_subject(sentence: str, actor: str) -> None:
    event = one(code(sentence), "ceasefire.rejected")
    assert event.actor is not None and event.actor.code == actor


@pytest.mark.parametrize(
    ("headline", "expected"),
    [
        ("URGENT: TOLL FROM RUSSIAN MISSILE STRIKE ON KRYVYI RIH RISES TO NINETEEN",
         "casualties.reported"),
        ("BULLETIN: Overnight Drone Barrage Knocks Out Power to Most of Kharkiv",
         "attack.infrastructure"),
        ("URGENT: ARMY POSTS COME UNDER ARTILLERY FIRE IN BREACH OF CEASEFIRE, MILITARY SAYS",
         "attack.military_target"),
        ("FLASH: Government and Militia Leaders Sign Cessation of Hostilities in Nairobi",
         "ceasefire.agreed"),
    ],
)
def test_bulletin_phrasings(headline: str, expected: str) -> None:
    assert expected in types("", headline=headline)


def test_a_dynamited_bridge_is_an_infrastructure_attack() -> None:
    assert "attack.infrastructure" in types(
        "A bridge on the Pan-American Highway was dynamited before dawn on Friday, the army "
        "said, blaming dissidents of the former FARC."
    )


def test_tariff_war_truce_and_talks_are_no_conflict() -> None:
    assert types(
        "The EU and China agreed on Friday to pause their tariff war, freezing new duties while "
        "negotiators meet again. Talks broke down twice in the autumn.",
        headline="EU and China call truce in electric-car tariff war",
    ) == set()


def test_talks_scheduled_for_a_later_date_are_not_held() -> None:
    assert "negotiation.held" not in types(
        "Delegations from the army and the RSF are expected to meet in Jeddah on June 12 for "
        "indirect talks, officials said on Thursday."
    )


def test_the_next_sentence_refutes_a_claim() -> None:
    assert types(
        "A Houthi spokesman claimed on Sunday that the group's missiles had struck a U.S. "
        "aircraft carrier. The Pentagon said the claim was false."
    ) == set()


def test_a_denial_by_the_accused_does_not_refute() -> None:
    found = types(
        "Pakistan's military said on Thursday that 26 hostages were killed when separatist "
        "gunmen seized a train, and accused India of sponsoring \"the terrorists\" behind the "
        "attack. India's foreign ministry rejected the allegation as baseless."
    )
    assert {"casualties.reported", "accusation.terrorism"} <= found


@pytest.mark.parametrize(
    "sentence",
    [
        "Ukraine's grid operator imposed rolling blackouts on Tuesday to repair equipment "
        "damaged by Russian strikes.",
        "Parliament approved $500 million to rebuild energy infrastructure destroyed by Russian "
        "strikes, the finance ministry said on Tuesday.",
        "Grain exports from the port of Odesa rose 20% in February despite repeated Russian "
        "drone attacks on the region, the ministry said.",
    ],
)
def test_mended_damage_and_repeated_attacks_are_background(sentence: str) -> None:
    assert types(sentence) == set()


def test_an_attack_dated_last_week_is_background() -> None:
    assert types(
        "Engineers said on Thursday the substation hit by Russian drones on May 20 was back "
        "in service.", published=datetime(2025, 6, 5, 8, tzinfo=UTC)
    ) == set()


@pytest.mark.parametrize(
    "sentence",
    [
        "Medvedev said on Tuesday Russia could strike targets in Europe if Western long-range "
        "missiles were used against Russian territory.",
        "India's army chief said the military was ready to respond forcefully to any "
        "misadventure by Pakistan along the Line of Control.",
    ],
)
def test_threats_in_other_words(sentence: str) -> None:
    assert "threat.military" in types(sentence)


def test_threat_actor_is_the_speaker_not_a_distant_by_phrase() -> None:
    event = one(code(
        "India's army chief said the military was ready to respond forcefully to any "
        "misadventure by Pakistan along the Line of Control."
    ), "threat.military")
    assert event.actor is not None and event.actor.code == "INDMIL"


def test_could_without_a_condition_is_no_threat() -> None:
    assert "threat.military" not in types(
        "Analysts said Russia could strike Ukraine's grid again this winter."
    )


def test_a_conditional_sentence_mid_article_is_hypothetical() -> None:
    assert types(
        "The Guards held a drill on Tuesday.\n\n\"If the Americans make the mistake of attacking "
        "our nuclear sites, we will set their bases on fire,\" the commander told state TV."
    ) & {"attack.infrastructure", "attack.military_target", "attack.aerial"} == set()


@pytest.mark.parametrize(
    "sentence",
    [
        "\"This is a terrorist act by the military council against the people,\" he said.",
        "\"This was a terrorist act,\" the interior minister told reporters on Sunday.",
        "Gunmen torch power substation in Culiacan; governor decries 'terrorist' acts",
    ],
)
def test_quoted_and_decried_terrorism_is_an_accusation(sentence: str) -> None:
    assert "accusation.terrorism" in types(sentence)


def test_palm_sunday_is_no_recent_weekday() -> None:
    assert types(
        "In April, two ballistic missiles exploded over the city centre on Palm Sunday, "
        "killing 35 people.", published=datetime(2025, 6, 24, 8, tzinfo=UTC)
    ) == set()


def test_war_wide_tolls_are_not_incident_figures() -> None:
    assert "casualties.reported" not in types(
        "The insurgency, which began in 2017, has killed more than 6,000 people, according "
        "to conflict monitors."
    )


def test_a_truce_rejected_by_anaphor_with_the_actor_outside_the_aside() -> None:
    events = code(
        "A humanitarian truce declared by the RSF took effect at midnight on Friday. Sudan's "
        "army, which has been at war with the RSF since April 2023, dismissed the declaration "
        "as a \"media manoeuvre\".", published=datetime(2025, 11, 8, 8, tzinfo=UTC)
    )
    event = one(events, "ceasefire.rejected")
    assert event.actor is not None and event.actor.code == "SDNMIL"


def test_a_video_fabricated_with_ai_is_refuted() -> None:
    assert "ceasefire.rejected" not in types(
        "A video in which the commander appears to reject any ceasefire with Russia was "
        "fabricated using artificial intelligence, officials said on Wednesday."
    )


def test_a_launched_exercise_stages_its_missile_fire() -> None:
    assert "attack.aerial" not in types(
        "The Revolutionary Guards launched a large naval exercise in the Strait of Hormuz on "
        "Tuesday, firing cruise missiles at mock targets."
    )


def test_gas_production_facilities_are_infrastructure() -> None:
    assert "attack.infrastructure" in types(
        "Naftogaz said Russian drones had hit gas production facilities in the Poltava region "
        "overnight, causing several fires."
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "Iran's Revolutionary Guards said on Monday that any attack on Iranian nuclear "
        "facilities would be met with missile strikes on U.S. bases.",
        "\"If they attack our nuclear sites, we will set their bases in the region on fire,\" "
        "the navy commander told state television.",
        "The Houthis said they would keep targeting American warships for as long as "
        "Washington pressed its campaign.",
    ],
)
def test_vows_of_force(sentence: str) -> None:
    assert "threat.military" in types(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Gaza ceasefire talks in Doha ended on Tuesday without a deal, officials said.",
        "Egypt postponed indefinitely a new round of Gaza truce negotiations, two Egyptian "
        "sources said.",
        "Israel recalled its negotiating team from Qatar on Tuesday.",
        "Qatar said on Tuesday it was suspending its mediation between Israel and Hamas.",
        "Colombia's President Gustavo Petro on Tuesday ended peace talks with the ELN.",
    ],
)
def test_talks_collapse_in_other_words(sentence: str) -> None:
    assert "negotiation.stalled" in types(sentence)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("European leaders called on Tuesday for an unconditional 30-day ceasefire in Ukraine.",
         "ceasefire.proposed"),
        ("Putin declared a three-day ceasefire for the Victory Day commemorations, the Kremlin "
         "said on Monday.", "ceasefire.agreed"),
    ],
)
def test_truce_calls_and_declarations(sentence: str, expected: str) -> None:
    assert expected in types(sentence)


def test_a_denied_refusal_to_extend_is_no_rejection() -> None:
    assert "ceasefire.rejected" not in types(
        "Israeli officials on Friday denied a report that Israel had turned down a request to "
        "extend the pause in fighting."
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "Kyiv's children's hospital reopened on Tuesday, a year to the day after a Russian "
        "missile hit the building during a barrage that killed more than 30 people.",
        "Mediators said talks between the government and opposition groups that did not sign "
        "the 2018 peace deal resumed on Thursday.",
        "Commandos fired blank rounds at a line of buses while other teams rehearsed defusing a "
        "dummy explosive device placed under a bridge, officials said on Friday.",
        "A judge on Wednesday sentenced a former cartel commander for his role in the December "
        "2022 ambush of a police convoy in which 13 officers were killed.",
        "The club's board said it would not sign up to any ceasefire while its players were "
        "being robbed every weekend.",
        "Air defence units also practised shooting down drones around the Natanz enrichment "
        "site on Tuesday.",
    ],
    ids=["year-to-the-day", "relative-refusal", "drill", "verdict", "football", "practice"],
)
def test_more_traps(sentence: str) -> None:
    found = types(sentence)
    assert not found & {"attack.aerial", "attack.infrastructure", "attack.military_target",
                        "casualties.reported", "ceasefire.rejected"}, found


def test_an_age_is_no_toll() -> None:
    events = code(
        "An Israeli drone strike killed five Palestinians in Tammun early on Tuesday, the health "
        "ministry said. The ministry said one of the dead was 16 years old."
    )
    assert max(e.casualties.killed or 0 for e in events if e.casualties) == 5


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Explosive drones struck houses used by gangs north of Port-au-Prince on Wednesday.",
         None),
        ("Russian drones struck the port of Odesa on Wednesday.", "attack.infrastructure"),
        ("Israeli jets struck the uranium conversion facility at Isfahan overnight.",
         "attack.military_target"),
        ("A Russian drone struck an aviation museum in Kharkiv, damaging a decommissioned "
         "Tu-16 bomber on display.", None),
        ("Blasts toppled two power pylons outside Guayaquil on Sunday, the grid operator said.",
         "attack.infrastructure"),
    ],
)
def test_targets_named_precisely(sentence: str, expected: str | None) -> None:
    found = types(sentence)
    if expected is None:
        assert not found & {"attack.infrastructure", "attack.military_target"}, found
    else:
        assert expected in found


def test_storming_a_compound_is_no_storm_and_suicide_bombers_are_no_aircraft() -> None:
    events = code(
        "Suicide bombers rammed two explosives-laden vehicles into the wall of a military "
        "cantonment on Tuesday, and gunmen then tried to storm the compound, killing 12 people "
        "including five soldiers, officials said."
    )
    assert any(e.casualties and e.casualties.killed == 12 for e in events)
    assert not any(e.strategic for e in events)


def test_ignoring_a_pause_appeal_and_firing_at_a_destroyer() -> None:
    found = types(
        "Houthi rebels ignored a U.N. appeal for a pause in their attacks on Friday, and within "
        "hours said they had fired anti-ship missiles at an American destroyer."
    )
    assert {"ceasefire.rejected", "attack.military_target"} <= found


def test_a_truce_broken_after_an_aside() -> None:
    assert "ceasefire.violated" in types(
        "The ceasefire between Thailand and Cambodia, which took effect at midnight, was broken "
        "within hours, Thailand's army said on Tuesday."
    )


def test_dismissing_media_reports_is_no_rejection() -> None:
    assert "ceasefire.rejected" not in types(
        "Hamas said on Wednesday that it had not rejected the latest proposal for a ceasefire "
        "and was still studying it, dismissing Israeli media reports that it had turned the "
        "plan down."
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "Russia and Ukraine accused each other on Monday of violating a U.S.-brokered "
        "moratorium on attacks against energy facilities.",
        "Clan fighting flared again on Sunday, shattering a truce the elders had brokered.",
        "An Israeli delegation held talks with mediators in Cairo on Tuesday on extending the "
        "Gaza truce into its second phase.",
        "The government offered on Monday to extend its bilateral ceasefire with the faction by "
        "another three months.",
        "The junta offered a ceasefire to armed groups that agree to join peace talks.",
    ],
)
def test_agreement_words_that_name_another_truce(sentence: str) -> None:
    assert "ceasefire.agreed" not in types(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Ukrainian drones targeted Moscow overnight; the city's airports suspended flights for "
        "several hours, the mayor said.",
        "Russian shelling of Kherson forced the closure of the city's main bridge to traffic on "
        "Tuesday, officials said.",
        "RSF drones destroyed two army helicopters at Merowe airport on Tuesday, the army said.",
    ],
)
def test_infrastructure_closed_by_an_attack_or_hosting_the_target(sentence: str) -> None:
    assert "attack.infrastructure" not in types(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "\"There will be no ceasefire with people who put bombs next to fruit stalls,\" the "
        "commissioner told Caracol Radio on Wednesday.",
        "Ukraine's foreign minister on Tuesday dismissed the Kremlin's offer of a halt in "
        "fighting around the Victory Day commemorations.",
        "The peace commissioner ruled it out on Wednesday, a day after the rebels called for a "
        "bilateral ceasefire.",
    ],
)
def test_more_rejections(sentence: str) -> None:
    assert "ceasefire.rejected" in types(sentence)


def test_the_november_ceasefire_names_the_truce_not_the_time() -> None:
    assert "ceasefire.violated" in types(
        "Lebanon's prime minister said the raids on Tuesday were a \"flagrant violation\" of the "
        "November ceasefire.", published=datetime(2025, 2, 4, 8, tzinfo=UTC)
    )


def test_a_breach_explained_as_a_controlled_detonation_is_refuted() -> None:
    assert "ceasefire.violated" not in types(
        "Social media accounts reported on Sunday that artillery had shelled villages in breach "
        "of the truce. But the governor said the blasts were a controlled detonation of "
        "unexploded ordnance."
    )


def test_a_memoir_recounts_history() -> None:
    assert types(
        "In his memoir, the former minister recounts how the president turned down a Christmas "
        "truce proposed by mediators."
    ) == set()


@pytest.mark.parametrize(
    "sentence",
    [
        "In a second scenario, no deal is reached and Russian drones keep targeting port "
        "terminals around Odesa.",
        "Correction: An earlier version of this article said the drones had hit the city's "
        "thermal power plant.",
        "The neighbours fought for five days in their worst border clashes in a decade, a "
        "conflict that killed more than 40 people.",
        "Belarus began a snap combat-readiness check of its air force; crews would practise "
        "strikes on enemy airfields at training ranges.",
        "The military said it had struck a Hamas command center embedded inside the school "
        "compound.",
    ],
    ids=["scenario", "correction", "conflict-toll", "readiness-check", "embedded-claim"],
)
def test_analysis_corrections_and_disputed_claims(sentence: str) -> None:
    found = types(sentence)
    assert not found & {"attack.infrastructure", "attack.military_target",
                        "casualties.reported"}, found


@pytest.mark.parametrize(
    "sentence",
    [
        "The grid operator said it would extend scheduled power outages, citing a shortage of "
        "capacity after a year of Russian strikes on power stations.",
        "Zelenskiy said on Tuesday that Russia was stockpiling missiles for a massive strike on "
        "Ukraine's power plants as winter approaches.",
        "A gas pipeline blast during repairs killed three workers near Zawiya on Tuesday.",
        "Residents reported a series of loud explosions in the area of the Kursk nuclear power "
        "plant on Sunday.",
        "Israeli warplanes struck Hezbollah rocket launchers and military infrastructure near "
        "Nabatieh on Wednesday.",
        "Gunmen blocked a stretch of the N-40 highway on Tuesday night and shot dead nine men.",
        "An Israeli airstrike destroyed a residential building on the airport road in Beirut on "
        "Saturday, killing two people.",
    ],
    ids=["year-of-strikes", "stockpiling", "repairs", "in-the-area-of", "military-infra",
         "blocked-highway", "airport-road"],
)
def test_infrastructure_that_was_not_attacked(sentence: str) -> None:
    assert "attack.infrastructure" not in types(sentence)


def test_livestock_are_no_casualties() -> None:
    assert "casualties.reported" not in types(
        "Russian artillery shelled farms near Huliaipole on Monday, killing 40 cattle; no "
        "people were hurt."
    )


def test_attacks_named_as_what_a_truce_would_stop() -> None:
    found = types(
        "Washington proposed a ceasefire on strikes against energy facilities as a first step, "
        "to take effect within days of both sides accepting it, a U.S. official said."
    )
    assert "ceasefire.proposed" in found
    assert not found & {"attack.infrastructure", "ceasefire.agreed"}


def test_a_cyberattack_that_disrupts_a_water_plant() -> None:
    assert "attack.infrastructure" in types(
        "A cyberattack disrupted the control system of a water treatment plant in northern "
        "Poland, forcing staff to run it manually, the minister said on Thursday."
    )


def test_the_next_round_is_not_held() -> None:
    assert "negotiation.held" not in types(
        "Azerbaijan on Thursday denied a report that Baku had refused to attend the next round "
        "of peace talks with Armenia."
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "The discussions focused on where troops would remain during a proposed 60-day pause, "
        "one of the officials said.",
        "Asked whether Bangkok would propose a ceasefire line, she said it was too early.",
        "Diplomats discussed on Thursday whether to draft a resolution that could demand a halt "
        "to the fighting around El Fasher.",
        "Hamas said the strikes were a flagrant violation of the ceasefire and called on the "
        "mediators to rein Israel in.",
    ],
)
def test_truce_words_that_are_no_proposal(sentence: str) -> None:
    assert "ceasefire.proposed" not in types(sentence)


@pytest.mark.parametrize("sentence", [
    "A jury in Paris convicted three men on Tuesday over the 2015 shooting that killed 12 "
    "people at a newspaper office.",
    "The court approved the extradition of a suspect in the 2019 bombing of a Colombo hotel.",
    "Judges sentenced the former militia commander to life in prison for shelling the town "
    "in 1993.",
])
def test_trials_and_verdicts_over_attacks_are_no_attacks(sentence: str) -> None:
    assert types(sentence) == set()


def test_an_attack_beside_a_trial_is_still_an_attack() -> None:
    """The veto reads the attack's own sentence only: a trial named in the next one leaves
    the strike coded."""
    assert "attack.aerial" in types(
        "Drones struck the airport in Khartoum on Monday. The trial of two officers in Port "
        "Sudan was adjourned."
    )


@pytest.mark.parametrize("sentence", [
    "The conflict erupted when gunmen stormed three army posts in 2019, killing 40 soldiers.",
    "The war broke out after an air strike on the capital killed 60 people in April 2023.",
])
def test_how_a_war_began_is_its_history(sentence: str) -> None:
    assert types(sentence) == set()


def test_the_largest_attack_since_the_war_began_is_news() -> None:
    assert {"attack.aerial", "casualties.reported"} <= types(
        "Russian drones struck Lviv overnight in the largest attack since the war began, "
        "killing four people."
    )


@pytest.mark.parametrize("sentence", [
    "The utility is buying new firewalls to protect its substations against cyberattacks.",
    "Ministers agreed to double spending on air defence to deter a missile attack on the "
    "capital.",
    "Engineers are burying cables deeper to prevent drone strikes on the relay stations.",
])
def test_attacks_warded_off_are_no_attacks(sentence: str) -> None:
    assert types(sentence) == set()


def test_an_attack_the_defences_failed_to_stop_is_an_attack() -> None:
    assert "attack.infrastructure" in types(
        "Air defences protected most of the city, but a drone strike hit the main substation "
        "on Tuesday."
    )


@pytest.mark.parametrize("sentence", [
    "The navy test-fired a cruise missile from a frigate in the White Sea on Friday, the "
    "defence ministry said.",
    "Gunners practised shelling mock positions and helicopters fired rockets at old tanks.",
])
def test_a_weapons_test_or_practice_is_no_attack(sentence: str) -> None:
    assert types(sentence) == set()


def test_the_markets_attack_is_no_attack() -> None:
    assert types("Hedge funds attacked shares of the grid operator after its profit "
                 "warning.") == set()


def test_shares_falling_after_an_attack_keep_the_attack() -> None:
    assert "attack.infrastructure" in types(
        "Shares in the operator fell 4% after drones attacked its refinery near Ryazan on "
        "Sunday."
    )


def test_a_commemoration_is_no_report_of_the_dead() -> None:
    assert types("Residents observed a moment of silence on Friday for the 19 people killed "
                 "when a missile hit the station last spring.") == set()


# --- figures: two sources, two groups, one source after the list -------------------------


def test_two_sources_figures_set_against_each_other_take_the_lower() -> None:
    events = code("Hospital staff said 23 people died in the shelling of the market in "
                  "Kostiantynivka, whereas the mayor put the death toll at 19.")
    assert one(events, "casualties.reported").casualties.killed == 19


def test_one_accounts_figures_are_not_a_rival_estimate() -> None:
    events = code("Shelling of the market in Kostiantynivka killed 23 people on Monday, and the "
                  "death toll rose to 25 by evening.")
    assert one(events, "casualties.reported").casualties.killed == 25


def test_the_attackers_dead_are_added_to_their_victims() -> None:
    events = code("Jihadists stormed an army outpost near Djibo, killing nine soldiers; 14 "
                  "assailants were killed when troops fought back, the army said.")
    assert one(events, "casualties.reported").casualties.killed == 23


def test_attackers_among_the_dead_are_not_added_twice() -> None:
    events = code("A raid on the village killed 31 people, among them four gunmen, "
                  "residents said.")
    assert one(events, "casualties.reported").casualties.killed == 31


def test_an_official_killed_is_one_death() -> None:
    events = code("Gunmen shot dead the mayor of a small town in Guerrero state on Sunday, "
                  "prosecutors said.")
    assert one(events, "casualties.reported").casualties.killed == 1


def test_the_source_named_after_a_toll_is_not_one_more_dead() -> None:
    events = code("Fighters with machetes raided a displacement camp near Bunia, killing 42 "
                  "people, a camp doctor said.")
    assert one(events, "casualties.reported").casualties.killed == 42


# --- a walkout with the talks named in the sentence before ------------------------------


def test_a_party_walking_out_after_talks_named_before_stalls_them() -> None:
    events = code("Armenian and Azerbaijani negotiators met in Geneva on Monday. The Armenian "
                  "delegation walked out after an hour, a diplomat said.")
    stalled = one(events, "negotiation.stalled")
    assert stalled.actor is not None and stalled.actor.code == "ARMGOV"
    assert "negotiation.held" in {e.type for e in events}


def test_workers_walking_out_or_a_walkout_with_no_talks_is_no_stall() -> None:
    assert "negotiation.stalled" not in types(
        "Peace talks between the army and the rebels opened in Doha. Hundreds of port workers "
        "walked out at noon over unpaid wages.")
    assert "negotiation.stalled" not in types(
        "The Armenian delegation walked out of the concert hall before the encore.")
    assert "negotiation.stalled" not in types(
        "Truce talks with the rebels resumed in Doha. Two ministers close to the militia "
        "walked out of the parliament's budget debate on Thursday.")


def test_army_positions_in_a_civil_war_are_the_states_forces() -> None:
    events = code("Hours after the army pulled out of talks with the RSF, RSF fighters shelled "
                  "army positions in Kadugli, killing four soldiers.")
    attack = one(events, "attack.military_target")
    assert attack.actor is not None and attack.actor.code == "SDNREB"
    assert attack.target is not None and attack.target.code == "SDNMIL"


def test_a_militia_hit_is_the_places_armed_group() -> None:
    events = code("An Iranian drone struck a pickup truck near Koya in northern Iraq, killing "
                  "three militiamen, local officials said.")
    toll = one(events, "casualties.reported")
    assert toll.target is not None and toll.target.code == "IRQREB"
    assert toll.casualties.killed == 3


def test_militiamen_beside_civilians_or_a_militia_attacking_leave_the_country() -> None:
    mixed = one(code("An air strike near Koya in northern Iraq killed two militiamen and four "
                     "civilians."), "casualties.reported")
    assert mixed.casualties.killed == 6
    assert mixed.target is not None and mixed.target.code == "IRQ"
    agent = one(code("A militia raided a village near Koya in northern Iraq, killing seven "
                     "farmers."), "casualties.reported")
    assert agent.target is None or agent.target.code != "IRQREB"


# --- dev12: a talks lede dates the story; labour and sport in war words ------------------


def test_a_talks_lede_dates_the_story_and_an_earlier_days_strike_is_background() -> None:
    # published on a Thursday (PUBLISHED): the lede dates the walkout to Wednesday, the
    # shelling "on Sunday" below it is recalled
    found = types(
        "Armenian and Azerbaijani envoys broke off their talks in Vienna on Wednesday after "
        "Baku turned down a proposal for a border truce.\n\n"
        "The round began under the cloud of Azerbaijani shelling of Jermuk on Sunday that "
        "killed four villagers, officials said."
    )
    assert "negotiation.stalled" in found
    assert not found & {"casualties.reported", "attack.aerial"}


def test_a_lede_that_names_violence_is_not_dated_by_its_talks() -> None:
    # the lede's own attack is the news: the night's shelling it goes on to describe stays
    found = types(
        "Azerbaijan suspended its talks with Armenia on Wednesday after Armenian troops "
        "shelled its border posts.\n\n"
        "Late on Tuesday night, artillery shells hit two posts near Lachin, killing three "
        "Azerbaijani soldiers, the defence ministry said."
    )
    assert "casualties.reported" in found


@pytest.mark.parametrize("sentence", [
    "Talks between dockworkers and the shipyard that builds frigates collapsed on Friday "
    "as the strike entered its second month.",
    "The middleweight bout was called off after the boxers' promoters walked out of talks "
    "over the purse, ending a truce between the camps.",
    "The visitors' aerial bombardment stopped after halftime, and their blitz forced "
    "nine turnovers.",
    "Rebels said they shot down an army helicopter near Kidal on Monday; the aircraft "
    "made a precautionary landing.",
])
def test_labour_sport_and_aviation_senses_are_no_conflict_events(sentence: str) -> None:
    assert types(sentence) == set()


def test_a_real_strike_beside_a_labour_word_elsewhere_is_kept() -> None:
    found = types(
        "Russian missiles struck a shipyard in Mykolaiv on Monday, killing two workers.\n\n"
        "The yard's dockworkers had been on a pay strike a year ago."
    )
    assert "casualties.reported" in found


def test_an_act_dated_weeks_back_in_its_subject_is_background() -> None:
    # read on 5 June: the shelling's day is the subject's, the toll is that day's
    found = types(
        "Azerbaijani shelling on April 12, the second day of the clashes, killed 14 "
        "villagers in Jermuk, Armenian officials said. Armenian rockets killed dozens of "
        "people across the border that week, Baku said."
    )
    assert "casualties.reported" not in found


def test_an_act_after_an_old_date_is_news() -> None:
    found = types(
        "Azerbaijani shelling on Wednesday killed 14 villagers in Jermuk, the first deaths "
        "since the truce agreed on April 12, Armenian officials said."
    )
    assert "casualties.reported" in found


def test_a_price_extending_its_slide_agrees_no_truce() -> None:
    found = types(
        "Brent crude extended its slide on Friday as the ceasefire between India and "
        "Pakistan held for a fourth day."
    )
    assert "ceasefire.agreed" not in found


def test_a_truce_extended_is_still_agreed() -> None:
    assert "ceasefire.agreed" in types(
        "Russia and Ukraine extended the 30-day truce on Monday, officials said."
    )


def test_funerals_for_the_dead_of_an_earlier_blast_report_no_attack() -> None:
    found = types(
        "Crowds gathered in Lviv on Thursday for the funerals of four border guards killed "
        "on Monday when a mine planted under a bridge exploded near their post."
    )
    assert not found & {"casualties.reported", "attack.infrastructure"}


def test_an_inquest_finding_reports_no_new_death() -> None:
    assert "casualties.reported" not in types(
        "An aid worker killed by a Russian glide bomb in Kherson was unlawfully killed, an "
        "inquest in Leeds found on Wednesday."
    )


def test_a_monitors_month_in_review_codes_no_strike() -> None:
    found = types(
        "Monthly overview - Lake Chad basin, May\n\n"
        "In May, monitors recorded 233 political violence events across the basin. "
        "Air strikes by the Nigerian air force made up 18 of them."
    )
    assert "attack.aerial" not in found


def test_officials_killed_put_the_act_on_the_government() -> None:
    toll = one(code("Gunmen shot dead the mayor of a village in Jalisco on Sunday, state "
                    "police said."), "casualties.reported")
    assert toll.target is not None and toll.target.code == "MEXGOV"
    rival = one(code("Residents said nine people died in the shelling of Kupiansk, while the "
                     "regional governor put the toll at seven."), "casualties.reported")
    assert rival.target is None or rival.target.code != "UKRGOV"


# --- dev13 pass: weekly summaries, stated targeting policy ----------------------------------


def test_a_weekly_summary_of_strikes_is_no_incident() -> None:
    found = types(
        "Over the past week, Russian troops launched 14 missile strikes on power plants and "
        "railway depots in eastern Ukraine, the general staff said on Sunday."
    )
    assert not found & {"attack.aerial", "attack.infrastructure"}
    found = types(
        "Over the week, the militia's drones struck fuel depots and water stations in three "
        "cities, the army's weekly statement said."
    )
    assert "attack.infrastructure" not in found


def test_a_strike_the_weekend_before_stays_news() -> None:
    found = types("Russian drones hit a power plant in Sumy on Sunday, the third such attack "
                  "in the past week, officials said.")
    assert "attack.infrastructure" in found


def test_a_stated_targeting_policy_is_no_strike() -> None:
    found = types(
        "The army says its drones target rebel fighters and infrastructure that threaten "
        "the border towns."
    )
    assert not found & {"attack.aerial", "attack.infrastructure"}
    found = types("The army says its drones hit a rebel fuel depot and a power station near "
                  "Kidal on Tuesday.")
    assert "attack.infrastructure" in found


def test_a_threat_level_assessed_is_no_threat_or_strike() -> None:
    found = types(
        "The coast guard warned on Friday that the danger of drone strikes on the Danube "
        "ports remains 'very high' after Moscow moved new launchers to Crimea."
    )
    assert not found & {"attack.aerial", "attack.infrastructure", "threat.military"}
    assert "threat.military" in types(
        "The Houthis warned on Friday that they would launch drone strikes on ships bound "
        "for Eilat."
    )


def test_strikes_being_prepared_are_a_plan() -> None:
    assert "attack.aerial" not in types(
        "Kyiv officials said Moscow was preparing fresh missile strikes on the power grid, "
        "citing intelligence estimates."
    )


def test_weapons_bought_by_an_aid_package_are_no_attack() -> None:
    found = types(
        "The bill, approved by 301 votes to 95 on Thursday, pays for more howitzers, "
        "artillery shells and attack drones, and for rebuilding Ukraine's substations."
    )
    assert not found & {"attack.aerial", "attack.infrastructure"}


def test_a_campaign_month_after_month_is_no_incident() -> None:
    assert "attack.infrastructure" not in types(
        "The minister said Moscow had hit Ukraine's gas plants and water stations month "
        "after month to break the country's will."
    )


def test_an_attack_a_spokesman_would_not_discuss_is_not_the_news() -> None:
    found = types(
        "The Kremlin said on Wednesday it had no new proposal to study. Its spokesman "
        "refused to comment on Saturday's drone attacks on two refineries near Tuapse."
    )
    assert not found & {"attack.aerial", "attack.infrastructure"}
    assert "attack.infrastructure" in types(
        "Drones attacked two refineries near Tuapse on Saturday; the ministry declined to "
        "comment."
    )


def test_a_lede_on_friday_recalls_tuesdays_bombing() -> None:
    found = types(
        "Kenya on Friday accused Eritrea of arming the \"terrorists\" who carried out "
        "Tuesday's truck bombing outside a court in Mandera.\n\n"
        "Tuesday's blast killed 14 police officers and two traders.",
        published=datetime(2026, 3, 13, 12, 0, tzinfo=UTC),
    )
    assert "casualties.reported" not in found
    found = types(
        "A truck bomb killed 14 police officers at a border post in Mandera on Tuesday, "
        "officials said.",
        published=datetime(2026, 3, 13, 12, 0, tzinfo=UTC),
    )
    assert "casualties.reported" in found


def test_a_count_of_two_joined_person_nouns_is_one_toll() -> None:
    toll = one(code("Gunmen stormed a clinic in Ituri overnight, and 14 nurses and patients "
                    "were killed, the local administrator said."), "casualties.reported")
    assert toll.casualties is not None and toll.casualties.killed == 14


def test_traders_and_passers_by_are_people() -> None:
    assert "casualties.reported" in types(
        "Robbers shot dead a shopkeeper and his guard and wounded a passer-by in Lahore's "
        "old city on Monday, police said."
    )


def test_a_headlines_bare_singular_victim_is_one_death() -> None:
    toll = one(code("Red Cross volunteer killed by shelling in Kherson"),
               "casualties.reported")
    assert toll.casualties is not None and toll.casualties.killed == 1
    assert "casualties.reported" not in types(
        "The volunteer killed in Kherson last spring was remembered at a service.")


def test_a_question_at_a_briefing_reports_nothing() -> None:
    assert "ceasefire.agreed" not in types(
        "REPORTER: Why do you keep saying the Sudan truce is holding? Aid convoys are still "
        "being shot at."
    )
    assert "ceasefire.agreed" in types(
        "The army and the RSF signed a seven-day truce in Jeddah on Tuesday, mediators said.")


def test_a_truce_that_took_effect_months_ago_is_background() -> None:
    assert "ceasefire.agreed" not in types(
        "The envoy said on Wednesday that the Lebanon ceasefire, which took effect in "
        "January, was broadly respected.",
        published=datetime(2026, 5, 13, 12, 0, tzinfo=UTC),
    )


def test_an_interview_answer_rejects_last_weeks_offer() -> None:
    found = types(
        "The Sudanese army last week offered a truce to the RSF for the Eid holiday.\n\n"
        "Q: Will your forces accept the army's truce?\n\n"
        "A: No. We reject it. It is a trap."
    )
    assert "ceasefire.rejected" in found
    assert "ceasefire.proposed" not in found


def test_number_abbreviation_still_joins_its_digits() -> None:
    assert "casualties.reported" in types(
        "A drone hit the No. 4 power unit of the Zuivka plant on Monday, killing two workers.")


def test_a_speakers_day_in_the_lede_does_not_date_the_attacks_he_names() -> None:
    """The day after the speaker ("on March 3 accused ...") dates the speech, not the attacks
    named in its object: a wire read months later still carries them (the subject-dated rule
    needs the act's own noun before the day, "shelling on May 7")."""
    found = types("Azerbaijan's president on March 3 questioned the point of further talks, "
                  "blaming Armenia for deadly attacks on power stations that killed nine people "
                  "and wounded 40 others.",
                  published=datetime(2026, 11, 20, 12, tzinfo=UTC))
    assert {"attack.infrastructure", "casualties.reported"} <= found
    dated = types("Armenian shelling on May 7, the first night of the clashes, killed nine "
                  "people in the border village, the report said.",
                  published=datetime(2026, 11, 20, 12, tzinfo=UTC))
    assert "casualties.reported" not in dated


# --- golden5: saboteurs, an attack blamed in a clause on a party ----------------------------


def test_saboteurs_are_the_agents_of_sabotage() -> None:
    act = one(code("Saboteurs damaged a railway line near Gdansk overnight, Polish police "
                   "said on Friday."), "attack.infrastructure")
    assert act.cameo_code == "1712"
    assert act.actor is None
    # a saboteur only named, nothing hit, is no attack
    assert types("Police in Latvia detained two suspected saboteurs on Friday.") == set()


def test_an_attack_blamed_in_a_clause_is_the_blamed_partys() -> None:
    act = one(code("A cyber attack that Lithuanian officials blamed on Russia knocked out "
                   "the heating plant of two towns near the Latvian border on Monday."),
              "attack.infrastructure")
    assert act.cameo_code == "1712"
    assert act.actor is not None and act.actor.code == "RUS"
    # the blamers' country is where it was, the neighbour named by its border is not
    assert act.target is not None and act.target.code == "LTU"
    # a cause that is no party leaves the blast unattributed and uncoded as an attack
    assert "attack.infrastructure" not in types(
        "An explosion that firefighters blamed on a gas leak damaged a pipeline in Ohio.")


def test_the_claimant_of_responsibility_speaks_of_its_own_act_next() -> None:
    events = code("The Houthis claimed responsibility for Sunday's raid. They said a "
                  "missile struck a power station near Eilat.")
    act = one(events, "attack.infrastructure")
    assert act.actor is not None and act.actor.code == "YEMREB"
    # a party that denies, or a claim two sentences back, names no actor
    denied = one(code("The Houthis denied any role in Sunday's raid. They said a missile "
                      "struck a power station near Eilat."), "attack.infrastructure")
    assert denied.actor is None
    later = one(code("The Houthis claimed responsibility for Sunday's raid. Israel's army "
                     "did not comment on the claim. They said a missile struck a power "
                     "station near Eilat."), "attack.infrastructure")
    assert later.actor is None


def test_a_battle_toll_told_by_the_army_whose_soldiers_died_is_the_armys() -> None:
    toll = one(code("Four soldiers and 17 insurgents died in a gun battle in Kunar province, "
                    "the Afghan army said on Monday."), "casualties.reported")
    assert toll.actor is not None and toll.actor.code == "AFGMIL"
    assert toll.target is None
    # an ambush is done to the soldiers: the army is no party that fought it
    ambush = one(code("Four soldiers were killed in an ambush in Kunar province, the Afghan "
                      "army said on Monday."), "casualties.reported")
    assert ambush.actor is None


def test_ethiopias_regions_are_places() -> None:
    strike = one(code("A drone strike hit a clinic in Tigray on Sunday."), "attack.aerial")
    assert strike.target is not None and strike.target.code == "ETH"


def test_a_pronoun_blaming_a_party_names_the_act_just_before() -> None:
    toll = one(code("Shelling of a market in Tigray killed nine people on Tuesday, residents "
                    "said. They blamed Eritrean troops."), "casualties.reported")
    assert toll.actor is not None and toll.actor.code == "ERIMIL"
    # a sentence between, or an act that has its own actor, is not reattributed
    apart = one(code("Shelling of a market in Tigray killed nine people on Tuesday. Residents "
                     "said the town was quiet on Wednesday. They blamed Eritrean troops."),
                "casualties.reported")
    assert apart.actor is None
    own = one(code("Russian shelling of a market in Kherson killed nine people on Tuesday, "
                   "residents said. They blamed Ukrainian troops."), "casualties.reported")
    assert own.actor is not None and own.actor.code == "RUSMIL"
