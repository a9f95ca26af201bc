"""Error classes the eighth blind Russian tune batch (`741`-`780`, translations of the English
dev4 batch, 2026-12-06) found, pinned here in new words (none is a corpus wire's):

- an army's post, cantonment and armoured vehicles ("армейский пост", "военный городок",
  "бронеавтомобили") are military targets; "пост" only in full ("военные поставки" are
  supplies) and no "военная машина" (a metaphor);
- set on fire ("подожгли мост", English "torched") is an attack and its damage;
- suicide bombers are the bombing ("Смертник убил 14 человек"), and "смертник" names no death
  (the death stem "смерт*" inside it is masked);
- fighting and who fights it ("бои", "ополченцы", "повстанцы") make a toll a conflict's;
- a border commission ("комиссия по делимитации границы") is the sides' talks, and talks
  "в рамках" a named format or initiative are named by it, however long the name;
- a raid ("налет") is an air raid only when it says so ("налет беспилотников").
"""

from __future__ import annotations

import pytest

from streams.classify.loader import Coder
from tests.unit.classify.langkit import classify, killed_tolls, types

# --- army posts, cantonments, armoured vehicles -------------------------------------------

@pytest.mark.parametrize("body", [
    "Боевики атаковали армейский пост на севере провинции, убив шестерых военнослужащих.",
    "Смертники направили заминированный грузовик на ворота военного городка в Кветте, погибли "
    "девять человек.",
    "Повстанцы обстреляли из гранатометов бронеавтомобили полиции на трассе, ранены трое.",
])
def test_army_posts_cantonments_and_armoured_cars_are_military_targets(ru: Coder,
                                                                       body: str) -> None:
    found = types(ru, body)
    assert "attack.military_target" in found
    assert "attack.infrastructure" not in found


@pytest.mark.parametrize("body", [
    "Правительство увеличило военные поставки союзникам после атаки на склад.",
    "Депутат призвал остановить военную машину Кремля, нанесшую удар по экономике.",
])
def test_supplies_and_a_war_machine_are_no_target(ru: Coder, body: str) -> None:
    assert "attack.military_target" not in types(ru, body)


# --- set on fire -------------------------------------------------------------------------

def test_a_bridge_set_on_fire_is_an_infrastructure_attack(ru: Coder) -> None:
    events, alerts = classify(ru, "Ночью боевики подожгли автомобильный мост через реку Рову, "
                                  "движение прервано.")
    assert {e.type for e in events} == {"attack.infrastructure"}
    assert "infrastructure_attack" in alerts


def test_a_neighbours_car_set_on_fire_is_no_event(ru: Coder) -> None:
    assert types(ru, "Неизвестный поджег автомобиль соседа во дворе дома, никто не "
                     "пострадал.") == set()


# --- suicide bombers ---------------------------------------------------------------------

def test_a_suicide_bomber_who_killed_is_a_bombing(ru: Coder) -> None:
    tolls, alerts = killed_tolls(ru, "Смертник убил 14 человек у входа в мечеть на юге "
                                     "страны.")
    assert tolls == [14]
    assert "mass_casualty" in alerts


def test_a_bomber_detained_is_no_death(ru: Coder) -> None:
    assert types(ru, "Полиция задержала смертника у входа в мечеть.") == set()


# --- fighting ----------------------------------------------------------------------------

def test_a_toll_of_fighting_is_reported(ru: Coder) -> None:
    events, _ = classify(ru, "Бои между отрядами двух общин возобновились в пятницу, пятеро "
                             "погибли, восемь ранены.")
    tolls = [(e.casualties.killed, e.casualties.wounded) for e in events
             if e.type == "casualties.reported" and e.casualties is not None]
    assert tolls == [(5, 8)]


@pytest.mark.parametrize("body", [
    "В вечере бокса в Казани прошли восемь боев, один спортсмен получил травму.",
    "В турнире по смешанным единоборствам бои прошли без происшествий, два бойца получили "
    "травмы.",
])
def test_bouts_are_no_fighting(ru: Coder, body: str) -> None:
    assert types(ru, body) == set()


# --- a border commission, talks within a framework ---------------------------------------

def test_a_border_commission_suspended_is_stalled_talks(ru: Coder) -> None:
    events, alerts = classify(ru, "Таджикистан объявил о приостановке работы "
                                  "межправительственной комиссии по делимитации границы после "
                                  "перестрелки на участке Ворух.")
    assert "negotiation.stalled" in {e.type for e in events}
    assert "talks_collapse" in alerts


def test_a_trade_commission_suspended_is_no_talks(ru: Coder) -> None:
    assert types(ru, "Совместная комиссия по торговле и инвестициям приостановила работу на "
                     "время ремонта здания.") == set()


def test_talks_within_a_named_framework_were_held(ru: Coder) -> None:
    assert "negotiation.held" in types(ru, "Консультации в рамках катарской посреднической "
                                           "миссии «Мост» возобновились во вторник в Дохе.")


def test_talks_within_a_framework_to_come_are_not_held(ru: Coder) -> None:
    assert types(ru, "Консультации в рамках катарской посреднической миссии «Мост» "
                     "возобновятся на следующей неделе.") == set()


# --- raids -------------------------------------------------------------------------------

@pytest.mark.parametrize("body", [
    "Жители бегут от налетов боевиков на приграничные села.",
    "Банда совершила налет на инкассаторов в центре города.",
])
def test_a_ground_raid_is_no_air_strike(ru: Coder, body: str) -> None:
    assert "attack.aerial" not in types(ru, body)


def test_a_drone_raid_is_an_air_strike(ru: Coder) -> None:
    events, alerts = classify(ru, "Ночью налет беспилотников на Курск повредил подстанцию.")
    assert {e.type for e in events} == {"attack.aerial", "attack.infrastructure"}
    assert "infrastructure_attack" in alerts
