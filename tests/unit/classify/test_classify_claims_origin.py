"""Who did it, read from where the weapon came from and from who claims it: "a missile
launched from Yemen" is Yemen's side, never the target; "the Houthis claimed the attack" is the
attack's author, in its own sentence or (naming an act told already) in the very next one."""

from __future__ import annotations

import pytest

from tests.unit.classify.classify_helpers import code, one


def dyad(body: str, type_: str = "attack.aerial") -> tuple[str | None, str | None]:
    event = one(code(body), type_)
    return (event.actor.code if event.actor else None,
            event.target.code if event.target else None)


@pytest.mark.parametrize(("body", "actor", "target"), [
    # the interceptor is the defender; the weapon's origin its side
    ("Syria's air defences shot down a drone launched from Iraq on Tuesday.", "IRQ", "SYR"),
    ("The Israeli military said it intercepted two missiles fired from Yemen overnight.",
     "YEM", "ISR"),
    # with nobody downing it, the origin is still no target
    ("Drones launched from Sudan struck a camp in eastern Chad on Monday.", "SDN", "TCD"),
])
def test_a_weapons_origin_is_its_side_never_the_target(body: str, actor: str,
                                                        target: str) -> None:
    assert dyad(body) == (actor, target)


def test_the_weapons_own_party_still_wins_over_its_origin() -> None:
    body = "Russia's air defences shot down 37 Ukrainian drones launched from Sumy overnight."
    assert dyad(body) == ("UKRMIL", "RUS")


@pytest.mark.parametrize("body", [
    # in the same sentence, after the act
    "A missile fired from Yemen was intercepted over Eilat; the Houthis claimed the attack.",
    # in the next sentence, naming the act already told
    "A missile fired from Yemen was intercepted over Eilat on Monday. The Houthis claimed "
    "the attack in a televised statement.",
    "A missile fired from Yemen was intercepted over Eilat on Monday. The Houthis claimed "
    "responsibility.",
])
def test_the_claimant_is_the_author(body: str) -> None:
    assert dyad(body)[0] == "YEMREB"


def test_a_claimant_naming_an_act_of_its_own_claims_that_act() -> None:
    body = ("JNIM claimed a drone attack on an army base near Boni on Sunday, killing four "
            "soldiers.")
    assert dyad(body, "attack.military_target") == ("MLIREB", "MLIMIL")


@pytest.mark.parametrize("body", [
    # a report of what someone claims about the act, not a claim of it
    "A drone struck an army base in Chad on Monday. Boko Haram claimed the attack was staged.",
    "A drone struck an army base in Chad on Monday. Boko Haram dismissed claims of an attack.",
])
def test_what_is_no_claim_of_the_act_leaves_it_unattributed(body: str) -> None:
    event = next(e for e in code(body) if e.type == "attack.aerial" and "struck" in
                 e.evidence.text)
    assert event.actor is None
