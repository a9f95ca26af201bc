"""A pronoun opening the sentence right after one that names a weapon, as the subject of a
damaging, killing or wounding verb, is that weapon (`coder._weapon_pronoun`); kept tight
because "they" and "it" stand for parties far more often than for weapons."""

from __future__ import annotations

from tests.unit.classify.classify_helpers import code


def _tuples(body: str) -> set[tuple[str, str, str | None, str | None]]:
    return {(e.type, e.cameo_code, e.actor and e.actor.code, e.target and e.target.code)
            for e in code(body)}


def test_they_after_the_launched_weapons_is_the_weapons() -> None:
    got = _tuples("Russian troops fired a salvo of missiles at Kharkiv before dawn. They damaged "
                  "a power substation and a water pumping station, the mayor said.")
    assert ("attack.infrastructure", "195", "RUSMIL", "UKR") in got


def test_it_after_an_unowned_weapon_gives_the_aerial_code() -> None:
    got = _tuples("A missile was fired at Kharkiv before dawn. It hit a power substation, "
                  "the mayor said.")
    assert ("attack.infrastructure", "195", None, "UKR") in got  # 190 without the weapon


def test_no_weapon_after_an_interception() -> None:
    got = _tuples("Air defences shot down most of the missiles over Kharkiv before dawn. They "
                  "damaged a power substation, the mayor said.")
    assert not any(t[0] == "attack.infrastructure" for t in got)


def test_it_after_a_named_party_is_not_read_as_the_weapon() -> None:
    got = _tuples("Russia fired a missile at Kharkiv before dawn. It damaged a power "
                  "substation, the mayor said.")
    assert not any(t[0] == "attack.infrastructure" for t in got)


def test_only_the_very_next_sentence() -> None:
    got = _tuples("Russian troops fired a salvo of missiles at Kharkiv before dawn. The mayor "
                  "spoke on television. They damaged a power substation, he said.")
    assert not any(t[0] == "attack.infrastructure" for t in got)


def test_a_weapon_that_kills_is_an_aerial_attack() -> None:
    got = _tuples("A drone killed three herders near Kidal on Monday, the mayor said.")
    assert {("attack.aerial", "195", None, "MLI"),
            ("casualties.reported", "195", None, "MLI")} <= got


def test_a_weapon_word_that_is_not_the_subject_is_no_attack() -> None:
    got = _tuples("A drone operator was killed in Kharkiv region on Monday, the army said.")
    assert not any(t[0] == "attack.aerial" for t in got)


def test_the_weapons_sentence_places_what_its_pronoun_does() -> None:
    got = _tuples("The drone circled over the cattle market in Mopti for an hour. It killed three "
                  "herders, the mayor said.")
    assert ("attack.aerial", "195", None, "MLI") in got
