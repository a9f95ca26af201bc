"""Arabic as data (issue 12): the ar folder loads, and the shared rules read Al Jazeera-style
copy through it. Every sentence here was written for this test, in new words: none is a corpus
wire's."""

from __future__ import annotations

import pytest

from streams.classify.loader import Coder
from tests.unit.classify.langkit import classify as _classify
from tests.unit.classify.langkit import language_coder
from tests.unit.classify.langkit import types as _types


@pytest.fixture(scope="module")
def coder() -> Coder:
    return language_coder("ar")


def test_bare_terms_are_found_behind_proclitics(coder: Coder) -> None:
    text = "وللهدنة والغارات وبالمسيرات"
    found = {(text[h.start : h.end], h.cat) for h in coder.lexicon.scan(text)}
    assert ("هدنة", "truce") in found
    assert ("غارات", "airstrike") in found
    assert ("مسيرات", "aerial") in found


def test_a_rejected_truce_raises_its_alert_with_the_rejecting_actor(coder: Coder) -> None:
    events, alerts = _classify(
        coder, "رفضت قوات الدعم السريع، الأحد، مبادرة الهدنة التي طرحتها الوساطة الأفريقية.")
    rejected = [e for e in events if e.type == "ceasefire.rejected"]
    assert rejected and rejected[0].actor is not None and rejected[0].actor.code == "SDNREB"
    assert "truce_rejected" in alerts


def test_a_denied_rejection_is_no_rejection(coder: Coder) -> None:
    assert "ceasefire.rejected" not in _types(
        coder, "نفى حزب الله رفضه مقترح وقف إطلاق النار الذي نقله المبعوث الأمريكي.")


def test_a_drone_strike_on_a_power_station_is_an_infrastructure_attack(coder: Coder) -> None:
    events, alerts = _classify(
        coder, "استهدفت طائرات مسيرة محطة كهرباء في مدينة عطبرة، ما أدى إلى انقطاع التيار.")
    assert "attack.infrastructure" in {e.type for e in events}
    assert "infrastructure_attack" in alerts


def test_a_military_airport_is_an_air_base_not_an_airport(coder: Coder) -> None:
    alerts = _classify(coder, "شنت مقاتلات غارات على مطار الشعيرات في ريف حمص.")[1]
    assert "strategic_strike" in alerts
    assert "infrastructure_attack" not in alerts


@pytest.mark.parametrize(("words", "killed"), [
    ("عشرات المدنيين", 10),   # tens, ACLED's 10
    ("أحد عشر مدنيا", 11),    # a written number
    ("مدنيان", 2),            # a dual noun is two
])
def test_vague_written_and_dual_figures(coder: Coder, words: str, killed: int) -> None:
    events, _ = _classify(coder, f"قُتل {words} في قصف مدفعي على سوق مدينة الأبيض.")
    tolls = [e.casualties.killed for e in events
             if e.type == "casualties.reported" and e.casualties is not None]
    assert tolls == [killed]


def test_strikes_by_workers_and_football_raise_nothing(coder: Coder) -> None:
    for body in (
        "واصل عمال الموانئ إضرابهم عن العمل للمطالبة برفع الأجور.",
        "شن لاعبو الوداد هجمات متتالية على مرمى الرجاء في مباراة الدوري.",
    ):
        assert _classify(coder, body)[1] == set(), body


def test_arabic_actor_forms_map_to_the_english_codes(coder: Coder) -> None:
    text = "حماس وحزب الله والحوثيون وجيش الاحتلال"
    codes = [m.entry.code for m in coder.actors.mentions(coder.lexicon.scan(text), text)]
    assert codes == ["PSEREB", "LBNREB", "YEMREB", "ISRMIL"]
