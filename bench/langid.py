"""Language identification: accuracy, speed and memory of the candidates, same lines, same run.

    python -m bench.langid            # every candidate on tests/fixtures/langid/*.txt
    python -m bench.langid --json

Each `LANG.txt` holds 40 lines written for the project: 20 headline-only flashes, then 20
one-paragraph wire snippets. Each candidate runs in its own interpreter, so its load time and
resident memory are its own. Candidates: lingua in high-accuracy mode with preloaded models
(what `streams.normalize.language` uses), lingua's low-accuracy mode, and py3langid
restricted to the same languages.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LANGID = ROOT / "tests" / "fixtures" / "langid"
CANDIDATES = ("lingua-high", "lingua-low", "py3langid")
FLASHES = 20

_PROBE = r'''
import json, resource, sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[3])
from streams.languages import DETECTED_LANGUAGES
name, folder = sys.argv[1], Path(sys.argv[2])
items = []
for path in sorted(folder.glob("*.txt")):
    lines = [l.strip() for l in path.read_text(encoding="utf-8").splitlines() if l.strip()]
    items += [(path.stem, i < 20, line) for i, line in enumerate(lines)]
rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
started = time.perf_counter()
if name.startswith("lingua"):
    from lingua import IsoCode639_1, LanguageDetectorBuilder
    builder = LanguageDetectorBuilder.from_iso_codes_639_1(
        *(getattr(IsoCode639_1, c.upper()) for c in sorted(DETECTED_LANGUAGES)))
    builder = (builder.with_low_accuracy_mode() if name == "lingua-low"
               else builder.with_preloaded_language_models())
    detector = builder.build()
    def detect(text):
        found = detector.detect_language_of(text)
        return found.iso_code_639_1.name.lower() if found else None
else:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier
    ident = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    ident.set_languages(sorted(DETECTED_LANGUAGES))
    def detect(text):
        return ident.classify(text)[0]
detect("warm up")
load = time.perf_counter() - started
started = time.perf_counter()
out = [(lang, flash, detect(text)) for lang, flash, text in items]
per_item = (time.perf_counter() - started) / max(1, len(items))
rss = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss0) / 1024
print(json.dumps({"load_s": load, "ms_per_item": per_item * 1e3, "rss_mb": rss,
                  "results": out}))
'''


def run(name: str) -> dict:
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, name, str(LANGID), str(ROOT)],
        capture_output=True, text=True, check=True,
    )
    raw = json.loads(done.stdout)
    per_lang: dict[str, list[int]] = {}
    wrong: list[tuple[str, str | None]] = []
    for lang, flash, got in raw["results"]:
        cell = per_lang.setdefault(lang, [0, 0, 0, 0])  # flash ok, flashes, text ok, texts
        cell[0 if flash else 2] += got == lang
        cell[1 if flash else 3] += 1
        if got != lang:
            wrong.append((lang, got))
    total = sum(c[0] + c[2] for c in per_lang.values())
    items = sum(c[1] + c[3] for c in per_lang.values())
    return {"candidate": name, "accuracy": total / max(1, items), "items": items,
            "load_s": raw["load_s"], "ms_per_item": raw["ms_per_item"],
            "rss_mb": raw["rss_mb"], "per_language": per_lang, "wrong": wrong}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    results = [run(name) for name in CANDIDATES]
    if args.json:
        print(json.dumps(results, indent=2))
        return 0
    print(f"{'candidate':12s} {'accuracy':>8s} {'load s':>7s} {'ms/item':>8s} {'+RSS MB':>8s}"
          "  per language: flashes ok/n, snippets ok/n")
    for r in results:
        langs = ", ".join(f"{lang} {c[0]}/{c[1]} {c[2]}/{c[3]}"
                          for lang, c in sorted(r["per_language"].items()))
        print(f"{r['candidate']:12s} {r['accuracy']:8.3f} {r['load_s']:7.2f} "
              f"{r['ms_per_item']:8.3f} {r['rss_mb']:8.0f}  {langs}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
