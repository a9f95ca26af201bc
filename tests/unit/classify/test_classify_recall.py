"""The recall pass (branch `recall`): classes of threat, truce and talks reports the coder
missed on the tune corpus, each pinned by sentences written for these tests (none copied
from the corpus) with a near miss that must stay uncoded.

Threat vows are English cue data (`vow`, `vow_manner`, `response` in data/lexicon.yaml);
the rules and predicates are shared by every language.
"""

from __future__ import annotations

from schemas import Event
from tests.unit.classify.classify_helpers import code

# a fight in the same article: a vow's rules flag `needs_conflict`
FIGHT = "Artillery shelled the frontier town of Kupiansk overnight, killing four soldiers. "


def _threats(body: str) -> list[Event]:
    return [e for e in code(FIGHT + body) if e.type == "threat.military"]


def _codes(event: Event) -> tuple[str | None, str | None]:
    return (event.actor.code if event.actor else None,
            event.target.code if event.target else None)


# --- a vow of retaliation that names no weapon ---------------------------------------------


def test_a_vow_that_the_other_side_will_pay_is_the_speakers_threat_against_it() -> None:
    """The speaker vows, the party named after the speech verb is threatened (not the
    threat's author, though it is the clause's subject)."""
    (threat,) = _threats("Russia's foreign ministry said Poland would pay a very high price "
                         "for hosting the launchers.")
    assert _codes(threat) == ("RUSGOV", "POLGOV")


def test_unanswered_and_unpunished_vows_are_threats_despite_their_negation() -> None:
    assert _threats("Armenia's defence minister said the shelling \"will not remain "
                    "unpunished\".")
    assert _threats("The attack on our positions will not go unanswered, Azerbaijan's "
                    "defence ministry said.")


def test_decisive_measures_and_painful_blows_are_vowed_force() -> None:
    assert _threats("\"Any further incursion will be met with decisive measures,\" Georgia's "
                    "interior ministry said.")
    assert _threats("\"The time for warnings is over; painful blows will follow,\" Israel's "
                    "defence minister wrote on Sunday.")


def test_a_vow_only_possible_or_denied_is_no_threat() -> None:
    assert not _threats("Analysts said Iran could pay a heavy price for the shelling.")
    assert not _threats("Kyiv denied that it would respond with full force.")


def test_a_reciprocal_blow_warned_of_is_a_threat_against_the_one_warned() -> None:
    (threat,) = _threats("Iran's foreign minister warned the United States of a strong "
                         "reciprocal blow if its jets entered Iranian airspace.")
    assert _codes(threat) == ("IRNGOV", "USAGOV")


def test_warning_shots_are_fire_not_a_warning() -> None:
    assert not _threats("The Egyptian army said its soldiers had fired warning shots and then "
                        "targeted gunmen who approached the fence.")


# --- the manner of a vowed response ---------------------------------------------------------


def test_respond_with_full_force_is_a_threat() -> None:
    (threat,) = _threats("She said Moscow would respond with all its might to any strike on "
                         "Crimea.")
    assert threat.actor is not None and threat.actor.code == "RUSGOV"


def test_fighting_on_with_full_force_is_an_order_not_a_threat() -> None:
    assert not _threats("The president ordered the army to keep pushing east with full force.")


# --- a speaker named by a pronoun or where a quotation closes ------------------------------


def test_a_vow_by_a_pronoun_subject_is_still_a_threat() -> None:
    """The speaker was named in an earlier sentence (and may be unknown to the actor
    dictionary): "He warned ... will continue"."""
    assert _threats("It warned that further raids on the corridor \"will continue\" until "
                    "the blockade ends.")
    assert _threats("He warned the port operators that the strikes \"will continue\" as long "
                    "as they serve the navy.")


def test_a_vow_inside_a_quotation_opened_a_sentence_back_is_its_speakers() -> None:
    assert _threats("\"We warned them twice. From now on, our military operation continues until "
                    "every launcher is gone,\" the commander told reporters.")


def test_an_analysts_anonymous_continuation_is_no_vow() -> None:
    assert not _threats("Fighting around the town will continue, analysts expect.")


# --- talks between the two sides of a civil war ------------------------------------------


def _types(body: str) -> set[str]:
    return {e.type for e in code(body)}


