"""Error classes the fourteenth blind Russian tune batch (`1081`-`1120`) and the whole Russian
tune part still showed, pinned here in new words (none is a corpus wire's):

- a hedge set off by commas ("армия, по-видимому, попробует ...", "вероятно,") belongs to its
  clause: the comma after it is no barrier;
- a weapon right after a noun trigger ("атаки дронов на склад не было") is the act's own
  instrument: the negation after it still negates the attack;
- "не соответствует действительности" (the singular) refutes as the plural did, and "утверждая,
  что" introduces the claim an article refutes;
- a clause a bare comma joins to a toll that "тогда" dates is of that time ("Тогда погибли 40
  человек, более 90 получили ранения");
- a toll "в ходе которых" after clashes is the clashes' (`conflict_relative`);
- the act answered ("в ответ на атаки ... на нефтебазы": `answered_act`, the language's
  `answer_preps`) is an earlier one, and so is one named by its season ("осенние удары");
- a toll whose number "не изменилось" names no new figure;
- the infinitive "поражать" is a capability, no act;
- a danger faced ("сталкиваются с угрозой атак") is no threat;
- a claim called false ("назвали это утверждение ложным") is refuted;
- the Interfax-Ukraine dateline is no sentence, so a verdict in the lede leads the article;
- a repeated rejection of an idea named elsewhere is a standing position;
- a wound figure several words before its noun is counted back from the verb ("трое ... получили
  осколочные ранения").
"""

from __future__ import annotations

from streams.classify.loader import Coder
from tests.unit.classify.langkit import classify, types


def test_a_parenthetical_hedge_governs_its_clause(ru: Coder) -> None:
    events, alerts = classify(ru, "Летом противник, по всей видимости, вероятно, начнет обстрелы "
                                  "подстанций в приграничье, считает эксперт.")
    assert not events and not alerts
    events, alerts = classify(ru, "Противник, вероятно, готовится к наступлению, а вчера "
                                  "беспилотники атаковали подстанцию в Белгородской области.")
    assert "attack.infrastructure" in {e.type for e in events}
    assert "infrastructure_attack" in alerts


def test_a_weapon_after_the_negated_noun_is_its_instrument(ru: Coder) -> None:
    events, alerts = classify(ru, "Возгорание на нефтебазе в Тихорецке вызвано неисправностью "
                                  "проводки, атаки дронов на объект не было, заявили в штабе.")
    assert not events and not alerts
    events, alerts = classify(ru, "Атака дронов на нефтебазу в Тихорецке вызвала пожар, "
                                  "сообщили в оперативном штабе.")
    infra = [e for e in events if e.type == "attack.infrastructure"]
    assert infra and "refinery" in infra[0].assets and "infrastructure_attack" in alerts


def test_the_singular_refutation_refutes(ru: Coder) -> None:
    assert not types(ru, "Информация о прилете ракеты по элеватору в Ейске не соответствует "
                         "действительности, сообщили в администрации.")


def test_a_claim_introduced_by_a_gerund_is_refuted_with_the_article(ru: Coder) -> None:
    events, alerts = classify(
        ru, "Сообщения о взрыве на подстанции в Шебекино не соответствуют действительности, "
            "заявили в мэрии. Накануне анонимные каналы распространили снимки дыма, "
            "утверждая, что подстанцию атаковали беспилотники.")
    assert not events and not alerts


def test_a_clause_joined_to_a_dated_toll_is_of_that_time(ru: Coder) -> None:
    events, alerts = classify(ru, "Мемориал открыли на месте взрыва у рынка. Тогда погибли 40 "
                                  "человек, более 90 получили ранения.")
    assert "mass_casualty" not in alerts
    assert not [e for e in events if e.type == "casualties.reported"]
    # a toll of the day with no date cue is still coded, with its figures
    events, alerts = classify(ru, "Российская ракета попала в рынок в Херсоне, погибли 14 "
                                  "человек, более 30 получили ранения, сообщил губернатор.")
    tolls = [e for e in events if e.type == "casualties.reported"]
    assert tolls and tolls[0].casualties is not None and tolls[0].casualties.killed == 14
    assert "mass_casualty" in alerts


def test_a_toll_in_a_relative_after_clashes_is_the_clashes(ru: Coder) -> None:
    events, alerts = classify(ru, "Стороны договорились о перемирии после июльских "
                                  "столкновений, в ходе которых погибли десятки военных.")
    assert "casualties.reported" not in {e.type for e in events}
    assert "mass_casualty" not in alerts


