"""Error classes the fourth blind Russian and French tune batches (`3NN`, 2026-12-05) found,
pinned here in new words (none is a corpus wire's):

- a toll "since the accord took effect", "in that time", "since the morning" or over a
  year is a tally, not an incident's (ru `background`, `aggregate_marks`, `period_spans`);
- a figure followed by a unit of measure counts no people ("пожар площадью 400 кв. м
  ликвидирован": the fire was put out, nobody was "liquidated");
- a correction notice that withdraws a report refutes it ("допущена ошибка");
- a checkpoint is an army position.
"""

from __future__ import annotations

import pytest

from streams.classify.loader import Coder
from tests.unit.classify.langkit import classify, killed_tolls, language_coder


@pytest.fixture(scope="module")
def coders() -> dict[str, Coder]:
    return {code: language_coder(code) for code in ("ru", "fr")}


@pytest.mark.parametrize(("code", "body"), [
    ("ru", "Удар беспилотника по рынку в Херсоне ранил двух человек. По данным областной "
           "администрации, с момента подписания меморандума в результате обстрелов погибли "
           "более 150 мирных жителей."),
    ("ru", "Бои в провинции продолжаются вторую неделю. За это время погибли не менее 640 "
           "человек, сообщила правозащитная организация."),
    ("ru", "Всего с утра в результате обстрелов в Донецке погибли 13 мирных жителей, сообщил "
           "глава города."),
    ("ru", "Согласно докладу миссии, за последние 12 месяцев в регионе погибли 2300 "
           "мирных жителей."),
])
def test_a_tally_is_no_incident_toll(coders: dict[str, Coder], code: str, body: str) -> None:
    tolls, alerts = killed_tolls(coders[code], body)
    assert all(t < 10 for t in tolls)
    assert "mass_casualty" not in alerts


@pytest.mark.parametrize(("code", "body"), [
    ("ru", "После атаки дронов на нефтебазе загорелся резервуар. Возгорание площадью 250 "
           "квадратных метров ликвидировано, пострадавших нет."),
    ("ru", "Пожар на складе площадью около 900 кв. м ликвидирован к утру."),
])
def test_a_measured_area_counts_no_people(coders: dict[str, Coder], code: str,
                                          body: str) -> None:
    tolls, alerts = killed_tolls(coders[code], body)
    assert tolls == []
    assert "mass_casualty" not in alerts


def test_a_correction_notice_withdraws_the_attack(coders: dict[str, Coder]) -> None:
    events, alerts = classify(coders["ru"], (
        "В переданном ранее сообщении под заголовком «Ракета поразила ТЭЦ в Белгороде» "
        "допущена ошибка. Отключение света вызвано аварией на линии, а не ударом."))
    assert not {e.type for e in events} & {"attack.aerial", "attack.infrastructure"}
    assert "infrastructure_attack" not in alerts


def test_a_checkpoint_is_an_army_position(coders: dict[str, Coder]) -> None:
    events, _ = classify(coders["ru"], "Боевики ночью обстреляли контрольно-пропускной пункт "
                                       "армии на въезде в Хаму, ранены трое военных.")
    mil = [e for e in events if e.type == "attack.military_target"]
    assert mil and not any(e.strategic for e in mil)


# French

@pytest.mark.parametrize("body", [
    # AFP's correction formula
    "Cette dépêche annule et remplace une version précédente qui attribuait à une frappe de "
    "missile l'explosion survenue dans une centrale électrique de Zaporijjia. Cette "
    "information était erronée.",
])
def test_a_french_correction_notice_withdraws_the_attack(coders: dict[str, Coder],
                                                         body: str) -> None:
    events, alerts = classify(coders["fr"], body)
    assert not {e.type for e in events} & {"attack.aerial", "attack.infrastructure"}
    assert "infrastructure_attack" not in alerts


