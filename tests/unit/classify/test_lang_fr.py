"""French as data (issue 12): the fr folder loads, and the shared rules read AFP-style copy
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
    return language_coder("fr")


def test_elided_words_are_found_after_their_apostrophe(coder: Coder) -> None:
    text = "l'offensive d'Israël n'exclut pas qu'Ankara l'accepte"
    found = {(text[h.start : h.end], h.cat) for h in coder.lexicon.scan(text)}
    assert ("offensive", "attack") in found
    assert ("n", "negation") in found  # the elided "n'" negates the verb after it
    assert ("exclut", "reject") in found


def test_a_rejected_truce_raises_its_alert_with_the_rejecting_actor(coder: Coder) -> None:
    events, alerts = _classify(
        coder, "Le Hezbollah a repoussé jeudi l'offre de cessez-le-feu transmise par Paris.")
    rejected = [e for e in events if e.type == "ceasefire.rejected"]
    assert rejected and rejected[0].actor is not None and rejected[0].actor.code == "LBNREB"
    assert "truce_rejected" in alerts


def test_a_negated_rejection_is_no_rejection(coder: Coder) -> None:
    assert "ceasefire.rejected" not in _types(
        coder, "Le Kremlin n'a pas rejeté l'idée d'une trêve, a assuré son porte-parole.")


def test_a_strike_on_a_substation_is_an_infrastructure_attack(coder: Coder) -> None:
    events, alerts = _classify(
        coder, "Des missiles russes ont touché une sous-station électrique près de Poltava, "
        "privant de courant trois districts, a annoncé le gouverneur.")
    assert "attack.infrastructure" in {e.type for e in events}
    assert "infrastructure_attack" in alerts


def test_a_station_named_as_a_place_is_not_the_target(coder: Coder) -> None:
    # "près de la gare" says where the shell fell, not what it hit
    assert "attack.infrastructure" not in _types(
        coder, "Un obus d'artillerie est tombé près de la gare de Kostiantynivka, blessant deux "
        "passants.")


def test_a_truce_on_strikes_names_no_strike(coder: Coder) -> None:
    found = _types(coder, "Les deux capitales ont confirmé l'arrêt des frappes contre les "
                   "sites énergétiques pour un mois.")
    assert not found & {"attack.infrastructure", "attack.aerial"}


@pytest.mark.parametrize(("words", "killed"), [
    ("Des dizaines de villageois", 10),      # tens, ACLED's 10
    ("Une douzaine de villageois", 12),      # a dozen
    ("Au moins quatorze villageois", 14),    # a number word after its qualifier
])
def test_vague_and_written_figures_follow_acled(coder: Coder, words: str, killed: int) -> None:
    events, alerts = _classify(
        coder, f"{words} ont été tués mardi par des tirs de mortier des rebelles sur un marché "
        "de Beni.")
    tolls = [e.casualties.killed for e in events
             if e.type == "casualties.reported" and e.casualties is not None]
    assert tolls == [killed]
    assert "mass_casualty" in alerts


def test_labour_strikes_and_football_raise_nothing(coder: Coder) -> None:
    for body in (
        "La grève des aiguilleurs du ciel a cloué au sol des centaines d'avions mardi, les "
        "syndicats dénonçant une attaque contre leurs salaires.",
        "L'OM a bombardé la défense lilloise et l'attaquant marseillais a frappé trois fois en "
        "seconde période.",
    ):
        assert _classify(coder, body)[1] == set(), body


def test_talks_broken_off_are_a_collapse(coder: Coder) -> None:
    events, alerts = _classify(
        coder, "Les pourparlers entre Kinshasa et les rebelles ont échoué samedi à Luanda, la "
        "délégation gouvernementale ayant claqué la porte.")
    assert "negotiation.stalled" in {e.type for e in events}
    assert "talks_collapse" in alerts


def test_french_actor_forms_map_to_the_english_codes(coder: Coder) -> None:
    text = "Tsahal, les FSR, les Houthis et l'armée ukrainienne"
    codes = [m.entry.code for m in coder.actors.mentions(coder.lexicon.scan(text), text)]
    assert codes == ["ISRMIL", "SDNREB", "YEMREB", "UKRMIL"]



def test_reported_speech_in_the_pluperfect_is_news(coder: Coder) -> None:
    # French reported speech puts the news in the pluperfect ("a indiqué que ... avaient
    # frappé"): the tense alone dates nothing
    assert "attack.infrastructure" in _types(
        coder, "Le maire a indiqué mercredi que des missiles avaient frappé la station de "
        "pompage de Mykolaïv.")


def test_last_month_sets_a_sentence_in_the_past(coder: Coder) -> None:
    assert "casualties.reported" not in _types(
        coder, "Le mois dernier, une frappe sur un hôpital de Soumy avait tué quatorze civils.")


@pytest.mark.parametrize("text", [
    # a tally since a date, not an incident
    "Les violences intercommunautaires ont fait plus de 1 300 morts dans la région depuis "
    "le début de l'année, selon l'ONU.",
    "Au moins 40 civils ont été tués dans le nord du pays depuis l'entrée en vigueur de "
    "l'accord, d'après des ONG locales.",
    # a hypothetical strike: a generic determiner, a conditional after the noun
    "Selon un chercheur, une telle frappe contre le barrage priverait d'eau toute la vallée.",
    # a trial and a commemoration over an old attack
    "Le procès des auteurs présumés de l'attentat qui avait tué 22 personnes s'est ouvert "
    "lundi à Paris.",
    "Une minute de silence a été observée pour les 31 soldats tués dans l'embuscade.",
])
def test_tallies_hypotheses_trials_and_memorials_raise_no_alert(coder: Coder, text: str) -> None:
    _, alerts = _classify(coder, text)
    assert not alerts & {"mass_casualty", "infrastructure_attack"}


def test_the_deadliest_strike_since_a_date_is_still_news(coder: Coder) -> None:
    _, alerts = _classify(
        coder, "Une frappe russe a tué 14 civils mardi à Dnipro, la plus meurtrière depuis "
        "janvier dans la ville.")
    assert "mass_casualty" in alerts


@pytest.mark.parametrize(("headline", "body"), [
    # "barrage" as barrage fire, a roadblock or a play-off: no dam
    ("Le ministre face à un tir de barrage des députés",
     "Le ministre des Armées a essuyé mercredi un tir de barrage à l'Assemblée nationale, "
     "les élus de l'opposition attaquant son projet de loi de programmation militaire."),
    # a labour dispute that calls a blockade "sabotage" is no armed conflict
    ("Grève des raffineurs : la CGT durcit le mouvement",
     "La direction dénonce « un sabotage de l'outil industriel » après le blocage de la "
     "raffinerie de Donges par les grévistes de la CGT."),
    # a verdict over an attack of another year
    ("Verdict dans le procès de l'attentat du marché de Noël",
     "Une cour spéciale a condamné jeudi à la réclusion à perpétuité l'homme reconnu coupable "
     "de l'attentat qui avait fait 12 morts sur un marché de Noël."),
])
def test_other_senses_and_verdicts_raise_no_alert(coder: Coder, headline: str, body: str) -> None:
    _, alerts = _classify(coder, body, headline)
    assert not alerts


def test_a_headline_participle_with_par_puts_the_asset_on_the_receiving_end(
        coder: Coder) -> None:
    _, alerts = _classify(
        coder, "Les services de secours étaient sur place, selon la préfecture.",
        "Mali : la centrale électrique de Kayes visée par des drones de l'armée")
    assert "infrastructure_attack" in alerts


@pytest.mark.parametrize("text", [
    # the aircraft carry the strike, the general staff is the source: neither was hit
    "Des frappes menées par des avions de chasse ont visé jeudi un dépôt de carburant "
    "civil à Kostiantynivka, a indiqué l'état-major.",
    "Des missiles de croisière tirés depuis des bombardiers Tu-95 ont touché une centrale "
    "près de Lviv, a précisé l'état-major ukrainien.",
])
def test_carriers_and_sources_are_no_military_target(coder: Coder, text: str) -> None:
    _, alerts = _classify(coder, text)
    assert "strategic_strike" not in alerts
    assert "infrastructure_attack" in alerts


def test_a_bomber_destroyed_on_the_ground_is_still_a_strategic_target(coder: Coder) -> None:
    _, alerts = _classify(coder, "Des drones ont détruit deux bombardiers Tu-22M3 sur "
                          "l'aérodrome de Soltsy, selon une source ukrainienne.")
    assert "strategic_strike" in alerts


def test_deaths_from_hunger_disease_and_shipwreck_are_no_casualties_of_an_attack(
        coder: Coder) -> None:
    _, alerts = _classify(
        coder, "Un civil a été tué lundi par un obus à Kadugli. Dans la région, la rougeole et "
        "le choléra ont fait plus de 200 morts depuis juillet, et des dizaines d'enfants sont "
        "morts de faim, selon l'Unicef.")
    assert "mass_casualty" not in alerts


def test_ruling_out_that_a_truce_is_at_risk_is_no_rejection(coder: Coder) -> None:
    _, alerts = _classify(
        coder, "La Maison Blanche a écarté l'idée que la trêve à Gaza soit en danger et a démenti "
        "que les discussions soient bloquées.")
    assert not alerts & {"truce_rejected", "talks_collapse", "ceasefire_violation"}


@pytest.mark.parametrize(("text", "kind"), [
    ("Téhéran se dit opposé à toute trêve qui laisserait Israël se réarmer, a déclaré son "
     "ministre des Affaires étrangères.", "truce_rejected"),
    ("Le dialogue entre N'Djamena et les rebelles du FACT est rompu, a annoncé le "
     "gouvernement tchadien.", "talks_collapse"),
])
def test_opposition_to_a_truce_and_a_broken_dialogue_are_alerts(
        coder: Coder, text: str, kind: str) -> None:
    _, alerts = _classify(coder, text)
    assert kind in alerts


def test_launching_a_plan_is_no_attack(coder: Coder) -> None:
    _, alerts = _classify(
        coder, "Le gouvernement a lancé un programme de 800 millions pour réparer le port de "
        "Kherson et son réseau électrique.")
    assert not alerts


def test_what_is_not_known_is_no_rejection(coder: Coder) -> None:
    _, alerts = _classify(coder, "On ignore toujours si le cessez-le-feu sera prolongé au-delà "
                          "de dimanche, selon une source diplomatique.")
    assert "truce_rejected" not in alerts


def test_violence_in_the_midst_of_a_truce_violates_it(coder: Coder) -> None:
    _, alerts = _classify(coder, "En pleine trêve, des tirs israéliens ont tué jeudi deux "
                          "pêcheurs au large de Gaza, selon la Défense civile.")
    assert "ceasefire_violation" in alerts


def test_the_air_defence_that_intercepts_is_no_target(coder: Coder) -> None:
    _, alerts = _classify(coder, "Trois drones lancés depuis le Yémen ont été interceptés jeudi "
                          "par la défense antiaérienne saoudienne, sans faire de victimes.")
    assert "strategic_strike" not in alerts
