"""Shared-engine fixes for Russian precision (branch `ru-eng`), pinned in new words (none is a
corpus wire's). Each is engine or spec data any language can fill; Russian and Ukrainian
write the words:

- a standing breach charge ("с начала перемирия обвиняет ... в систематических нарушениях")
  is the `standing` scope, which blocks the violation rules; a breach of the day is coded;
- a negation after its noun ("атаки ... не было", `negation_after` cues) negates the trigger
  right before it, not a noun cue further back ("в результате удара пострадавших не было");
- a phrase that opens with a clause word and ends no clause (`clause_exceptions`: "хотя бы")
  is no barrier; "хотя" (although) still is;
- a condition word (`conditionals`: "если", "в противном случае") reaches to the end of its
  clause, and a sentence that opens with one is hypothetical throughout, unless it opens a
  contrast (`conditional_exceptions`: "если раньше ..., то");
- a lead that sets its story years back ("Пять лет назад, в марте 2020 года, ...", "воевал
  ... весной 2023 года"; the sentence after a title line when the body opens with one) and
  codes no violence itself: a retrospective interview or an anniversary, whose undated tolls
  are that time's (`coder._lead_years_back`); a day named keeps today's news; a
  commemoration ("почтили память погибших") is a `retro` cue that makes its lead history.
"""

from __future__ import annotations

from streams.classify.language_data import LanguageSettings
from streams.classify.loader import Coder
from tests.unit.classify.langkit import classify, language_coder, types

# --- a standing breach charge ---------------------------------------------------------------


def test_a_standing_breach_charge_is_no_violation(ru: Coder) -> None:
    events, alerts = classify(ru, "С первого дня перемирия Тбилиси обвиняет Сухуми в "
                                  "систематических нарушениях режима тишины на границе.")
    assert not events and "ceasefire_violation" not in alerts


def test_a_breach_of_the_day_is_still_a_violation(ru: Coder) -> None:
    events, alerts = classify(ru, "В воскресенье ВСУ нарушили перемирие, обстреляв позиции "
                                  "под Горловкой, заявили в Минобороны.")
    violated = [e for e in events if e.type == "ceasefire.violated"]
    assert violated and violated[0].cameo_code == "196"
    assert violated[0].actor is not None and violated[0].actor.code == "UKRMIL"
    assert "ceasefire_violation" in alerts


def test_a_standing_charge_in_ukrainian(uk: Coder) -> None:
    assert not types(uk, "З початку перемир'я Москва звинувачує Київ у систематичних "
                         "порушеннях режиму тиші.")


# --- a negation after its noun --------------------------------------------------------------


def test_an_attack_that_there_was_not(ru: Coder) -> None:
    events, alerts = classify(ru, "Атаки на подстанцию в ту ночь не было, заявили в "
                                  "энергокомпании.")
    assert not events and not alerts


def test_no_casualties_negates_the_casualties_not_the_strike(ru: Coder) -> None:
    events, alerts = classify(ru, "В результате удара по нефтебазе пострадавших не было, "
                                  "сообщил губернатор.")
    assert {e.type for e in events} == {"attack.infrastructure"}
    assert "infrastructure_attack" in alerts


def test_a_comparison_is_no_negation(ru: Coder) -> None:
    # "не было с весны" compares: the strike of the night is news
    events, _ = classify(ru, "Подобного удара по Сумам не было с весны: ночью ракеты поразили "
                             "подстанцию, сообщил губернатор.")
    assert {"attack.aerial", "attack.infrastructure"} <= {e.type for e in events}


def test_an_attack_that_there_was_not_in_ukrainian(uk: Coder) -> None:
    assert not types(uk, "Атаки на підстанцію тієї ночі не було, заявили в енергокомпанії.")


# --- "хотя бы" ends no clause ---------------------------------------------------------------


def test_at_least_one_in_a_condition_stays_conditional(ru: Coder) -> None:
    assert not types(ru, "Если хотя бы один польский военный погибнет при ракетном ударе, это "
                         "станет поводом для консультаций, считает аналитик.")


def test_although_still_ends_the_hedge(ru: Coder) -> None:
    events, _ = classify(ru, "Экспертов пугает возможная эскалация, хотя ночью российские "
                             "ракеты поразили подстанцию в Сумах.")
    infra = [e for e in events if e.type == "attack.infrastructure"]
    assert infra and infra[0].cameo_code == "195"
    assert infra[0].actor is not None and infra[0].actor.code == "RUSMIL"


def test_at_least_one_in_ukrainian(uk: Coder) -> None:
    assert not types(uk, "Якщо хоча б один польський військовий загине від ракетного удару, це "
                         "стане приводом для консультацій, вважає аналітик.")


def test_clause_exceptions_shape_the_barrier() -> None:
    barrier, _ = LanguageSettings(code="xx", clause_words=("хотя", "а"),
                                  clause_exceptions=("хотя бы",)).barriers()
    assert barrier.search("если хотя бы один") is None
    assert barrier.search("ночью, хотя днем") is not None
    assert barrier.search("эскалация хотя ночью") is not None


