"""Error classes the fifth blind Russian tune batch (`4NN`, 2026-12-05) found, pinned here
in new words (none is a corpus wire's):

- a time of day ("к 05:20 мск") is no count of people (every language's figure reader);
- a fuel and lubricants store is an army camp's, not an ammunition depot: not strategic;
- attackers an army says it "neutralised" are killed, drones "neutralised" are not;
- a truce as a verb phrase ("прекратить боевые действия") or a pause "в боях";
- a political "spectacle" ("предвыборный спектакль") is no theatre copy;
- a toll "с тех пор", "с момента ...", or attacks counted "за прошлый год", are tallies;
- film-festival copy about drone operators is cinema;
- the actors of the other theatres Russian agencies cover (Pakistan, Colombia, Myanmar ...).
"""

from __future__ import annotations

import pytest

from streams.classify.loader import Coder
from tests.unit.classify.langkit import classify, killed_tolls


def test_a_time_of_day_is_no_toll(ru: Coder) -> None:
    tolls, alerts = killed_tolls(ru, (
        "Дроны атаковали нефтебазу под Курском. Пожар на территории резервуарного парка "
        "ликвидирован к 04:30 мск, сообщили в МЧС."))
    assert all(t < 10 for t in tolls)
    assert "mass_casualty" not in alerts


def test_a_fuel_store_in_an_army_camp_is_not_strategic(ru: Coder) -> None:
    events, alerts = classify(ru, "Боевики атаковали беспилотниками склад ГСМ на территории "
                                  "военного лагеря у границы с Нигером.")
    mil = [e for e in events if e.type == "attack.military_target"]
    assert mil and not any(e.strategic for e in mil)
    assert "strategic_strike" not in alerts


def test_neutralised_attackers_are_killed(ru: Coder) -> None:
    tolls, alerts = killed_tolls(ru, "Нападение на гарнизон отбито, свыше 30 боевиков "
                                     "нейтрализованы, сообщил штаб армии.")
    assert 30 in tolls
    assert "mass_casualty" in alerts


def test_neutralised_drones_are_no_toll(ru: Coder) -> None:
    tolls, alerts = killed_tolls(ru, "Над областью средствами РЭБ нейтрализованы 25 "
                                     "беспилотников, сообщил губернатор.")
    assert tolls == []
    assert "mass_casualty" not in alerts


def test_a_truce_as_a_verb_phrase_is_proposed(ru: Coder) -> None:
    events, _ = classify(ru, "Президент Колумбии предложил повстанцам прекратить боевые "
                             "действия на время праздников.")
    proposed = [e for e in events if e.type == "ceasefire.proposed"]
    assert proposed and proposed[0].cameo_code.startswith("0")


def test_a_pause_in_the_fighting_rejected(ru: Coder) -> None:
    events, alerts = classify(ru, "Киев отверг предложенную Москвой трехчасовую паузу в боях "
                                  "под Покровском.")
    assert "ceasefire.rejected" in {e.type for e in events}
    assert "truce_rejected" in alerts


def test_a_political_spectacle_is_no_theatre(ru: Coder) -> None:
    events, alerts = classify(ru, "Повстанцы отвергли объявленное хунтой перемирие, назвав его "
                                  "политическим спектаклем.")
    assert "ceasefire.rejected" in {e.type for e in events}
    assert "truce_rejected" in alerts


@pytest.mark.parametrize("body", [
    "Перемирие вступило в силу в начале месяца. С тех пор в районе погибли более 120 "
    "человек, сообщили местные власти.",
    "С момента начала блокады города погибли свыше 600 мирных жителей, говорится в отчете.",
])
def test_a_toll_since_then_is_a_tally(ru: Coder, body: str) -> None:
    tolls, alerts = killed_tolls(ru, body)
    assert all(t < 10 for t in tolls)
    assert "mass_casualty" not in alerts


def test_strikes_counted_over_last_year_are_no_attack(ru: Coder) -> None:
    events, _ = classify(ru, "По данным правозащитников, за прошлый год армия нанесла свыше "
                             "900 авиаударов по деревням на севере страны.")
    assert "attack.aerial" not in {e.type for e in events}


def test_a_festival_film_about_drones_is_cinema(ru: Coder) -> None:
    events, alerts = classify(ru, (
        "Фильм о расчете ударных беспилотников победил на кинофестивале в Казани. Жюри "
        "отметило, что лента «бьет точно в цель»."))
    assert events == [] and alerts == set()


@pytest.mark.parametrize(("body", "actor"), [
    ("Министр обороны Пакистана пригрозил ударами по укрытиям боевиков в Афганистане.", "PAK"),
    ("Правительство Колумбии пригрозило ударами по лагерям повстанцев.", "COL"),
])
def test_actors_of_other_theatres_make_a_threat(ru: Coder, body: str, actor: str) -> None:
    events, _ = classify(ru, body)
    threats = [e for e in events if e.type == "threat.military"]
    assert threats and threats[0].actor is not None
    assert threats[0].actor.code.startswith(actor)


# "the strikes will continue": a vow whose force word stands before its verb
# (rules.yaml `force_continued`, its object on the `before` side)

@pytest.mark.parametrize(("body", "actor"), [
    ("Представитель хуситов заявил, что удары по судам в Красном море будут продолжены.",
     "YEMREB"),
    ("«Наши операции против армии будут продолжаться», - сказал командующий армии Мьянмы.",
     "MMRGOV"),
    ("Министр обороны Пакистана заявил, что военная операция продолжится до полного "
     "уничтожения боевиков.", "PAK"),
])
def test_force_that_will_continue_is_a_threat(ru: Coder, body: str, actor: str) -> None:
    events, _ = classify(ru, body)
    threats = [e for e in events if e.type == "threat.military"]
    assert threats and threats[0].cameo_code.startswith("13")
    assert threats[0].actor is not None and threats[0].actor.code.startswith(actor)


@pytest.mark.parametrize("body", [
    "Российские спасатели сообщили, что поисково-спасательная операция продолжится до утра.",
    "Переговоры делегаций России и Украины будут продолжены на следующей неделе.",
    "Представитель хуситов заявил, что удары не будут продолжены, пока идут переговоры.",
])
def test_no_force_continued_is_no_threat(ru: Coder, body: str) -> None:
    assert "threat.military" not in {e.type for e in classify(ru, body)[0]}
