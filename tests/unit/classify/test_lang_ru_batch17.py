"""Error classes the seventeenth blind Russian tune batch (`1201`-`1240`: regional
operational headquarters, utilities, milbloggers retold, foreign Russian-language services;
infrastructure hit versus only affected) showed, pinned here in new words (none is a corpus
wire's), each trap beside a genuine positive:

- an organisation named for what it runs ("Каспийского трубопроводного консорциума",
  "Министерство энергетики") is no pipeline or power asset hit (ru `infra_name` masks them);
- after a comma, "включая" / "в том числе" go on with the clause (`list_words`): a plan for
  "самые тяжелые сценарии, включая массированные удары" stays hypothetical;
- a week's or month's summary ("подвел итоги недели: 212 атак", "За неделю погибли двое")
  and attacks counted in times ("больше ста раз атаковали") are tallies (`over_a_period`);
- «Это неправда.» after a claim takes the claim back (`refuted`, `refutation_openers`);
- a person group's one-word modifier does not end a split toll ("восемь военнослужащих
  сопровождения и трое водителей" is 11);
- a train or locomotive hit alone is rolling stock, not the railway; a station, the tracks or
  a traction substation hit are.
"""

from __future__ import annotations

from streams.classify.loader import Coder
from tests.unit.classify.langkit import classify, types


def test_an_organisation_named_for_its_assets_is_no_asset_hit(ru: Coder) -> None:
    events, alerts = classify(ru, "Беспилотник атаковал танкер, ожидавший погрузки на рейде "
                                  "Каспийского трубопроводного консорциума, сообщили в "
                                  "Министерстве энергетики.")
    assert "attack.aerial" in {e.type for e in events}
    assert "attack.infrastructure" not in {e.type for e in events}
    assert "infrastructure_attack" not in alerts
    events, alerts = classify(ru, "Беспилотники атаковали нефтеперекачивающую станцию "
                                  "Каспийского трубопроводного консорциума.")
    assert "infrastructure_attack" in alerts


def test_a_list_after_a_hypothetical_stays_hypothetical(ru: Coder) -> None:
    events, alerts = classify(ru, "Мэр сказал, что план рассчитан на «худшие сценарии», "
                                  "включая удары по подстанциям и котельным.")
    assert not {e.type for e in events} & {"attack.aerial", "attack.infrastructure"}
    assert "infrastructure_attack" not in alerts
    assert not types(ru, "Город готовится к любым сценариям, в том числе к ударам по "
                         "водоканалу.")
    events, alerts = classify(ru, "Ночью дроны атаковали город, повреждены объекты, включая "
                                  "подстанцию.")
    assert "infrastructure_attack" in alerts


def test_a_week_or_month_summary_and_attacks_counted_in_times_are_tallies(ru: Coder) -> None:
    events, alerts = classify(ru, "Оперштаб подвел итоги недели: 140 атак дронов, "
                                  "повреждены 9 км ЛЭП и две подстанции.")
    assert not events and not alerts
    assert "casualties.reported" not in types(ru, "За неделю погибли трое мирных жителей, "
                                                  "еще 15 человек ранены.")
    events, alerts = classify(ru, "Министр сказал, что за месяц противник больше ста раз "
                                  "атаковал энергообъекты области.")
    assert "infrastructure_attack" not in alerts
    # a day's strike on a substation is news; "за неделю до" dates an incident
    events, alerts = classify(ru, "Этой ночью дроны атаковали подстанцию в Курске.")
    assert "infrastructure_attack" in alerts
    assert "casualties.reported" in types(ru, "За неделю до выборов боевики напали на "
                                              "блокпост, погибли трое военных.")


def test_this_is_untrue_takes_back_the_claim_before_it(ru: Coder) -> None:
    events, alerts = classify(ru, "Блогеры заявили, что дрон поразил истребитель на "
                                  "аэродроме. «Это неправда», - сказал представитель ВВС.")
    assert not {e.type for e in events} & {"attack.aerial", "attack.military_target"}
    assert "strategic_strike" not in alerts
    events, alerts = classify(ru, "Дрон поразил истребитель на аэродроме, сообщили в ВВС.")
    assert "strategic_strike" in alerts


def test_a_modifier_of_a_group_does_not_end_a_split_toll(ru: Coder) -> None:
    events, alerts = classify(ru, "Боевики напали на армейскую колонну, погибли семь "
                                  "военнослужащих охраны и четверо водителей.")
    killed = [e.casualties.killed for e in events if e.type == "casualties.reported"]
    assert killed == [11]
    assert "mass_casualty" in alerts
    events, alerts = classify(ru, "Боевики напали на армейскую колонну, погибли семь "
                                  "военнослужащих охраны.")
    assert "mass_casualty" not in alerts


def test_a_train_hit_alone_is_rolling_stock_not_the_railway(ru: Coder) -> None:
    events, alerts = classify(ru, "Дрон попал в локомотив грузового поезда, стоявшего на "
                                  "станции, машинист ранен.")
    assert "attack.aerial" in {e.type for e in events}
    assert "infrastructure_attack" not in alerts
    for hit in ("Дрон попал в здание вокзала, ранены два человека.",
                "Под составом подорвали железнодорожные пути.",
                "Беспилотник атаковал тяговую подстанцию железной дороги."):
        assert "infrastructure_attack" in classify(ru, hit)[1], hit
