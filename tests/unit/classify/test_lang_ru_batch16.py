"""Error classes the sixteenth blind Russian tune batch (`1161`-`1200`: briefings, Kremlin
comments, Security Council and governors' posts, evening addresses, flashes) showed, pinned
here in new words (none is a corpus wire's), each trap beside a genuine positive:

- the protection of sites "от атак" said with a noun ("защищенность", "защиту ... от ударов")
  is an attack warded off (`warded_off`, ru `protect`), as the verb was;
- a party that sees no point in going on with talks it sat in, or refuses to go on ("не
  видят смысла продолжать диалог", "отказались от продолжения переговоров"), stalls them:
  the `stall` cue masks the `reject` cue it overlaps (language.yaml `masks`), so no talks
  rejected and no `truce_rejected`;
- a possibility voiced in the past ("самолет мог быть сбит беспилотником") and safety rules
  for an attack in general ("правила поведения при атаке БПЛА") are a `hedge`;
- a recap in the speaker's own words ("как он уже сообщал") is `retro`, as "как сообщалось";
- a week's totals ("За эту неделю противник выпустил ...") are `over_a_period`;
- the air force owning an air base ("авиабазу ВВС", "аэродром ВКС") is no aerial weapon
  (`mil:airbase` masks `aerial`);
- a crash put down to an engine failure ("отказ двигателя") is an accident (`accident_cause`):
  its deaths are no casualties of an attack;
- "несколько" and "многие" alone are a few (3, as English "several"), no mass casualty;
  "несколько десятков" (12) and "несколько сотен" (100) still reach the bar.
"""

from __future__ import annotations

from streams.classify.loader import Coder
from tests.unit.classify.langkit import classify, types


def test_protection_from_attacks_said_with_a_noun_is_no_attack(ru: Coder) -> None:
    events, alerts = classify(ru, "Губернатор провел совещание о защищенности подстанций и "
                                  "водозаборов области от ударов беспилотников.")
    assert not {e.type for e in events} & {"attack.aerial", "attack.infrastructure"}
    assert "infrastructure_attack" not in alerts
    assert not types(ru, "Правительство выделит средства на защиту нефтебаз от атак дронов.")
    events, alerts = classify(ru, "Этой ночью беспилотники атаковали нефтебазу под Тамбовом.")
    assert "attack.infrastructure" in {e.type for e in events}
    assert "infrastructure_attack" in alerts


def test_a_refusal_to_go_on_with_talks_stalls_them(ru: Coder) -> None:
    events, alerts = classify(ru, "Делегация оппозиции заявила, что не видит смысла продолжать "
                                  "переговоры, пока правительство не выведет войска.")
    assert "ceasefire.rejected" not in {e.type for e in events}
    assert "truce_rejected" not in alerts
    events, alerts = classify(ru, "Повстанцы отказались от продолжения переговоров с "
                                  "правительством в Найроби.")
    found = {e.type for e in events}
    assert "ceasefire.rejected" not in found and "negotiation.stalled" in found
    assert "truce_rejected" not in alerts
    # a refusal of talks never held, and of a truce, stay rejections
    assert "ceasefire.rejected" in types(ru, "Повстанцы отвергли переговоры с правительством.")
    assert "ceasefire.rejected" in types(ru, "Оппозиция не видит смысла в перемирии с армией.")


def test_a_possibility_in_the_past_and_safety_rules_are_no_attack(ru: Coder) -> None:
    assert "attack.aerial" not in types(ru, "Блогеры писали, что вертолет мог быть сбит "
                                            "ракетой, однако военные это опровергли.")
    assert "attack.aerial" not in types(ru, "Мэр напомнил горожанам о правилах поведения при "
                                            "атаке дронов и при ракетной опасности.")
    assert "attack.aerial" in types(ru, "Вертолет был сбит ракетой над районом.")
    assert "attack.aerial" in types(ru, "При атаке дронов на Курск ранен мужчина.")


def test_a_recap_in_the_speakers_own_words_is_no_news(ru: Coder) -> None:
    body = ("Глава района сообщил, что ночь прошла спокойно. Он добавил, что вчера вечером, как "
            "он уже сообщал, при ударе дрона по Судже пострадали трое жителей.")
    found = types(ru, body)
    assert "attack.aerial" not in found and "casualties.reported" not in found
    body = ("Глава района сообщил, что вчера вечером при ударе дрона по Судже пострадали "
            "трое жителей.")
    assert "casualties.reported" in types(ru, body)


def test_a_weeks_totals_are_no_incident(ru: Coder) -> None:
    assert not types(ru, "За минувшую неделю противник выпустил по городам области более 400 "
                         "дронов и 30 ракет.")
    assert "attack.aerial" in types(ru, "Этой ночью противник выпустил по городу 40 дронов, "
                                        "повреждены жилые дома.")


def test_the_air_force_owning_an_air_base_is_no_aerial_weapon(ru: Coder) -> None:
    events, alerts = classify(ru, "Повстанцы обстреляли из минометов аэродром ВВС Мали в Гао, "
                                  "уничтожен транспортный самолет.")
    found = {e.type for e in events}
    assert "attack.military_target" in found and "attack.aerial" not in found
    assert "strategic_strike" in alerts
    assert "attack.aerial" in types(ru, "ВВС Мали нанесли удар по лагерю боевиков.")


def test_a_crash_put_down_to_an_engine_failure_is_an_accident(ru: Coder) -> None:
    body = ("Транспортный вертолет разбился при заходе на посадку, погибли четверо членов "
            "экипажа. По данным комиссии, причиной стал отказ двигателя.")
    found = types(ru, body)
    assert "casualties.reported" not in found
    body = ("Транспортный вертолет сбит ракетой при заходе на посадку, погибли четверо членов "
            "экипажа.")
    assert "attack.aerial" in types(ru, body)


def test_several_alone_is_a_few_and_no_mass_casualty(ru: Coder) -> None:
    from tests.unit.classify.langkit import killed_tolls

    tolls, alerts = killed_tolls(ru, "Снаряд попал в автобусную остановку, погибли несколько "
                                     "пассажиров.")
    assert tolls == [3] and "mass_casualty" not in alerts
    tolls, alerts = killed_tolls(ru, "Авиаудар по деревне унес жизни многих жителей.")
    assert "mass_casualty" not in alerts
    # tens and hundreds counted vaguely still reach the bar
    tolls, alerts = killed_tolls(ru, "Снаряды попали в лагерь беженцев, погибли несколько "
                                     "сотен человек.")
    assert tolls == [100] and "mass_casualty" in alerts
    tolls, alerts = killed_tolls(ru, "При штурме заставы погибли несколько десятков боевиков.")
    assert tolls == [12] and "mass_casualty" in alerts
