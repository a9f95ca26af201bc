"""Precision, recall and F1 of the coder and the alert rules on the labelled corpus.

    python -m bench.eval                 # tables for the held-out part and for all of it
    python -m bench.eval --part tune     # one part only (tune | heldout | all)
    python -m bench.eval --json          # machine-readable results
    python -m bench.eval --show-errors   # false positives / negatives per file

Each fixture goes through exactly what the pipeline runs: its bytes through
`normalize_message`, then `classify_article`, then `alerts_for`. Scores are article level:
for every event type (and alert kind) an article is a true positive when both the label and
the prediction contain it, a false positive when only the prediction does, a false negative
when only the label does. Micro totals sum those counts over all types (kinds).
`escalation_surge` is a cross-article, windowed alert and is not scored here.

The held-out part (`tests/fixtures/corpus/heldout/`) is never used for tuning; see the corpus
README.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import Any, get_args

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # `python bench/eval.py` from the repo root
    sys.path.insert(0, str(ROOT))

CORPUS = ROOT / "tests" / "fixtures" / "corpus"
LABELS = CORPUS / "labels.yaml"
PARTS = ("heldout", "tune", "all")
# Alerts that a single article cannot raise on its own; not labelled, not scored.
UNSCORED_ALERTS = frozenset({"escalation_surge"})
# Fixed, so a run is reproducible (received_at only feeds metadata, never the coding).
RECEIVED_AT = datetime(2026, 1, 1, tzinfo=UTC)


def event_types() -> tuple[str, ...]:
    from schemas import EventType

    return tuple(get_args(EventType))


def alert_kinds() -> tuple[str, ...]:
    from schemas import AlertKind

    return tuple(kind for kind in get_args(AlertKind) if kind not in UNSCORED_ALERTS)


def corpus_dir(lang: str = "en") -> Path:
    """English wires at the corpus root; every other language under `lang/LANG/`, each with
    its own `tune/`, `heldout/` and `labels.yaml`, written blind the same way."""
    return CORPUS if lang == "en" else CORPUS / "lang" / lang


def corpus_languages() -> tuple[str, ...]:
    """English first, then every language folder that has labels."""
    others = sorted(d.name for d in (CORPUS / "lang").glob("*") if (d / "labels.yaml").exists())
    return ("en", *others)


@cache
def load_labels(lang: str = "en") -> dict[str, dict[str, Any]]:
    """`labels.yaml`: path relative to the language's corpus folder -> label."""
    import yaml

    path = corpus_dir(lang) / "labels.yaml"
    with path.open(encoding="utf-8") as handle:
        data = yaml.safe_load(handle)
    if not isinstance(data, dict):
        raise ValueError(f"{path} is not a mapping")
    return data


def files_in(part: str, lang: str = "en") -> list[str]:
    """Labelled paths of a part, sorted; `all` is both parts."""
    if part not in PARTS:
        raise ValueError(f"unknown part {part!r}; use one of {', '.join(PARTS)}")
    keys = sorted(load_labels(lang))
    if part == "all":
        return keys
    return [key for key in keys if key.split("/", 1)[0] == part]


def parse_time(value: Any) -> datetime:
    """A label's RFC 3339 timestamp (YAML may already have parsed it)."""
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=UTC)
    return datetime.fromisoformat(str(value).replace("Z", "+00:00"))


@dataclass
class Prediction:
    path: str
    events: set[str] = field(default_factory=set)
    alerts: set[str] = field(default_factory=set)
    error: str | None = None
    seconds: float = 0.0


@cache
def predict(path: str, lang: str = "en") -> Prediction:
    """Normalize, classify and alert one fixture; an exception becomes an empty prediction.

    Cached per process, so `evaluate("heldout")` then `evaluate("all")` codes each file once."""
    from streams.offline import code_wire

    label = load_labels(lang)[path]
    raw = (corpus_dir(lang) / path).read_bytes()
    started = time.perf_counter()
    try:
        fallback = parse_time(label["published_at"]) if label.get("published_at") else None
        classified, alerts = code_wire(raw, now=RECEIVED_AT, published_at=fallback)
    except Exception as exc:  # one bad fixture must not hide the scores of the others
        return Prediction(path, error=f"{type(exc).__name__}: {exc}")
    seconds = time.perf_counter() - started
    return Prediction(
        path,
        events={event.type for event in classified.events},
        alerts={alert.kind for alert in alerts} - UNSCORED_ALERTS,
        seconds=seconds,
    )


