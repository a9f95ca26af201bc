"""Dyads and codes, second pass (coder 1.6.0): each class of the golden table's conventions
(tests/fixtures/golden/README.md) in words of its own, never a golden sentence."""

from __future__ import annotations

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
