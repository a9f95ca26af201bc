"""The per-language corpora (tests/fixtures/corpus/lang/LANG) are well formed, big enough for
issue 12's bars, and every wire normalizes to its own language."""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import get_args

import pytest

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.eval import (  # noqa: E402
    alert_kinds,
    corpus_dir,
    corpus_languages,
    event_types,
    load_labels,
    parse_time,
)
from schemas import AlertKind, EventType  # noqa: E402
from streams.normalize import normalize_message  # noqa: E402

LANGUAGES = [lang for lang in corpus_languages() if lang != "en"]
LABEL_KEYS = {"published_at", "events", "alerts", "hard_negative", "note"}
IMPLIED = {
    "ceasefire.rejected": "truce_rejected",
    "ceasefire.violated": "ceasefire_violation",
    "negotiation.stalled": "talks_collapse",
    "attack.infrastructure": "infrastructure_attack",
}


def labelled(lang: str) -> list[tuple[str, str]]:
    return [(lang, key) for key in sorted(load_labels(lang))]


ALL = [item for lang in LANGUAGES for item in labelled(lang)]


def test_the_six_languages_of_issue_12_are_there() -> None:
    assert set(LANGUAGES) == {"ru", "uk", "fr", "es", "ar", "de"}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_files_and_labels_match_and_the_parts_are_big_enough(lang: str) -> None:
    root = corpus_dir(lang)
    files = {p.relative_to(root).as_posix() for part in ("tune", "heldout")
             for p in (root / part).rglob("*") if p.is_file()}
    labels = load_labels(lang)
    assert files == set(labels)
    heldout = [k for k in labels if k.startswith("heldout/")]
    assert len(labels) >= 80 and len(heldout) >= 30
    negatives = [k for k, label in labels.items() if label["hard_negative"]]
    assert len(negatives) * 3 >= len(labels) - 3, "about a third hard negatives"
    for part in ("tune", "heldout"):
        in_part = [label for k, label in labels.items() if k.startswith(f"{part}/")]
        kinds = {kind for label in in_part for kind in label["alerts"]}
        assert set(alert_kinds()) <= kinds, f"{lang} {part}: alert kinds missing"
        types = {t for label in in_part for t in label["events"]}
        assert set(event_types()) <= types, f"{lang} {part}: event types missing"


@pytest.mark.parametrize(("lang", "path"), ALL)
def test_label_shape_and_alerts_follow_from_events(lang: str, path: str) -> None:
    label = load_labels(lang)[path]
    assert set(label) == LABEL_KEYS
    assert parse_time(label["published_at"]).tzinfo is not None
    assert isinstance(label["hard_negative"], bool) and label["note"].strip()
    events, alerts = label["events"], label["alerts"]
    assert events == sorted(set(events)) and alerts == sorted(set(alerts))
    assert set(events) <= set(get_args(EventType)) and set(alerts) <= set(get_args(AlertKind))
    for event_type, kind in IMPLIED.items():
        assert (event_type in events) == (kind in alerts), f"{path}: {event_type} vs {kind}"
    if "strategic_strike" in alerts:
        assert "attack.military_target" in events
    if "mass_casualty" in alerts:
        assert "casualties.reported" in events


@pytest.mark.parametrize(("lang", "path"), ALL)
def test_every_wire_normalizes_in_its_language(lang: str, path: str) -> None:
    article = normalize_message((corpus_dir(lang) / path).read_bytes(),
                                received_at=datetime(2026, 1, 1, tzinfo=UTC))
    assert article.body.strip() or article.headline
    assert article.language == lang, f"{path}: read as {article.language}"