# --- a condition's reach --------------------------------------------------------------------


def test_a_long_condition_is_hypothetical(ru: Coder) -> None:
    events, alerts = classify(ru, "Если армия в ближайшие дни все же решится снова и без "
                                  "предупреждения нанести массированный удар по энергосистеме, "
                                  "зима станет катастрофой.")
    assert not events and not alerts


def test_otherwise_opens_a_hypothetical_sentence(ru: Coder) -> None:
    events, alerts = classify(ru, "В противном случае и на Пасху, и на майские праздники мы "
                                  "увидим привычную картину - удары дронов по НПЗ и ракетные "
                                  "удары по подстанциям.")
    assert not events and not alerts


def test_a_contrast_with_before_is_no_condition(ru: Coder) -> None:
    events, alerts = classify(ru, "Если раньше удары наносились ночью, то в среду российские "
                              "ракеты поразили подстанцию в Харькове днем.")
    infra = [e for e in events if e.type == "attack.infrastructure"]
    assert infra and infra[0].cameo_code == "195"
    assert infra[0].actor is not None and infra[0].actor.code == "RUSMIL"
    assert "infrastructure_attack" in alerts


# --- a story set years back -----------------------------------------------------------------


def test_a_retrospective_interview_codes_no_toll(ru: Coder) -> None:
    events, alerts = classify(ru, "«Мы шли под огнем»: бывший десантник - о боях за Бахмут\n\n"
                                  "Сергей воевал под Бахмутом весной 2023 года, а сейчас работает "
                                  "водителем в Казани. Он рассказал, как проходили штурмы.\n\n"
                                  "- Что было страшнее всего?\n\n- Минометные обстрелы. Однажды "
                                  "мина попала в блиндаж, погибли трое моих товарищей, еще 12 были "
                                  "ранены.")
    assert not events and not alerts


def test_an_anniversary_toll_without_a_year_is_history(ru: Coder) -> None:
    events, alerts = classify(
        ru, "Пять лет назад, в марте 2020 года, в Грозном подписали перемирие. Бывший дипломат "
            "рассказал, почему оно сорвалось. В боях за аэропорт погибли более 200 человек, "
            "говорит он.",
        headline="Участник переговоров в Грозном - о перемирии, которое не продержалось и месяца")
    assert not events and "mass_casualty" not in alerts


def test_a_day_named_in_an_anniversary_story_is_news(ru: Coder) -> None:
    events, alerts = classify(
        ru, "Пять лет назад, в марте 2020 года, в Грозном подписали перемирие. Бывший дипломат "
            "рассказал, почему оно сорвалось. Вчера ночью беспилотник атаковал нефтебазу под "
            "Грозным, погибли два человека, сообщил глава республики.",
        headline="Пять лет назад в Грозном подписали перемирие")
    tolls = [e for e in events if e.type == "casualties.reported"]
    assert tolls and tolls[0].casualties is not None and tolls[0].casualties.killed == 2
    assert tolls[0].cameo_code == "195"
    assert "infrastructure_attack" in alerts


def test_a_lead_that_codes_violence_is_news_whatever_year_it_names() -> None:
    en = language_coder("en")
    events, _ = classify(
        en, "A drone strike on a car near the southern city of Sidon killed a veteran Hezbollah "
            "commander, security officials said. The strike hit the car on the coastal road, "
            "setting it on fire. Lebanon's Health Ministry said three people were killed.",
        headline="Drone kills veteran Hezbollah commander near Sidon, a fighter since the 1990s")
    aerial = [e for e in events if e.type == "attack.aerial"]
    assert aerial and aerial[0].cameo_code == "195"
    assert any(e.type == "casualties.reported" and e.casualties is not None
               and e.casualties.killed == 3 for e in events)


def test_an_english_veteran_recalling_a_siege_codes_no_toll() -> None:
    en = language_coder("en")
    assert not types(en, "A former soldier who fought at the airport in the winter of 2015 "
                         "spoke about the siege. Shelling killed four men in his unit in a "
                         "single night, he said.",
                     headline="Ten years on, a veteran of the siege recalls the winter of 2015")


def test_a_commemoration_lead_makes_the_old_toll_history(ru: Coder) -> None:
    events, alerts = classify(ru, "Жители Курска в субботу почтили память погибших при ракетном "
                                  "ударе по рынку 5 мая 2024 года, сообщил мэр. Следователи "
                                  "тогда возбудили уголовное дело о теракте. Снаряды попали в "
                                  "торговые ряды, погибли 14 человек.")
    assert not events and "mass_casualty" not in alerts


def test_a_strike_during_the_commemoration_is_news(ru: Coder) -> None:
    events, alerts = classify(ru, "Жители Курска в субботу почтили память погибших при ракетном "
                                  "ударе по рынку 5 мая 2024 года, сообщил мэр. Во время "
                                  "церемонии в субботу беспилотник атаковал подстанцию на "
                                  "окраине города, сообщил губернатор.")
    infra = [e for e in events if e.type == "attack.infrastructure"]
    assert infra and infra[0].cameo_code == "195"
    assert "infrastructure_attack" in alerts