def test_an_exercise_scenario_s_fictitious_dead_are_no_toll(coders: dict[str, Coder]) -> None:
    tolls, alerts = killed_tolls(coders["fr"], "Le scénario de l'exercice prévoit des frappes de "
                           "missiles sur le port d'Ashdod et des dizaines de morts fictifs "
                           "parmi les dockers.")
    assert tolls == [] and "mass_casualty" not in alerts


@pytest.mark.parametrize("body", [
    # a ship hit off a port: the port names where, it is not hit
    "Un drone naval a frappé un cargo au large du port de Berdiansk, blessant deux marins.",
    # a ship's bridge is no bridge
    "Le pétrolier a été touché à la passerelle par un missile, blessant trois marins.",
])
def test_a_merchant_ship_hit_is_no_infrastructure_attack(coders: dict[str, Coder],
                                                         body: str) -> None:
    events, alerts = classify(coders["fr"], body)
    assert "attack.infrastructure" not in {e.type for e in events}
    assert "infrastructure_attack" not in alerts


def test_a_day_s_toll_since_midnight_is_no_incident_toll(coders: dict[str, Coder]) -> None:
    tolls, alerts = killed_tolls(coders["fr"], "Au moins 14 personnes ont été tuées depuis minuit "
                           "dans des frappes russes sur la région, selon le gouverneur.")
    assert tolls == [] and "mass_casualty" not in alerts


def test_une_huitaine_is_eight(coders: dict[str, Coder]) -> None:
    tolls, _ = killed_tolls(coders["fr"], "Une huitaine de soldats ont été tués dans l'embuscade "
                      "tendue près de Menaka.")
    assert tolls == [8]


def test_an_aside_between_a_warship_and_its_passive_verb(coders: dict[str, Coder]) -> None:
    """A language whose modifiers follow the noun: the asset's name, an aside between
    commas, then the auxiliaries and the verb."""
    events, alerts = classify(coders["fr"], (
        "Le patrouilleur Vassili Bykov, qui escortait un convoi au large de la Crimée, a été "
        "touché mardi par des drones navals ukrainiens."))
    assert any(e.type == "attack.military_target" and e.strategic for e in events)
    assert "strategic_strike" in alerts


def test_a_relative_after_a_clause_does_not_make_the_shooter_the_target(
        coders: dict[str, Coder]) -> None:
    events, _ = classify(coders["fr"], "La frégate a tiré sur les drones, qui ont été abattus.")
    assert "attack.military_target" not in {e.type for e in events}


# Russian film and labour copy in war words

@pytest.mark.parametrize("body", [
    "На премьеру «Рубежа» в Казани пришли ветераны специальной военной операции. По "
    "сюжету, в финальной сцене противник наносит ракетный удар по аэродрому, и погибают семь "
    "летчиков.",
    "Сцену уничтожения корабля снимали в бассейне, а декорация арсенала взорвалась по "
    "плану режиссера.",
    "Кинокритики встретили картину прохладно, а прокатчики отказались от «перемирия» в "
    "графике релизов.",
])
def test_film_copy_is_no_attack(coders: dict[str, Coder], body: str) -> None:
    events, alerts = classify(coders["ru"], body)
    assert not events and not alerts


def test_a_social_truce_rejected_in_wage_talks_is_labour(coders: dict[str, Coder]) -> None:
    events, alerts = classify(coders["ru"], (
        "Переговоры шахтеров с владельцами рудника зашли в тупик: представители горняков покинули "
        "встречу, отвергнув предложение о «социальном перемирии» и разовой премии."))
    assert not {e.type for e in events} & {"ceasefire.rejected", "negotiation.stalled"}
    assert not alerts & {"truce_rejected", "talks_collapse"}


