"""Spanish classes the blind `601`-`640` tune batch (Spanish translations of English `dev6-*`
tune wires: targets named but not hit, tolls that are not an incident's, non-conflict news)
found, each pinned here in new words (no sentence is a corpus wire's):

- a coming strike: stockpiling "con vistas a" it, a warning of it ("ha advertido de que"),
  the synthetic future ("lanzará") is intent, no attack; the attacker's own warning in the
  future ("advirtieron de que atacarán") is a threat;
- an accident the article says is one ("no hay indicios de sabotaje", "atribuyó el
  accidente a");
- floods by their other names ("crecidas", "se desbordó") are another sense;
- figures: "mató al menos a nueve" is 9 (the personal "a" after the qualifier), "e hirieron
  a otros 41" is a wound toll; people "neutralizados" or "abatidos" are killed;
- an asset as an address ("situado en la carretera del aeropuerto") and a weapons store an
  army says is hidden in a building ("oculto en") are not the target;
- a claim refuted later in the article, its day between the verb and "que" ("aseguró el
  sábado que");
- "agresión" names hostility, not an attack (English has no "aggression" attack word);
- a surveillance base is an early-warning site (strategic).
"""

from __future__ import annotations

from streams.classify.loader import Coder
from tests.unit.classify.langkit import classify, killed_tolls

# --- a coming strike is intent; the attacker's warning in the future is a threat ------------

def test_stockpiling_for_a_strike_is_no_attack(es: Coder) -> None:
    events, alerts = classify(es, "Según los servicios de inteligencia, Rusia está acumulando "
                                  "drones con vistas a una ofensiva aérea contra las "
                                  "subestaciones eléctricas de Ucrania este invierno.")
    assert not {"attack.infrastructure", "attack.aerial"} & {e.type for e in events}
    assert "infrastructure_attack" not in alerts


def test_a_warning_of_a_strike_in_the_future_is_no_attack(es: Coder) -> None:
    events, alerts = classify(es, "La ministra de Energía ha advertido de que Rusia lanzará "
                                  "nuevos ataques con misiles contra las centrales térmicas "
                                  "del país en las próximas semanas.")
    assert not {e.type for e in events} & {"attack.infrastructure", "attack.aerial",
                                            "threat.military"}
    assert not alerts


def test_a_strike_that_hit_is_still_coded(es: Coder) -> None:
    events, alerts = classify(es, "Rusia lanzó durante la noche un ataque masivo con misiles "
                                  "contra las centrales eléctricas de la región de Leópolis.")
    assert "attack.infrastructure" in {e.type for e in events}
    assert "infrastructure_attack" in alerts


def test_the_attackers_own_future_warning_is_a_threat(es: Coder) -> None:
    events, _ = classify(es, "Los rebeldes hutíes advirtieron el lunes de que atacarán los "
                             "petroleros que naveguen hacia los puertos israelíes.")
    assert "threat.military" in {e.type for e in events}


# --- an accident, floods ---------------------------------------------------------------------

def test_a_blast_with_no_sign_of_sabotage_is_an_accident(es: Coder) -> None:
    events, alerts = classify(es, "Una explosión destruyó el martes una estación de bombeo del "
                                  "oleoducto y mató a dos operarios. La compañía aseguró que "
                                  "no hay indicios de sabotaje.")
    assert not events and not alerts


def test_a_blast_blamed_on_a_fault_is_an_accident(es: Coder) -> None:
    events, alerts = classify(es, "Una explosión sacudió el jueves una subestación eléctrica y "
                                  "hirió a cuatro técnicos. La distribuidora atribuyó el "
                                  "accidente a un fallo mecánico.")
    assert not events and not alerts


def test_a_blast_caused_by_a_drone_is_still_an_attack(es: Coder) -> None:
    events, alerts = classify(es, "Un dron ucraniano alcanzó el martes una estación de bombeo "
                                  "del oleoducto en la región de Briansk y provocó un incendio.")
    assert "attack.infrastructure" in {e.type for e in events}
    assert "infrastructure_attack" in alerts


def test_a_river_in_spate_is_no_violence(es: Coder) -> None:
    events, alerts = classify(es, "Las crecidas del río Juba han causado al menos 40 muertos "
                                  "esta semana, después de que el agua se desbordara y "
                                  "arrastrara dos puentes de la carretera principal.")
    assert not events and not alerts


def test_a_shooting_beside_the_floods_is_still_a_toll(es: Coder) -> None:
    tolls, alerts = killed_tolls(es, "Las crecidas del río han anegado varios barrios. Por otra "
                                     "parte, unos hombres armados abrieron fuego contra un "
                                     "autobús y mataron a tres pasajeros.")
    assert tolls == [3]
    assert "mass_casualty" not in alerts


