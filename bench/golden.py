"""The coder against the golden sentence table (`tests/fixtures/golden/sentences.yaml`).

    python -m bench.golden                  # summary: exact entries, tuple precision/recall
    python -m bench.golden --show-errors    # every entry that is not exact, with both sets
    python -m bench.golden --json

Each entry's text goes through exactly what the pipeline runs (`streams.offline.code_wire`:
normalize, classify, alert) as a project-JSON body, with the entry's `published_at` when it
has one. An entry is exact when the coder yields the expected set of
`(type, cameo_code, actor, target)` tuples, no more and no less (an empty set for a trap).
Casualty figures are scored apart: for each expected `casualties.reported` with `killed` or
`wounded`, whether the coder's article figures agree.

The table was written blind (see its README); unlike the held-out corpus it is a
specification, so it may be read and fixed against.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import Any

import orjson

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

TABLE = ROOT / "tests" / "fixtures" / "golden" / "sentences.yaml"
# Entries without a date of their own are read as published at this (fixed) time.
DEFAULT_PUBLISHED = datetime(2025, 6, 15, 12, 0, tzinfo=UTC)
Tuple = tuple[str, str, str | None, str | None]


@cache
def load_table() -> list[dict[str, Any]]:
    import yaml

    return yaml.safe_load(TABLE.read_text(encoding="utf-8"))


def expected(entry: dict[str, Any]) -> set[Tuple]:
    return {(e["type"], str(e["cameo_code"]), e.get("actor"), e.get("target"))
            for e in entry["expect"]}


@dataclass
class Outcome:
    id: str
    text: str
    want: set[Tuple]
    got: set[Tuple]
    figures_ok: bool | None = None
    figures: dict[str, Any] = field(default_factory=dict)

    @property
    def exact(self) -> bool:
        return self.want == self.got


def run_entry(entry: dict[str, Any]) -> Outcome:
    from streams.offline import code_wire

    published = entry.get("published_at")
    when = (datetime.fromisoformat(str(published).replace("Z", "+00:00"))
            if published else DEFAULT_PUBLISHED)
    raw = orjson.dumps({"id": f"golden-{entry['id']}", "body": entry["text"],
                        "published_at": when.isoformat()})
    classified, _ = code_wire(raw, now=when)
    got = {(e.type, e.cameo_code, e.actor.code if e.actor else None,
            e.target.code if e.target else None) for e in classified.events}
    outcome = Outcome(entry["id"], entry["text"], expected(entry), got)
    wanted = [e for e in entry["expect"] if e["type"] == "casualties.reported"
              and ("killed" in e or "wounded" in e)]
    if wanted:
        killed = sum(e.get("killed", 0) for e in wanted)
        wounded = sum(e.get("wounded", 0) for e in wanted)
        coded = [e.casualties for e in classified.events
                 if e.type == "casualties.reported" and e.casualties is not None]
        got_killed = max((c.killed or 0 for c in coded), default=0)
        got_wounded = max((c.wounded or 0 for c in coded), default=0)
        outcome.figures = {"want": [killed, wounded], "got": [got_killed, got_wounded]}
        outcome.figures_ok = (killed, wounded) == (got_killed, got_wounded)
    return outcome


def evaluate() -> dict[str, Any]:
    outcomes = [run_entry(entry) for entry in load_table()]
    tp = sum(len(o.want & o.got) for o in outcomes)
    fp = sum(len(o.got - o.want) for o in outcomes)
    fn = sum(len(o.want - o.got) for o in outcomes)
    # Type only: what the coder gets right before codes and actors are compared.
    type_exact = sum({t[0] for t in o.want} == {t[0] for t in o.got} for o in outcomes)
    traps = [o for o in outcomes if not o.want]
    figures = [o.figures_ok for o in outcomes if o.figures_ok is not None]
    by_family: Counter[str] = Counter()
    exact_by_family: Counter[str] = Counter()
    for o in outcomes:
        family = o.id.split("-")[0]
        by_family[family] += 1
        exact_by_family[family] += o.exact
    return {
        "entries": len(outcomes),
        "exact": sum(o.exact for o in outcomes),
        "type_exact": type_exact,
        "traps": len(traps),
        "traps_clean": sum(o.exact for o in traps),
        "precision": tp / (tp + fp) if tp + fp else 1.0,
        "recall": tp / (tp + fn) if tp + fn else 1.0,
        "figures": len(figures),
        "figures_ok": sum(figures),
        "families": {f: [exact_by_family[f], n] for f, n in sorted(by_family.items())},
        "errors": [
            {"id": o.id, "text": o.text, "missing": sorted(map(list, o.want - o.got)),
             "extra": sorted(map(list, o.got - o.want)), "figures": o.figures}
            for o in outcomes if not o.exact or o.figures_ok is False
        ],
    }


def render(result: dict[str, Any], show_errors: bool) -> str:
    lines = [
        f"golden table: {result['exact']}/{result['entries']} entries exact "
        f"({result['type_exact']} with the right event types), traps clean "
        f"{result['traps_clean']}/{result['traps']}, tuple precision "
        f"{result['precision']:.3f} recall {result['recall']:.3f}, casualty figures "
        f"{result['figures_ok']}/{result['figures']}",
        "by family (exact/entries): " + ", ".join(
            f"{f} {e}/{n}" for f, (e, n) in result["families"].items()),
    ]
    if show_errors:
        for err in result["errors"]:
            lines.append(f"\n{err['id']}: {err['text']}")
            for name in ("missing", "extra"):
                for item in err[name]:
                    lines.append(f"  {name:7s} {tuple(item)}")
            if err["figures"]:
                lines.append(f"  figures want {err['figures']['want']} got {err['figures']['got']}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--show-errors", action="store_true")
    args = parser.parse_args(argv)
    result = evaluate()
    print(json.dumps(result, indent=2) if args.json else render(result, args.show_errors))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
