"""Issue 12's bar for the languages the worker codes by default.

A language is coded by default (`streams.languages.DEFAULT_LANGUAGES`) only if its held-out
alert micro-F1 clears issue 12's bar of 0.85; a language with data that does not is opt-in
(`OPT_IN_LANGUAGES`, read when WIREWATCH_LANGUAGES names it) and must be given a regression
floor here at what it measures. None is opt-in since Russian cleared the bar (2026-12-06,
evening: 0.899 on 102 held-out wires, 0.861 on the 72 before its `301`-`330` part).
Only the summary is read here, never the held-out part's per-file errors. English has its own
bars in test_eval_corpus.py.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.eval import evaluate, predict  # noqa: E402
from streams.languages import DEFAULT_LANGUAGES, OPT_IN_LANGUAGES  # noqa: E402

ISSUE_12_BAR = 0.85
# held-out alert micro-F1 floors of the opt-in languages (`OPT_IN_LANGUAGES`), each at what
# it measured when it was made opt-in: a floor, not a target. Russian's was 0.845 until it
# cleared the bar; German cleared it when its held-out part grew from 42 to 72 wires.
OPT_IN_FLOORS: dict[str, float] = {}


@pytest.fixture(scope="module")
def every_language() -> Iterator[None]:
    """Every language with data coded, as WIREWATCH_LANGUAGES naming them all would; the
    per-process prediction cache is emptied on both sides so no score mixes language sets."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("WIREWATCH_LANGUAGES", ",".join(sorted(DEFAULT_LANGUAGES | OPT_IN_LANGUAGES)))
        predict.cache_clear()
        yield
    predict.cache_clear()


def _alert_f1(lang: str) -> float:
    scored = evaluate("heldout", lang)
    assert scored["articles"] >= 30 and scored["exceptions"] == 0
    return float(scored["alerts_micro"]["f1"])


@pytest.mark.parametrize("lang", sorted(DEFAULT_LANGUAGES - {"en"}))
def test_a_default_language_clears_issue_12s_bar(every_language: None, lang: str) -> None:
    f1 = _alert_f1(lang)
    assert f1 >= ISSUE_12_BAR, (f"{lang}: held-out alert F1 {f1:.3f} < {ISSUE_12_BAR}: "
                                "fix it from its tune part or make it opt-in")


def test_every_opt_in_language_keeps_its_floor(every_language: None) -> None:
    """Each opt-in language at or above its floor (none is opt-in today: Russian, the last,
    cleared the bar; the test fails for a language made opt-in without a floor)."""
    assert set(OPT_IN_FLOORS) == OPT_IN_LANGUAGES
    low = {lang: f1 for lang in sorted(OPT_IN_FLOORS)
           if (f1 := _alert_f1(lang)) < OPT_IN_FLOORS[lang]}
    assert not low, f"held-out alert F1 below the floor: {low}"


def test_every_language_with_data_is_default_or_opt_in_with_a_floor() -> None:
    corpus = ROOT / "tests" / "fixtures" / "corpus" / "lang"
    with_data = {d.name for d in corpus.iterdir() if (d / "labels.yaml").exists()}
    assert with_data == (DEFAULT_LANGUAGES | OPT_IN_LANGUAGES) - {"en"}
    assert set(OPT_IN_FLOORS) == OPT_IN_LANGUAGES and not DEFAULT_LANGUAGES & OPT_IN_LANGUAGES


def test_the_bar_is_the_issues() -> None:
    """Never lower the bar to let a language be coded by default."""
    assert ISSUE_12_BAR >= 0.85
