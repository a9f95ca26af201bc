"""Spanish as data (issue 12): the es folder loads, and the shared rules read EFE-style copy
through it. Every sentence here was written for this test, in new words: none is a corpus
wire's."""

from __future__ import annotations

import pytest

from streams.classify.loader import Coder
from tests.unit.classify.langkit import classify as _classify
from tests.unit.classify.langkit import language_coder
from tests.unit.classify.langkit import types as _types


@pytest.fixture(scope="module")
def coder() -> Coder:
    return language_coder("es")


def test_contractions_and_accents_are_read(coder: Coder) -> None:
    text = "el rechazo del alto el fuego por parte de Hamás"
    found = {(text[h.start : h.end], h.cat) for h in coder.lexicon.scan(text)}
    assert ("rechazo", "reject") in found
    assert ("alto el fuego", "truce") in found
    assert ("Hamás", "actor") in found


def test_a_rejected_truce_raises_its_alert_with_the_rejecting_actor(coder: Coder) -> None:
    events, alerts = _classify(
        coder, "El Clan del Golfo rechazó este lunes el cese al fuego ofrecido por el Gobierno, "
        "al que acusó de incumplir lo pactado.")
    assert "ceasefire.rejected" in {e.type for e in events}
    assert "truce_rejected" in alerts


def test_a_ruled_out_truce_is_a_rejection_but_not_when_negated(coder: Coder) -> None:
    assert "ceasefire.rejected" in _types(
        coder, "El Kremlin descartó una tregua de treinta días en Ucrania.")
    assert "ceasefire.rejected" not in _types(
        coder, "El Kremlin no descartó una tregua de treinta días en Ucrania.")


def test_a_blown_up_pipeline_is_an_infrastructure_attack(coder: Coder) -> None:
    events, alerts = _classify(
        coder, "Guerrilleros del ELN dinamitaron el oleoducto Caño Limón-Coveñas en Saravena, "
        "provocando un derrame de crudo.")
    assert "attack.infrastructure" in {e.type for e in events}
    assert "infrastructure_attack" in alerts


def test_an_air_base_is_no_air_strike_by_itself(coder: Coder) -> None:
    # "base aérea" names the place of a car bomb; "aérea" alone is no air weapon
    found = _types(coder, "Un coche bomba estalló junto a la base aérea de Palanquero, "
                   "causando daños en la cerca perimetral.")
    assert "attack.aerial" not in found


@pytest.mark.parametrize(("words", "killed"), [
    ("Decenas de campesinos", 10),     # tens, ACLED's 10
    ("Una docena de campesinos", 12),  # a dozen
    ("Al menos once campesinos", 11),  # a number word after its qualifier
])
def test_vague_and_written_figures_follow_acled(coder: Coder, words: str, killed: int) -> None:
    events, alerts = _classify(
        coder, f"{words} murieron el sábado en un ataque de disidencias armadas contra una "
        "vereda del Cauca.")
    tolls = [e.casualties.killed for e in events
             if e.type == "casualties.reported" and e.casualties is not None]
    assert tolls == [killed]
    assert "mass_casualty" in alerts


def test_strikes_by_workers_box_office_bombs_and_football_raise_nothing(coder: Coder) -> None:
    for body in (
        "Los estibadores del puerto de Valencia mantienen la huelga indefinida por los salarios.",
        "La película fue el bombazo del fin de semana en taquilla, con 12 millones recaudados.",
        "El delantero bombardeó la portería rival y el Betis goleó en el partido de ida.",
    ):
        assert _classify(coder, body)[1] == set(), body


def test_a_stalled_dialogue_is_a_collapse(coder: Coder) -> None:
    events, alerts = _classify(
        coder, "Los diálogos de paz entre el Gobierno y el Estado Mayor Central quedaron en "
        "punto muerto tras la retirada de los negociadores de la guerrilla.")
    assert "negotiation.stalled" in {e.type for e in events}
    assert "talks_collapse" in alerts


