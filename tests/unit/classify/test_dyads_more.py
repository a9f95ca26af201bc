"""Dyads and codes, second pass (coder 1.6.0): each class of the golden table's conventions
(tests/fixtures/golden/README.md) in words of its own, never a golden sentence."""

from __future__ import annotations

from schemas import Event
from tests.unit.classify.classify_helpers import code, one


def coded(body: str, type_: str) -> tuple[str, str | None, str | None]:
    event = one(code(body), type_)
    return (event.cameo_code, event.actor.code if event.actor else None,
            event.target.code if event.target else None)


# --- a rejection's target is the author of what is rejected ------------------------------


def test_a_call_by_a_party_that_is_rejected_targets_that_party() -> None:
    assert coded("The ELN rejected a call by Colombia's army to extend a Qatar-brokered truce "
                 "in Arauca, the group said.", "ceasefire.rejected") == ("1246", "COLREB",
                                                                         "COLMIL")


def test_a_passive_rejection_targets_the_proposal_owner_and_codes_no_proposal() -> None:
    events = code("A European Union proposal for a week-long truce in Idlib was rejected by "
                  "HTS on Friday, diplomats said.")
    event = one(events, "ceasefire.rejected")
    assert (event.actor.code, event.target.code) == ("SYRREB", "EUR")
    assert not [e for e in events if e.type == "ceasefire.proposed"]


def test_its_offer_spurned_is_the_main_subject_offer() -> None:
    assert coded("India's foreign ministry said Islamabad had rebuffed its offer of a truce "
                 "along the border.", "ceasefire.rejected") == ("1246", "PAKGOV", "INDGOV")


# --- root codes: a plan rejected (127), a third party's appeal (0256) --------------------


def test_a_plan_for_a_truce_rejected_is_a_plan_rejected() -> None:
    assert coded("Hamas rejected an Egyptian plan for a staged truce in Gaza on Sunday.",
                 "ceasefire.rejected") == ("127", "PSEREB", "EGYGOV")
    # near miss: a proposal of a truce refused is the truce's refusal
    assert coded("Hamas rejected an Egyptian proposal for a staged truce in Gaza on Sunday.",
                 "ceasefire.rejected") == ("1246", "PSEREB", "EGYGOV")


def test_mediators_proposing_a_truce_appeal_for_it() -> None:
    assert coded("Omani mediators floated a two-week truce to the Houthis in Muscat on Monday.",
                 "ceasefire.proposed")[:2] == ("0256", "OMNGOV")
    assert coded("A ten-day truce was offered to the warring sides by Kenyan mediators on "
                 "Monday, an official in Nairobi said.", "ceasefire.proposed")[:2] == (
        "0256", "KENGOV")
    # near miss: a side offering a truce expresses its own intent
    assert coded("The Houthis offered a two-week truce to Saudi Arabia on Monday.",
                 "ceasefire.proposed")[:2] == ("0356", "YEMREB")


def test_urging_a_truce_is_an_appeal_and_calling_for_one_a_demand() -> None:
    assert coded("The African Union's envoy urged Eritrea to accept a truce along the border.",
                 "ceasefire.proposed")[0] == "0256"
    assert coded("Ethiopia called on Eritrea to accept a truce along the border.",
                 "ceasefire.proposed")[0] == "107"


# --- sectors: military-to-military talks, intelligence services --------------------------


def test_two_demonyms_sharing_a_military_head_are_both_armed_forces() -> None:
    assert coded("Armenian and Azerbaijani military commanders held talks at the border on "
                 "Friday.", "negotiation.held") == ("046", "ARMMIL", "AZEMIL")
    # near miss: officials of both stay their governments
    assert coded("Armenian and Azerbaijani officials held talks at the border on Friday.",
                 "negotiation.held") == ("046", "ARMGOV", "AZEGOV")


def test_a_military_head_before_of_puts_both_parties_in_the_armed_forces() -> None:
    assert coded("The army chiefs of Armenia and Azerbaijan held talks by telephone on "
                 "Monday, the defence ministry said.", "negotiation.held") == (
        "046", "ARMMIL", "AZEMIL")
    # near miss: the foreign ministers of two states are their governments
    assert coded("The foreign ministers of Armenia and Azerbaijan held talks by telephone on "
                 "Monday.", "negotiation.held") == ("046", "ARMGOV", "AZEGOV")


def test_an_intelligence_service_is_the_spy_sector() -> None:
    assert coded("Hezbollah officials met Qatari intelligence officers in Doha to negotiate "
                 "the terms of a truce.", "negotiation.held") == ("046", "LBNREB", "QATSPY")


# --- a walkout stalls the talks; it does not also hold them ------------------------------


def test_walking_out_of_talks_is_a_stall_and_no_talks_held() -> None:
    events = code("Houthi negotiators walked out of the Muscat talks with Saudi Arabia on "
                  "Friday, a mediator said.")
    assert [e.type for e in events] == ["negotiation.stalled"]
    events = code("Sudan recalled its negotiating team from the Geneva talks with the RSF, "
                  "saying they were going nowhere.")
    assert [e.type for e in events] == ["negotiation.stalled"]


def test_talks_held_in_a_clause_after_the_stall_still_count() -> None:
    events = code("The peace effort stalled on Friday after a meeting between Houthi and Saudi "
                  "officials in Muscat produced no deal, diplomats said.")
    assert {e.type for e in events} == {"negotiation.stalled", "negotiation.held"}


