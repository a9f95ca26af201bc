"""Language identification: accuracy, speed and memory of the candidates, same lines, same run.

    python -m bench.langid            # every candidate on tests/fixtures/langid/*.txt
    python -m bench.langid --json

Each `LANG.txt` holds 40 lines written for the project: 20 headline-only flashes, then 20
one-paragraph wire snippets. Then every headline of the tune parts of the corpora
(`tests/fixtures/corpus/tune` for English, `corpus/lang/LANG/tune`), read alone: the short
texts that decide between the candidates. Each candidate runs in its own interpreter, so its
load time and resident memory are its own. Candidates: `wirewatch` (what normalizing runs:
`streams.normalize.language.detect_language`, py3langid with its confidence floor, an unsure
answer counted apart), py3langid alone, and, when lingua-language-detector is installed
(`pip install lingua-language-detector`; not a dependency), lingua in high-accuracy mode with
preloaded models and in low-accuracy mode, all restricted to the same languages.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LANGID = ROOT / "tests" / "fixtures" / "langid"
CANDIDATES = ("wirewatch", "py3langid", "lingua-high", "lingua-low")
FLASHES = 20

_PROBE = r'''
import json, sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[3])
from streams.languages import DETECTED_LANGUAGES
name, folder = sys.argv[1], Path(sys.argv[2])
items = []
for path in sorted(folder.glob("*.txt")):
    lines = [l.strip() for l in path.read_text(encoding="utf-8").splitlines() if l.strip()]
    items += [(path.stem, i < 20, line) for i, line in enumerate(lines)]
heads = json.loads(sys.argv[4])
items += [(lang, True, text) for lang, text in heads]
def rss_kb():
    for line in open("/proc/self/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
rss0 = rss_kb()
started = time.perf_counter()
if name == "wirewatch":
    from streams.normalize.language import detect_language as detect
elif name.startswith("lingua"):
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
out = [(lang, flash, detect(text), text) for lang, flash, text in items]
per_item = (time.perf_counter() - started) / max(1, len(items))
rss = (rss_kb() - rss0) / 1024
print(json.dumps({"load_s": load, "ms_per_item": per_item * 1e3, "rss_mb": rss,
                  "results": out}))
'''


def headlines() -> list[tuple[str, str]]:
    """(language, headline) of every tune wire that has a headline."""
    from datetime import UTC, datetime

    from streams.normalize import Rejected, normalize_message

    corpus = ROOT / "tests" / "fixtures" / "corpus"
    folders = [("en", corpus / "tune")] + [
        (d.name, d / "tune") for d in sorted((corpus / "lang").iterdir()) if d.is_dir()]
    out = []
    for lang, folder in folders:
        for path in sorted(folder.iterdir()):
            try:
                article = normalize_message(path.read_bytes(), received_at=datetime.now(UTC))
            except Rejected:
                continue
            if article.headline:
                out.append((lang, article.headline))
    return out


def run(name: str, heads: list[tuple[str, str]]) -> dict:
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, name, str(LANGID), str(ROOT), json.dumps(heads)],
        capture_output=True, text=True, check=True,
    )
    raw = json.loads(done.stdout)
    unsure = sum(got is None for _, _, got, _ in raw["results"])
    per_lang: dict[str, list[int]] = {}
    wrong: list[tuple[str, str | None, str]] = []
    for lang, flash, got, text in raw["results"]:
        cell = per_lang.setdefault(lang, [0, 0, 0, 0])  # flash ok, flashes, text ok, texts
        cell[0 if flash else 2] += got == lang
        cell[1 if flash else 3] += 1
        if got is not None and got != lang:
            wrong.append((lang, got, text))
    total = sum(c[0] + c[2] for c in per_lang.values())
    items = sum(c[1] + c[3] for c in per_lang.values())
    return {"candidate": name, "accuracy": total / max(1, items), "items": items,
            "unsure": unsure,
            "load_s": raw["load_s"], "ms_per_item": raw["ms_per_item"],
            "rss_mb": raw["rss_mb"], "per_language": per_lang, "wrong": wrong}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    heads = headlines()
    results = [run(name, heads) for name in CANDIDATES
               if not name.startswith("lingua") or importlib.util.find_spec("lingua")]
    if args.json:
        print(json.dumps(results, indent=2))
        return 0
    print(f"{'candidate':12s} {'accuracy':>8s} {'unsure':>6s} {'load s':>7s} {'ms/item':>8s} "
          f"{'+RSS MB':>8s}"
          "  per language: short ok/n, snippets ok/n")
    for r in results:
        langs = ", ".join(f"{lang} {c[0]}/{c[1]} {c[2]}/{c[3]}"
                          for lang, c in sorted(r["per_language"].items()))
        print(f"{r['candidate']:12s} {r['accuracy']:8.3f} {r['unsure']:6d} {r['load_s']:7.2f} "
              f"{r['ms_per_item']:8.3f} {r['rss_mb']:8.0f}  {langs}")
        for lang, got, text in r["wrong"][:12]:
            print(f"    {lang} read as {got}: {text[:90]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