def test_spanish_actor_forms_map_to_the_english_codes(coder: Coder) -> None:
    text = "el Ejército ruso, los hutíes, Hezbolá y el Gobierno de Colombia"
    codes = [m.entry.code for m in coder.actors.mentions(coder.lexicon.scan(text), text)]
    assert codes[:3] == ["RUSMIL", "YEMREB", "LBNREB"]



def test_reported_speech_in_the_pluperfect_is_news(coder: Coder) -> None:
    # Spanish reported speech puts the news in the pluperfect ("informó de que ... habían
    # bombardeado"): the tense alone dates nothing
    assert "attack.infrastructure" in _types(
        coder, "El alcalde informó de que misiles rusos habían bombardeado la estación de "
        "bombeo de Mikoláiv.")


def test_last_month_sets_a_sentence_in_the_past(coder: Coder) -> None:
    assert "casualties.reported" not in _types(
        coder, "El mes pasado, un ataque contra un hospital de Sumi mató a catorce civiles.")


@pytest.mark.parametrize("text", [
    # a tally since a date, not an incident
    "La violencia entre comunidades ha dejado más de 1.300 muertos en la región desde "
    "principios de año, según la ONU.",
    "Al menos 40 civiles han muerto en el norte del país desde la entrada en vigor del "
    "acuerdo, según ONG locales.",
    # a hypothetical strike: a generic determiner, a conditional after the noun
    "Según un investigador, un ataque semejante contra la presa dejaría sin agua a todo el valle.",
    # a trial and a commemoration over an old attack
    "El juicio contra los presuntos autores del atentado que mató a 22 personas comenzó el "
    "lunes en Madrid.",
    "Se guardó un minuto de silencio por los 31 soldados muertos en la emboscada.",
])
def test_tallies_hypotheses_trials_and_memorials_raise_no_alert(coder: Coder, text: str) -> None:
    _, alerts = _classify(coder, text)
    assert not alerts & {"mass_casualty", "infrastructure_attack"}


def test_the_deadliest_strike_since_a_date_is_still_news(coder: Coder) -> None:
    _, alerts = _classify(
        coder, "Un ataque ruso mató el martes a 14 civiles en Dnipró, el más mortífero desde "
        "enero en la ciudad.")
    assert "mass_casualty" in alerts


@pytest.mark.parametrize(("headline", "body"), [
    # a memorial for the dead of an earlier attack
    ("Járkov recuerda a las víctimas del bombardeo contra el mercado",
     "Cientos de vecinos depositaron flores este domingo frente al mercado para recordar a los "
     "25 muertos del bombardeo de aquel 12 de mayo de 2023."),
    # a labour dispute that calls a blockade "sabotaje" is no armed conflict
    ("Huelga en la refinería de Cartagena",
     "La empresa denuncia un \"sabotaje\" a la producción tras el bloqueo de la refinería por "
     "los trabajadores en huelga convocados por CCOO."),
    # "a juicio de" is an opinion, and this verdict is over an old attack
    ("Condenado a 30 años el autor del atentado contra el cuartel",
     "La Audiencia Nacional condenó este jueves a 30 años de prisión al autor del atentado que "
     "mató a 11 guardias civiles en 2019."),
])
def test_memorials_other_senses_and_verdicts_raise_no_alert(
        coder: Coder, headline: str, body: str) -> None:
    _, alerts = _classify(coder, body, headline)
    assert not alerts


def test_an_opinion_a_juicio_de_is_no_trial(coder: Coder) -> None:
    _, alerts = _classify(
        coder, "El coche bomba que mató el viernes a 13 personas en Jamundí fue obra de las "
        "disidencias, a juicio del ministro de Defensa.")
    assert "mass_casualty" in alerts


