"""Focused rules: direction, negation, hedges, non-conflict senses, headlines, reported speech."""

from __future__ import annotations

import pytest

from tests.unit.classify.classify_helpers import code, one, types

# --- who did what to whom --------------------------------------------------------------


def test_rejecter_is_not_proposer() -> None:
    events = code("Putin rejected Kyiv's 30-day ceasefire proposal on Tuesday.")
    rejected = one(events, "ceasefire.rejected")
    assert rejected.actor.code == "RUSGOV"
    assert rejected.target.code == "UKRGOV"  # the proposal's author is the rejection's target
    # the proposal is only what is rejected: its making is not reported (golden table)
    assert "ceasefire.proposed" not in {e.type for e in events}


def test_attack_by_agent_phrase() -> None:
    event = one(code("A power plant in Kharkiv was hit by Russian missiles overnight."),
                "attack.infrastructure")
    assert event.actor.country == "RUS"
    assert event.target.country == "UKR"
    assert "power" in event.assets


def test_passive_subject_is_the_target() -> None:
    event = one(code("Ukrainian cities were struck by Russian drones on Monday."), "attack.aerial")
    assert event.actor.country == "RUS"
    assert event.target.country == "UKR"


def test_accused_party_is_the_actor_and_accuser_claims_it() -> None:
    events = code(
        "Moscow on Friday accused Ukrainian forces of shelling a railway station in Donetsk."
    )
    attack = one(events, "attack.infrastructure")
    assert attack.actor.code == "UKRMIL"
    assert attack.claimed_by.code == "RUSGOV"


def test_reported_speech_names_the_claimant() -> None:
    attack = one(
        code("Ukraine's SBU said its drones destroyed an ammunition depot near Belgorod."),
        "attack.military_target",
    )
    assert attack.strategic is True
    assert "depot" in attack.assets
    assert attack.actor.country == "UKR"


def test_accusation_of_terrorism_direction() -> None:
    accusation = one(
        code("Russian Foreign Minister Sergei Lavrov accused Ukraine of terrorism."),
        "accusation.terrorism",
    )
    assert accusation.actor.code == "RUSGOV"
    assert accusation.target.code == "UKRGOV"  # a political act's state is its government


# --- negation and denial ---------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Kyiv denied rejecting the ceasefire proposal.",
        "The Kremlin has not rejected the truce, Peskov said.",
    ],
)
def test_denied_rejection_is_not_a_rejection(text: str) -> None:
    assert "ceasefire.rejected" not in types(text)


def test_no_damage_reported() -> None:
    assert "attack.infrastructure" not in types(
        "Debris fell near a power station in Sumy, but no damage was reported."
    )


def test_did_not_attack() -> None:
    assert not types("Russia said its forces did not attack the dam at Nova Kakhovka.") & {
        "attack.infrastructure"
    }


def test_no_one_killed() -> None:
    assert "casualties.reported" not in types(
        "A missile struck a warehouse in Odesa; no one was killed, officials said."
    )


def test_refusal_to_accept_is_a_rejection() -> None:
    assert "ceasefire.rejected" in types("Hamas said it would not accept the truce terms.")


# --- hedges and hypotheticals ----------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Analysts said a strike on the Zaporizhzhia nuclear power plant could trigger a disaster.",
        "If talks fail, Russian missiles may hit power plants across Ukraine.",
        "Officials fear drones might target the refinery in Tuapse.",
    ],
)
def test_hypothetical_attacks_are_not_events(text: str) -> None:
    assert not types(text) & {"attack.infrastructure", "attack.aerial"}


def test_warning_is_a_threat_not_an_attack() -> None:
    found = types("Medvedev warned that Russia would strike Kyiv's government quarter.")
    assert "threat.military" in found
    assert "attack.aerial" not in found


def test_soft_hedge_lowers_confidence() -> None:
    plain = one(code("Russian drones hit a power plant in Kharkiv."), "attack.infrastructure")
    hedged = one(
        code("Russian drones reportedly hit a power plant in Kharkiv."), "attack.infrastructure"
    )
    assert hedged.confidence < plain.confidence


# --- non-conflict senses ---------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Rail workers went on strike on Monday, halting trains across the country.",
        "The two supermarket chains called a truce in their price war.",
        "The sequel bombed at the box office, earning far less than its budget.",
        "The opposition leader attacked the budget as reckless.",
        "A retailer began drone deliveries of parcels to rural homes.",
        "A storm damaged power lines and knocked out electricity to 40,000 homes.",
        "Seven people were killed when a bus collided with a truck in a road accident.",
        "The striker scored twice as the visitors bombed the home side's defence.",
    ],
)
def test_non_conflict_senses(text: str) -> None:
    assert types(text) == set()


# --- headline bulletins and dedup ------------------------------------------------------


def test_headline_only_bulletin() -> None:
    events = code("", headline="Putin rejects Ukraine ceasefire offer")
    event = one(events, "ceasefire.rejected")
    assert event.evidence.field == "headline"
    assert event.actor.code == "RUSGOV"


def test_restatements_merge_into_one_event() -> None:
    events = code(
        "Russia rejected the truce on Wednesday. Moscow again rejected the truce later.",
        headline="Russia rejects truce",
    )
    assert [e.type for e in events].count("ceasefire.rejected") == 1


def test_event_ids_are_deterministic_and_differ_by_article() -> None:
    text = "Russian missiles struck a power plant in Kharkiv on Tuesday."
    a = code(text, article_id="a")[0].event_id
    assert a == code(text, article_id="a")[0].event_id
    assert a != code(text, article_id="b")[0].event_id


# --- the rest of the taxonomy ----------------------------------------------------------


def test_ceasefire_agreed_and_violated() -> None:
    assert "ceasefire.agreed" in types("Israel and Hamas agreed to a ceasefire on Sunday.")
    violated = one(
        code("Kyiv accused Russia of violating the Easter truce with artillery fire."),
        "ceasefire.violated",
    )
    assert violated.cameo_code == "196"


def test_talks_collapse() -> None:
    event = one(code("Peace talks in Doha collapsed on Monday."), "negotiation.stalled")
    assert event.cameo_code == "164"


def test_planned_talks_are_not_talks_held() -> None:
    """CAMEO 036 (intent to meet) is allowed by the contract, but talks that will be held,
    are offered or planned are not talks taking place (golden table, corpus rules)."""
    assert "negotiation.held" not in {
        e.type for e in code("Russia and Ukraine will hold talks in Istanbul.")
    }
    assert "negotiation.held" not in {
        e.type for e in code("Turkey has offered to host talks between Russia and Ukraine.")
    }


def test_talks_dated_in_the_future_are_not_coded() -> None:
    assert "negotiation.held" not in {
        e.type for e in code("Russia and Ukraine will hold talks in Istanbul next week.")
    }


def test_casualty_code_follows_the_violent_act() -> None:
    event = one(code("A Russian missile strike on Dnipro killed 12 people."),
                "casualties.reported")
    assert event.cameo_code == "195"
    assert event.casualties.killed == 12
