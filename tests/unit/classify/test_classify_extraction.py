"""Extraction: ACLED casualty counts, figures, dates against the wire's date, gazetteer places."""

from __future__ import annotations

from datetime import date

import pytest

from streams.classify.dates import find_dates
from streams.classify.places import find_places
from streams.classify.sentences import split
from tests.unit.classify.classify_helpers import code, one


@pytest.mark.parametrize(
    ("text", "killed", "wounded"),
    [
        ("Russian shelling killed at least 27 civilians in Kherson.", 27, None),
        ("More than 60 people were killed in an air strike on Gaza.", 60, None),
        ("Israeli strikes killed dozens of people in Rafah.", 12, None),
        ("A drone attack on Sumy killed seven people and injured 21 others.", 7, 21),
        ("Hundreds were wounded when missiles hit Kharkiv.", None, 100),
        ("Tens of soldiers were killed in the artillery barrage near Bakhmut.", 10, None),
        ("The death toll from the missile strike on Dnipro rose to 40.", 40, None),
        ("A civilian was killed by shelling in Kherson.", 1, None),
        ("Twenty-three people died after a missile attack on Odesa.", 23, None),
    ],
)
def test_acled_casualty_counts(text: str, killed: int | None, wounded: int | None) -> None:
    event = one(code(text), "casualties.reported")
    assert event.casualties.killed == killed
    assert event.casualties.wounded == wounded


def test_casualties_need_violence() -> None:
    assert code("Heavy snow left 12 people dead across the region, officials said.") == []


def test_figures_aircraft_and_money() -> None:
    event = one(
        code("Ukrainian drones hit 12 aircraft at Engels air base, causing damage "
             "estimated at $2.5 billion."),
        "attack.military_target",
    )
    kinds = {f.kind: f for f in event.figures}
    assert kinds["aircraft"].value == 12
    assert kinds["money"].value == pytest.approx(2.5e9)
    assert kinds["money"].unit == "USD"
    assert event.strategic is True


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("on May 31", date(2025, 5, 31)),
        ("on 1 June", date(2025, 6, 1)),
        ("June 1, 2024", date(2024, 6, 1)),
        ("yesterday", date(2025, 6, 4)),
        ("overnight", date(2025, 6, 5)),
        ("on Tuesday", date(2025, 6, 3)),
        ("on Thursday", date(2025, 6, 5)),
        ("last night", date(2025, 6, 4)),
        ("on December 30", date(2024, 12, 30)),
    ],
)
def test_dates_resolve_against_publication(phrase: str, expected: date) -> None:
    text = f"Missiles hit the city {phrase}."
    found = find_dates(text, 0, len(text), date(2025, 6, 5))
    assert [d.value for d in found] == [expected]


def test_modal_may_is_not_a_month() -> None:
    text = "The strikes may 10 times worse."
    assert find_dates(text, 0, len(text), date(2025, 6, 5)) == []


def test_event_date_without_publication_uses_received_time() -> None:
    event = one(code("Russian missiles struck Kyiv on Tuesday.", published=None), "attack.aerial")
    assert event.event_date == date(2025, 6, 3)
    assert event.date_text == "Tuesday"


def test_places_need_a_place_context() -> None:
    text = "Kyiv rejected the plan after strikes on Odesa and Mykolaiv."
    names = [p.name for p in find_places(text, 0, len(text))]
    assert names == ["Odesa", "Mykolaiv"]


def test_regions_and_sites_resolve_to_gazetteer_points() -> None:
    text = "Explosions hit Russia's Belgorod region and the Engels air base."
    places = {p.name: p for p in find_places(text, 0, len(text))}
    assert places["Belgorod"].feature == "region"
    assert places["Belgorod"].country == "RUS"
    assert places["Belgorod"].latitude == pytest.approx(50.6, abs=0.2)
    assert places["Engels air base"].feature == "site"
    assert places["Engels air base"].geonameid is not None


def test_largest_namesake_wins() -> None:
    text = "Drones struck an airfield near Ivanovo."
    (place,) = find_places(text, 0, len(text))
    assert place.country == "RUS"


def test_country_as_place() -> None:
    text = "Strikes continued in Sudan."
    (place,) = find_places(text, 0, len(text))
    assert place.feature == "country"
    assert place.country == "SDN"
    assert place.latitude is not None


@pytest.mark.parametrize(("name", "iso3"), [
    ("Mali", "MLI"),          # a town in Yunnan shares it
    ("Lebanon", "LBN"),       # and one in Tennessee
    ("Jordan", "JOR"),
    ("Armenia", "ARM"),       # a Colombian city
    ("Benin", "BEN"),         # Benin City, Nigeria
    ("Mexico", "MEX"),        # its capital's short name
])
def test_a_country_name_is_the_country_not_a_namesake_town(name: str, iso3: str) -> None:
    text = f"Jihadists attacked an army base in {name}, killing 12 soldiers."
    (place,) = find_places(text, 0, len(text))
    assert (place.name, place.country, place.feature) == (name, iso3, "country")
    event = next(e for e in code(text) if e.type == "casualties.reported")
    assert [p.country for p in event.locations] == [iso3]


def test_sentence_split_keeps_abbreviations_and_quotes() -> None:
    text = 'Gen. Syrskyi said "the front held." Troops advanced. U.S. officials agreed.'
    pieces = [text[s:e] for s, e in split(text)]
    assert pieces == ['Gen. Syrskyi said "the front held."', "Troops advanced.",
                      "U.S. officials agreed."]


def test_evidence_offsets_point_into_the_field() -> None:
    body = "Markets were calm. Russian missiles struck a power plant in Lviv on Sunday."
    event = one(code(body), "attack.infrastructure")
    assert body[event.evidence.start : event.evidence.end] == event.evidence.text
    assert event.evidence.text.startswith("Russian missiles")
    assert event.cameo_code == "195"
    assert event.quad_class == 4
