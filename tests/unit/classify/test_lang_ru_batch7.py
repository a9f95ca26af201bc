"""Error classes the seventh blind Russian tune batch (`6NN`, translations of the English
dev6 batch, 2026-12-06) found, pinned here in new words (none is a corpus wire's):

- a ship at a berth ("танкер, стоявший у причала") and a building some metres from an asset
  ("в 400 метрах от вокзала") name where, not what, was hit: "у" and "метрах от" are near
  prepositions, merchant ships mobile nouns;
- a road as an address ("блокпост на трассе", "дом на дороге в аэропорт"): `along_preps`, and a
  road named after where it leads masks the airport;
- the instrumental plural of adjectives ("морскими дронами"): the `endings` of an inner `*`
  lacked "-ыми/-ими", so a naval drone was read as an aerial one; underwater drones are naval;
- a weapon that hit its mark ("ракета попала в"), bombed flat ("разбомбил"), a bombing strike,
  an air force and its planes ("ВВС", "самолет армии");
- trenches, convoys and patrols of an army are military targets (not strategic);
- shot dead ("расстреляли семерых мужчин"), and the collective numerals "четверых" ...
  "десятерых";
- an institution named without its country accuses ("Министерство ... назвало нападавших
  террористами"): the shared predicate `unnamed_accuser` reads the language's `accuser_nouns`
  (English's words unchanged, now a list); compounds ("наркотеррористами");
- a purpose clause or a stockpile names a strike to come ("накапливает ..., чтобы нанести
  удар");
- a danger posed ("представлял угрозу") is no threat of force;
- a truce only named by its long participle ("перемирие, предложенное Катаром") and a plan
  looked back at ("план не учитывает") are no proposal;
- a year of strikes named as a cause ("после года ударов") and a deployment's tally ("за время
  похода") are background.
"""

from __future__ import annotations

import pytest

from streams.classify.loader import Coder
from tests.unit.classify.langkit import classify, killed_tolls, types

# --- ships at a berth, buildings near an asset ---------------------------------------------

@pytest.mark.parametrize("body", [
    "Ночью российский беспилотник атаковал танкер, стоявший у причала в порту Рени, "
    "пострадал один моряк.",
    "Ударный дрон попал в контейнеровоз у причала Черноморска, двое членов экипажа ранены.",
    "Баллистическая ракета попала в торговый центр в 400 метрах от железнодорожного вокзала "
    "Харькова, погибли три человека.",
])
def test_an_asset_near_the_target_is_no_target(ru: Coder, body: str) -> None:
    found = types(ru, body)
    assert "attack.aerial" in found
    assert "attack.infrastructure" not in found


def test_a_port_hit_itself_is_still_infrastructure(ru: Coder) -> None:
    _, alerts = classify(ru, "Российские ракеты ночью поразили причалы и зерновой терминал "
                             "порта Одесса.")
    assert "infrastructure_attack" in alerts


# --- a road as an address -----------------------------------------------------------------

@pytest.mark.parametrize("body", [
    "Беспилотники повстанцев сбросили бомбы на позиции армии на трассе Бамако - Сегу, ранены "
    "трое военных.",
    "Дроны атаковали блокпост на трассе у Гао, погибли двое военных.",
])
def test_a_post_on_a_highway_is_a_military_target_not_the_road(ru: Coder, body: str) -> None:
    found = types(ru, body)
    assert "attack.military_target" in found
    assert "attack.infrastructure" not in found


def test_a_road_named_after_the_airport_is_an_address(ru: Coder) -> None:
    found = types(ru, "Израильская ракета попала в жилой дом на дороге в аэропорт, погибли "
                      "два человека.")
    assert found == {"attack.aerial", "casualties.reported"}


@pytest.mark.parametrize("body", [
    "Ракетный удар по трассе Киев - Чоп повредил дорожное полотно.",
    "Ракетный удар пришелся на аэропорт Бейрута.",
])
def test_a_road_or_an_airport_struck_is_still_infrastructure(ru: Coder, body: str) -> None:
    assert "attack.infrastructure" in types(ru, body)


# --- naval and underwater drones ----------------------------------------------------------

