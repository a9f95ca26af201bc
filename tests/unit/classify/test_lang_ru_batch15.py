"""Error classes the fifteenth blind Russian tune batch (`1121`-`1160`) and the whole Russian
tune part still showed, pinned here in new words (none is a corpus wire's):

- a month or season of last year ("в мае прошлого года", "минувшего года") is an `earlier`
  time, even in the wire's own month, and opening a background sentence it dates every
  clause of it (the breach charged "затем" in the second clause too);
- an attack joined by "а также" (or a bare "и") to the object of a truce verb ("прекратить
  обстрелы ..., а также атаки на ...") is what the truce would stop, no attack
  (`stopped_by_truce` with the language's `stoppage_also`, `stoppage_and`);
- other senses: a banks' rate "war" and its "перемирие" ("депозитная война", "война ставок"),
  a legislature's factions "firing questions" at each other over a budget;
- a truce in force "с конца декабря" is dated by the month it has run since (`month_preps`),
  a deadline "до конца августа" is not;
- the MoD's day tally of downings ("за прошедшие сутки средствами ПВО сбиты 40 дронов и
  две авиабомбы") is war-wide, no raid (`intercept_tally`, a veto of the act); a night's
  downings over a region stay the raid;
- an army's base named by its owner ("базу армии Нигера", "базы вооруженных сил") is a
  military target, as "лагерь армии" was;
- one casualty said by a singular verb and a singular person noun ("погиб пограничник",
  "охранник получил ранения"): the figure 1 (`casualty_figure` reads the language's
  `singular_casualty_verbs` and `singular_persons`; Russian has no article to count);
- a weekly summary: a recap flagged "Как сообщалось," (`retro`, English "as previously
  reported") and strikes over a span of days "с 3 по 9 марта" (`over_a_period`, the
  language's `span_from`, `span_to`) are no incident; one night "с 3 на 4 марта" is;
"""

from __future__ import annotations

from streams.classify.loader import Coder
from tests.unit.classify.langkit import classify, types


def test_a_month_of_last_year_dates_its_whole_background_sentence(ru: Coder) -> None:
    body = ("Армения во вторник предложила Азербайджану отвести войска от границы. "
            "В июне прошлого года стороны объявили о режиме тишины на границе, однако затем "
            "неоднократно обвиняли друг друга в его нарушении.")
    events, alerts = classify(ru, body)
    found = {e.type for e in events}
    assert "ceasefire.agreed" not in found and "ceasefire.violated" not in found
    assert "ceasefire_violation" not in alerts
    # a recent day in the sentence keeps its own news
    body = ("Армения во вторник предложила Азербайджану отвести войска от границы. "
            "В июне прошлого года стороны объявили о режиме тишины, а в среду Баку обвинил "
            "Ереван в его нарушении.")
    assert "ceasefire.violated" in types(ru, body)


def test_an_attack_joined_to_what_a_truce_would_stop_is_stopped_too(ru: Coder) -> None:
    events, alerts = classify(ru, "Генсек ООН призвал стороны на две недели прекратить обстрелы "
                                  "артиллерией и дронами, а также атаки на электростанции и "
                                  "нефтебазы.")
    found = {e.type for e in events}
    assert not found & {"attack.aerial", "attack.infrastructure"}
    assert "infrastructure_attack" not in alerts
    events, alerts = classify(ru, "Стороны договорились прекратить огонь, а через час дроны "
                                  "атаковали электростанцию под Херсоном.")
    assert "attack.infrastructure" in {e.type for e in events}


def test_a_banks_rate_war_and_a_legislatures_truce_are_other_senses(ru: Coder) -> None:
    assert not types(ru, "Банки заключили перемирие в войне ставок по вкладам.",
                     headline="Крупнейшие банки объявили перемирие в депозитной войне")
    assert not types(ru, "Фракции городской думы объявили перемирие и согласовали поправки к "
                         "бюджету на следующий год. «Неделю нас обстреливали вопросами, теперь "
                         "мы договорились прекратить огонь», - сказал депутат.")
    assert "ceasefire.agreed" in types(ru, "Армия и повстанцы объявили перемирие в провинции.")


def test_a_truce_in_force_since_a_month_long_past_is_no_new_agreement(ru: Coder) -> None:
    body = ("Пограничники обвинили соседнюю армию в обстреле поста во вторник. "
            "Перемирие действует с конца января, когда стороны договорились прекратить огонь.")
    events, _ = classify(ru, body)  # published 20 June
    assert "ceasefire.agreed" not in {e.type for e in events}
    body = ("Делегации встретились во вторник в Женеве. Стороны договорились прекратить огонь "
            "с понедельника и провести встречу лидеров до конца января.")
    assert "ceasefire.agreed" in types(ru, body)


def test_a_days_interception_tally_is_no_raid(ru: Coder) -> None:
    body = ("Минобороны России сообщило, что за минувшие сутки дежурные средства ПВО сбили над "
            "Брянской и Орловской областями 57 беспилотников и три управляемые авиабомбы.")
    assert "attack.aerial" not in types(ru, body)
    body = "Этой ночью дежурные средства ПВО сбили над Брянской областью 57 беспилотников."
    assert "attack.aerial" in types(ru, body)


def test_an_armys_base_named_by_its_owner_is_a_military_target(ru: Coder) -> None:
    events, alerts = classify(ru, "Боевики атаковали базу армии Нигера у границы с Мали, "
                                  "погибли не менее 15 солдат.")
    found = {e.type for e in events}
    assert "attack.military_target" in found and "mass_casualty" in alerts
    assert "attack.military_target" not in types(ru, "Туристы посетили базу отдыха у озера.")


def test_a_singular_verb_and_person_noun_is_one_casualty(ru: Coder) -> None:
    from tests.unit.classify.langkit import killed_tolls

    tolls, alerts = killed_tolls(ru, "При обстреле заставы минометами погиб пограничник.")
    assert tolls == [1] and "mass_casualty" not in alerts
    events, _ = classify(ru, "Дрон атаковал проходную завода, охранник получил ранения.")
    assert "casualties.reported" in {e.type for e in events}
    # a plural verb or no person named counts nothing by itself
    assert "casualties.reported" not in types(ru, "При обстреле заставы есть погибшие.")


def test_a_weekly_summary_recaps_and_sums(ru: Coder) -> None:
    assert not types(ru, "Как сообщалось, в четверг при обстреле рынка в Донецке погибли "
                         "трое покупателей.")
    assert not types(ru, "С 12 июня по 18 июня противник нанес 230 ударов по 25 селам "
                         "района беспилотниками и авиабомбами.")
    assert not types(ru, "С 12 по 18 июня противник нанес 230 ударов по селам района "
                         "беспилотниками.")
    assert "attack.aerial" in types(ru, "В ночь с 18 на 19 июня противник нанес удар "
                                        "беспилотниками по селу в районе.")
