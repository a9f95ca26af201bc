"""Near-duplicate wires: another agency's copy, a lightly edited reprint, found by MinHash LSH.

Exact re-sends are caught by the content hash; this module catches copies whose text differs a
little (a new dateline, a reworded lede, a trimmed closing paragraph, house style). It is pure:
the caller keeps the state in tables and passes it in, so a Faust table (or anything else that
stores JSON) can hold it and recover it after a restart.

How it works, and why these numbers:

- Text: headline and body, NFKC- and case-folded, punctuation dropped (`\\w+` tokens), so
  "Odesa," and "ODESA" are one word. The dateline is not part of the text (normalizing has
  already split it off), and a changed dateline costs only a few shingles anyway.
- Shingles of `SHINGLE_WORDS = 3` words. Measured on the test wires (a 230-word strike story):
  another agency's copy with a reworded lede and a dropped closing paragraph has Jaccard 0.64 with
  3-word shingles (0.60 with 5), a reprint with house-style edits 0.78 (0.70), a different strike
  story in the same war 0.03 (0.01). Shorter shingles keep real copies further above the threshold
  (one edited word breaks k shingles) while unrelated stories stay near zero; 1- and 2-word
  shingles let topic vocabulary alone reach 0.1-0.2.
- `NUM_PERM = 64` MinHash permutations: the Jaccard estimate's standard error is
  sqrt(J(1-J)/64), 0.06 at J = 0.5, enough to separate copies (>= 0.6) from stories sharing
  background paragraphs (<= 0.3) at several standard errors, at half the state of 128.
- `THRESHOLD = 0.5` on the estimated Jaccard, not 0.8: real agency copies measure 0.6-0.8 (see
  above), and 0.8 would miss them; unrelated stories on the same war measure 0.0-0.3 even when
  they share a boilerplate paragraph or two. 0.5 sits in the middle of that gap.
- LSH: 16 bands of 4 rows (all 64 values). A stored article becomes a candidate with probability
  1-(1-J^4)^16: 0.95 at J = 0.64, 0.99 at 0.7, 1.00 at 0.8, 0.12 at 0.3 (those are then rejected
  by the verified estimate). Four rows per band keep buckets clean at 100,000 articles a day: two
  unrelated stories (J ~ 0.03) share a band with probability ~1e-6. A missed copy is cheap: its
  alerts fold into the first report's (see `streams.alerting.folding`).

State: the caller keeps it (`streams.normalize.band_index`: per original article its 16 band
hashes and `sketch`, the signature's low 16 bits; a false 16-bit collision, 1 in 65,536 per
value, does not move the estimate).

Revisions: a new version of an article (same `article_id`) is very similar to its old version,
but it is not a duplicate. The caller must let it through: an article is never matched against
its own id, and any article with `version > 1` or `retracted` is a revision before it is asked
about near-duplicates at all (revision wins over near-dup), so that a missed copy in the index
can never swallow the original's update. Duplicates themselves are not added to the index: the
original already stands for them.
"""

from __future__ import annotations

import re
import unicodedata
import zlib
from collections.abc import Sequence
from typing import Any

import numpy as np
from datasketch import MinHash

NUM_PERM = 64
SHINGLE_WORDS = 3
BANDS = 16
ROWS = 4
THRESHOLD = 0.5
CANDIDATE_CAP = 16
# Only the first characters are compared: a wire is 1-10 KB, and a copy of a longer text shares
# its opening as surely as its whole. It bounds the signature's cost on a 1 MB message (0.4 s
# whole, a few ms capped) and leaves every ordinary wire's signature as it was.
MAX_TEXT_CHARS = 50_000
SEED = 1
_SCHEME = "affine32"
_WORD = re.compile(r"\w+")
# Generating the permutations costs more than hashing an article; do it once per process.
_PERMUTATIONS = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=_SCHEME).permutations
_PERM_A = np.asarray(_PERMUTATIONS[0], dtype=np.uint32)
_PERM_B = np.asarray(_PERMUTATIONS[1], dtype=np.uint32)

Signature = list[int]


