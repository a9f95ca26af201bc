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
