"""Dyads: who is the actor and who the target, class by class (the golden table's conventions,
tests/fixtures/golden/README.md), each in words of its own."""

from __future__ import annotations

from tests.unit.classify.classify_helpers import code, one


def dyad(body: str, type_: str) -> tuple[str | None, str | None]:
    event = one(code(body), type_)
    return (event.actor.code if event.actor else None,
            event.target.code if event.target else None)


# --- two parties doing it together: the first named is the actor -----------------------


def test_two_parties_agreeing_are_actor_and_target_in_the_order_named() -> None:
    assert dyad("Ethiopia and Eritrea agreed to a ceasefire on Monday, the African Union said.",
                "ceasefire.agreed") == ("ETHGOV", "ERIGOV")


def test_a_government_and_an_armed_group_are_both_parties() -> None:
    assert dyad("Talks between the Somali government and al-Shabaab collapsed on Friday.",
                "negotiation.stalled") == ("SOMGOV", "SOMREB")


def test_officials_from_two_countries_meet_and_the_host_is_no_party() -> None:
    assert dyad("Officials from Egypt and Ethiopia held talks in Abu Dhabi on Tuesday.",
                "negotiation.held") == ("EGYGOV", "ETHGOV")
    assert dyad("Armenia and Azerbaijan held talks in Qatar on Monday.",
                "negotiation.held") == ("ARMGOV", "AZEGOV")


def test_a_toll_of_clashes_between_two_parties_names_the_first_as_actor() -> None:
    assert dyad("Clashes between the Malian army and JNIM fighters killed 14 people near Gao.",
                "casualties.reported") == ("MLIMIL", "MLIREB")


# --- a determiner does not hide the preposition ----------------------------------------


def test_a_passive_agent_after_its_article_is_the_actor() -> None:
    assert dyad("The Egyptian truce proposal was rejected by the Houthis on Monday.",
                "ceasefire.rejected") == ("YEMREB", "EGYGOV")


# --- brokers and places are no parties ---------------------------------------------------


def test_a_broker_of_the_talks_is_not_their_target() -> None:
    assert dyad("The Yemeni government refused to attend UN-brokered talks with the Houthis in "
                "Oman.", "ceasefire.rejected") == ("YEMGOV", "YEMREB")


def test_the_place_of_the_talks_is_not_the_partner() -> None:
    assert dyad("The Houthis held talks in Oman with Iranian officials on Monday.",
                "negotiation.held") == ("YEMREB", "IRNGOV")


# --- violence on a military asset: the forces are the target of the whole act -----------


def test_an_air_strike_on_a_base_targets_the_forces_that_own_it() -> None:
    assert dyad("Pakistani drones struck an Indian air base on Tuesday.",
                "attack.aerial") == ("PAKMIL", "INDMIL")


def test_the_toll_of_an_attack_on_a_base_is_on_the_forces() -> None:
    assert dyad("Militants stormed an army base in Niger, killing 20 soldiers.",
                "casualties.reported") == (None, "NERMIL")


# --- the place struck is the target country, whoever struck it --------------------------


def test_an_air_force_bombing_its_own_country_targets_that_country() -> None:
    events = code("Ethiopian warplanes bombed a market in Mekelle, killing 17 civilians.")
    for type_ in ("attack.aerial", "casualties.reported"):
        event = one(events, type_)
        assert (event.actor.code, event.target.code) == ("ETHMIL", "ETH")


def test_rebels_shelling_a_town_of_their_country_target_the_country() -> None:
    assert dyad("Al-Shabaab fighters shelled the airport in Baidoa on Friday.",
                "attack.infrastructure") == ("SOMREB", "SOM")


def test_rebels_attacking_an_unowned_military_post_target_their_state_forces() -> None:
    assert dyad("JNIM fighters attacked an army outpost on Monday.",
                "attack.military_target") == ("MLIREB", "MLIMIL")


def test_a_truce_violated_by_an_attack_takes_the_attack_dyad() -> None:
    events = code("Al-Shabaab fighters broke the truce by attacking an army base on Sunday.")
    for type_ in ("ceasefire.violated", "attack.military_target"):
        event = one(events, type_)
        assert (event.actor.code, event.target.code) == ("SOMREB", "SOMMIL")


# --- interceptions, owners and ministers -------------------------------------------------


def test_downed_drones_are_their_owner_attack_on_the_country_that_downed_them() -> None:
    assert dyad("Ukraine's air force said it shot down 40 Russian drones overnight.",
                "attack.aerial") == ("RUSMIL", "UKR")


def test_a_possessive_place_is_not_the_owner_of_the_attack() -> None:
    events = code("Ukrainian drones set an oil terminal in Russia's Krasnodar region ablaze, "
                  "officials said.")
    for type_ in ("attack.aerial", "attack.infrastructure"):
        event = one(events, type_)
        assert (event.actor.code, event.target.code) == ("UKRMIL", "RUS")