def test_a_government_and_its_rebels_meeting_hold_talks() -> None:
    """A state and an armed group of the same country are a dyad as much as two states."""
    events = code("Envoys of Colombia's government and the ELN met in Caracas on Tuesday and "
                  "agreed a ceasefire for the holidays.")
    held = [e for e in events if e.type == "negotiation.held"]
    assert len(held) == 1 and _codes(held[0]) == ("COLGOV", "COLREB")


def test_officials_meeting_about_a_truce_are_no_dyad() -> None:
    assert "negotiation.held" not in _types(
        "Officials met in Caracas on Tuesday to discuss the ceasefire.")


# --- one party's truce and another party's refusal in one sentence -----------------------


def test_a_truce_declared_in_its_own_clause_stands_beside_the_others_rejection() -> None:
    assert {"ceasefire.agreed", "ceasefire.rejected"} <= _types(
        "Hamas declared a two-day pause in Rafah on Monday, but Israel's cabinet dismissed "
        "it as a stunt.")


def test_a_truce_named_only_inside_its_rejection_is_not_agreed() -> None:
    assert _types("Israel's cabinet dismissed the two-day pause Hamas declared in "
                  "Rafah.") == {"ceasefire.rejected"}


def test_talks_opened_stand_beside_other_talks_refused() -> None:
    """The refusal is of the talks it governs, not of every talks word of the sentence."""
    assert {"negotiation.held", "ceasefire.rejected"} <= _types(
        "Colombia's government opened a round of peace talks with a coalition of armed groups "
        "in Tumaco on Monday, even as the ELN rejected an invitation to rejoin negotiations.")


def test_talks_refused_with_a_delegation_are_not_held() -> None:
    assert "negotiation.held" not in _types(
        "The ELN rejected an invitation to rejoin peace talks in Tumaco on Monday.")
    assert "negotiation.held" not in _types(
        "Sudan's army refused to send a delegation to the talks with the RSF in Jeddah.")


# --- a truce said as its verb, a call made "instead" -------------------------------------


def test_an_offer_to_halt_fighting_is_a_truce_proposal() -> None:
    assert "ceasefire.proposed" in _types(
        "Tribal elders offered on Sunday to halt fighting with the militia for 72 hours.")
    assert "ceasefire.proposed" in _types(
        "The Nordic ministers urged Moscow to stop fighting along the Zaporizhzhia front for "
        "two weeks.")


def test_fighting_that_goes_on_is_no_truce() -> None:
    assert not {"ceasefire.proposed", "ceasefire.agreed"} & _types(
        "The militia kept fighting in the hills for a third day, witnesses said.")


def test_a_call_made_instead_of_the_truce_rejected_is_a_proposal() -> None:
    events = code("Kyiv dismissed the gesture as a stunt and called instead for a truce of at "
                  "least 60 days.")
    proposed = [e for e in events if e.type == "ceasefire.proposed"]
    assert {e.type for e in events} == {"ceasefire.proposed", "ceasefire.rejected"}
    assert proposed[0].actor is not None and proposed[0].actor.code == "UKRGOV"


# --- a headline's passive without its auxiliary ------------------------------------------


def test_an_offer_rejected_in_a_headline_passive_is_only_the_rejections_object() -> None:
    assert _types("Three-day pause proposal rejected by Kyiv, officials say.") == {
        "ceasefire.rejected"}
    assert _types("THREE-DAY PAUSE OFFER REJECTED BY KYIV - OFFICIALS") == {
        "ceasefire.rejected"}


def test_an_offer_put_forward_in_a_headline_passive_is_a_proposal() -> None:
    assert "ceasefire.proposed" in _types(
        "Three-day pause proposal put forward by Qatar, officials say.")


# --- an agreement or talks a party urges others into ---------------------------------------


def test_a_truce_others_are_urged_to_agree_is_not_agreed() -> None:
    found = _types("Washington has urged both sides to agree a wider ceasefire before the end "
                   "of the month.")
    assert "ceasefire.agreed" not in found


def test_talks_a_party_pushes_for_are_not_held() -> None:
    assert "negotiation.held" not in _types(
        "Beijing pushed for the generals to hold talks with the ethnic armies in Kunming.")


def test_talks_held_after_an_appeal_are_held() -> None:
    assert "negotiation.held" in _types(
        "Delegations of Armenia and Azerbaijan held talks in Almaty on Monday after Washington "
        "urged them to meet.")
    assert "ceasefire.agreed" in _types(
        "Both sides agreed a wider ceasefire on Monday, Washington said.")
