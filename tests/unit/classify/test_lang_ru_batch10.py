"""Error classes the tenth blind Russian tune batch (`901`-`930`, translations of the English
dev3 batch, 2026-12-07) found, pinned here in new words (none is a corpus wire's):

- a call to keep a truce that exists ("призвал стороны соблюдать перемирие", "которые следят
  за соблюдением перемирия") proposes none (Russian `uphold_verbs` for `upholds_truce`);
- cricket ("крикет", "боулеры", "жеребьевка") is a sport, another sense of truce and talks;
- a budget or pay dispute ("бюджетный спор", "спор о зарплатах") is no war.
"""

from __future__ import annotations

from streams.classify.loader import Coder
from tests.unit.classify.langkit import classify, types

# --- keeping a truce is no proposal ------------------------------------------------------

def test_a_call_to_observe_a_truce_proposes_none(ru: Coder) -> None:
    assert "ceasefire.proposed" not in types(ru, "Генсек ООН призвал обе стороны строго "
                                                 "соблюдать режим прекращения огня.")


def test_monitors_of_a_truce_propose_none(ru: Coder) -> None:
    assert "ceasefire.proposed" not in types(ru, "Премьер призвал Турцию, которая следит за "
                                                 "соблюдением перемирия, надавить на Баку.")


def test_a_call_to_conclude_a_truce_is_still_a_proposal(ru: Coder) -> None:
    assert "ceasefire.proposed" in types(ru, "Генсек ООН призвал обе стороны немедленно "
                                             "заключить перемирие.")


# --- cricket is a sport ------------------------------------------------------------------

def test_a_cricket_truce_is_no_ceasefire(ru: Coder) -> None:
    events, alerts = classify(ru, "Крикетные федерации двух стран отказались от перемирия "
                                  "накануне решающего матча серии.")
    assert events == [] and alerts == set()


def test_talks_before_the_toss_are_no_peace_talks(ru: Coder) -> None:
    assert types(ru, "Менеджеры команд провели переговоры и решили, что капитаны пожмут руки "
                     "на жеребьевке.") == set()


def test_a_ceasefire_refused_by_an_army_is_still_rejected(ru: Coder) -> None:
    events, alerts = classify(ru, "Армия отказалась от перемирия, предложенного "
                                  "повстанцами накануне.")
    assert "ceasefire.rejected" in {e.type for e in events}
    assert "truce_rejected" in alerts


# --- a budget dispute is no war ----------------------------------------------------------

def test_a_truce_refused_in_a_budget_dispute_is_no_rejection(ru: Coder) -> None:
    events, alerts = classify(ru, "«Мы не пойдем на перемирие, пока врачи сидят без денег», - "
                                  "заявил лидер медиков, комментируя бюджетный спор с мэрией.")
    assert events == [] and alerts == set()


def test_a_truce_refused_in_a_pay_dispute_is_no_rejection(ru: Coder) -> None:
    assert "ceasefire.rejected" not in types(ru, "Шахтеры отвергли перемирие в споре о "
                                                 "зарплатах и продолжат протест.")


def test_a_truce_refused_in_a_war_is_still_rejected(ru: Coder) -> None:
    assert "ceasefire.rejected" in types(ru, "«Мы не пойдем на перемирие, пока враг стоит у "
                                             "наших городов», - заявил командир повстанцев.")