def test_a_defence_minister_speaks_for_the_government() -> None:
    assert dyad("Iran's defence minister warned Israel of a crushing response to any attack "
                "on Iranian soil.", "threat.military") == ("IRNGOV", "ISRGOV")


# --- the agent of a passive, a name holding the act's word, an attack's modifier ----------


def test_a_passive_agent_far_from_its_verb_is_the_actor() -> None:
    events = code("Two Syrian helicopters were destroyed on the tarmac of the Shayrat air base "
                  "by Israeli drones.")
    for type_ in ("attack.aerial", "attack.military_target"):
        event = one(events, type_)
        assert (event.actor.code, event.target.code) == ("ISRMIL", "SYRMIL")


def test_a_party_whose_name_holds_the_act_word_is_its_actor() -> None:
    assert dyad("Russian artillery destroyed a Ukrainian ammunition depot near Kupiansk.",
                "attack.military_target") == ("RUSMIL", "UKRMIL")


def test_a_party_modifying_the_attack_noun_is_the_attacker_not_the_target() -> None:
    assert dyad("Twelve people were wounded in an al-Shabaab attack on a hotel in Kismayo.",
                "casualties.reported") == ("SOMREB", "SOM")


def test_a_compass_word_does_not_hide_the_target_preposition() -> None:
    assert dyad("Hezbollah fired rockets at northern Israel in breach of the truce on Monday.",
                "ceasefire.violated") == ("LBNREB", "ISR")


# --- a capital struck, compound parties ---------------------------------------------------


def test_a_capital_struck_is_its_country_not_its_government() -> None:
    events = code("Ukrainian drones struck Moscow overnight, wounding four people.")
    for type_ in ("attack.aerial", "casualties.reported"):
        event = one(events, type_)
        assert (event.actor.code, event.target.code) == ("UKRMIL", "RUS")


def test_parties_named_with_their_negotiators_or_backers_are_both_parties() -> None:
    assert dyad("Yemeni government negotiators and the Houthis held talks in Muscat on Monday.",
                "negotiation.held") == ("YEMGOV", "YEMREB")
    assert dyad("Sudan's government and the UAE-backed RSF agreed to a truce on Monday.",
                "ceasefire.agreed") == ("SDNGOV", "SDNREB")
    assert dyad("Somalia's federal government and al-Shabaab agreed to a ceasefire on Monday.",
                "ceasefire.agreed") == ("SOMGOV", "SOMREB")


def test_a_language_coder_reads_a_struck_capital_without_an_english_gazetteer() -> None:
    from tests.unit.classify.langkit import classify, language_coder

    # "Russian drones attacked Kyiv overnight": the Russian coder's places are its own
    events, _ = classify(language_coder("ru"), "Российские дроны ночью атаковали Киев.")
    assert any(e.type == "attack.aerial" for e in events)


# --- accusations -------------------------------------------------------------------------


def test_a_government_accusing_its_own_armed_group_targets_the_group() -> None:
    assert dyad("Somalia's government described al-Shabaab fighters as terrorists on Monday.",
                "accusation.terrorism") == ("SOMGOV", "SOMREB")


def test_a_passive_label_is_the_agent_accusing_the_subject() -> None:
    assert dyad("The Houthis were labelled a terrorist group by Yemen's prime minister on "
                "Sunday.", "accusation.terrorism") == ("YEMGOV", "YEMREB")


# --- hyphenated pairs, reporters of talks, violators ---------------------------------------


def test_a_hyphenated_pair_of_parties_is_actor_and_target() -> None:
    assert dyad("India-Pakistan talks collapsed on Friday, officials said.",
                "negotiation.stalled") == ("INDGOV", "PAKGOV")


def test_the_reporter_of_a_talks_collapse_is_no_party_to_it() -> None:
    assert dyad("Talks on a Gaza truce collapsed on Monday, Egypt's foreign minister said.",
                "negotiation.stalled") == (None, None)


def test_a_violation_is_done_by_the_attacker_not_the_side_reporting_it() -> None:
    events = code("Malian troops shelled JNIM positions near Gao hours into the truce, JNIM "
                  "said.")
    for type_ in ("ceasefire.violated", "attack.military_target"):
        event = one(events, type_)
        assert (event.actor.code, event.target.code) == ("MLIMIL", "MLIREB")


# --- accepting a proposal ---------------------------------------------------------------


def test_accepting_a_proposal_is_the_accepter_offer_to_its_author() -> None:
    assert dyad("The Houthis said they had accepted an Omani proposal for a two-week truce.",
                "ceasefire.proposed") == ("YEMREB", "OMNGOV")
    assert dyad("Sudan's army said it was ready to accept a humanitarian pause proposed by "
                "Saudi Arabia.", "ceasefire.proposed") == ("SDNMIL", "SAUGOV")