def test_the_act_answered_is_an_earlier_one(ru: Coder) -> None:
    events, alerts = classify(ru, "В ответ на атаки киевского режима на нефтебазы в Брянской "
                                  "области российские войска нанесли удар ракетами по складу "
                                  "боеприпасов бригады ВСУ под Славянском.")
    types_ = {e.type for e in events}
    assert "attack.infrastructure" not in types_ and "infrastructure_attack" not in alerts
    military = [e for e in events if e.type == "attack.military_target"]
    assert military and military[0].strategic and "strategic_strike" in alerts
    assert military[0].target is not None and military[0].target.code == "UKRMIL"


def test_strikes_named_by_their_season_are_background(ru: Coder) -> None:
    assert not types(ru, "Зимние удары по ТЭЦ обернулись для отрасли многомесячным ремонтом.",
                     headline="Как весенние удары по портам сказались на экспорте зерна")


def test_an_unchanged_toll_names_no_figure(ru: Coder) -> None:
    events, alerts = classify(ru, "Вечером в больнице уточнили, что пострадавших 37, а число "
                                  "погибших не изменилось.")
    assert all(e.casualties is None or e.casualties.killed is None for e in events)
    assert "mass_casualty" not in alerts


def test_the_infinitive_is_a_capability(ru: Coder) -> None:
    events, alerts = classify(ru, "Новая ракета, как утверждает производитель, «поражать» "
                                  "должна корабли и склады противника на дальности 500 км.")
    assert "attack.military_target" not in {e.type for e in events}
    assert "strategic_strike" not in alerts
    # a finite form still codes
    events, _ = classify(ru, "Ракеты поражают склады боеприпасов противника под Купянском, "
                             "сообщило Минобороны.")
    assert "attack.military_target" in {e.type for e in events}


def test_a_danger_faced_is_no_threat(ru: Coder) -> None:
    assert "threat.military" not in types(
        ru, "Министр считает, что системы РЭБ пригодятся странам, которые сталкиваются с "
            "угрозой ударов дронов.")


def test_a_claim_called_false_is_refuted(ru: Coder) -> None:
    events, alerts = classify(ru, "Штаб заявил, что его ракеты уничтожили радар С-300 под "
                                  "Запорожьем, однако в ВСУ назвали это утверждение ложным.")
    assert not events and not alerts


def test_an_interfax_ukraine_dateline_is_no_lede(ru: Coder) -> None:
    events, alerts = classify(ru, "Одесса. 3 апреля. ИНТЕРФАКС-УКРАИНА - Суд заочно приговорил "
                                  "к 15 годам офицера, отдавшего приказ об ударе по "
                                  "торговому центру.\n\nПо данным следствия, в результате удара "
                                  "погибли 21 человек.")
    assert "casualties.reported" not in {e.type for e in events}
    assert "mass_casualty" not in alerts


def test_a_repeated_rejection_of_an_idea_is_no_refusal(ru: Coder) -> None:
    events, alerts = classify(ru, "Лидеры обсуждают перемирие на море. Кремль неоднократно "
                                  "отвергал эту идею.")
    assert "ceasefire.rejected" not in {e.type for e in events}
    assert "truce_rejected" not in alerts


def test_ukrainian_the_act_answered_and_a_danger_faced(uk: Coder) -> None:
    _events, alerts = classify(uk, "У відповідь на атаки дронів на нафтобази Брянської області "
                                   "російські війська завдали удару ракетами по складу "
                                   "боєприпасів бригади ЗСУ під Слов'янськом.")
    assert "infrastructure_attack" not in alerts
    assert "threat.military" not in types(
        uk, "Такі системи потрібні країнам, які стикаються із загрозою атак дронів.")


def test_a_wound_counted_back_from_its_verb(ru: Coder, uk: Coder) -> None:
    events, _ = classify(ru, "Российские дроны атаковали склад. Трое мирных жителей в "
                             "соседних домах получили осколочные ранения.")
    tolls = [e for e in events if e.type == "casualties.reported"]
    assert tolls and tolls[0].casualties is not None and tolls[0].casualties.wounded == 3
    events, _ = classify(uk, "Російські дрони атакували склад. Троє мирних жителів у сусідніх "
                             "будинках отримали уламкові поранення.")
    tolls = [e for e in events if e.type == "casualties.reported"]
    assert tolls and tolls[0].casualties is not None and tolls[0].casualties.wounded == 3