def words(text: str) -> list[str]:
    """Case-, width- and punctuation-folded words: the units a copy editor's edits move."""
    return _WORD.findall(unicodedata.normalize("NFKC", text).casefold())


# `\w` on ASCII text is exactly [A-Za-z0-9_], NFKC leaves ASCII as it is and casefold is
# lower(): every other byte becomes a space, and a split yields `words`' tokens, encoded.
_ASCII_WORD = frozenset(b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_")
_ASCII_SPACES = bytes(c if c in _ASCII_WORD else 32 for c in range(256))


def encoded_words(text: str) -> list[bytes]:
    """`words(text)`, each UTF-8 encoded: for an ASCII text (most wires in English) one
    translate and one split at C speed instead of a regex match per word (~50 against ~5 µs
    on a 3 KB wire)."""
    if text.isascii():
        return text.encode("ascii").lower().translate(_ASCII_SPACES).split()
    return [t.encode() for t in words(text)]


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[bytes]:
    """Overlapping runs of `size` words; a text shorter than that is one shingle."""
    tokens = words(text)
    if not tokens:
        return set()
    if len(tokens) <= size:
        return {" ".join(tokens).encode()}
    return {" ".join(tokens[i : i + size]).encode() for i in range(len(tokens) - size + 1)}


def article_text(headline: str | None, body: str) -> str:
    """What is compared: the headline and the body (the dateline is already split off)."""
    return f"{headline or ''}\n{body}"


def article_signature(article: Any) -> Signature:
    """A NormalizedArticle's signature: what the article stage and its work process index."""
    return signature(article_text(article.headline, article.body))


def signature(text: str) -> Signature:
    """The MinHash signature, `NUM_PERM` ints below 2**32; empty for a text without words.

    An empty text gets no signature at all, so that empty texts never match one another.
    """
    encoded = encoded_words(text[:MAX_TEXT_CHARS])
    if not encoded:
        return []
    # CRC-32 per shingle instead of datasketch's default SHA-1: the affine32 scheme mixes
    # every input hash with the MurmurHash3 finalizer anyway, so a fast 32-bit checksum is as
    # good an input, and SHA-1 was ~40% of the signature's cost (issue 9's profile). Quality
    # measured against exact Jaccard in `python -m bench.neardup`.
    if len(encoded) <= SHINGLE_WORDS:
        hashes = [zlib.crc32(b" ".join(encoded))]
    else:  # a repeated shingle changes no minimum: no set, no sort
        runs = zip(*(encoded[i:] for i in range(SHINGLE_WORDS)), strict=False)
        hashes = [zlib.crc32(b" ".join(run)) for run in runs]
    # datasketch's affine32 update (`MinHash.update_batch`) on the batch, without building a
    # MinHash per article: MurmurHash3's finalizer, then a * h + b per permutation, modulo
    # 2**32, the minimum per permutation. `test_neardup` holds it equal to datasketch's.
    hv = _fmix32(np.array(hashes, dtype=np.uint32)).reshape(-1, 1)
    return (hv * _PERM_A + _PERM_B).min(axis=0).tolist()


def _fmix32(hv: np.ndarray) -> np.ndarray:
    """MurmurHash3's 32-bit finalizer, element-wise (uint32 products wrap modulo 2**32)."""
    hv = hv ^ (hv >> np.uint32(16))
    hv = hv * np.uint32(0x85EBCA6B)
    hv = hv ^ (hv >> np.uint32(13))
    hv = hv * np.uint32(0xC2B2AE35)
    return hv ^ (hv >> np.uint32(16))


def similarity(sig: Sequence[int], other: Sequence[int]) -> float:
    """Estimated Jaccard similarity of the two shingle sets: the share of equal MinHash values.

    Compared on the low 16 bits, so a stored sketch (`band_index.Entry`: those bits alone)
    and a full signature compare alike.
    """
    if len(sig) != NUM_PERM or len(other) != NUM_PERM:
        return 0.0
    return sum((a & 0xFFFF) == (b & 0xFFFF) for a, b in zip(sig, other, strict=True)) / NUM_PERM
