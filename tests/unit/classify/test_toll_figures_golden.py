"""Casualty figures by ACLED's reading (the golden table's conventions), each in new words:
the attacker who died counts, a stabbing wounds, an assassination kills, and the toll keeps
its act's own method code."""

from __future__ import annotations

from tests.unit.classify.classify_helpers import code, one


def test_a_suicide_bomber_who_blew_himself_up_is_counted_among_the_dead() -> None:
    toll = one(code("A suicide bomber blew himself up at a market in Maiduguri, killing 12 "
                    "shoppers."), "casualties.reported")
    assert toll.casualties.killed == 13


def test_killing_soldiers_and_himself_counts_the_bomber_and_keeps_the_bombing_code() -> None:
    events = code("A suicide bomber drove a truck packed with explosives into an army "
                  "checkpoint near Kidal, killing six soldiers and himself.")
    toll = one(events, "casualties.reported")
    assert toll.casualties.killed == 7
    # the military target's type allows only 190 or 195; its dead keep the bombing's 183
    assert toll.cameo_code == "183"
    assert one(events, "attack.military_target").cameo_code == "190"


def test_people_stabbed_are_wounded() -> None:
    toll = one(code("A man stabbed three people outside a synagogue in Manchester; police "
                    "called it a terrorist attack."), "casualties.reported")
    assert (toll.casualties.killed, toll.casualties.wounded) == (None, 3)


def test_a_victim_assassinated_is_killed() -> None:
    toll = one(code("Gunmen assassinated a police commander in Kandahar on Monday."),
               "casualties.reported")
    assert toll.casualties.killed == 1


def test_a_toll_without_a_self_killing_attacker_is_not_raised() -> None:
    toll = one(code("A car bomb exploded at a market in Mogadishu, killing 12 shoppers."),
               "casualties.reported")
    assert toll.casualties.killed == 12
