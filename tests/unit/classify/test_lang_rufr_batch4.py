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
from tests.unit.classify.langkit import classify, language_coder


@pytest.fixture(scope="module")
def coders() -> dict[str, Coder]:
    return {code: language_coder(code) for code in ("ru", "fr")}


def _tolls(coder: Coder, body: str) -> tuple[list[int], set[str]]:
    events, alerts = classify(coder, body)
    tolls = [e.casualties.killed for e in events
             if e.type == "casualties.reported" and e.casualties is not None
             and e.casualties.killed is not None]
    return tolls, alerts


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
    tolls, alerts = _tolls(coders[code], body)
    assert all(t < 10 for t in tolls)
    assert "mass_casualty" not in alerts


@pytest.mark.parametrize(("code", "body"), [
    ("ru", "После атаки дронов на нефтебазе загорелся резервуар. Возгорание площадью 250 "
           "квадратных метров ликвидировано, пострадавших нет."),
    ("ru", "Пожар на складе площадью около 900 кв. м ликвидирован к утру."),
])
def test_a_measured_area_counts_no_people(coders: dict[str, Coder], code: str,
                                          body: str) -> None:
    tolls, alerts = _tolls(coders[code], body)
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