# --- figures -----------------------------------------------------------------------------------

def test_at_least_with_the_personal_a_reads_the_figure(es: Coder) -> None:
    tolls, _ = killed_tolls(es, "Un bombardeo israelí sobre un edificio de Jan Yunis mató "
                                "al menos a once personas, según fuentes sanitarias.")
    assert tolls == [11]


def test_the_active_wound_verb_after_e_is_read(es: Coder) -> None:
    events, alerts = classify(es, "Un terrorista suicida se hizo estallar en un mercado y "
                                  "mató a ocho personas e hirió a otras 45, informó la "
                                  "policía.")
    tolls = [(e.casualties.killed, e.casualties.wounded) for e in events
             if e.type == "casualties.reported" and e.casualties is not None]
    assert (8, 45) in tolls
    assert "mass_casualty" in alerts


def test_fighters_neutralised_are_killed(es: Coder) -> None:
    tolls, alerts = killed_tolls(es, "La aviación del Ejército persiguió a los asaltantes y "
                                     "neutralizó a unos 40 yihadistas, según el Ministerio "
                                     "de Defensa.")
    assert tolls == [40]
    assert "mass_casualty" in alerts


def test_drones_neutralised_are_no_toll(es: Coder) -> None:
    tolls, alerts = killed_tolls(es, "La defensa antiaérea neutralizó 35 drones sobre la región "
                                     "durante la noche.")
    assert tolls == []
    assert "mass_casualty" not in alerts


# --- assets as an address, hidden weapons -----------------------------------------------------

def test_a_building_on_the_airport_road_is_no_infrastructure_attack(es: Coder) -> None:
    events, alerts = classify(es, "Un ataque aéreo destruyó el domingo un bloque de viviendas "
                                  "ubicado en la carretera del aeropuerto y mató a tres "
                                  "personas.")
    assert "attack.infrastructure" not in {e.type for e in events}
    assert "infrastructure_attack" not in alerts
    assert "attack.aerial" in {e.type for e in events}


def test_a_bridge_on_the_airport_road_is_still_infrastructure(es: Coder) -> None:
    events, alerts = classify(es, "Drones rusos atacaron el domingo el puente de la carretera "
                                  "del aeropuerto.")
    assert "attack.infrastructure" in {e.type for e in events}
    assert "infrastructure_attack" in alerts


def test_weapons_said_to_be_hidden_in_a_building_are_no_target(es: Coder) -> None:
    events, alerts = classify(es, "El Ejército afirmó que había bombardeado un arsenal de la "
                                  "milicia escondido en una escuela del barrio.")
    assert "attack.military_target" not in {e.type for e in events}
    assert "strategic_strike" not in alerts


def test_a_weapons_store_struck_is_still_a_target(es: Coder) -> None:
    events, _ = classify(es, "Aviones de combate bombardearon el lunes un arsenal de la "
                             "milicia en las afueras de la ciudad.")
    assert "attack.military_target" in {e.type for e in events}


# --- a claim refuted later; "agresión" ---------------------------------------------------------

def test_a_claim_refuted_later_with_its_day_is_not_coded(es: Coder) -> None:
    events, alerts = classify(es, "El Ejército rival aseguró el martes que sus drones habían "
                                  "destruido un radar y tres helicópteros en el aeródromo. "
                                  "Sin embargo, el Ministerio de Defensa afirmó que el "
                                  "aeródromo no fue atacado y mostró fotografías de los "
                                  "aparatos intactos.")
    assert not {e.type for e in events} & {"attack.aerial", "attack.military_target"}
    assert "strategic_strike" not in alerts


def test_a_claim_nobody_refutes_is_still_coded(es: Coder) -> None:
    events, _ = classify(es, "El Ejército aseguró el martes que sus drones habían destruido "
                             "tres helicópteros en el aeródromo enemigo.")
    assert "attack.aerial" in {e.type for e in events}


def test_aggression_named_is_no_attack(es: Coder) -> None:
    events, alerts = classify(es, "El ministro calificó los vuelos de la aviación rival sobre "
                                  "la frontera de agresión inaceptable.")
    assert not events and not alerts


# --- a surveillance base ------------------------------------------------------------------------

def test_a_surveillance_base_is_a_strategic_target(es: Coder) -> None:
    events, alerts = classify(es, "La milicia lanzó el jueves varios drones explosivos contra "
                                  "una base de vigilancia aérea del Ejército en la frontera.")
    assert "attack.military_target" in {e.type for e in events}
    assert "strategic_strike" in alerts
