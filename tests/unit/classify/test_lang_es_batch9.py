"""Error classes the ninth blind Spanish tune batch (`801`-`840`: Latin American press and
statements, Spanish desks; infrastructure hit versus affected) showed, pinned here in new words
(none is a corpus wire's), each trap beside a genuine positive:

- power towers and transmission lines ("torres de energía", "línea de transmisión") are the grid;
- drones that "incendian" a refinery set it on fire: an attack (`damage`);
- a base's own fuel store ("el depósito de combustible de la base") is military, not fuel
  infrastructure (`military_infra` masks `infra:fuel`);
- a quarter's figures ("en el último trimestre") are a tally (`period_spans`);
- talks "suspendida desde hace más de un año" are a standing state, no new suspension
  (`background` masks `stall`);
- a share ("el 40 % de las víctimas murió") is no count (all languages).
"""

from __future__ import annotations

from streams.classify.loader import Coder
from tests.unit.classify.langkit import classify


def _types(events: list) -> set[str]:
    return {e.type for e in events}


def test_power_towers_brought_down_are_the_grid(es: Coder) -> None:
    events, alerts = classify(es, "Guerrilleros derribaron con explosivos dos torres de energía "
                                  "en el Cauca y dejaron sin luz a tres municipios.")
    assert "attack.infrastructure" in _types(events) and "infrastructure_attack" in alerts


def _cats(es: Coder, text: str) -> set[tuple[str, str]]:
    return {(h.cat, text[h.start : h.end]) for h in es.lexicon.scan(text)}


def test_drones_that_set_a_refinery_on_fire_attack_it(es: Coder) -> None:
    text = "Drones ucranianos incendian la refinería de Sarátov"
    assert ("damage", "incendian") in _cats(es, text)
    events, alerts = classify(es, text + ", según el gobernador.")
    assert {"attack.aerial", "attack.infrastructure"} <= _types(events)
    assert "infrastructure_attack" in alerts


def test_a_bases_fuel_store_is_military(es: Coder) -> None:
    text = "un incendio en el depósito de combustible de la base"
    assert not any(cat == "infra:fuel" for cat, _ in _cats(es, text))
    assert ("infra:fuel", "depósito de combustible") in _cats(
        es, "un incendio en el depósito de combustible de Novorossiysk")
    _events, alerts = classify(es, "Drones atacaron la base aérea de Engels y dañaron dos "
                                  "bombarderos. Se confirma un incendio en el depósito de "
                                  "combustible de la base, dijo el mando ucraniano.")
    assert "strategic_strike" in alerts and "infrastructure_attack" not in alerts


def test_a_quarters_figures_are_a_tally(es: Coder) -> None:
    assert ("period_spans" in es.words.phrases
            and "trimestre" in es.words.phrases["period_spans"])
    events, alerts = classify(es, "Los atentados contra oleoductos registrados durante el "
                                  "primer trimestre recortaron la producción de crudo.")
    assert not alerts and "attack.infrastructure" not in _types(events)
    assert "mass_casualty" in classify(es, "Al menos 30 personas murieron en la masacre de "
                                           "este sábado, según la ONU.")[1]


def test_talks_suspended_for_a_year_are_a_standing_state(es: Coder) -> None:
    events, alerts = classify(es, "Las partes se reunirán en Caracas para reactivar la mesa de "
                                  "diálogo, suspendida desde hace más de un año.")
    assert "talks_collapse" not in alerts and "negotiation.stalled" not in _types(events)
    assert "talks_collapse" in classify(es, "El Gobierno suspendió este lunes la mesa de "
                                            "diálogo con la guerrilla.")[1]


def test_a_share_is_no_count(es: Coder) -> None:
    text = "alrededor del 40 % de las víctimas murió"
    figures = es.words.figures
    assert figures.count_before(text, text.index("murió"), 0) is None
    more = "murieron 40 personas"
    assert figures.count_after(more, more.index(" 40"), len(more)).value == 40
    events, alerts = classify(es, "El informe precisa que el 40 % de las víctimas murió en "
                                  "operaciones policiales.")
    assert "casualties.reported" not in _types(events) and "mass_casualty" not in alerts
