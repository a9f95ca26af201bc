"""Classes the blind `dev29-*`-`dev31-*` batches (verification desks, breaking formats and
belligerents' own voices, new regions) showed, pinned in new words. Read as published on
Thursday 5 June 2025 (`classify_helpers.PUBLISHED`)."""

from __future__ import annotations

from tests.unit.classify.classify_helpers import code, one


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