@pytest.mark.parametrize("body", [
    "Украинские военные атаковали российский десантный корабль морскими дронами в Феодосии.",
    "Подводный дрон поразил российский фрегат на рейде Севастополя.",
])
def test_naval_and_underwater_drones_are_not_aerial(ru: Coder, body: str) -> None:
    events, alerts = classify(ru, body)
    found = {e.type for e in events}
    assert "attack.military_target" in found and "attack.aerial" not in found
    assert "strategic_strike" in alerts


# --- a weapon that hit, bombed, an air force ----------------------------------------------

@pytest.mark.parametrize("body", [
    "Самолет армии Судана разбомбил рынок в Эль-Фашире, погибли восемь человек.",
    "Военный самолет нанес бомбовый удар по селу, погибли четыре человека.",
    "Иранская ракета попала в жилой квартал Хайфы, погибли три человека.",
])
def test_a_hit_or_a_bombing_from_the_air_is_aerial(ru: Coder, body: str) -> None:
    assert {"attack.aerial", "casualties.reported"} <= types(ru, body)


def test_an_air_force_striking_fuel_tanks_is_aerial_and_infrastructure(ru: Coder) -> None:
    found = types(ru, "ВВС Израиля нанесли удары по складам топлива в порту Ходейда.")
    assert {"attack.aerial", "attack.infrastructure"} <= found


# --- trenches, convoys, patrols -----------------------------------------------------------

@pytest.mark.parametrize("body", [
    "Боевики атаковали из засады военный конвой на севере Мали, погибли шестеро солдат.",
    "Повстанцы обстреляли армейский патруль у границы, ранены двое военнослужащих.",
    "Противник штурмовал окопы бригады у Часова Яра.",
])
def test_an_armys_trenches_convoys_and_patrols_are_military_targets(ru: Coder,
                                                                    body: str) -> None:
    events, alerts = classify(ru, body)
    military = [e for e in events if e.type == "attack.military_target"]
    assert military and not any(e.strategic for e in military)
    assert "strategic_strike" not in alerts


# --- shot dead, collective numerals -------------------------------------------------------

def test_shot_dead_counts_its_collective_numeral(ru: Coder) -> None:
    tolls, _ = killed_tolls(ru, "Вооруженные люди расстреляли семерых мужчин у мечети, "
                                "сообщила полиция.")
    assert tolls == [7]


# --- an unnamed institution accuses -------------------------------------------------------

@pytest.mark.parametrize("body", [
    "Министерство внутренних дел назвало нападавших террористами.",
    "Представитель армии возложил ответственность за взрыв на террористов «Аш-Шабаб».",
    "Прокуратура назвала поджог автобуса наркотеррористическим актом.",
])
def test_an_institution_without_its_country_accuses(ru: Coder, body: str) -> None:
    assert "accusation.terrorism" in types(ru, body)


# --- a strike to come, a danger posed -----------------------------------------------------

@pytest.mark.parametrize("body", [
    # stockpiled for a strike to come
    "Противник накапливает беспилотники, чтобы нанести удар по подстанциям до наступления "
    "холодов.",
    # a danger someone posed
    "Армия заявила, что открыла огонь по лодке, поскольку ее экипаж представлял угрозу для "
    "патрульного судна.",
    # a year of strikes as a cause, and a deployment's tally
    "Энергосистема работает с перебоями после года ударов по тепловым электростанциям.",
    "По данным флота, за время похода эсминец сбил десятки ракет и беспилотников.",
])
def test_no_event_in_a_strike_to_come_a_danger_or_a_tally(ru: Coder, body: str) -> None:
    assert types(ru, body) == set()


def test_a_strike_with_its_purpose_is_still_a_strike(ru: Coder) -> None:
    _, alerts = classify(ru, "Дроны атаковали подстанцию, чтобы оставить город без света, "
                             "заявил губернатор.")
    assert "infrastructure_attack" in alerts


# --- proposals only named -----------------------------------------------------------------

@pytest.mark.parametrize("body", [
    "Повстанцы отвергли перемирие, предложенное Катаром и Египтом.",
    "Хамас отверг прекращение огня, заявив, что план не учитывает его требований.",
])
def test_a_refused_truce_named_by_its_participle_is_no_new_proposal(ru: Coder,
                                                                     body: str) -> None:
    assert types(ru, body) == {"ceasefire.rejected"}


def test_a_truce_proposed_is_still_a_proposal(ru: Coder) -> None:
    assert "ceasefire.proposed" in types(ru, "Катар предложил сторонам трехдневное перемирие.")