# --- two parties accepting one truce have agreed it --------------------------------------


def test_both_parties_accepting_a_truce_agree_it() -> None:
    assert coded("Both Armenia and Azerbaijan have accepted a truce that took effect at noon, "
                 "their foreign ministries said.", "ceasefire.agreed") == (
        "0871", "ARMGOV", "AZEGOV")


def test_one_side_accepting_a_truce_has_not_agreed_it() -> None:
    events = code("Armenia has accepted a truce proposed by Russia, its foreign ministry said.")
    assert "ceasefire.agreed" not in {e.type for e in events}


# --- "he" after a party's titled person ----------------------------------------------------


def test_he_stands_for_a_party_named_by_its_title() -> None:
    assert coded("Ethiopia's chief negotiator arrived in Nairobi on Monday. He held talks with "
                 "Kenyan officials on a truce in Amhara.", "negotiation.held") == (
        "046", "ETHGOV", "KENGOV")
    assert coded("Sudan's army chief flew to Cairo on Monday. He offered the RSF a truce for "
                 "the holy month.", "ceasefire.proposed")[:2] == ("0356", "SDNMIL")


def test_he_stands_for_no_plural_party() -> None:
    assert coded("Ethiopian officials arrived in Nairobi on Monday. He held talks with Kenyan "
                 "officials on a truce in Amhara.", "negotiation.held")[1] is None


# --- sabotage without a bomb is 1712 ------------------------------------------------------


def test_an_installation_blown_up_or_set_on_fire_is_sabotage() -> None:
    assert coded("Insurgents blew up a stretch of the gas pipeline near Sui overnight, "
                 "Pakistan's petroleum ministry said.", "attack.infrastructure")[0] == "1712"
    assert coded("Arsonists set fire to a power substation outside Lyon, France's grid operator "
                 "said.", "attack.infrastructure")[0] == "1712"


def test_a_bomb_named_keeps_the_bombing_code() -> None:
    assert coded("A roadside bomb blew up a section of the railway near Quetta, Pakistan's "
                 "railways ministry said.", "attack.infrastructure")[0] == "183"


# --- a party's jets or aircraft are an air strike's weapon --------------------------------


def test_a_party_jets_bombing_are_an_air_strike() -> None:
    events = code("Israeli jets bombed a power station near Sidon on Tuesday, Lebanon's energy "
                  "ministry said.")
    assert coded_of(events, "attack.aerial") == ("195", "ISRMIL", "LBN")
    assert coded_of(events, "attack.infrastructure")[0] == "195"
    events = code("Malian army aircraft bombed JNIM positions near Timbuktu, the group said.")
    assert coded_of(events, "attack.military_target") == ("195", "MLIMIL", "MLIREB")


def test_jets_of_no_armed_party_are_no_air_strike() -> None:
    events = code("Passenger jets were diverted after rebels shelled the airport in Goma, "
                  "officials said.")
    assert "attack.aerial" not in {e.type for e in events}
    assert one(events, "attack.infrastructure").cameo_code == "194"


def coded_of(events: list[Event], type_: str) -> tuple[str, str | None, str | None]:
    event = one(events, type_)
    return (event.cameo_code, event.actor.code if event.actor else None,
            event.target.code if event.target else None)


# --- an armed group's violence at home, no place or party named: on its state's people ------


def test_an_armed_group_killing_at_home_targets_its_country() -> None:
    assert coded("JNIM fighters shot dead 30 villagers on Sunday, residents said.",
                 "casualties.reported") == ("193", "MLIREB", "MLI")


def test_another_party_named_stays_the_target() -> None:
    assert coded("Hezbollah rockets killed two people in Kfar Blum on Sunday, Israel's "
                 "ambulance service said.", "casualties.reported")[1:] == ("LBNREB", "ISR")


# --- readiness to accept or consider a truce is the party's offer (0356) ---------------------


def test_readiness_to_accept_a_truce_is_an_offer() -> None:
    assert coded("The ELN said it was ready to accept a truce in Arauca provided Colombia "
                 "halted its raids.", "ceasefire.proposed") == ("0356", "COLREB", "COLGOV")
    assert coded("Al-Shabaab said in an audio message that it was ready for a two-week truce "
                 "during the holy month.", "ceasefire.proposed")[:2] == ("0356", "SOMREB")


def test_considering_a_truce_proposed_by_another_is_an_offer_to_its_author() -> None:
    assert coded("The Houthis said they would consider a truce proposed by Oman, but set no "
                 "date.", "ceasefire.proposed") == ("0356", "YEMREB", "OMNGOV")


def test_ready_for_a_fight_is_no_offer() -> None:
    events = code("The Houthis said they were ready for a long war with Israel.")
    assert "ceasefire.proposed" not in {e.type for e in events}


# --- accusations made both ways ---------------------------------------------------------------


def test_accusing_each_other_of_a_breach_is_one_breach_each_way() -> None:
    events = [e for e in code("Armenia and Azerbaijan accused each other of violating the "
                              "truce on Sunday.") if e.type == "ceasefire.violated"]
    assert {(e.actor.code, e.target.code) for e in events} == {("ARM", "AZE"), ("AZE", "ARM")}


def test_one_accuser_is_one_breach() -> None:
    events = [e for e in code("Armenia accused Azerbaijan of violating the truce on Sunday.")
              if e.type == "ceasefire.violated"]
    assert [(e.actor.code, e.target.code) for e in events] == [("AZE", "ARM")]
