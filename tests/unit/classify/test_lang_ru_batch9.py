"""Error classes the ninth blind Russian tune batch (`841`-`880`, translations of the English
dev2 batch, 2026-12-06) found, pinned here in new words (none is a corpus wire's):

- a refusal in the future ("не примет перемирие", English "would not accept") and "will not
  take part in talks" ("не будет участвовать в переговорах") reject;
- talks conducted ("делегации вели переговоры") were held;
- a danger posed, as a participle ("по боевикам, представлявшим угрозу"), is no threat;
- legal and business "wars" ("перемирие в патентной войне") are no conflict;
- recovering the dead ("паузы для сбора тел погибших") is a truce's purpose, no body
  exchange looked back at;
- a proposal that is the subject of a passive rejection ("Предложение ... было отвергнуто")
  is only what was rejected (the shared `rejected_object` reads each language's
  `passive_aux`);
- Iran's government and leaders by name ("Тегеран", "Аракчи"), the attackers' bases
  ("базы нападающих": no football forward) and a real combat alert;
- what happened "с тех пор" (since then) is a tally.
"""

from __future__ import annotations

from streams.classify.loader import Coder
from tests.unit.classify.langkit import classify, types

# --- refusals ----------------------------------------------------------------------------

def test_a_truce_that_will_not_be_accepted_is_rejected(ru: Coder) -> None:
    events, alerts = classify(ru, "Минск не примет двухнедельное перемирие на условиях "
                                  "оппозиции, заявил министр иностранных дел.")
    assert "ceasefire.rejected" in {e.type for e in events}
    assert "truce_rejected" in alerts


def test_a_decision_to_be_taken_is_no_refusal(ru: Coder) -> None:
    assert "ceasefire.rejected" not in types(ru, "Совет безопасности примет решение о "
                                                 "перемирии на следующей неделе.")


def test_will_not_take_part_in_talks_is_a_rejection(ru: Coder) -> None:
    events, alerts = classify(ru, "Повстанцы заявили, что не будут участвовать ни в каких "
                                  "переговорах, пока армия не отведет войска.")
    assert "ceasefire.rejected" in {e.type for e in events}
    assert "truce_rejected" in alerts


def test_taking_part_in_talks_is_no_rejection(ru: Coder) -> None:
    assert "ceasefire.rejected" not in types(ru, "Повстанцы заявили, что будут участвовать "
                                                 "в переговорах в Найроби.")


# --- talks conducted ---------------------------------------------------------------------

def test_talks_conducted_were_held(ru: Coder) -> None:
    assert "negotiation.held" in types(ru, "Делегации Армении и Азербайджана три дня вели "
                                           "переговоры в Абу-Даби при посредничестве ОАЭ.")


def test_fire_conducted_is_no_talks(ru: Coder) -> None:
    assert "negotiation.held" not in types(ru, "Артиллерия всю ночь вела огонь по позициям "
                                               "противника у переправы.")


# --- a danger posed ----------------------------------------------------------------------

def test_a_danger_posed_as_a_participle_is_no_threat(ru: Coder) -> None:
    assert "threat.military" not in types(ru, "В израильской армии сообщили, что авиация "
                                              "наносила удары по целям, представлявшим угрозу "
                                              "для военнослужащих на границе.")


def test_a_threat_to_strike_stays_one(ru: Coder) -> None:
    assert "threat.military" in types(ru, "Армия Израиля пригрозила нанести удары по "
                                          "позициям боевиков у границы.")


# --- legal and business wars -------------------------------------------------------------

def test_a_truce_in_a_patent_war_is_no_event(ru: Coder) -> None:
    assert types(ru, "Два производителя чипов заключили перемирие в патентной войне и "
                     "отозвали иски, объявили компании.") == set()


def test_a_truce_in_a_war_is_agreed(ru: Coder) -> None:
    assert "ceasefire.agreed" in types(ru, "Армия и повстанцы заключили перемирие в войне на "
                                           "востоке страны, объявили посредники.")


# --- recovering the dead -----------------------------------------------------------------

def test_a_pause_to_recover_the_dead_is_proposed(ru: Coder) -> None:
    assert "ceasefire.proposed" in types(ru, "Армия предложила повстанцам двухдневную паузу "
                                             "в боевых действиях, чтобы вывезти тела погибших.")


def test_bodies_handed_over_stay_no_toll(ru: Coder) -> None:
    assert "casualties.reported" not in types(ru, "Стороны передали друг другу тела погибших "
                                                  "военнослужащих.")


# --- a proposal rejected in the passive ----------------------------------------------------

def test_a_proposal_rejected_in_the_passive_proposes_nothing(ru: Coder) -> None:
    found = types(ru, "Предложение о трехдневном перемирии было отклонено повстанцами в "
                      "субботу, сообщили источники.")
    assert "ceasefire.rejected" in found
    assert "ceasefire.proposed" not in found


def test_a_proposal_put_forward_is_proposed(ru: Coder) -> None:
    assert "ceasefire.proposed" in types(ru, "Катар выдвинул предложение о трехдневном "
                                             "перемирии, сообщили источники.")


# --- Iran, the attackers' bases, a real alert ----------------------------------------------

def test_irans_minister_by_name_threatens(ru: Coder) -> None:
    events, _ = classify(ru, "Любой удар по портам страны встретит сокрушительный ответ по "
                             "базам нападающих, предупредил глава МИД Аббас Аракчи. Войска "
                             "приведены в состояние боевой готовности.")
    threats = [e for e in events if e.type == "threat.military"]
    assert threats and threats[0].actor is not None and threats[0].actor.code == "IRNGOV"


def test_a_football_forward_and_a_snap_drill_stay_empty(ru: Coder) -> None:
    assert types(ru, "Нападающий сборной забил два гола, а после матча тренер объявил "
                     "внезапную проверку боевой готовности команды.") == set()


# --- since then --------------------------------------------------------------------------

def test_talks_failed_since_then_are_a_tally(ru: Coder) -> None:
    assert "negotiation.stalled" not in types(ru, "Три раунда переговоров в Женеве с тех пор "
                                                  "закончились безрезультатно.")


def test_talks_that_failed_are_stalled(ru: Coder) -> None:
    assert "negotiation.stalled" in types(ru, "Переговоры в Женеве закончились безрезультатно.")