@pytest.mark.parametrize("text", [
    # the aircraft carry the strike, a cruise missile is no cruiser
    "Bombardeos llevados a cabo por cazas rusos alcanzaron el jueves un depósito de "
    "combustible civil en Kostiantinivka, informó el Estado Mayor.",
    "Misiles de crucero lanzados desde bombarderos Tu-95 alcanzaron una central eléctrica "
    "cerca de Leópolis, precisó el Estado Mayor ucraniano.",
])
def test_carriers_and_cruise_missiles_are_no_military_target(coder: Coder, text: str) -> None:
    _, alerts = _classify(coder, text)
    assert "strategic_strike" not in alerts
    assert "infrastructure_attack" in alerts


def test_a_bomber_destroyed_on_the_ground_is_still_a_strategic_target(coder: Coder) -> None:
    _, alerts = _classify(coder, "Drones ucranianos destruyeron dos bombarderos Tu-22M3 en el "
                          "aeródromo de Soltsí, según una fuente ucraniana.")
    assert "strategic_strike" in alerts


def test_deaths_from_hunger_disease_and_shipwreck_are_no_casualties_of_an_attack(
        coder: Coder) -> None:
    _, alerts = _classify(
        coder, "Un civil murió el lunes por un obús en Kadugli. En la región, el sarampión y el "
        "cólera han causado más de 200 muertos, y decenas de niños han muerto de hambre, según "
        "Unicef.")
    assert "mass_casualty" not in alerts


def test_ruling_out_that_a_truce_is_at_risk_is_no_rejection(coder: Coder) -> None:
    _, alerts = _classify(
        coder, "La Casa Blanca descartó que el alto el fuego en Gaza corra peligro y negó que las "
        "conversaciones estén bloqueadas.")
    assert not alerts & {"truce_rejected", "talks_collapse", "ceasefire_violation"}


@pytest.mark.parametrize(("text", "kind"), [
    ("Teherán se opone a cualquier tregua que permita a Israel rearmarse, declaró su ministro "
     "de Exteriores.", "truce_rejected"),
    ("El diálogo entre el Gobierno de Perú y los remanentes de Sendero Luminoso está roto, "
     "anunció el Ejecutivo.", "talks_collapse"),
])
def test_opposition_to_a_truce_and_a_broken_dialogue_are_alerts(
        coder: Coder, text: str, kind: str) -> None:
    _, alerts = _classify(coder, text)
    assert kind in alerts


@pytest.mark.parametrize("text", [
    "Pese a la tregua alcanzada en marzo, ambas delegaciones siguen reunidas en Ammán.",
    "El Ejecutivo lanzó un programa de 800 millones para reparar el puerto de Jersón y su red "
    "eléctrica.",
    "El impacto de la guerra en la red eléctrica costará 9.000 millones, según el Banco Mundial.",
    "La explotación del gasoducto se reanudó el jueves, informó la compañía estatal.",
    "La tregua protegerá a los civiles más vulnerables de Jartum, según Unicef.",
])
def test_reaching_launching_impact_exploitation_and_vulnerable_are_no_violence(
        coder: Coder, text: str) -> None:
    _, alerts = _classify(coder, text)
    assert not alerts


def test_what_is_not_known_is_no_rejection(coder: Coder) -> None:
    _, alerts = _classify(coder, "Se ignora todavía si el alto el fuego será prorrogado más allá "
                          "del domingo, según una fuente diplomática.")
    assert "truce_rejected" not in alerts


def test_violence_in_the_midst_of_a_truce_violates_it(coder: Coder) -> None:
    _, alerts = _classify(coder, "En pleno alto el fuego, disparos israelíes mataron el jueves a "
                          "dos pescadores frente a Gaza, informó la Defensa Civil.")
    assert "ceasefire_violation" in alerts


def test_the_air_defence_that_intercepts_is_no_target(coder: Coder) -> None:
    _, alerts = _classify(coder, "Tres drones lanzados desde Yemen fueron interceptados el jueves "
                          "por la defensa antiaérea saudí, sin causar víctimas.")
    assert "strategic_strike" not in alerts
