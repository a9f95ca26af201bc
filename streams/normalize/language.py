"""The article's language: as the feeder gave it, else detected from its text.

Detection uses py3langid (a maintained port of langid.py: naive Bayes over byte n-grams),
restricted to the languages Wirewatch tells apart. Chosen with `python -m bench.langid`
(2026-12-04, same run, 774 lines: the project's language-ID lines in seven languages and
every tune-corpus headline read alone): py3langid and lingua's high-accuracy mode each misread
one English headline (0.999); lingua's low-accuracy mode misread 16 (0.979). py3langid cost
0.07 ms a line against 0.43, loaded in 0.7 s against 3.6 and took ~94 MB against ~390,
which a worker with a 768 MiB limit cannot spare.

For Latin-script text a guess below `MIN_CONFIDENCE` is no answer: the language is then
unknown (None) and the coder reads it as it reads English. On the same lines, every Latin
answer under 0.7 was an English headline (10 of 774, one of them the only misreading); a
flash misread as French would have lost its alerts. Text in another script cannot be English,
so there the best guess stands however unsure (a Ukrainian flash of fourteen words scored
under 0.7).
"""

from __future__ import annotations

import re
from functools import cache

from py3langid.langid import MODEL_FILE, LanguageIdentifier

from streams.languages import DETECTED_LANGUAGES

__all__ = ["detect_language", "detector", "given_language", "language_of"]

# Headline and lede: enough to decide, and the cost stays flat whatever the wire's length
# (~0.15 ms at 400 characters, ~0.09 at 200, on the English tune corpus, where none of 653
# wires is misread).
SAMPLE_CHARS = 400
MIN_CONFIDENCE = 0.7
_GIVEN = re.compile(r"^\s*([A-Za-z]{2})(?:[-_][A-Za-z0-9]{2,8})*\s*$")


def given_language(value: str | None) -> str | None:
    """An ISO 639-1 code from what the feeder sent ("en", "EN", "en-GB", "pt_BR"), else None.

    A value we cannot read ("English", "eng") is ignored rather than rejected: the text
    still says what language it is in.
    """
    if value is None:
        return None
    match = _GIVEN.match(value)
    return match.group(1).lower() if match else None


@cache
def detector() -> LanguageIdentifier:
    """Built once per process; the worker calls it at start so no message pays the load."""
    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(sorted(DETECTED_LANGUAGES))
    return identifier


def detect_language(*texts: str | None) -> str | None:
    """ISO 639-1 code of the texts read together (headline first); None without letters
    or when the best guess is unsure."""
    sample = "\n".join(t[:SAMPLE_CHARS] for t in texts if t)[:SAMPLE_CHARS]
    if not any(ch.isalpha() for ch in sample):
        return None
    code, confidence = detector().classify(sample)
    if confidence >= MIN_CONFIDENCE or not _mostly_latin(sample):
        return str(code)
    return None


def _mostly_latin(text: str) -> bool:
    """Most letters are Latin (up to Latin Extended-B): the script English shares."""
    letters = [ch for ch in text if ch.isalpha()]
    return sum(ch <= "\u024f" for ch in letters) * 2 > len(letters)


def language_of(given: str | None, *texts: str | None) -> str | None:
    """The given language when it is a readable code, else the detected one."""
    return given_language(given) or detect_language(*texts)
