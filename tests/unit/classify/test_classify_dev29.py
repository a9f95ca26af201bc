"""Classes the blind `dev29-*`-`dev31-*` batches (verification desks, breaking formats and
belligerents' own voices, new regions) showed, pinned in new words. Read as published on
Thursday 5 June 2025 (`classify_helpers.PUBLISHED`)."""

from __future__ import annotations

from tests.unit.classify.classify_helpers import code, one, types, violent


def _killed(body: str) -> list[int | None]:
    return sorted((e.casualties.killed or 0) for e in code(body)
                  if e.type == "casualties.reported" and e.casualties is not None)


def test_an_attackers_claim_of_its_own_toll_is_set_aside_beside_anothers_figure() -> None:
    body = ("Mortar shells landed inside the African Union base near the airport on Wednesday, "
            "wounding three people, the mission said. Al Shabaab said its fighters had shelled "
            "the base and killed 40 soldiers.")
    assert _killed(body) == [0]


def test_an_attackers_claim_stands_when_it_is_the_only_figure() -> None:
    body = ("Al Shabaab said its fighters had shelled the African Union base near the airport on "
            "Wednesday and killed 40 soldiers.")
    assert _killed(body) == [40]


def test_an_armys_count_of_the_attackers_it_repelled_is_not_a_self_claim() -> None:
    body = ("Militants attacked an army base in Wulgo on Wednesday. Three soldiers were killed, "
            "the army said. It said its troops eliminated 17 of the attackers.")
    assert max(_killed(body)) >= 17


def test_eliminated_fighters_are_killed() -> None:
    toll = one(code("Troops eliminated 17 terrorists who attacked the base in Wulgo on "
                    "Wednesday, the army said."), "casualties.reported")
    assert toll.casualties is not None and toll.casualties.killed == 17


def test_a_decade_ago_is_history() -> None:
    body = ("Rebels ambushed a police patrol near Pichari on Wednesday, killing two officers. A "
            "decade ago they killed eight soldiers and two civilians in an ambush on the eve of "
            "an election.")
    assert _killed(body) == [2]


def test_a_participles_toll_is_dated_by_the_clause_it_follows() -> None:
    body = ("A bomb exploded on a ferry at Isabela City on Wednesday, wounding four passengers. "
            "Basilan was long the stronghold of the Abu Sayyaf, which bombed a ferry in Manila "
            "Bay in 2004, killing 116 people.")
    assert 116 not in _killed(body)


def test_a_sentence_set_in_a_period_from_its_first_words_is_a_tally() -> None:
    body = ("Shelling hit the hospital grounds in Kurmuk on Wednesday. Since the start of the "
            "year, the hospital has treated 9,000 patients, including 540 with war injuries.")
    assert all((e.casualties.wounded or 0) < 540 for e in code(body)
               if e.type == "casualties.reported" and e.casualties is not None)


def test_a_period_later_in_the_sentence_does_not_make_it_a_tally() -> None:
    body = ("Shelling killed 14 civilians in Kurmuk on Wednesday, the highest toll in a single "
            "day since the start of the year, medics said.")
    assert 14 in _killed(body)


def test_declining_to_give_details_is_no_rejection() -> None:
    found = types("Asked about a ceasefire on Wednesday, the minister said it had been raised "
                  "but declined to give details.")
    assert "ceasefire.rejected" not in found
    assert "ceasefire.rejected" in types("Russia declined the ceasefire proposal on Wednesday.")


def test_an_opinion_pieces_earlier_day_is_the_news_it_argues_about() -> None:
    body = ("Opinion: The generals must not have the last word. On Monday, the army chief "
            "rejected a humanitarian truce for the third time this year.")
    assert "ceasefire.rejected" not in types(body)


def test_a_burial_names_its_dead_in_figures() -> None:
    body = ("Villagers in Sagaing on Wednesday buried 18 people killed when a military jet bombed "
            "a monastery.")
    assert "casualties.reported" not in types(body)


def test_a_family_buried_under_rubble_is_still_a_toll() -> None:
    assert "casualties.reported" in types(
        "A missile hit a house in Kharkiv on Wednesday; a family of five buried under the "
        "rubble was killed.")


def test_a_fact_check_label_makes_its_quoted_video_a_claim() -> None:
    found = types("Posts shared since Monday say the video shows jets bombing the port of Assab.",
                  headline="Fact check: Video of 'Ethiopian air strike on Assab port' shows a "
                           "depot blast in Guinea")
    assert not found & {"attack.aerial", "attack.infrastructure"}


def test_jaish_al_adl_is_an_armed_group_whose_own_toll_is_a_claim() -> None:
    body = ("Gunmen attacked a border post near Mirjaveh on Wednesday. Three guards were killed, "
            "the provincial governor said. The Jaish al-Adl group said its fighters had killed 20 "
            "guards.")
    assert _killed(body) == [3]


