"""Three rule classes the blind `2NN` tune batches of 2026-12-05 found in fr, de and ru at
once, pinned here in new words (none is a corpus wire's):

- one toll listed in groups is summed ("nine passengers and the driver" is 10, the corpus's
  split-toll rule after ACLED); the list words are data (`roles.list_and`,
  `roles.list_determiners`);
- an exercise's hedge ("simulant", "simuliert") reaches past "and" as the English one does
  (`exercise_stems` of the language's article.yaml, no longer English's alone);
- a report's toll over a quarter or a decade is cumulative, not an incident's.
"""

from __future__ import annotations

import pytest

from streams.classify.loader import Coder
from tests.unit.classify.langkit import classify, killed_tolls, language_coder


@pytest.fixture(scope="module")
def coders() -> dict[str, Coder]:
    return {code: language_coder(code) for code in ("en", "fr", "de", "ru", "uk", "es")}


@pytest.mark.parametrize(("code", "body", "killed"), [
    ("en", "A drone hit a bus outside Nikopol on Friday, killing eight passengers and the "
           "driver and two guards, the governor said.", 11),
    # issue 11's own example, in new words: a written compound number opens the list
    ("en", "Gunmen attacked a bus near Kidal on Monday. Thirty-two passengers and three "
           "soldiers were killed, the army said.", 35),
    ("fr", "Sept ouvriers et deux gardiens ont été tués mardi par une frappe de drone sur un "
           "chantier de Kramatorsk, selon le gouverneur.", 9),
    ("fr", "Un drone russe a frappé mercredi une camionnette près de Kherson, tuant huit "
           "agriculteurs et le conducteur, a indiqué l'administration.", 9),
    ("de", "Bei dem Luftangriff auf ein Flüchtlingslager in Dschabalija wurden sechs Frauen, "
           "drei Kinder und ein Mann getötet, teilte der Zivilschutz mit.", 10),
    ("ru", "В результате удара беспилотника по маршрутке погибли семь пассажиров и двое "
           "спасателей, сообщил губернатор.", 9),
    ("es", "Un bombardeo con drones sobre un mercado de El Fasher mató a ocho mujeres y tres "
           "niños, informó la red de médicos.", 11),
])
def test_a_toll_listed_in_groups_is_summed(coders: dict[str, Coder], code: str, body: str,
                                           killed: int) -> None:
    tolls, _ = killed_tolls(coders[code], body)
    assert max(tolls) == killed


@pytest.mark.parametrize(("code", "body", "killed"), [
    ("fr", "Dix villageois ont été tués et deux soldats blessés dans l'attaque d'un poste "
           "militaire près de Djibo, selon une source sécuritaire.", 10),
    ("de", "Zwölf Dorfbewohner wurden getötet und drei Soldaten verletzt, als Bewaffnete einen "
           "Militärposten bei Djibo angriffen.", 12),
])
def test_the_killed_and_the_wounded_are_not_one_list(coders: dict[str, Coder], code: str,
                                                     body: str, killed: int) -> None:
    """A list that stops before the casualty verb belongs to another verb."""
    tolls, _ = killed_tolls(coders[code], body)
    assert tolls == [killed]


def test_a_split_toll_over_the_threshold_raises_the_mass_casualty_alert(
        coders: dict[str, Coder]) -> None:
    # neither group alone reaches ten
    tolls, alerts = killed_tolls(coders["ru"], "Под Харьковом в результате ракетного удара по "
                            "автобусу погибли шесть взрослых и четверо детей.")
    assert max(tolls) == 10
    assert "mass_casualty" in alerts


@pytest.mark.parametrize(("code", "body"), [
    ("fr", "L'armée a lancé jeudi un exercice de deux jours simulant une frappe massive de "
           "missiles et de drones ennemis contre la raffinerie d'Ashdod."),
    ("de", "Die Bundeswehr hat am Dienstag in der Altmark eine Übung begonnen, die einen "
           "Angriff mit Raketen und Drohnen auf ein Umspannwerk simuliert."),
])
def test_an_exercise_simulating_a_strike_codes_no_attack(coders: dict[str, Coder], code: str,
                                                         body: str) -> None:
    events, alerts = classify(coders[code], body)
    assert not {e.type for e in events} & {"attack.aerial", "attack.infrastructure"}
    assert not alerts


@pytest.mark.parametrize(("code", "body"), [
    ("fr", "Selon l'ONU, plus de 900 civils ont été tués en trois mois dans les violences "
           "au Nord-Kivu."),
    ("de", "Zehn Jahre Krieg im Sudan: mehr als 20.000 Kinder getötet, schreibt das Hilfswerk "
           "in seinem Bericht."),
])
def test_a_report_toll_over_months_or_years_is_no_incident(coders: dict[str, Coder], code: str,
                                                           body: str) -> None:
    _, alerts = killed_tolls(coders[code], body)
    assert "mass_casualty" not in alerts
