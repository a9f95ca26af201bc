"""Error classes the eighteenth and nineteenth blind Russian tune batches (`1241`-`1280`,
`1281`-`1320`: the brief of `1201`-`1240` again, new stories) showed, pinned here in new
words (none is a corpus wire's), each trap beside a genuine positive:

- "за неделю" / "за месяц" opening a clause is a tally (`period_open`), unless "до", "перед"
  or "после" makes it date an incident (`period_open_unless`);
- weapons gathered "для новой серии атак" are for strikes to come (`intent`);
- low water's "удар по энергосистеме" is a disaster's word, as the elements' (`nonconflict`);
- a gas compressor, metering or distribution station is pipeline infrastructure;
- a "когда" clause is set in its antecedent's time (`apposition_relatives`): "провалилась
  осенью прошлого года, когда армия отклонила" is last year's rejection;
- a chronology's paragraph under a heading of an earlier year ("Август 2024 года.") is that
  year's history, told in the historical present (`_note_timeline`);
- a war counted in its days or years ("за тысячу дней войны погибли") is a war-wide toll;
- a rejection with its object first ("группировка это предложение отвергает") is a rejection
  of the truce offered before, as "отвергает это предложение" is;
- a poll's share beside the verb ("отвергают 76%") is no party's rejection (`poll_share`).
"""

from __future__ import annotations

from streams.classify.loader import Coder
from tests.unit.classify.langkit import classify


def test_a_week_or_month_opening_a_clause_is_a_tally(ru: Coder) -> None:
    events, alerts = classify(ru, "По данным ведомства, за неделю войска нанесли восемь "
                                  "массированных ударов по энергетике и складам противника.")
    assert not {e.type for e in events} & {"attack.aerial", "attack.infrastructure"}
    assert "infrastructure_attack" not in alerts
    events, alerts = classify(ru, "За неделю до перемирия дроны атаковали подстанцию в "
                                  "Херсоне.")
    assert "infrastructure_attack" in alerts


def test_weapons_gathered_for_a_series_to_come_are_no_attack(ru: Coder) -> None:
    events, alerts = classify(ru, "По данным разведки, противник стягивает ракеты и дроны для "
                                  "новой серии массированных ударов по энергосистеме.")
    assert "infrastructure_attack" not in alerts
    assert "attack.infrastructure" not in {e.type for e in events}


def test_low_water_is_a_disasters_blow(ru: Coder) -> None:
    events, alerts = classify(ru, "Засуха нанесла тяжелый удар по энергосистеме: выработка "
                                  "ГЭС упала вдвое.")
    assert not events and not alerts
    assert "infrastructure_attack" in classify(ru, "Ракета нанесла удар по ГЭС.")[1]


def test_a_gas_compressor_station_is_a_pipeline(ru: Coder) -> None:
    events, alerts = classify(ru, "Ночью ракеты и дроны атаковали газокомпрессорную станцию "
                                  "в Харьковской области.")
    assert "attack.infrastructure" in {e.type for e in events}
    assert "infrastructure_attack" in alerts


def test_a_when_clause_is_set_in_its_antecedents_time(ru: Coder) -> None:
    body = ("Делегация армии покинула переговоры с СБР в Джидде. Прошлая попытка добиться "
            "перемирия провалилась осенью прошлого года, когда армия отклонила предложенное "
            "посредниками перемирие.")
    events, alerts = classify(ru, body)
    assert "ceasefire.rejected" not in {e.type for e in events}
    assert "truce_rejected" not in alerts and "talks_collapse" in alerts
    body = ("Делегация армии покинула переговоры с СБР в Джидде. Армия в среду отклонила "
            "предложенное посредниками перемирие, когда делегации встретились в Джидде.")
    assert "truce_rejected" in classify(ru, body)[1]


def test_a_chronologys_paragraph_is_its_headings_year(ru: Coder) -> None:
    body = ("Война между армией и СБР в субботу длится уже тысячу дней.\n\n"
            "Август 2023 года. Армия отказывается от перемирия, предложенного посредниками.\n\n"
            "Весна 2024 года. СБР отвечают ударами беспилотников по нефтебазам и "
            "электростанции Порт-Судана.")
    events, alerts = classify(ru, body, headline="Хроника войны в Судане")
    assert not alerts
    assert not {e.type for e in events} & {"ceasefire.rejected", "attack.infrastructure"}
    # a live blog's clock times are no earlier year: its entries are news
    body = ("Радио Свобода ведет хронику дня.\n\n10:20. СБР атаковали беспилотниками "
            "нефтебазу Порт-Судана.")
    assert "infrastructure_attack" in classify(ru, body, headline="Хроника дня в Судане")[1]


def test_a_war_counted_in_days_is_a_war_wide_toll(ru: Coder) -> None:
    events, alerts = classify(ru, "За тысячу дней войны погибли более 150 тыс. человек.")
    assert "mass_casualty" not in alerts
    assert "casualties.reported" not in {e.type for e in events}


def test_a_rejection_with_its_object_first(ru: Coder) -> None:
    body = ("Хунта предложила повстанцам перемирие на 30 дней. Вечером представитель "
            "повстанцев заявил, что группировка это предложение отвергает.")
    events, alerts = classify(ru, body)
    assert "ceasefire.rejected" in {e.type for e in events}
    assert "truce_rejected" in alerts


def test_a_polls_share_is_no_rejection(ru: Coder) -> None:
    events, alerts = classify(ru, "Перемирие на таких условиях поддерживают 14%, категорически "
                                  "отвергают 76% опрошенных.")
    assert "truce_rejected" not in alerts and not events
    assert "truce_rejected" in classify(ru, "Повстанцы категорически отвергают перемирие.")[1]