@pytest.mark.parametrize(("body", "strategic"), [
    ("Генштаб ВСУ сообщил о поражении ударными дронами авиабазы Ейск.", True),
    ("Минобороны России сообщило о поражении склада боеприпасов ВСУ под Краматорском.", True),
    ("Минобороны сообщило о поражении пунктов временной дислокации ВСУ у Покровска.", False),
])
def test_a_nominal_hit_names_its_target(coders: dict[str, Coder], body: str,
                                        strategic: bool) -> None:
    """The MoD's nominal "о поражении X" (the hitting of X), not a defeat."""
    events, alerts = classify(coders["ru"], body)
    mil = [e for e in events if e.type == "attack.military_target"]
    assert mil and any(e.strategic for e in mil) == strategic
    assert ("strategic_strike" in alerts) == strategic


def test_a_defeat_is_no_hit(coders: dict[str, Coder]) -> None:
    events, _ = classify(coders["ru"], "Сборная сообщила о поражении в матче с командой "
                                       "Сербии и о травме нападающего.")
    assert not events


def test_a_warship_of_the_named_fleet_hit_in_the_passive(coders: dict[str, Coder]) -> None:
    events, alerts = classify(coders["fr"], (
        "Un navire de la flotte russe de la mer Noire a été touché lundi par des drones "
        "navals ukrainiens près de Novorossiisk."))
    assert any(e.type == "attack.military_target" and e.strategic for e in events)
    assert "strategic_strike" in alerts


@pytest.mark.parametrize(("body", "infra"), [
    # a vehicle ambushed on a road: the road is where
    ("Des insurgés ont tendu mercredi une embuscade à un autocar sur la route nationale 1 "
     "près de Mocímboa, tuant six passagers.", False),
    # a ship hit in a port: the port is where
    ("Un missile a frappé mardi un cargo dans le port d'Odessa, blessant deux dockers.", False),
    ("Des drones russes ont frappé la route nationale entre Kherson et Mykolaïv.", True),
    ("Un missile a frappé mardi le port d'Odessa, blessant deux dockers.", True),
])
def test_a_road_or_a_port_as_where(coders: dict[str, Coder], body: str, infra: bool) -> None:
    events, alerts = classify(coders["fr"], body)
    assert ("attack.infrastructure" in {e.type for e in events}) == infra
    assert ("infrastructure_attack" in alerts) == infra


@pytest.mark.parametrize("body", [
    "La centrale thermique de Bourchtyn, dans l'ouest du pays, a été frappée dans la nuit par "
    "des missiles russes.",
    "Le pont de Kaya, seul ouvrage reliant la ville à la capitale, a été détruit mardi à "
    "l'explosif par des hommes armés.",
])
def test_an_aside_between_an_infrastructure_asset_and_its_passive_verb(
        coders: dict[str, Coder], body: str) -> None:
    events, alerts = classify(coders["fr"], body)
    assert "attack.infrastructure" in {e.type for e in events}
    assert "infrastructure_attack" in alerts


@pytest.mark.parametrize("body", [
    "Любая атака на наши позиции будет встречена сокрушительным ответом, заявил министр "
    "обороны Израиля.",
    "Министр обороны Израиля заявил, что если пленные не будут освобождены, армия применит "
    "всю свою мощь.",
    "«Этот удар не останется без ответа», - заявил представитель хуситов Мохаммед аль-Бухейти.",
])
def test_a_crushing_response_vowed_is_a_threat(coders: dict[str, Coder], body: str) -> None:
    assert "threat.military" in {e.type for e in classify(coders["ru"], body)[0]}


@pytest.mark.parametrize("body", [
    "« Toute nouvelle attaque contre nos navires recevra une réponse militaire immédiate », a "
    "averti l'amiral américain.",
    "« Notre riposte sera foudroyante », a averti le porte-parole des Gardiens de la "
    "révolution.",
    "« S'ils ne rendent pas leurs armes, ils seront désarmés par la force », a déclaré le "
    "ministre israélien de la Défense.",
    "L'armée malienne a assuré qu'elle continuera de frapper les groupes jihadistes dans la "
    "région.",
])
def test_a_quoted_vow_before_its_verb_is_a_threat(coders: dict[str, Coder], body: str) -> None:
    assert "threat.military" in {e.type for e in classify(coders["fr"], body)[0]}