def scores(tp: int, fp: int, fn: int) -> dict[str, float | int]:
    """P, R, F1 with the empty cases made explicit: nothing to find and nothing found is 1.0."""
    precision = tp / (tp + fp) if tp + fp else (1.0 if fn == 0 else 0.0)
    recall = tp / (tp + fn) if tp + fn else (1.0 if fp == 0 else 0.0)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1, 4),
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "support": tp + fn,
    }


def score_table(
    names: Iterable[str],
    gold: Mapping[str, set[str]],
    predicted: Mapping[str, set[str]],
) -> tuple[dict[str, dict[str, float | int]], dict[str, float | int]]:
    """Per-name scores and the micro total over all names."""
    table: dict[str, dict[str, float | int]] = {}
    total_tp = total_fp = total_fn = 0
    for name in names:
        tp = sum(1 for path in gold if name in gold[path] and name in predicted[path])
        fp = sum(1 for path in gold if name not in gold[path] and name in predicted[path])
        fn = sum(1 for path in gold if name in gold[path] and name not in predicted[path])
        table[name] = scores(tp, fp, fn)
        total_tp, total_fp, total_fn = total_tp + tp, total_fp + fp, total_fn + fn
    return table, scores(total_tp, total_fp, total_fn)


def evaluate(
    part: str, lang: str = "en", batch: Callable[[str], bool] | None = None
) -> dict[str, Any]:
    """Scores for one part (`heldout`, `tune` or `all`) of one language's corpus, as plain
    JSON-ready data; `batch` keeps only the paths it accepts (a bar set on one batch of
    wires stays measured on those wires when later batches join the part)."""
    labels = load_labels(lang)
    paths = [path for path in files_in(part, lang) if batch is None or batch(path)]
    predictions = {path: predict(path, lang) for path in paths}
    types, kinds = event_types(), alert_kinds()
    gold_events = {path: set(labels[path]["events"]) for path in paths}
    gold_alerts = {path: set(labels[path]["alerts"]) for path in paths}
    events, events_micro = score_table(
        types, gold_events, {path: predictions[path].events for path in paths}
    )
    alerts, alerts_micro = score_table(
        kinds, gold_alerts, {path: predictions[path].alerts for path in paths}
    )
    errors = []
    for path in paths:
        got = predictions[path]
        item = {
            "file": path,
            "note": labels[path].get("note", ""),
            "fp_events": sorted(got.events - gold_events[path]),
            "fn_events": sorted(gold_events[path] - got.events),
            "fp_alerts": sorted(got.alerts - gold_alerts[path]),
            "fn_alerts": sorted(gold_alerts[path] - got.alerts),
            "exception": got.error,
        }
        if any(item[key] for key in ("fp_events", "fn_events", "fp_alerts", "fn_alerts")) or (
            got.error
        ):
            errors.append(item)
    negatives = [path for path in paths if labels[path].get("hard_negative")]
    timed = [predictions[path].seconds for path in paths if predictions[path].error is None]
    return {
        "part": part,
        "language": lang,
        "articles": len(paths),
        "events": events,
        "events_micro": events_micro,
        "alerts": alerts,
        "alerts_micro": alerts_micro,
        "exact_match": round(
            sum(
                1
                for path in paths
                if predictions[path].events == gold_events[path]
                and predictions[path].alerts == gold_alerts[path]
            )
            / max(len(paths), 1),
            4,
        ),
        "hard_negatives": {
            "articles": len(negatives),
            "with_false_alert": sum(
                1 for path in negatives if predictions[path].alerts - gold_alerts[path]
            ),
            "with_false_event": sum(
                1 for path in negatives if predictions[path].events - gold_events[path]
            ),
        },
        "exceptions": sum(1 for path in paths if predictions[path].error),
        "mean_ms_per_article": round(1000 * sum(timed) / len(timed), 3) if timed else None,
        "errors": errors,
    }


