"""Near-duplicate signature and index: speed, quality against exact Jaccard, memory.

`python -m bench.neardup` compares, in one run on the same texts, the MinHash signature with
datasketch's default SHA-1 shingle hash and with CRC-32 (what `neardup.signature` uses):

- cost per ~3 KB wire (median of rounds);
- how far each estimate is from the exact Jaccard of the shingle sets, and whether it falls on
  the same side of `neardup.THRESHOLD`, on agency rewrites (a changed lede, dropped and edited
  sentences, a new dateline: exact Jaccard 0.4-0.9) and on distinct stories of the same war
  (the bench wires share templates and city names: exact Jaccard up to ~0.2);
- the replicated index (`BandIndex`): bytes per entry and match cost at 100,000 entries.
"""

from __future__ import annotations

import random
import statistics
import time
import tracemalloc
import zlib
from collections.abc import Callable

from datasketch import MinHash

from bench.wires import make_wire
from streams.normalize import neardup
from streams.normalize.band_index import BandIndex, entry

WIRES = 400
ROUNDS = 5


def _signature(text: str, hashfunc: Callable[[bytes], int] | None) -> list[int]:
    grams = neardup.shingles(text[: neardup.MAX_TEXT_CHARS])
    if not grams:
        return []
    options = {"hashfunc": hashfunc} if hashfunc is not None else {}
    m = MinHash(num_perm=neardup.NUM_PERM, seed=neardup.SEED,
                permutations=neardup._PERMUTATIONS, scheme=neardup._SCHEME, **options)
    m.update_batch(sorted(grams))
    return [int(v) for v in m.hashvalues]


def sha1_signature(text: str) -> list[int]:
    """The signature as it was before CRC-32: datasketch's default SHA-1 per shingle."""
    return _signature(text, None)


def crc_signature(text: str) -> list[int]:
    """`neardup.signature`'s recipe, built through a datasketch MinHash the same way as the
    SHA-1 one it is timed against (`neardup.signature` computes the same values directly)."""
    return _signature(text, zlib.crc32)


def rewrite(text: str, rng: random.Random) -> str:
    """Another desk's copy: a new lede, some sentences dropped, words swapped in others."""
    sentences = [s for s in text.split(". ") if s]
    kept = [s for s in sentences if rng.random() > rng.choice([0.05, 0.15, 0.3])]
    edited = []
    for s in kept:
        words = s.split()
        if words and rng.random() < 0.3:
            i = rng.randrange(len(words))
            words[i] = rng.choice(["reportedly", "officials", "local", "the", "overnight"])
        edited.append(" ".join(words))
    return "Fresh lede written by another agency desk today. " + ". ".join(edited)


def exact_jaccard(a: str, b: str) -> float:
    x, y = neardup.shingles(a), neardup.shingles(b)
    return len(x & y) / len(x | y) if x | y else 0.0


def timed(fn: Callable[[str], list[int]], texts: list[str]) -> float:
    """Median µs per text over ROUNDS rounds."""
    rounds = []
    for _ in range(ROUNDS):
        started = time.perf_counter()
        for t in texts:
            fn(t)
        rounds.append((time.perf_counter() - started) / len(texts) * 1e6)
    return statistics.median(rounds)


def quality(
    fn: Callable[[str], list[int]], pairs: list[tuple[str, str]]
) -> tuple[float, float, int]:
    """(mean |estimate - exact|, worst, decisions on the other side of THRESHOLD)."""
    errors, flips = [], 0
    for a, b in pairs:
        truth = exact_jaccard(a, b)
        estimate = neardup.similarity(fn(a), fn(b))
        errors.append(abs(estimate - truth))
        flips += (estimate >= neardup.THRESHOLD) != (truth >= neardup.THRESHOLD)
    return statistics.fmean(errors), max(errors), flips


def index_cost(n: int = 100_000) -> tuple[float, float]:
    """(bytes per entry, µs per match) for an index of `n` distinct wires' entries."""
    rng = random.Random(3)
    sigs = [crc_signature(make_wire(i, rng)) for i in range(2_000)]
    tracemalloc.start()
    index = BandIndex(max_age_ms=10**12)
    for i in range(n):
        # distinct entries: the signatures are re-used with one value changed per band
        sig = list(sigs[i % len(sigs)])
        for band in range(neardup.BANDS):
            sig[band * neardup.ROWS] = (sig[band * neardup.ROWS] + i) & 0xFFFFFFFF
        item = entry(f"a{i}", i, sig)
        assert item is not None
        index.add(item)
    size, _ = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    probes = [entry(f"p{i}", n + i, sigs[i]) for i in range(500)]
    started = time.perf_counter()
    for p in probes:
        assert p is not None
        index.match(p)
    return size / n, (time.perf_counter() - started) / len(probes) * 1e6


def main() -> None:
    rng = random.Random(11)
    wires = [make_wire(i, rng) for i in range(WIRES)]
    rewrites = [(w, rewrite(w, rng)) for w in wires[:200]]
    unrelated = [(wires[i], wires[i + 1]) for i in range(0, 400, 2)]
    truths = [exact_jaccard(a, b) for a, b in rewrites]
    print(f"rewrites: exact Jaccard {min(truths):.2f}-{max(truths):.2f}, "
          f"median {statistics.median(truths):.2f}; unrelated: up to "
          f"{max(exact_jaccard(a, b) for a, b in unrelated):.2f}")
    sha, crc = timed(sha1_signature, wires), timed(crc_signature, wires)
    vec = timed(neardup.signature, wires)
    assert all(neardup.signature(w) == crc_signature(w) for w in wires)
    print(f"signature per ~3 KB wire: SHA-1 {sha:.0f} µs, CRC-32 {crc:.0f} µs "
          f"({crc / sha:.2f}x), CRC-32 without a MinHash object (the worker's, same values) "
          f"{vec:.0f} µs ({vec / sha:.2f}x), medians of {ROUNDS} rounds over {WIRES} wires")
    for name, fn in (("SHA-1", sha1_signature), ("CRC-32", crc_signature)):
        r_mean, r_worst, r_flips = quality(fn, rewrites)
        u_mean, u_worst, u_flips = quality(fn, unrelated)
        print(f"{name}: rewrites |err| mean {r_mean:.3f} worst {r_worst:.3f}, "
              f"{r_flips} of {len(rewrites)} decided otherwise than exact; unrelated "
              f"|err| mean {u_mean:.3f} worst {u_worst:.3f}, {u_flips} of {len(unrelated)}")
    per_entry, per_match = index_cost()
    print(f"index: {per_entry:.0f} B of memory per entry, {per_match:.0f} µs per match "
          f"at 100,000 entries")


if __name__ == "__main__":
    main()
