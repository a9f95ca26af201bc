"""Classes the blind `dev24-*`-`dev26-*` batches (verification desks, profiles, opinion,
humanitarian paper; breaking formats and the day after) showed, pinned in new words. The
wires are read as published on Thursday 5 June 2025 (`classify_helpers.PUBLISHED`)."""

from __future__ import annotations

from tests.unit.classify.classify_helpers import code, types
from tests.unit.classify.classify_helpers import violent as _violent

# --- the day after: funerals, revised tolls, the end of a search -------------------------

def test_a_funeral_lede_retells_the_earlier_days_strike() -> None:
    body = ("Mourners in Sumy buried victims of Tuesday's glide bomb strike on a dormitory on "
            "Wednesday, as police said two suspected spotters had been detained. The bomb hit "
            "the building on Tuesday evening, killing 14 students, the governor said.")
    assert not _violent(body)


def test_a_burial_headline_is_no_new_attack() -> None:
    assert not _violent("Soldiers' families gathered at the cemetery before noon.",
                        headline="Chad buries nine soldiers killed in Lake Chad ambush")


def test_a_toll_revised_for_an_earlier_days_act_below_the_lede() -> None:
    body = ("Relatives held funerals in Kherson on Thursday for victims of Tuesday's shelling of "
            "the central market. The toll from Tuesday's shelling rose to 17 overnight after "
            "three of the wounded died, the regional governor said.")
    assert not _violent(body)


def test_a_recap_toll_of_an_earlier_days_strike_in_a_digest() -> None:
    body = ("LEBANON - An Israeli drone struck a motorbike near Bint Jbeil this afternoon, "
            "killing two men, the health ministry said.\n\nSYRIA (recap) - The toll from "
            "Sunday's car bombing in Manbij rose to 21, the civil defence said.")
    got = code(body)
    tolls = [e for e in got if e.type == "casualties.reported"]
    assert [e.casualties.killed for e in tolls if e.casualties] == [2]


def test_the_end_of_a_search_counts_an_act_already_reported() -> None:
    body = ("Rescuers have ended their search of the school in Zaporizhzhia that was hit by a "
            "glide bomb on Monday, the emergency service said on Thursday, putting the final "
            "toll at 19 dead.")
    assert not _violent(body)


def test_a_possessive_day_in_a_first_report_lede_is_still_news() -> None:
    body = ("Tuesday's drone strike on a fuel depot in Rivne set three tanks on fire, the "
            "regional governor said.")
    assert "attack.infrastructure" in types(body)


# --- talks in a "since" clause, talks frozen, talks of other senses -------------------------

def test_a_breakdown_in_a_since_clause_is_earlier_news() -> None:
    got = types("Raids on police posts have doubled since the collapse of peace talks between "
                "the government and the rebels.")
    assert not got & {"negotiation.stalled", "negotiation.held"}


def test_talks_frozen_since_an_earlier_day_are_neither_held_nor_newly_stalled() -> None:
    got = types("A drone killed six soldiers in Catatumbo in January. Peace talks between the "
                "government and the ELN have been frozen since then.")
    assert not got & {"negotiation.stalled", "negotiation.held"}


def test_a_merger_or_an_oil_cartels_talks_collapsing_are_no_peace_talks() -> None:
    assert "negotiation.stalled" not in types(
        "Talks on a proposed merger between two steelmakers collapsed over valuation.")
    assert "negotiation.stalled" not in types("Brent slipped as OPEC+ talks collapsed.")


def test_talks_that_collapse_today_still_stall() -> None:
    got = code("Talks between Sudan's army and the RSF collapsed in Jeddah on Wednesday.")
    stalled = [e for e in got if e.type == "negotiation.stalled"]
    assert [(e.actor and e.actor.code, e.target and e.target.code) for e in stalled] == [
        ("SDNMIL", "SDNREB")]


# --- obituaries, opinion, plots -----------------------------------------------------------

def test_an_obituary_tells_a_life_not_news() -> None:
    body = ("Mohamed Aden, who led the militia that held Kismayo's port in the 1990s, died in "
            "Nairobi on Monday. His fighters killed more than 300 people in the battle for the "
            "port, and a car bomb later killed six of his guards.")
    assert not _violent(body, headline="Mohamed Aden, Somali militia leader, dies at 78")


def test_an_opinion_piece_argues_from_attacks_it_does_not_report() -> None:
    body = ("The West cannot keep pretending that a ceasefire on these terms would hold. When "
            "a Russian drone hit a bus in Sumy, it killed 12 people on their way to work.")
    assert not _violent(body, headline="Opinion: The drone war will not end by itself")