def test_a_review_is_opinion() -> None:
    body = ("The documentary follows fishermen through a year of war. A boat hits a mine, and "
            "four men are killed; later jets bomb the launch sites on the coast.")
    assert not violent(body, headline="Documentary review: 'Salt and Fire' follows the "
                                      "fishermen of Hodeidah")
    assert violent(body)


def test_a_named_airport_beside_the_camp_is_where_the_shells_fell() -> None:
    found = types("Several mortar shells landed inside the Halane base camp next to Mogadishu's "
                  "Aden Adde International Airport on Wednesday, wounding three people.")
    assert "attack.infrastructure" not in found
    assert "attack.military_target" in found


def test_lowercase_words_after_a_place_preposition_do_not_make_a_name() -> None:
    assert "attack.infrastructure" in types(
        "Explosive charges destroyed two towers of the power line between the Suarez and "
        "Jamundi substations on Wednesday.")


def test_an_act_in_scare_quotes_in_a_refuting_article_is_the_claim() -> None:
    body = ('Satellite channels abroad reported a "drone attack" on the port on Wednesday. '
            "Firefighters worked through the night at a chemical warehouse. The governor said "
            "the reports were false.")
    assert not types(body) & {"attack.aerial", "attack.infrastructure"}


def test_a_quoted_act_where_nothing_is_refuted_stands() -> None:
    assert violent('Residents said a "drone strike" hit the port of Bandar Abbas on Wednesday, '
                   "killing three workers.")


def test_a_regions_toll_and_a_recalled_spans_are_no_incidents() -> None:
    assert "casualties.reported" not in types(
        "Air strikes across the province killed 31 people on Wednesday, officials said.")
    assert "casualties.reported" not in types(
        "Artillery duels along the frontier killed dozens of civilians during those four days.")


def test_martyred_is_killed_and_a_disengagement_agreement_a_truce() -> None:
    toll = one(code("Militants attacked a border post on Wednesday. Four of our soldiers were "
                    "martyred, the army said."), "casualties.reported")
    assert toll.casualties is not None and toll.casualties.killed == 4
    assert "ceasefire.violated" in types(
        "An Israeli drone struck an army post near Beit Jinn on Wednesday, killing three "
        "soldiers; Damascus called it a flagrant violation of the Disengagement Agreement.")


def test_vows_of_pursuit_by_force_are_threats() -> None:
    for vow in ('"We will hunt down every one of these terrorists," the commander said.',
                '"The armed forces will track them down wherever they are hiding," the '
                "governor said.",
                '"Jets that bomb our people will not be safe anywhere," the rebels said.'):
        assert "threat.military" in types("Gunmen attacked a camp for displaced people on "
                                          "Wednesday, killing 19 people. " + vow), vow


def test_a_casualty_word_in_scare_quotes_is_not_meant() -> None:
    assert "casualties.reported" not in types(
        'Sirens wailed and 40 "wounded" volunteers lay on the floor of the terminal at Lahore '
        "airport on Wednesday as rescuers practised for a drone strike.")


def test_a_negated_attack_names_no_violence_for_a_toll() -> None:
    assert "casualties.reported" not in types(
        "Four crew were killed when a cargo plane crashed on takeoff at Kabul airport on "
        "Wednesday, with no sign of attack, officials said.")
    assert "casualties.reported" in types(
        "Four crew were killed when gunmen attacked a cargo plane at Kabul airport on "
        "Wednesday, officials said.")


def test_plural_acts_on_a_plural_kind_of_asset_name_a_campaign() -> None:
    body = ("Romania opened a new runway at the air base on Wednesday. It has found fragments of "
            "Russian drones on its territory after attacks on Ukrainian ports on the Danube.")
    assert "attack.infrastructure" not in types(body)


def test_a_numbered_or_dated_plural_attack_is_an_incident() -> None:
    assert "attack.infrastructure" in types(
        "Romania opened a new runway on Wednesday. Drone attacks on two Ukrainian ports on the "
        "Danube damaged grain silos overnight.")
    assert "attack.infrastructure" in types(
        "Drone attacks on Ukrainian ports on the Danube damaged grain silos on Wednesday.")


def test_a_missile_test_on_a_target_island_from_a_named_warship_is_no_attack() -> None:
    found = types("The two cruise missiles launched on Wednesday from the 5,000-ton destroyer "
                  "Choe Hyon flew for about 7,800 seconds before hitting a target island.")
    assert not found & {"attack.aerial", "attack.military_target"}


def test_an_armed_groups_figure_for_its_side_is_set_aside_beside_anothers() -> None:
    body = ("A drone struck a market in Nyabiondo on Wednesday. A nurse at the health centre said "
            "seven people had been killed. The M23 rebels who control the area said the drone "
            "had killed 15 women and children.")
    assert _killed(body) == [7]


def test_coffins_and_months_are_no_fresh_toll() -> None:
    assert "casualties.reported" not in types(
        "Soldiers carried the flag-draped coffins of their comrades through Fada N'Gourma on "
        "Wednesday as the number killed rose to 29.")
    assert "casualties.reported" not in types(
        "Armed groups killed more than 30 social leaders in Putumayo in the first ten months of "
        "this year, rights groups say.")


