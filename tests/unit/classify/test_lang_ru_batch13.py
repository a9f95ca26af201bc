"""Error classes the thirteenth blind Russian tune batch (`1041`-`1080`, precision: 24 hard
negatives) found, pinned here in new words (none is a corpus wire's):

- a toll "с начала полномасштабной войны/вторжения" is cumulative, no incident;
- a rumour the authorities call "вброс" (a planted story) is refuted;
- a flood's "удар стихии", water that "атаковала дамбы", the "линия фронта борьбы с паводком"
  are a disaster's words;
- a capability ("удары ... способны парализовать", "способный поражать") and the other branch
  of a condition ("в противном случае") are no act;
- what happens "в отдельные ночи" is a habit, and the fighting "последовавшие за этим" follows
  an earlier event (background).
"""

from __future__ import annotations

from streams.classify.loader import Coder
from tests.unit.classify.langkit import classify, types


def test_a_toll_since_the_full_scale_invasion_is_cumulative(ru: Coder) -> None:
    events, alerts = classify(ru, "С начала полномасштабного вторжения в стране погибли более "
                                  "600 детей, говорится в докладе фонда.")
    assert not events and "mass_casualty" not in alerts


def test_a_rumour_called_a_plant_is_refuted(ru: Coder) -> None:
    assert not types(ru, "Ранее в соцсетях появились сообщения о «взрыве» и «атаке дронов» на "
                         "верфь; мэр города назвал их вбросом и призвал не верить слухам.")


def test_a_flood_that_attacks_dams_is_no_attack(ru: Coder) -> None:
    events, alerts = classify(ru, "Река за ночь поднялась на два метра и буквально атаковала "
                                  "дамбы. Удар стихии приняли на себя прибрежные села.")
    assert not events and not alerts


def test_strikes_able_to_paralyse_are_a_capability(ru: Coder) -> None:
    events, alerts = classify(ru, "Массированные удары по тяговым подстанциям способны "
                                  "остановить движение поездов на недели, считают эксперты.")
    assert not events and "infrastructure_attack" not in alerts


def test_a_share_of_some_nights_is_a_habit(ru: Coder) -> None:
    assert not types(ru, "В отдельные ночи на перехватчики приходится до половины сбитых "
                         "беспилотников, сообщили в министерстве.")


def test_the_fighting_that_followed_is_background(ru: Coder) -> None:
    assert not types(ru, "Последовавшие за этим бои и авиаудары вынудили покинуть дома тысячи "
                         "жителей округа.")


def test_a_strike_of_the_day_with_its_toll_is_still_coded(ru: Coder) -> None:
    events, _ = classify(ru, "Во вторник российский беспилотник атаковал рейсовый автобус в "
                             "Херсоне, погибли два человека, сообщил глава областной "
                             "администрации.")
    by_type = {e.type: e for e in events}
    assert {"attack.aerial", "casualties.reported"} <= set(by_type)
    aerial = by_type["attack.aerial"]
    assert aerial.cameo_code == "195"
    assert aerial.actor is not None and aerial.actor.code == "RUSMIL"
    assert aerial.target is not None and aerial.target.code == "UKR"


def test_an_attack_confirmed_over_a_short_circuit_story_is_coded(ru: Coder) -> None:
    events, alerts = classify(ru, "Утром беспилотник атаковал нефтебазу в Брянской области, "
                                  "сообщил губернатор. Сообщения о коротком замыкании он назвал "
                                  "ошибочными.")
    infra = [e for e in events if e.type == "attack.infrastructure"]
    assert infra and infra[0].cameo_code == "195"
    assert infra[0].target is not None and infra[0].target.code == "RUS"
    assert "infrastructure_attack" in alerts