@pytest.mark.parametrize("body", [
    "Ракеты ударили по центру Харькова, и Зеленский вновь призвал союзников ускорить поставки "
    "систем противовоздушной обороны.",
    "После удара по Одессе мэр попросил Запад ускорить передачу истребителей F-16.",
])
def test_weapons_to_be_supplied_are_no_target(coders: dict[str, Coder], body: str) -> None:
    events, alerts = classify(coders["ru"], body)
    assert "attack.military_target" not in {e.type for e in events}
    assert "strategic_strike" not in alerts


@pytest.mark.parametrize("body", [
    "Израильский телеканал со ссылкой на источники сообщил о «до двенадцати» погибших "
    "военных ПВО.",
    "Потери противника на этом направлении за сутки составили до 140 военнослужащих, "
    "сообщило Минобороны.",
    "В результате удара по колонне погибли до 20 человек, утверждает источник.",
])
def test_an_up_to_figure_is_no_incident_toll(coders: dict[str, Coder], body: str) -> None:
    tolls, alerts = killed_tolls(coders["ru"], body)
    assert all(t < 10 for t in tolls) and "mass_casualty" not in alerts


def test_a_toll_that_rose_to_a_figure_keeps_it(coders: dict[str, Coder]) -> None:
    tolls, alerts = killed_tolls(coders["ru"], "Число погибших в результате удара по Запорожью "
                           "выросло до 31, сообщил губернатор.")
    assert 31 in tolls and "mass_casualty" in alerts


@pytest.mark.parametrize(("body", "agreed"), [
    ("La trêve conclue le 4 mars a permis la réouverture des points de passage, selon l'ONU.",
     False),
    ("Un cessez-le-feu est en vigueur depuis le 12 janvier entre l'armée et les rebelles.",
     False),
    ("Le cessez-le-feu conclu lundi à Doha entre Kinshasa et le M23 est entré en vigueur à "
     "minuit.", True),
])
def test_a_truce_named_by_its_date_is_no_new_agreement(coders: dict[str, Coder], body: str,
                                                       agreed: bool) -> None:
    events, _ = classify(coders["fr"], body)
    assert ("ceasefire.agreed" in {e.type for e in events}) == agreed


@pytest.mark.parametrize(("body", "agreed"), [
    ("Рождественское перемирие, объявленное президентом, завершилось в полночь, сообщили в "
     "Минобороны.", False),
    ("Режим тишины, продленный сторонами в августе, нарушался ежедневно.", False),
    ("Перемирие объявлено с полуночи субботы, сообщил Кремль.", True),
    ("Стороны продлили перемирие на 30 дней.", True),
])
def test_a_long_participle_names_the_truce(coders: dict[str, Coder], body: str,
                                           agreed: bool) -> None:
    events, _ = classify(coders["ru"], body)
    assert ("ceasefire.agreed" in {e.type for e in events}) == agreed


def test_handball_copy_in_war_words_is_no_attack(coders: dict[str, Coder]) -> None:
    events, alerts = classify(coders["fr"], (
        "Les handballeurs ont livré une vraie guerre de tranchées en quart de finale. Auteur de "
        "sept buts dont plusieurs « missiles » décochés de loin, l'arrière a bombardé la cage "
        "adverse jusqu'à la pause."))
    assert not events and not alerts


@pytest.mark.parametrize("body", [
    "Des drones ukrainiens ont frappé dans la nuit le terminal maritime de Novorossiisk, selon "
    "les autorités locales.",
    "Des débris de drones abattus sont tombés sur un poste de chargement du terminal portuaire "
    "de Taman, provoquant un incendie.",
])
def test_a_sea_terminal_is_a_port(coders: dict[str, Coder], body: str) -> None:
    events, alerts = classify(coders["fr"], body)
    assert "attack.infrastructure" in {e.type for e in events}
    assert "infrastructure_attack" in alerts