def test_labour_talks_and_strikes_are_another_sense() -> None:
    assert not types("Talks between labour leaders and a government delegation broke down late "
                     "on Wednesday, and the congress said the strike would go on.")
    assert "attack.infrastructure" not in types(
        "Customs staff have joined the strike, although Beirut's airport was operating "
        "normally on Wednesday.")


def test_a_helicopter_that_evacuated_the_wounded_was_not_hit() -> None:
    attack = one(code("Rebels fired on an army post in Intan Jaya on Wednesday. One soldier was "
                      "hit in the shoulder and has been evacuated by helicopter to Timika."),
                 "attack.military_target")
    assert not attack.strategic


def test_a_hydropower_plant_is_infrastructure() -> None:
    assert "attack.infrastructure" in types(
        "Military aircraft bombed a small hydropower plant in Kani Township on Wednesday, "
        "destroying the turbine house.")


def test_a_general_staff_that_condemns_a_terrorist_attack_accuses() -> None:
    assert "accusation.terrorism" in types(
        "Gunmen killed 15 farmers in Kebbi on Wednesday. The general staff condemned this "
        "terrorist attack.")


def test_more_vows_of_force_are_threats() -> None:
    for vow in ('"Troops will deal decisively with these criminals," the army said.',
                '"We will crush them," the minister said.',
                '"This crime will be answered," the MP said.',
                '"Pakistan will not hesitate to strike the terrorist hideouts," the minister '
                "said."):
        assert "threat.military" in types(
            "Boko Haram fighters killed 15 farmers in Borno on Wednesday. " + vow), vow


def test_a_participle_after_a_clause_dated_last_month_is_last_months() -> None:
    assert "casualties.reported" not in types(
        "Mortar shells fired across the border landed in Teknaf last month, injuring two "
        "villagers.")


def test_recalled_episodes_and_a_weeks_count_are_no_incidents() -> None:
    assert "casualties.reported" not in types(
        "At least eight soldiers were killed in the first weeks of that campaign, and "
        "thousands of residents fled.")
    assert "attack.aerial" not in types(
        "Ukraine's air force says Russia launched more than 1,300 drones and 90 missiles at "
        "Ukraine over the past seven days.")


def test_a_condemnation_on_the_day_of_an_act_two_days_back_is_no_report() -> None:
    assert "casualties.reported" not in types(
        "Embassies on Wednesday condemned Monday night's attack on a village in the Far North, "
        "where gunmen killed 19 people, according to a toll revised on Tuesday evening.")


def test_last_year_sets_a_sentence_in_an_earlier_year() -> None:
    assert "casualties.reported" not in types(
        "Roadside bombs killed at least 14 security officers in Mandera, Wajir, Garissa and "
        "Lamu counties last year, a police tally shows.")
    assert "casualties.reported" in types(
        "A roadside bomb killed four officers in Mandera on Wednesday, the deadliest attack "
        "since last year.")


def test_the_ambazonia_defence_forces_claim_is_a_groups() -> None:
    body = ("Separatists attacked an army base near Bamenda on Wednesday; the army said three "
            "attackers were killed. The Ambazonia Defence Forces said its fighters had overrun "
            "the base, killing 20 soldiers.")
    assert _killed(body) == [3]


def test_talks_dated_a_week_back_below_the_lede_are_earlier_news() -> None:
    body = ("Pakistan accused Kabul on Wednesday of sheltering militants. Talks in Istanbul on "
            "monitoring the truce broke down on May 20.")
    assert "negotiation.stalled" not in types(body)
    proposal = ("The ELN rejected the army's terms on Wednesday. In a statement on Wednesday "
                "morning, the ELN proposed a bilateral ceasefire from June 20 to Jan. 6.")
    assert "ceasefire.proposed" in types(proposal)


def test_a_breach_of_an_old_accord_named_by_its_year_is_todays_accusation() -> None:
    assert "ceasefire.violated" in types(
        "Israeli warplanes struck the T4 air base on Wednesday. Syria's foreign ministry called "
        'the strikes "a flagrant violation of the 1974 disengagement agreement".')
    assert "ceasefire.violated" in types(
        "An air strike on a market in Nasir killed 16 people on Wednesday. The SPLA-IO called "
        "the strike a flagrant violation of the permanent ceasefire under the 2018 peace "
        "agreement.")


def test_an_armys_split_toll_in_its_own_words_is_summed() -> None:
    toll = one(code("Security forces killed eight khwarij in Kurram on Wednesday, while three "
                    "soldiers were martyred in the exchange of fire, the ISPR said."),
               "casualties.reported")
    assert toll.casualties is not None and toll.casualties.killed == 11


def test_a_cell_site_and_a_trunk_line_are_infrastructure() -> None:
    assert "attack.infrastructure" in types(
        "Armed men torched a cell site in Cawayan on Wednesday night.")
    assert "attack.infrastructure" in types(
        "A section of the trunk line near Odimodi was blown up with explosives early on "
        "Wednesday, the operator said.")
