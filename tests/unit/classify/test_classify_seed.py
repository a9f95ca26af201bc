"""The shared seed wire, coded completely (read from ../shared at test time)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from schemas import NormalizedArticle
from streams.classify import CODER_VERSION, classify_article
from tests.unit.classify.classify_helpers import PUBLISHED, one

SEED = Path(__file__).resolve().parents[3] / ".." / "shared" / "samples" / (
    "seed_wire_truce_rejected.txt"
)


@pytest.fixture(scope="module")
def seed() -> NormalizedArticle:
    if not SEED.exists():
        pytest.skip("../shared/samples is not beside this checkout")
    lines = SEED.read_text(encoding="utf-8").split("\n")
    caption = lines[0].removeprefix("Caption:").strip()
    body = "\n".join(lines[1:])
    body = body[body.index("-") + 1 :].lstrip()  # the "(Source)-" dateline
    return NormalizedArticle(
        article_id="seed", content_hash="0" * 64, format="text", body=body, caption=caption,
        published_at=PUBLISHED, received_at=PUBLISHED,
    )


@pytest.fixture(scope="module")
def events(seed: NormalizedArticle):
    return classify_article(seed, now=PUBLISHED).events


def test_truce_rejected_by_putin_against_kyiv(events) -> None:
    event = one(events, "ceasefire.rejected")
    assert event.actor.code == "RUSGOV"
    assert event.target.country == "UKR"
    assert event.cameo_code in {"125", "1246", "127"}
    assert event.goldstein < 0


def test_both_proposals_with_their_own_proposers(events) -> None:
    proposals = [e for e in events if e.type == "ceasefire.proposed"]
    by_country = {e.actor.country: e for e in proposals}
    assert set(by_country) == {"UKR", "RUS"}
    assert by_country["RUS"].actor.code == "RUSGOV"  # "Russia ... countered": its government
    kyiv = by_country["UKR"]
    assert kyiv.event_date == date(2025, 6, 2)
    assert any(loc.name == "Istanbul" for loc in kyiv.locations)


def test_istanbul_talks(events) -> None:
    talks = one(events, "negotiation.held")
    istanbul = next(loc for loc in talks.locations if loc.name == "Istanbul")
    assert istanbul.country == "TUR"
    assert istanbul.latitude == pytest.approx(41.0, abs=0.2)
    assert talks.event_date == date(2025, 6, 2)


def test_bridge_collapses_are_an_infrastructure_attack(events) -> None:
    attack = one(events, "attack.infrastructure")
    assert "bridge" in attack.assets
    places = {loc.name: loc for loc in attack.locations}
    assert {"Bryansk", "Kursk"} <= set(places)
    assert all(places[n].country == "RUS" for n in ("Bryansk", "Kursk"))
    assert attack.event_date == date(2025, 5, 31)
    assert attack.actor.country == "UKR"
    assert attack.target.country == "RUS"
    assert attack.claimed_by is not None and attack.claimed_by.country == "RUS"


def test_terrorism_accusation_by_russia_against_ukraine(events) -> None:
    accusation = one(events, "accusation.terrorism")
    assert accusation.actor.country == "RUS"
    assert accusation.target.country == "UKR"
    assert accusation.cameo_code == "112"


def test_casualties_follow_acled(events) -> None:
    casualties = one(events, "casualties.reported")
    assert casualties.casualties.killed == 7
    assert casualties.casualties.wounded == 115
    assert casualties.cameo_code.startswith(("18", "19"))
    killed = casualties.casualties.killed or 0
    assert killed + (casualties.casualties.wounded or 0) >= 50  # mass_casualty


def test_strategic_strike_on_airfields(events) -> None:
    strike = one(events, "attack.military_target")
    assert strike.strategic is True
    assert {"airbase", "bomber"} <= set(strike.assets)
    assert strike.event_date == date(2025, 6, 1)
    assert strike.actor.code == "UKRMIL"
    assert strike.target.country == "RUS"
    assert any(f.kind == "aircraft" and f.value == 41 for f in strike.figures)
    assert any(f.kind == "money" and f.value == 7e9 and f.unit == "USD" for f in strike.figures)
    assert {loc.name for loc in strike.locations} >= {"Olenya", "Belaya"}


def test_drone_strikes_are_aerial(events) -> None:
    aerial = one(events, "attack.aerial")
    assert aerial.actor.country == "UKR"
    assert aerial.target.country == "RUS"
    assert aerial.cameo_code == "195"
    assert aerial.event_date == date(2025, 6, 1)


def test_talks_stall(events) -> None:
    stalled = one(events, "negotiation.stalled")
    assert stalled.actor.code == "RUSGOV"
    assert stalled.event_date == date(2025, 6, 4)


def test_every_event_has_evidence_and_version(events, seed: NormalizedArticle) -> None:
    assert len({e.event_id for e in events}) == len(events)
    for event in events:
        field_text = getattr(seed, event.evidence.field)
        assert field_text[event.evidence.start : event.evidence.end] == event.evidence.text
        assert event.coder_version == CODER_VERSION
        assert 0.0 <= event.confidence <= 1.0
        assert event.actor is not None


def test_deterministic(seed: NormalizedArticle) -> None:
    first = classify_article(seed, now=PUBLISHED)
    second = classify_article(seed, now=PUBLISHED)
    assert first.model_dump() == second.model_dump()


def test_read_months_later_as_the_pipeline_reads_it() -> None:
    """The wire carries no year and no timestamp: the pipeline dates it by when it arrives,
    months after its "June 4" (the integration test's worker receives it today). Its lede's
    attacks stay news: a speaker's day dates the speech, not the attacks it names."""
    if not SEED.exists():
        pytest.skip("../shared/samples is not beside this checkout")
    from streams.normalize import normalize_message

    later = datetime(2026, 12, 6, 12, tzinfo=UTC)
    article = normalize_message(SEED.read_bytes(), received_at=later)
    found = {e.type for e in classify_article(article, now=later).events}
    assert {"ceasefire.rejected", "attack.infrastructure", "casualties.reported",
            "attack.military_target", "negotiation.stalled"} <= found
