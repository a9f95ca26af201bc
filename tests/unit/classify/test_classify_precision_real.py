"""Issue 11's precision on real reporting, second pass (branch `prec2`): kinds of story that
recur in agency copy and raised alerts no desk would raise.

Each class is stated as an analyst would state it and pinned by sentences written for these
tests (not taken from the labelled corpus), with a near miss that must still be coded.
"""

from __future__ import annotations

from tests.unit.classify.classify_helpers import code, one, types

# --- an earlier day's violence in a "days after" clause -----------------------------------


def test_violence_days_before_the_news_is_background() -> None:
    found = types("Mediators reopened talks in Cairo on Wednesday, three days after a drone "
                  "strike on a market in Rafah killed 19 people.")
    assert found == {"negotiation.held"}


def test_violence_hours_before_the_news_stays_news() -> None:
    """The earlier batches label "hours after" and "a day after" clauses as news."""
    found = types("Mediators reopened talks in Cairo on Wednesday, hours after a drone strike "
                  "on a market in Rafah killed 19 people.")
    assert {"attack.aerial", "casualties.reported", "negotiation.held"} <= found


def test_repairs_days_after_a_strike_report_no_strike() -> None:
    assert types("Crews restored water to most of Mykolaiv on Wednesday, five days after a "
                 "missile strike knocked out the city's main pumping station.") == set()


# --- courts: one list of court words (a duplicate key had hidden half of it) --------------


def test_an_appeal_over_a_strike_of_an_earlier_year_is_history() -> None:
    assert types("The appeals court on Wednesday upheld the jail term of an officer who passed "
                 "on the coordinates of the air base before the 2023 strike that destroyed two "
                 "jets.") == set()


def test_prosecutors_reporting_an_attack_keep_the_attack() -> None:
    event = one(code("Prosecutors said gunmen killed 12 people at a bus station on Wednesday."),
                "casualties.reported")
    assert event.casualties is not None and event.casualties.killed == 12


# --- a campaign's toll and an attack named by its year ------------------------------------


def test_a_campaigns_running_toll_is_no_incident() -> None:
    assert types("Moscow's bombing campaign has killed more than 12,000 civilians, the U.N. "
                 "monitoring mission said on Wednesday.") == set()


def test_an_attack_named_by_its_year_is_history() -> None:
    assert types("Most victims of the 2017 truck bombing, which killed 587 people, were never "
                 "identified, officials said on Wednesday.") == set()
    assert types("The families of those taken in the Aug. 3, 2024 raid, in which gunmen "
                 "killed 41 villagers, met the governor on Wednesday.") == set()


def test_an_attack_compared_with_one_of_an_earlier_year_is_news() -> None:
    event = one(code("The blast on Wednesday was the deadliest since the 2017 truck bombing, "
                     "killing 41 people."), "casualties.reported")
    assert event.casualties is not None and event.casualties.killed == 41
