"""Error classes the eleventh blind Russian tune batch (`961`-`995`, natively written agency
copy with 14 hard negatives, 2026-12-06) found, pinned here in new words (none is a corpus
wire's):

- an industrial accident told by its cause: a breach of industrial safety or of a repair
  procedure, sabotage "не рассматривается" as a version (`accident_cause`);
- a fact check of footage "на котором якобы" shows a strike: the claim's relative clause
  (`claim_words`), which an article that refutes a claim does not code;
- a war game, a staff exercise, a simulation ("штабная игра, в которой моделировался
  конфликт") leads an exercise story: its strikes are moves of the game;
- "в мае" dates a sentence (the locative was missing from the `date_hint` cues, so a May
  rejection recalled in July's background was news);
- strikes "в промежутке между" two earlier rounds are a pattern over a period, no incident;
- football fans' groups ("фанатские группировки", "ультрас") declaring a "truce" are sport;
- a tally's share by weapon ("большинство жертв пришлись на удары ракетами") names the
  tally's strikes, no incident;
- an army's posts named by the plural ("по нашим постам") are a military target;
- helicopters of the air force that strike ("вертолеты ВВС нанесли удары") are the weapon,
  no aircraft hit (no strategic strike).
"""

from __future__ import annotations

from streams.classify.loader import Coder
from tests.unit.classify.langkit import classify, types

# --- an industrial accident --------------------------------------------------------------

def test_a_blast_blamed_on_a_breach_of_industrial_safety_is_no_attack(ru: Coder) -> None:
    events, alerts = classify(ru, "Двое монтажников погибли при взрыве на нефтепроводе под "
                                  "Уфой. Прокуратура начала проверку нарушения требований "
                                  "промышленной безопасности.")
    assert events == [] and alerts == set()


def test_sabotage_set_aside_as_a_version_makes_an_accident(ru: Coder) -> None:
    events, alerts = classify(ru, "На насосной станции газопровода произошел взрыв, погиб "
                                  "оператор. Версия о диверсии не рассматривается, сообщили "
                                  "в полиции.")
    assert events == [] and alerts == set()


def test_a_pipeline_blast_with_no_accident_named_is_still_an_attack(ru: Coder) -> None:
    assert "attack.infrastructure" in types(ru, "Неизвестные взорвали газопровод под "
                                                "Уфой, погиб оператор.")


# --- a fact check of footage ---------------------------------------------------------------

def test_footage_that_allegedly_shows_a_strike_is_a_refuted_claim(ru: Coder) -> None:
    events, alerts = classify(ru, "В сетях распространяют ролик, на котором якобы снят "
                                  "«ночной удар дронов по нефтебазе в Саратове». На кадрах густой "
                                  "дым над цистернами. В администрации сообщили, что "
                                  "нападений за сутки не зафиксировано.")
    assert events == [] and alerts == set()


# --- a war game ----------------------------------------------------------------------------

def test_strikes_of_a_staff_war_game_are_no_attack(ru: Coder) -> None:
    events, alerts = classify(ru, "Британский институт провел штабную игру, в которой "
                                  "моделировалась война на Черном море. В одном из ходов "
                                  "флот нанес удары по портам и нефтебазам побережья.")
    assert events == [] and alerts == set()


# --- a month in the locative ----------------------------------------------------------------

def test_a_rejection_dated_to_may_is_background(ru: Coder) -> None:
    # langkit's wires are dated 20 June: a month opening a background sentence dates it
    events, alerts = classify(ru, "Делегации встретились в Женеве во вторник. "
                                  "В мае Тегеран предлагал Вашингтону паузу в боях, "
                                  "однако Белый дом ее отклонил.")
    assert "ceasefire.rejected" not in {e.type for e in events}
    assert "truce_rejected" not in alerts


# --- strikes between two rounds --------------------------------------------------------------

def test_strikes_between_two_rounds_are_a_pattern(ru: Coder) -> None:
    events, alerts = classify(ru, "Делегации встретились в Женеве во вторник. В промежутке "
                                  "между встречами армия нанесла ряд ударов по "
                                  "электростанциям противника.")
    assert "attack.infrastructure" not in {e.type for e in events}
    assert "infrastructure_attack" not in alerts


# --- football fans ------------------------------------------------------------------------

def test_a_fans_truce_is_no_ceasefire(ru: Coder) -> None:
    assert types(ru, "Ультрас обоих клубов объявили перемирие до конца сезона.") == set()


# --- a tally's share --------------------------------------------------------------------------

def test_a_tallys_share_by_weapon_names_no_strike(ru: Coder) -> None:
    assert "attack.aerial" not in types(ru, "Большая часть жертв за квартал пришлась на "
                                            "ракетные удары и атаки дронов по жилым "
                                            "кварталам, говорится в докладе.")


# --- an army's posts ---------------------------------------------------------------------------

def test_fire_on_an_armys_posts_is_a_military_target(ru: Coder) -> None:
    events, alerts = classify(ru, "Армянские военные обстреляли азербайджанские посты в "
                                  "Кельбаджарском районе, заявили в Баку.")
    assert "attack.military_target" in {e.type for e in events}
    assert "strategic_strike" not in alerts


# --- the striking helicopters ------------------------------------------------------------------

def test_air_force_helicopters_that_strike_are_no_aircraft_hit(ru: Coder) -> None:
    events, alerts = classify(ru, "Боевики атаковали казармы полиции, а вертолеты ВВС "
                                  "нанесли удары по их отходившим пикапам.")
    assert "strategic_strike" not in alerts
    assert not any("aircraft" in e.assets for e in events)


def test_a_helicopter_destroyed_at_an_air_base_is_still_strategic(ru: Coder) -> None:
    _events, alerts = classify(ru, "Дроны поразили вертолет ВВС на аэродроме под Полтавой.")
    assert "strategic_strike" in alerts
