"""Error classes the sixth blind Russian tune batch (`5NN`, 2026-12-05) found, pinned here
in new words (none is a corpus wire's):

- an accusation in a quotation of several sentences, its speaker named only where it closes
  («... террористическая атака. ...», - заявил он; Interfax's straight quotes too): a new
  shared rule `terrorism_quoted` (predicate `quote_attributed`, roles `quotation`); a
  question or the abstract "terror" naming no act or party is none;
- rockets of a multiple launcher ("ракетами системы залпового огня") are artillery, not
  aerial; shells as goods ("спрос на снаряды") and a calibre ("калибра 155 мм") are no
  weapon used and no Kalibr missile;
- strikes halted as a verb phrase ("договорились прекратить удары по портам") are a truce;
- a pause announced in the talks is a stall; talks that ended ("завершившиеся") or days of
  talks ("за три дня консультаций") were held;
- strikes that "продолжают наноситься" are a pattern, not an incident;
- vows: "армия продолжит наступление" (a new shared rule `force_carried_on`, the force word
  right after "will continue"), "задачи будут решены на поле боя", "ответит на любую
  агрессию", a vow attributed "по его словам";
- an accord "пока не подписан" is pending: neither refused nor agreed;
- a family or corporate feud ("семейная война", "мировое соглашение") and an economic "war"
  ("газовая война") are no conflict;
- a day's tally ("за сутки ... ранены") and a war's toll in tens of thousands are no
  incident's;
- border posts are army positions;
- a truce that took effect on a calendar day a week or more back is background (every
  language: coder.py);
- tens counted ("более двух десятков") are 20, not the vague "десятки" (every language's
  figure reader: a multiplier word after a number word).
"""

from __future__ import annotations

import pytest

from streams.classify.loader import Coder
from tests.unit.classify.langkit import classify, killed_tolls, types

# --- an accusation in a quotation of several sentences ------------------------------------

@pytest.mark.parametrize("body", [
    "«Ночью боевики снова устроили террористическую атаку на подстанцию. Ремонт займет "
    "несколько дней», - заявил мэр Херсона.",
    'Губернатор не стеснялся в выражениях. "Обстрел рынка - это теракт против мирных людей. '
    'Виновные ответят", - написал он.',
    "«Повреждения устраняются. Этот удар по котельной - очередной террористический акт "
    "киевского режима. Жители получат помощь», - говорится в заявлении администрации.",
    "«Взрыв у школы - это теракт. Мы найдем исполнителей!» - пообещал глава полиции.",
])
def test_an_accusation_quoted_over_sentences_is_coded(ru: Coder, body: str) -> None:
    assert "accusation.terrorism" in types(ru, body)


def test_a_quoted_accusation_names_no_party_inside_it_as_the_accuser(ru: Coder) -> None:
    events, _ = classify(ru, "«Киевский режим совершил очередной теракт против жителей "
                             "области. Пострадавших нет», - сообщил губернатор.")
    accusations = [e for e in events if e.type == "accusation.terrorism"]
    assert accusations and accusations[0].actor is None


@pytest.mark.parametrize("body", [
    # a question accuses no one
    "«Считаете ли вы обстрел рынка террористической атакой? Каков ваш ответ?» - спросил "
    "журналист министра.",
    # the abstract "terror" at a memorial names no act and no party
    "«Террор хотел запугать наш город. Город выстоял», - сказал мэр на траурной церемонии.",
    # a quotation closed with no speaker after it
    "«Обстрел рынка был терактом. Виновные ответят». Эти слова облетели соцсети.",
])
def test_no_attributed_accusation_in_the_quotation(ru: Coder, body: str) -> None:
    assert "accusation.terrorism" not in types(ru, body)


# --- ground-launched rockets, shells as goods, calibres ------------------------------------

def test_rockets_of_a_multiple_launcher_are_not_aerial(ru: Coder) -> None:
    found = types(ru, "Армия нанесла удар ракетами реактивной системы залпового огня по "
                      "железнодорожному мосту у Купянска.")
    assert "attack.infrastructure" in found
    assert "attack.aerial" not in found


def test_shells_in_demand_and_a_calibre_are_no_attack(ru: Coder) -> None:
    events, alerts = classify(ru, "Спрос на снаряды калибра 122 мм и системы ПВО растет "
                                  "третий год подряд, отметил аналитик банка.")
    assert events == [] and alerts == set()


def test_a_kalibr_missile_is_still_aerial(ru: Coder) -> None:
    assert "attack.aerial" in types(ru, "Фрегат нанес удар крылатыми ракетами «Калибр» по "
                                        "аэродрому под Старокостянтиновом.")


# --- truces, talks -------------------------------------------------------------------------

def test_strikes_halted_as_a_verb_phrase_are_a_truce(ru: Coder) -> None:
    events, _ = classify(ru, "Израиль и Ливан договорились прекратить удары по приграничным "
                             "районам на две недели, сообщил посредник.")
    found = {e.type for e in events}
    assert "ceasefire.agreed" in found
    assert not found & {"attack.aerial", "attack.infrastructure", "attack.military_target"}


