"""Languages as data (issue 12): a folder per language, one engine, checked at load.

The Russian and Ukrainian seed wires retell the English seed's story; the English seed raises
four alert kinds, and so must they. Three of the four (infrastructure_attack, strategic_strike,
mass_casualty) come from the attack and casualty families, the `act` and `toll` specs of
data/rules.yaml reading the language's lexicon (cues and `phrases:`): those expectations are
in the tests marked ATTACK-DEPENDENT below, apart from the truce rejection, which the shared
rule specs code.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import orjson
import pytest
import yaml

from streams.alerting import alerts_for
from streams.classify.language_data import expand
from streams.classify.loader import Coder, CoderConfigError, default_coder, load_coder
from streams.classify.sentences import Splitter
from streams.classify.taxonomy import CoderConfigError as TaxonomyError
from streams.languages import DEFAULT_LANGUAGES, OPT_IN_LANGUAGES
from streams.normalize import normalize_message
from streams.offline import code_wire

DATA = Path(__file__).resolve().parents[3] / "streams" / "classify" / "data"
WIRES = Path(__file__).resolve().parents[2] / "fixtures" / "wires"
NOW = datetime(2025, 6, 4, 12, 0, tzinfo=UTC)
SEED_KINDS = {"truce_rejected", "infrastructure_attack", "strategic_strike", "mass_casualty"}


@pytest.fixture(scope="module", autouse=True)
def _russian_and_ukrainian() -> Iterator[None]:
    """These tests read Russian and Ukrainian alone, as a worker started with
    WIREWATCH_LANGUAGES=ru,uk does (and never pay for the other folders)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("WIREWATCH_LANGUAGES", "ru,uk")
        yield


@pytest.fixture(scope="module")
def coder(_russian_and_ukrainian: None) -> Coder:
    return default_coder()


def _code(coder: Coder, language: str, body: str) -> list[tuple[str, object]]:
    raw = {"id": "t", "body": body, "language": language}
    article = normalize_message(orjson.dumps(raw), received_at=NOW)
    classified = coder.classify_article(article, now=NOW)
    return [(e.type, e) for e in classified.events]


# --- loading ----------------------------------------------------------------------------------

def test_the_default_coder_reads_exactly_the_languages_named(coder: Coder) -> None:
    assert coder.languages == {"en", "ru", "uk"}
    # a folder for a language not named (fr, es, de, ar here) is never read
    for code in ("fr", "es", "de", "ar"):
        assert coder.for_language(code) is None


