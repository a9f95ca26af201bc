"""The near-duplicate index every worker holds whole: LSH band hash -> earlier articles.

Why whole, on every worker: LSH band keys are not co-partitioned with anything an article is
keyed by, so a partitioned table of bands needs either one partition (one worker carries every
article: the design this replaces) or a request/response hop per band. Instead each worker
writes one small record per original article to a compacted internal topic keyed by article id,
and every worker reads every partition of it into this in-memory index, the way Kafka Streams
serves a GlobalKTable (`streams/replica.py`).

A record is 200 bytes: the raw message's timestamp (8), the 16 band hashes (4 bytes each: a
false bucket collision only costs a similarity check) and the 64 low-16-bit MinHash values the
similarity is estimated from (`neardup.similarity`). The band table it replaces wrote the whole
candidate list of each of the 16 bands per article (~6.6 KB of changelog per article, issue 9).

Determinism on replay: an article only matches entries that came before it in (timestamp,
article id) order. A replay after a crash then decides exactly as the first run did, although
its own record and later articles are in the index by then.

Bounded: entries more than `max_age_ms` behind the newest timestamp seen are evicted, and each
bucket keeps its newest `bucket_cap` article ids.
"""

from __future__ import annotations

import hashlib
import struct
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from streams.normalize import neardup

_BANDS = struct.Struct(f">{neardup.BANDS}I")
_SKETCH = struct.Struct(f">{neardup.NUM_PERM}H")
_ROWS = struct.Struct(f">{neardup.ROWS}I")
_SIGNATURE = struct.Struct(f">{neardup.NUM_PERM}I")
_TS = struct.Struct(">q")
RECORD_BYTES = _TS.size + _BANDS.size + _SKETCH.size


@dataclass(frozen=True, slots=True)
class Entry:
    """One original article. Bands and sketch stay packed (64 + 128 bytes): a tuple of 64
    Python ints would cost ~2.3 KB, and the index holds days of wires."""

    article_id: str
    ts_ms: int
    bands: bytes
    sketch: bytes

    def before(self, ts_ms: int, article_id: str) -> bool:
        return (self.ts_ms, self.article_id) < (ts_ms, article_id)

    def bucket_keys(self) -> list[int]:
        """One int per band, band number in the high bits: equal only within one band."""
        return [band << 32 | value for band, value in enumerate(_BANDS.unpack(self.bands))]

    def similarity(self, other: Entry) -> float:
        """Share of equal low-16-bit MinHash values: `neardup.similarity` on packed sketches."""
        return self.similarities([other])[0]

    def similarities(self, others: Sequence[Entry]) -> list[float]:
        """`similarity` against each of `others`: their sketches stacked and compared as
        16-bit words in place, in one pass (unpacking into Python ints took ~15 µs per
        candidate, and one numpy pass per candidate ~4 µs; the bench wires' shared
        templates make ~7 candidates per article)."""
        size = _SKETCH.size
        if len(self.sketch) != size:
            return [0.0] * len(others)
        fit = [o for o in others if len(o.sketch) == size]
        if not fit:
            return [0.0] * len(others)
        stacked = np.frombuffer(b"".join(o.sketch for o in fit), dtype=">u2").reshape(len(fit), -1)
        counts = np.count_nonzero(stacked == np.frombuffer(self.sketch, dtype=">u2"), axis=1)
        scores = iter((counts / neardup.NUM_PERM).tolist())
        return [next(scores) if len(o.sketch) == size else 0.0 for o in others]


def band_hashes(sig: Sequence[int]) -> bytes:
    """One 32-bit hash per band of `neardup.ROWS` MinHash values, packed: the band's rows
    as big-endian 32-bit words (the signature packed once, then sliced per band)."""
    packed = _SIGNATURE.pack(*sig)
    size = _ROWS.size
    return b"".join(hashlib.blake2b(packed[at : at + size], digest_size=4).digest()
                    for at in range(0, len(packed), size))


def entry(article_id: str, ts_ms: int, sig: Sequence[int]) -> Entry | None:
    """The index entry of a signature; None for a text without words (no signature)."""
    if len(sig) != neardup.NUM_PERM:
        return None
    # the low 16 bits of each value, big-endian: a cast to uint16 keeps exactly those
    sketch = np.asarray(sig, dtype=np.uint32).astype(">u2").tobytes()
    return Entry(article_id, ts_ms, band_hashes(sig), sketch)


def encode(item: Entry) -> bytes:
    return _TS.pack(item.ts_ms) + item.bands + item.sketch