def test_a_foiled_plot_is_no_attack_on_the_pipeline() -> None:
    body = ('"The detainees were preparing a terrorist act against the gas pipeline," the '
            "security service said.")
    assert "attack.infrastructure" not in types(body)


# --- accidents and war tolls --------------------------------------------------------------

def test_a_crush_set_off_by_a_rumour_of_gunfire_is_an_accident() -> None:
    body = ("Nine people were killed and 40 injured in a crush at a temple festival in "
            "Hyderabad on Sunday after a rumour of gunfire spread through the crowd.")
    assert not _violent(body,
                        headline="Nine dead in temple crush; police say firecrackers, not "
                                 "gunfire, caused panic")


def test_a_cause_that_denies_the_weapon_is_still_an_accident() -> None:
    assert "attack.infrastructure" not in types(
        "A fire on a gas pipeline near Tula on Wednesday was started by fuel thieves at an "
        "illegal tap, the operator said.",
        headline="Fire on gas pipeline near Tula caused by illegal tap, not drone attack, "
                 "operator says")


def test_a_perfect_toll_in_the_thousands_is_a_wars() -> None:
    body = ("The fighting in the Anglophone regions pits separatists against the army. It has "
            "killed more than 6,000 people and forced 700,000 from their homes, according to a "
            "think tank.")
    assert "casualties.reported" not in types(body)


def test_an_incident_toll_in_the_perfect_stays() -> None:
    body = "The strike on the bus station in Kramatorsk has killed 14 people, rescuers said."
    assert "casualties.reported" in types(body)


def test_a_seasons_strike_is_background() -> None:
    body = ("A drone hit a car in Dnipro on Wednesday, wounding three people. In a winter strike "
            "on an apartment block in the city's east, a Russian missile killed 46 people, one "
            "of the deadliest single attacks on civilians of the war.")
    assert [e.casualties.killed for e in code(body)
            if e.type == "casualties.reported" and e.casualties] == [None]


def test_a_calendar_date_a_week_back_below_the_lede_dates_an_earlier_act() -> None:
    body = ("Talks in Muscat ended on Thursday without agreement on a halt to strikes on energy "
            "facilities. Russia launched 300 drones at Ukraine's power grid on the night of May "
            "29, cutting power to a million homes.")
    assert "attack.infrastructure" not in types(body)


def test_a_vow_at_a_funeral_ceremony_does_not_report_the_ambush_again() -> None:
    body = ('The president vowed to hunt down "without mercy" the militants who killed 19 '
            "soldiers in an ambush this week, speaking at a funeral ceremony in the capital.")
    assert "casualties.reported" not in types(body)


def test_a_desk_credit_before_the_dateline_leaves_no_date_for_a_toll() -> None:
    from datetime import UTC, datetime

    from streams.offline import code_wire

    raw = (b"(Valley Desk)- JAMMU, May 9 - One man was killed when suspected militants threw "
           b"a grenade at a bus stand, police said.")
    classified, _ = code_wire(raw, now=datetime(2025, 5, 9, 18, tzinfo=UTC))
    tolls = [e.casualties.killed for e in classified.events
             if e.type == "casualties.reported" and e.casualties]
    assert tolls == [1]


def test_an_act_counted_years_back_is_history() -> None:
    # read in June: "since June two years ago" names this month, two years back
    body = ("Gunmen shot dead two policemen at a checkpoint in Quetta, officials said. It was "
            "the deadliest attack in the city since June two years ago, when a suicide bomber "
            "struck a police academy, killing 61 cadets.")
    tolls = [e.casualties.killed for e in code(body)
             if e.type == "casualties.reported" and e.casualties]
    assert tolls == [2]


def test_days_weeks_months_and_years_ago_are_dates() -> None:
    from datetime import date

    from streams.classify.dates import find_dates

    text = "a year ago, two years ago, three months ago, a week ago and nine days ago"
    ref = date(2025, 6, 5)
    found = [(d.text, (ref - d.value).days) for d in find_dates(text, 0, len(text), ref, None)]
    assert found == [("a year ago", 365), ("two years ago", 730), ("three months ago", 90),
                     ("a week ago", 7), ("nine days ago", 9)]


# --- threats in the wires' other words -------------------------------------------------------

def test_retaliation_promised_in_other_words_is_a_threat() -> None:
    bodies = [
        "Rebels shelled army positions near Kadugli. Sudan's army said the response will be felt.",
        "Militants stormed a police post in Bannu. Pakistan's army said the attackers will not "
        "escape punishment.",
        "Militants stormed a police post in Bannu. Pakistan's army vowed to avenge the fallen "
        "policemen.",
        "The Arakan Army said its forces will begin military operations against junta bases in "
        "the coming days.",
    ]
    for body in bodies:
        assert "threat.military" in types(body), body