def test_without_wirewatch_languages_the_default_languages_are_coded(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("WIREWATCH_LANGUAGES")
    assert default_coder().languages == DEFAULT_LANGUAGES
    assert not DEFAULT_LANGUAGES & OPT_IN_LANGUAGES


def test_an_explicit_list_builds_only_those_languages() -> None:
    built = load_coder(languages=["uk"])
    assert built.languages == {"en", "uk"}
    assert built.for_language("ru") is None
    uk = built.for_language("uk")
    assert uk is not None and uk.language == "uk" and uk.rules.families
    # the language shares the English coder's taxonomy and CAMEO table
    assert uk.taxonomy is built.taxonomy and uk.cameo is built.cameo


def _data_dir(tmp: Path, language: dict[str, object], lexicon: dict[str, object],
              actors: dict[str, object], article: dict[str, object] | None = None) -> Path:
    """A copy of the shipped data with one small language `xx` (every English word list
    of `phrases:` and of article.yaml empty unless the test names its own)."""
    shutil.copytree(DATA, tmp / "data", ignore=shutil.ignore_patterns("lang"))
    if "phrases" not in lexicon:
        english = yaml.safe_load((DATA / "lexicon.yaml").read_text(encoding="utf-8"))
        lexicon = {**lexicon, "phrases": {name: [] for name in english["phrases"]}}
    folder = tmp / "data" / "lang" / "xx"
    folder.mkdir(parents=True)
    if article is None:
        english = yaml.safe_load((DATA / "article.yaml").read_text(encoding="utf-8"))
        article = {"version": 1, "lists": {name: [] for name in english["lists"]}}
    for name, doc in (("language.yaml", language), ("lexicon.yaml", lexicon),
                      ("actors.yaml", actors), ("article.yaml", article)):
        (folder / name).write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    return tmp / "data"


ARABIC = {"version": 1, "code": "xx", "name": "Test Arabic",
          "proclitics": ["و", "ف", "ب", "ل", "ال", "لل"]}
ARABIC_LEXICON = {"version": 1, "cues": {"truce": ["هدنة"], "reject": ["رفض"]}}
ARABIC_ACTORS = {"version": 1, "actors": [
    {"name": "Hamas", "code": "PSEREB", "country": "PSE", "kind": "group", "terms": ["حماس"]}]}


def test_the_matcher_sees_through_proclitics(tmp_path: Path) -> None:
    built = load_coder(_data_dir(tmp_path, ARABIC, ARABIC_LEXICON, ARABIC_ACTORS),
                       languages=["xx"]).by_language["xx"]
    text = "ورفضت حماس الهدنة وللهدنة والهدنة لكن المهدنة لا"

    def found(cat: str) -> list[str]:
        return [text[h.start : h.end] for h in built.lexicon.scan(text) if h.cat == cat]

    assert found("truce") == ["هدنة", "هدنة", "هدنة"]
    assert found("actor") == ["حماس"]
    assert "رفض" not in found("reject")  # "رفضت": the term is no stem, the word runs on


def test_a_language_without_proclitics_keeps_whole_words(coder: Coder) -> None:
    ru = coder.for_language("ru")
    assert ru is not None
    text = "подперемирие перемирие"
    assert [text[h.start : h.end] for h in ru.lexicon.scan(text) if h.cat == "truce"] == [
        "перемирие"]


@pytest.mark.parametrize(("change", "message"), [
    ({"lexicon": {"version": 1, "cues": {"truse": ["x"]}}}, "truse"),
    ({"language": {**ARABIC, "rules_off": ["no_such_rule"]}}, "no_such_rule"),
    ({"language": {**ARABIC, "predicates_off": ["no_such_predicate"]}}, "no_such_predicate"),
    ({"language": {**ARABIC, "code": "yy"}}, "yy"),
    ({"language": {**ARABIC, "masks": {"truce": ["atack"]}}}, "atack"),
    ({"language": {**ARABIC, "thousands": ["ab"]}}, "thousands"),
    ({"lexicon": {"version": 1, "cues": {"truce": ["прекращени* огня"]}}}, "endings"),
    ({"lexicon": {"version": 1, "assets": {"military": {"silo": ["x"]}}}}, "silo"),
    ({"actors": {"version": 1, "actors": [{"name": "X", "terms": ["x"]}]}}, "kind"),
    ({"lexicon": {"version": 1, "phrases": {"generic_determiners": []}}}, "stoppage_nouns"),
    ({"lexicon": {"version": 1, "phrases": {"no_such_list": []}}}, "no_such_list"),
    ({"language": {**ARABIC, "regions": {"قطاع غزة": "Gaza strip"}}}, "Gaza strip"),
])
def test_a_bad_language_folder_fails_at_load_naming_what(
    tmp_path: Path, change: dict[str, dict[str, object]], message: str
) -> None:
    parts = {"language": ARABIC, "lexicon": ARABIC_LEXICON, "actors": ARABIC_ACTORS, **change}
    data = _data_dir(tmp_path, parts["language"], parts["lexicon"], parts["actors"])
    with pytest.raises(CoderConfigError) as caught:
        load_coder(data, languages=["xx"])
    assert message in str(caught.value)
    assert CoderConfigError is TaxonomyError


def test_a_missing_language_folder_fails_at_load() -> None:
    with pytest.raises(CoderConfigError, match="no language folder"):
        load_coder(languages=["zz"])


def test_rules_off_leaves_a_rule_out_for_that_language_only(tmp_path: Path) -> None:
    language = {**ARABIC, "rules_off": ["truce_rejected"]}
    built = load_coder(_data_dir(tmp_path, language, ARABIC_LEXICON, ARABIC_ACTORS),
                       languages=["xx"])
    names = {r.spec.name for _, fam in built.by_language["xx"].rules.families
             if isinstance(fam, list) for r in fam}
    english = {r.spec.name for _, fam in built.rules.families if isinstance(fam, list)
               for r in fam}
    assert "truce_rejected" in english and "truce_rejected" not in names


# --- morphology, masks, splitting ---------------------------------------------------------------

def test_an_inner_stem_takes_every_ending() -> None:
    forms = expand("прекращени* огня", ("е", "я", "ю"))
    assert forms == ["прекращение огня", "прекращения огня", "прекращению огня"]
    assert expand("перемири*", ("е",)) == ["перемири*"]  # a final stem stays a prefix


def test_a_stem_hit_spans_its_word(coder: Coder) -> None:
    ru = coder.for_language("ru")
    assert ru is not None
    text = "погибли семь человек"
    kill = [h for h in ru.lexicon.scan(text) if h.cat == "kill"]
    assert kill and all(text[h.start : h.end] == "погибли" for h in kill)


def test_a_truce_phrase_masks_its_attack_word(coder: Coder) -> None:
    ru = coder.for_language("ru")
    assert ru is not None
    cats = {h.cat for h in ru.lexicon.scan("договорились о прекращении ударов по энергетике")}
    assert "truce" in cats and "attack" not in cats
    types = {t for t, _ in _code(coder, "ru", "Путин и Трамп договорились о 30-дневном "
                                              "прекращении ударов по энергетике.")}
    assert types == {"ceasefire.agreed"}


def test_sentences_end_inside_the_language_quotes() -> None:
    text = "«Это конец.» Потом он ушел. «Кто виноват?» - спросил он."
    spans = Splitter(["т"], "«„", "»“").split(text)
    assert [text[a:b] for a, b in spans] == ["«Это конец.»", "Потом он ушел.",
                                             "«Кто виноват?» - спросил он."]
    # English's splitter does not know « »: it does not split before one
    assert len(Splitter(["mr"]).split(text)) < len(spans)


def test_abbreviations_of_the_language_do_not_end_a_sentence(coder: Coder) -> None:
    ru = coder.for_language("ru")
    assert ru is not None
    text = "Ранены семь человек, в т. ч. Дети. Мост закрыт."
    assert len(ru.splitter.split(text)) == 2


# --- the coded languages' words -----------------------------------------------------------------

def test_russian_truce_rejection(coder: Coder) -> None:
    events = dict(_code(coder, "ru", "МОСКВА, 11 мая. /ТАСС/. Кремль отвергает требование "
                                     "европейских стран о 30-дневном прекращении огня."))
    rejected = events["ceasefire.rejected"]
    assert rejected.actor.code == "RUSGOV" and rejected.language == "ru"  # type: ignore[attr-defined]
    assert rejected.evidence.text.startswith("Кремль отвергает")  # type: ignore[attr-defined]


def test_ukrainian_talks_suspended(coder: Coder) -> None:
    types = {t for t, _ in _code(coder, "uk", "КИЇВ. 26 липня. /Укрінформ/. Україна призупиняє "
                                              "участь у переговорах з Росією.")}
    assert types == {"negotiation.stalled"}


def test_a_quotation_in_guillemets_is_its_speaker_accusation(coder: Coder) -> None:
    types = {t for t, _ in _code(coder, "ru", "Глава госкорпорации назвал произошедшее «актом "
                                              "ядерного терроризма».")}
    assert "accusation.terrorism" in types


def test_a_dated_past_year_is_history(coder: Coder) -> None:
    assert _code(coder, "ru", "В результате взрыва 8 октября 2022 года обрушились два "
                              "пролета моста, погибли четыре человека.") == []


def test_an_age_is_no_toll(coder: Coder) -> None:
    events = dict(_code(coder, "uk", "Унаслідок ворожого обстрілу Херсона загинув 58-річний "
                                     "чоловік, ще троє людей поранені."))
    casualties = events.get("casualties.reported")
    assert casualties is None or casualties.casualties.killed != 58  # type: ignore[attr-defined]


@pytest.mark.parametrize("body", [
    "Курьеры начали забастовку в Москве, переговоры с руководством зашли в тупик.",
    "«Спартак» разгромил ЦСКА: атака по правому флангу завершилась точным ударом.",
    "«Локомотив» атаковал ворота «Зенита» весь второй тайм, но так и не смог забить.",
    "ФСБ предотвратила теракт на подстанции в Белгородской области, задержан диверсант.",
    "Ударов по объектам энергетики за минувшие сутки не зафиксировано, сообщили в Минэнерго.",
    "На полигоне прошли испытания нового зенитного комплекса, ракеты поразили все мишени.",
    "В ходе учений условный противник атаковал мост, подразделения отработали его оборону.",
])
def test_russian_other_senses_are_no_events(coder: Coder, body: str) -> None:
    assert _code(coder, "ru", body) == []


def test_russian_strikes_that_will_continue_are_a_vow_not_an_attack(coder: Coder) -> None:
    """A conditional vow that strikes "будут продолжены" is no attack; since the fifth blind
    batch it is the corpus's threat ("such strikes will continue" is `threat.military`)."""
    found = dict(_code(coder, "ru", "Песков заявил, что удары по энергетике Украины будут "
                                    "продолжены, если Киев откажется."))
    assert not set(found) & {"attack.aerial", "attack.infrastructure"}
    assert set(found) == {"threat.military"}


@pytest.mark.parametrize(("body", "wounded"), [
    ("В результате обстрела Горловки ранения получили 60 человек, сообщил глава города.", 60),
    ("После удара ВСУ по Шебекино ранения различной степени тяжести получили 14 человек.", 14),
    ("В результате атаки беспилотников пострадали 1 200 человек, сообщил губернатор.", 1200),
    ("В результате атаки беспилотников пострадали 1,2 тыс. человек, сообщил губернатор.", 1200),
])
def test_russian_tolls_in_agency_forms(coder: Coder, body: str, wounded: int) -> None:
    events = dict(_code(coder, "ru", body))
    casualties = events["casualties.reported"].casualties  # type: ignore[attr-defined]
    assert casualties.wounded == wounded


@pytest.mark.parametrize("body", [
    "Госдума приняла закон об ужесточении наказания за диверсии на железной дороге.",
    "Захарова напомнила об ударах по Запорожской АЭС в прошлом году.",
    "Стороны договорились о передаче Украине тел шести тысяч погибших военнослужащих.",
])
def test_russian_laws_recollections_and_body_exchanges_are_no_events(
    coder: Coder, body: str
) -> None:
    assert _code(coder, "ru", body) == []


# --- the seed wires -----------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["seed-ru.txt", "seed-uk.txt"])
def test_seed_truce_rejected_in_the_original_language(name: str) -> None:
    classified, alerts = code_wire((WIRES / name).read_bytes(), now=NOW)
    assert classified.language == name[5:7]
    rejected = [a for a in alerts if a.kind == "truce_rejected"]
    assert rejected, [a.kind for a in alerts]
    alert = rejected[0]
    # the desk's title and summary stay English and name the language; the evidence does not
    assert alert.title.isascii()
    assert f"Reported in {'Russian' if name == 'seed-ru.txt' else 'Ukrainian'}." in alert.summary
    article = normalize_message((WIRES / name).read_bytes(), received_at=NOW)
    for event in classified.events:
        assert event.language == classified.language
        text = getattr(article, event.evidence.field)
        assert text[event.evidence.start : event.evidence.end] == event.evidence.text


@pytest.mark.parametrize("name", ["seed-ru.txt", "seed-uk.txt"])
def test_seed_raises_the_english_seeds_four_alert_kinds(name: str) -> None:
    """ATTACK-DEPENDENT: three of the four kinds come from the attack and casualty families
    (the `act` and `toll` specs, reading the language's lexicon and its `phrases:`)."""
    _, alerts = code_wire((WIRES / name).read_bytes(), now=NOW)
    assert {a.kind for a in alerts} >= SEED_KINDS


def test_alerts_name_the_language_for_a_coded_wire() -> None:
    classified, _ = code_wire((WIRES / "seed-uk.txt").read_bytes(), now=NOW)
    assert all(a.language == "uk" for a in alerts_for(classified, now=NOW))


def test_a_toll_noun_takes_the_figure_after_its_verb(coder: Coder) -> None:
    """ATTACK-DEPENDENT (the casualty family reads the language's `toll_nouns`)."""
    events = dict(_code(coder, "uk", "Кількість загиблих унаслідок ракетного удару по Дніпру "
                                     "зросла щонайменше до 12, ще 25 людей поранені."))
    toll = events["casualties.reported"].casualties  # type: ignore[attr-defined]
    assert toll.killed == 12 and toll.wounded == 25


@pytest.mark.parametrize("apostrophe", ["'", "’", "ʼ"])
def test_a_number_word_with_an_apostrophe_counts(coder: Coder, apostrophe: str) -> None:
    """Ukrainian writes "п'ятеро" with any of three apostrophes: the word before the casualty
    cue is still one number word, not "п" and "ятеро"."""
    events = dict(_code(coder, "uk", "Унаслідок удару по Харкову загинули двоє людей, ще "
                                     f"п{apostrophe}ятеро дістали поранення."))
    toll = events["casualties.reported"].casualties  # type: ignore[attr-defined]
    assert toll.killed == 2 and toll.wounded == 5


def test_a_quotation_closed_after_the_accusation_is_still_quoted(coder: Coder) -> None:
    body = ("СУМИ. 13 квітня. /Укрінформ/. Росія вдарила балістичними ракетами по центру Сум. "
            "«Так діють лише покидьки. Це терористи», – заявив Президент Володимир Зеленський.")
    assert "accusation.terrorism" in {t for t, _ in _code(coder, "uk", body)}


def test_dates_in_the_language_resolve_against_the_wire(coder: Coder) -> None:
    """A 4 June 2025 (Wednesday) wire: "31 мая" is that May, "в субботу" the Saturday before,
    "вчора" the day before; a date 8 days or more back makes an attack background."""
    ru, uk = coder.for_language("ru"), coder.for_language("uk")
    assert ru is not None and uk is not None and ru.words.dates is not None
    ref = NOW.date()
    text = "в ночь на 31 мая, затем в субботу"
    found = ru.words.dates.find(text, 0, len(text), ref)
    assert [(d.text, d.value.isoformat(), d.explicit) for d in found] == [
        ("31 мая", "2025-05-31", True), ("субботу", "2025-05-31", False)]
    text = "Вчора ввечері"
    assert uk.words.dates is not None
    yesterday = uk.words.dates.find(text, 0, len(text), ref)[0]
    assert yesterday.value.isoformat() == "2025-06-03"
    events = dict(_code(coder, "ru", "ХЕРСОН, 4 июня. Беспилотник атаковал подстанцию "
                                     "в Херсоне 31 мая."))
    assert events["attack.infrastructure"].event_date.isoformat() == "2025-05-31"  # type: ignore[attr-defined]
    assert "attack.infrastructure" not in dict(_code(
        coder, "ru", "ХЕРСОН, 4 июня. Беспилотник атаковал подстанцию в Херсоне 12 мая."))


@pytest.mark.parametrize(("language", "body", "region"), [
    ("uk", "Уночі дрони атакували підстанцію на Харківщині.", "Kharkiv region"),
    ("uk", "Ворог ударив ракетами по підстанції в Сумській області.", "Sumy region"),
    ("ru", "Беспилотники ВСУ атаковали подстанцию в Курской области.", "Kursk region"),
    ("ru", "Беспилотники ВСУ атаковали подстанцию в Крыму.", "Crimea"),
])
def test_a_region_named_in_the_language_is_the_english_region(
    coder: Coder, language: str, body: str, region: str
) -> None:
    events = dict(_code(coder, language, body))
    places = events["attack.infrastructure"].locations  # type: ignore[attr-defined]
    assert [(p.name, p.feature) for p in places] == [(region, "region")]


def test_a_region_form_is_case_sensitive_and_whole_words(coder: Coder) -> None:
    """"сектор газа" is the gas sector; "Кримінальний" is no Crimea."""
    ru, uk = coder.for_language("ru"), coder.for_language("uk")
    assert ru is not None and uk is not None
    text = "сектор газа вырос, а в секторе Газа снова бои"
    assert [p.name for p in ru.gazetteer.find_places(text, 0, len(text))] == ["Gaza Strip"]
    text = "Кримінальне провадження відкрито щодо обстрілу"
    assert uk.gazetteer.find_places(text, 0, len(text)) == []


def test_places_come_from_the_gazetteers_alternate_names_with_english_names(
    coder: Coder,
) -> None:
    events = dict(_code(coder, "ru", "ХАРЬКОВ, 4 июня. Беспилотники атаковали подстанцию в "
                                     "Харькове, обесточены дома."))
    (place,) = events["attack.infrastructure"].locations  # type: ignore[attr-defined]
    assert (place.name, place.country, place.feature) == ("Kharkiv", "UKR", "city")
    events = dict(_code(coder, "uk", "КИЇВ. 1 лютого. Унаслідок атаки Росії на Київ "
                                     "пошкоджено ТЕЦ у Києві."))
    assert [loc.name for loc in events["attack.infrastructure"].locations] == [  # type: ignore[attr-defined]
        "Kyiv"]


@pytest.mark.parametrize(("language", "warded", "struck"), [
    ("ru", "Армия развернула системы ПВО, чтобы предотвратить удары по энергосистеме.",
     "Беспилотники нанесли удары по энергосистеме."),
    ("ru", "Новые системы защищают энергосистему от ударов беспилотников.",
     "Беспилотники нанесли удары по энергосистеме."),
    ("uk", "Нові системи захищають енергосистему від ударів дронів.",
     "Дрони завдали ударів по енергосистемі."),
])
def test_an_attack_warded_off_is_no_attack(
    coder: Coder, language: str, warded: str, struck: str
) -> None:
    """ATTACK-DEPENDENT: the act spec's `warded_off` reads the language's `ward_off`,
    `protect` and `protect_preps` lists."""
    assert not {t for t, _ in _code(coder, language, warded)} & {
        "attack.aerial", "attack.infrastructure"}
    assert "attack.infrastructure" in {t for t, _ in _code(coder, language, struck)}