def decode(article_id: str, value: bytes) -> Entry | None:
    """None for a record of another size: a newer or older layout is skipped, never misread."""
    if len(value) != RECORD_BYTES:
        return None
    (ts_ms,) = _TS.unpack_from(value)
    bands_end = _TS.size + _BANDS.size
    return Entry(article_id, ts_ms, value[_TS.size : bands_end], value[bands_end:])


class BandIndex:
    """Band buckets over the entries of the last `max_age_ms`; one per worker process."""

    def __init__(self, *, max_age_ms: int, bucket_cap: int = neardup.CANDIDATE_CAP) -> None:
        self.max_age_ms = max_age_ms
        self.bucket_cap = bucket_cap
        self.entries: dict[str, Entry] = {}
        # Most buckets hold one article: a bare id then, a list only once a second arrives
        # (a list per bucket doubled the index's memory, `python -m bench.neardup`).
        self._buckets: dict[int, str | list[str]] = {}
        self._order: deque[tuple[int, str]] = deque()  # (ts, id) in arrival order
        self._newest = 0

    def __len__(self) -> int:
        return len(self.entries)

    def add(self, item: Entry) -> None:
        """Idempotent per article id: a replayed or re-read record replaces its older self."""
        old = self.entries.get(item.article_id)
        if old is not None:
            if old == item:
                return
            self._unlink(old)
        self.entries[item.article_id] = item
        for key in item.bucket_keys():
            bucket = self._buckets.get(key)
            if bucket is None:
                self._buckets[key] = item.article_id
            elif isinstance(bucket, str):
                self._buckets[key] = [bucket, item.article_id][-self.bucket_cap:]
            else:
                bucket.append(item.article_id)
                if len(bucket) > self.bucket_cap:
                    del bucket[0]
        self._order.append((item.ts_ms, item.article_id))
        self._newest = max(self._newest, item.ts_ms)
        self._expire()

    def match(
        self, item: Entry, *, threshold: float = neardup.THRESHOLD
    ) -> tuple[str, float] | None:
        """The most similar earlier article at or above `threshold` (ties: the earliest).

        Never the article itself (an older version of it is not its original), never one
        that came after it."""
        seen: set[str] = set()
        candidates: list[Entry] = []
        for key in item.bucket_keys():
            for other_id in self._ids(key):
                if other_id in seen or other_id == item.article_id:
                    continue
                seen.add(other_id)
                other = self.entries.get(other_id)
                if other is None or not other.before(item.ts_ms, item.article_id):
                    continue
                candidates.append(other)
        if not candidates:
            return None
        best: tuple[float, int, str] | None = None
        for other, score in zip(candidates, item.similarities(candidates), strict=True):
            if score < threshold:
                continue
            if best is None or (-score, other.ts_ms, other.article_id) < (
                    -best[0], best[1], best[2]):
                best = (score, other.ts_ms, other.article_id)
        return None if best is None else (best[2], best[0])

    def _ids(self, key: int) -> tuple[str, ...] | list[str]:
        bucket = self._buckets.get(key)
        if bucket is None:
            return ()
        return (bucket,) if isinstance(bucket, str) else bucket

    def _unlink(self, item: Entry) -> None:
        for key in item.bucket_keys():
            bucket = self._buckets.get(key)
            if bucket is None:
                continue
            if isinstance(bucket, str):
                if bucket == item.article_id:
                    del self._buckets[key]
            elif item.article_id in bucket:
                bucket.remove(item.article_id)
                if not bucket:
                    del self._buckets[key]
                elif len(bucket) == 1:
                    self._buckets[key] = bucket[0]

    def _expire(self) -> None:
        horizon = self._newest - self.max_age_ms
        while self._order and self._order[0][0] < horizon:
            ts, article_id = self._order.popleft()
            current = self.entries.get(article_id)
            if current is not None and current.ts_ms == ts:
                self._unlink(current)
                del self.entries[article_id]


def check(
    index: BandIndex, article_id: str, ts_ms: int, sig: Sequence[int], *, revision: bool
) -> tuple[tuple[str, float] | None, Entry | None]:
    """The dedup stage's near-duplicate decision: (original and similarity, or None; the
    entry to add to the index, or None).

    A text without words is nobody's copy and no one's original; a revision (`version > 1`
    or a retraction) is never a copy, so a missed copy in the index cannot swallow the
    original's update (`neardup`'s docstring); a copy is not added, its original stands
    for it."""
    item = entry(article_id, ts_ms, sig)
    if item is None or revision:
        return None, None
    found = index.match(item)
    return (found, None) if found is not None else (None, item)