def _row(name: str, score: Mapping[str, float | int]) -> str:
    return (
        f"  {name:<26}{score['precision']:>7.3f}{score['recall']:>7.3f}{score['f1']:>7.3f}"
        f"{score['tp']:>6}{score['fp']:>5}{score['fn']:>5}{score['support']:>6}"
    )


def render(result: Mapping[str, Any], show_errors: bool = False) -> str:
    head = f"  {'':<26}{'P':>7}{'R':>7}{'F1':>7}{'TP':>6}{'FP':>5}{'FN':>5}{'supp':>6}"
    lang, part = result["language"], result["part"]
    where = part if lang == "en" else f"{lang} {part}"
    lines = [f"== {where}: {result['articles']} articles ==", "event type", head]
    lines += [_row(name, score) for name, score in result["events"].items()]
    lines += [_row("MICRO (events)", result["events_micro"]), "alert kind", head]
    lines += [_row(name, score) for name, score in result["alerts"].items()]
    lines.append(_row("MICRO (alerts)", result["alerts_micro"]))
    negatives = result["hard_negatives"]
    lines.append(
        f"  exact match {result['exact_match']:.3f}; hard negatives {negatives['articles']}, "
        f"with a false alert {negatives['with_false_alert']}, with a false event "
        f"{negatives['with_false_event']}; exceptions {result['exceptions']}; "
        f"{result['mean_ms_per_article']} ms/article (normalize+classify+alert)"
    )
    if show_errors:
        lines.append("errors (FP = predicted, not labelled; FN = labelled, missed)")
        for item in result["errors"]:
            parts = [
                f"{tag} {', '.join(item[key])}"
                for tag, key in (
                    ("FP ev:", "fp_events"),
                    ("FN ev:", "fn_events"),
                    ("FP al:", "fp_alerts"),
                    ("FN al:", "fn_alerts"),
                )
                if item[key]
            ]
            if item["exception"]:
                parts.append(f"EXC: {item['exception']}")
            lines.append(f"  {item['file']}: {' | '.join(parts)}  [{item['note']}]")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.eval", description="P/R/F1 of the coder on the labelled corpus"
    )
    parser.add_argument("--part", choices=PARTS, help="one part only (default: heldout and all)")
    parser.add_argument("--json", action="store_true", help="print machine-readable results")
    parser.add_argument("--show-errors", action="store_true", help="list FP/FN per file")
    parser.add_argument(
        "--lang", default=None,
        help="one language's corpus in full (en, ru, uk, fr, es, ar, de); default: the English "
        "tables, then one held-out line per language",
    )
    args = parser.parse_args(argv)
    parts = [args.part] if args.part else ["heldout", "all"]
    try:
        from streams.classify import default_coder
    except ImportError as exc:
        print(f"bench.eval: the coder is not importable ({exc})", file=sys.stderr)
        return 2
    default_coder()  # built before the clock starts, as a worker builds it at start
    results = [evaluate(part, args.lang or "en") for part in parts]
    # the held-out line per language only where held-out numbers were asked for: a tuning
    # run (`--part tune`) must never show them
    languages = [] if args.lang or args.part == "tune" else [
        evaluate("heldout", lang) for lang in corpus_languages()]
    if args.json:
        if not args.show_errors:
            for result in results + languages:
                result.pop("errors")
        doc: dict[str, Any] = {result["part"]: result for result in results}
        if languages:
            doc["languages"] = {result["language"]: result for result in languages}
        print(json.dumps(doc, indent=2))
    else:
        print("\n\n".join(render(result, args.show_errors) for result in results))
        if languages:
            print("\n" + render_languages(languages))
    return 0


def render_languages(results: list[dict[str, Any]]) -> str:
    """One held-out line per language: what issue 12's bars are read from."""
    lines = ["== held-out part per language ==",
             f"  {'lang':<6}{'wires':>6}{'alert P':>9}{'R':>7}{'F1':>7}{'event F1':>10}"]
    for r in results:
        a, e = r["alerts_micro"], r["events_micro"]
        lines.append(f"  {r['language']:<6}{r['articles']:>6}{a['precision']:>9.3f}"
                     f"{a['recall']:>7.3f}{a['f1']:>7.3f}{e['f1']:>10.3f}")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