def test_a_pause_announced_in_the_talks_is_a_stall(ru: Coder) -> None:
    events, alerts = classify(ru, "Делегация Армении объявила о паузе в переговорном процессе "
                                  "с Баку после третьего раунда в Тбилиси.")
    assert "negotiation.stalled" in {e.type for e in events}
    assert "talks_collapse" in alerts


@pytest.mark.parametrize("body", [
    "Переговоры в Маскате, завершившиеся поздно вечером, проходили при посредничестве Омана.",
    "За три дня консультаций в Эр-Рияде делегации России и США обсудили обмен пленными.",
    "По итогам двухдневных переговоров в Анкаре стороны подписали протокол.",
])
def test_talks_that_ended_or_took_days_were_held(ru: Coder, body: str) -> None:
    assert "negotiation.held" in types(ru, body)


def test_an_accord_not_yet_signed_is_neither_refused_nor_agreed(ru: Coder) -> None:
    for body in ("Мирный договор между Эфиопией и Эритреей пока не подписан: стороны спорят о "
                 "границе.",
                 "Соглашение о прекращении огня в Судане еще не подписано, сообщили дипломаты."):
        events, alerts = classify(ru, body)
        found = {e.type for e in events}
        assert not found & {"ceasefire.rejected", "ceasefire.agreed"}, body
        assert "truce_rejected" not in alerts


def test_a_truce_dated_weeks_back_is_background(ru: Coder) -> None:
    old = ("Беспилотник ударил по автобусу в Хан-Юнисе, погибли трое. Соглашение о "
           "прекращении огня вступило в силу 2 мая.")
    assert "ceasefire.agreed" not in types(ru, old)
    fresh = "Соглашение о прекращении огня между Индией и Пакистаном вступило в силу 19 июня."
    assert "ceasefire.agreed" in types(ru, fresh)


# --- patterns and tallies ------------------------------------------------------------------

def test_strikes_that_go_on_are_a_pattern(ru: Coder) -> None:
    found = types(ru, "Тем временем армии двух стран продолжают наносить удары по "
                      "электростанциям и нефтебазам друг друга.")
    assert not found & {"attack.aerial", "attack.infrastructure", "attack.military_target"}


@pytest.mark.parametrize("body", [
    "Глава Запорожской области: за сутки в результате обстрелов ранены 62 мирных жителя.",
    "Гражданская война длится третий год. По оценкам правозащитников, она унесла жизни "
    "десятков тысяч человек.",
])
def test_a_days_tally_and_a_wars_toll_are_no_incident(ru: Coder, body: str) -> None:
    tolls, alerts = killed_tolls(ru, body)
    assert all(t < 10 for t in tolls)
    assert "mass_casualty" not in alerts


def test_tens_counted_are_twenty(ru: Coder) -> None:
    tolls, alerts = killed_tolls(ru, "При обстреле колонны беженцев погибли более двух десятков "
                                     "человек, сообщили в ООН.")
    assert 20 in tolls
    assert "mass_casualty" in alerts


# --- targets -------------------------------------------------------------------------------

def test_border_posts_are_army_positions(ru: Coder) -> None:
    events, alerts = classify(ru, "Боевики открыли огонь из минометов по пограничным постам "
                                  "Таджикистана на Пяндже.")
    mil = [e for e in events if e.type == "attack.military_target"]
    assert mil and not any(e.strategic for e in mil)
    assert "strategic_strike" not in alerts


# --- other senses --------------------------------------------------------------------------

def test_a_family_feud_is_no_conflict(ru: Coder) -> None:
    events, alerts = classify(ru, (
        "Семейная война за наследство владельца сети пекарен закончилась: брат и сестра "
        "заключили мировое соглашение. Переговоры о перемирии шли полгода, последний раунд "
        "прошел в Сочи."))
    assert events == [] and alerts == set()


def test_a_gas_war_is_no_war(ru: Coder) -> None:
    events, alerts = classify(ru, (
        "Переговоры «Нафтогаза» и молдавского оператора заморожены до весны. Эксперты "
        "называют спор газовой войной, в которой обе стороны несут убытки."))
    assert events == [] and alerts == set()


# --- vows ----------------------------------------------------------------------------------

@pytest.mark.parametrize("body", [
    "По словам командующего, армия Мали «продолжит наступление до освобождения Кидаля».",
    "Министр обороны Израиля заявил, что ЦАХАЛ продолжит удары по позициям «Хезболлы».",
    "По его словам, «цели операции будут достигнуты военным путем, если переговоры не дадут "
    "результата».",
    "Представитель МИД Ирана заявил, что Тегеран «ответит на любую агрессию» против страны.",
])
def test_a_vow_to_carry_on_is_a_threat(ru: Coder, body: str) -> None:
    threats = [e for e in classify(ru, body)[0] if e.type == "threat.military"]
    assert threats and threats[0].cameo_code.startswith("13")


@pytest.mark.parametrize("body", [
    "Германия продолжит поставки оружия Украине, заявил канцлер.",
    "Спасатели продолжат разбор завалов до утра, сообщили в МЧС.",
    "Стороны продолжат переговоры о перемирии на следующей неделе.",
])
def test_carrying_on_without_force_is_no_threat(ru: Coder, body: str) -> None:
    assert "threat.military" not in types(ru, body)
