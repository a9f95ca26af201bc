"""The replicated near-duplicate index: compact records, earlier-only matches, bounded."""

from __future__ import annotations

from streams.normalize import neardup
from streams.normalize.band_index import RECORD_BYTES, BandIndex, check, decode, encode, entry
from tests.unit.normalize.test_neardup import (
    OTHER_STRIKE,
    STRIKE_AFP,
    STRIKE_REPRINT,
    STRIKE_REUTERS,
)


def sig(text: str) -> list[int]:
    return neardup.signature(text)


def test_a_record_is_200_bytes_and_round_trips() -> None:
    item = entry("a1", 1_000, sig(STRIKE_REUTERS))
    assert item is not None and RECORD_BYTES == 200
    assert len(encode(item)) == 200
    assert decode("a1", encode(item)) == item
    assert decode("a1", encode(item) + b"x") is None, "another layout is skipped, not misread"


def test_a_text_without_words_has_no_entry() -> None:
    assert entry("empty", 1_000, sig("…  —  !!")) is None


def test_a_copy_matches_only_an_earlier_original() -> None:
    index = BandIndex(max_age_ms=86_400_000)
    original = entry("reuters", 1_000, sig(STRIKE_REUTERS))
    copy = entry("afp", 2_000, sig(STRIKE_AFP))
    assert original and copy
    index.add(original)
    index.add(copy)  # both in the index, as after a replay
    found = index.match(copy)
    assert found is not None and found[0] == "reuters" and found[1] >= neardup.THRESHOLD
    assert index.match(original) is None, "the original never becomes a copy of a later one"


def test_the_estimate_is_neardup_similarity_of_the_full_signatures() -> None:
    a, b = sig(STRIKE_REUTERS), sig(STRIKE_REPRINT)
    ea, eb = entry("a", 1, a), entry("b", 2, b)
    assert ea and eb
    assert ea.similarity(eb) == neardup.similarity(a, b)


def test_another_story_of_the_same_war_is_no_match() -> None:
    index = BandIndex(max_age_ms=86_400_000)
    original = entry("reuters", 1_000, sig(STRIKE_REUTERS))
    other = entry("other", 2_000, sig(OTHER_STRIKE))
    assert original and other
    index.add(original)
    assert index.match(other) is None


def test_a_revision_is_never_its_own_copy_and_replaces_its_entry() -> None:
    index = BandIndex(max_age_ms=86_400_000)
    first = entry("reuters", 1_000, sig(STRIKE_REUTERS))
    revised = entry("reuters", 5_000, sig(STRIKE_REUTERS + " Updated with the toll."))
    assert first and revised
    index.add(first)
    assert index.match(revised) is None
    index.add(revised)
    assert len(index) == 1 and index.entries["reuters"] == revised
    late_copy = entry("afp", 9_000, sig(STRIKE_AFP))
    assert late_copy and index.match(late_copy) is not None


def test_ties_go_to_the_first_sighting() -> None:
    index = BandIndex(max_age_ms=86_400_000)
    s = sig(STRIKE_REUTERS)
    for name, ts in (("second", 2_000), ("first", 1_000)):
        item = entry(name, ts, s)
        assert item
        index.add(item)
    probe = entry("third", 3_000, s)
    assert probe and index.match(probe) == ("first", 1.0)


def test_entries_expire_behind_the_newest_timestamp() -> None:
    index = BandIndex(max_age_ms=10_000)
    old = entry("old", 1_000, sig(STRIKE_REUTERS))
    new = entry("new", 20_000, sig("something else entirely about a strike in a port"))
    assert old and new
    index.add(old)
    index.add(new)
    assert len(index) == 1 and "old" not in index.entries
    late_copy = entry("afp", 21_000, sig(STRIKE_AFP))
    assert late_copy and index.match(late_copy) is None
    assert all("old" not in index._ids(k) for k in old.bucket_keys())


def test_a_crowded_bucket_keeps_its_newest_ids() -> None:
    index = BandIndex(max_age_ms=86_400_000, bucket_cap=3)
    s = sig(STRIKE_REUTERS)
    for i in range(5):
        item = entry(f"a{i}", 1_000 + i, s)
        assert item
        index.add(item)
    key = entry("x", 0, s).bucket_keys()[0]  # type: ignore[union-attr]
    assert list(index._ids(key)) == ["a2", "a3", "a4"]


def test_adding_the_same_record_twice_changes_nothing() -> None:
    index = BandIndex(max_age_ms=86_400_000)
    item = entry("a1", 1_000, sig(STRIKE_REUTERS))
    assert item
    index.add(item)
    index.add(item)
    assert len(index) == 1
    assert all(list(index._ids(k)).count("a1") == 1 for k in item.bucket_keys())


def test_the_dedup_decision_copy_original_revision_and_empty() -> None:
    index = BandIndex(max_age_ms=86_400_000)
    found, item = check(index, "reuters", 1_000, sig(STRIKE_REUTERS), revision=False)
    assert found is None and item is not None and item.article_id == "reuters"
    index.add(item)
    found, item = check(index, "afp", 2_000, sig(STRIKE_AFP), revision=False)
    assert found is not None and found[0] == "reuters" and item is None, "a copy is not added"
    first_decision = found
    # A revision of another article that reads like the original is still a revision.
    found, item = check(index, "afp", 3_000, sig(STRIKE_REUTERS), revision=True)
    assert found is None and item is None
    assert check(index, "blank", 4_000, sig("!!"), revision=False) == (None, None)
    # The same decision on a replay, with the copy's and later articles' entries present.
    later = entry("later", 9_000, sig(STRIKE_REPRINT))
    assert later
    index.add(later)
    again, _ = check(index, "afp", 2_000, sig(STRIKE_AFP), revision=False)
    assert again == first_decision


def test_entries_are_packed_as_before_and_similarities_match_one_by_one() -> None:
    """The packed layout is what other workers and older records hold: band i is blake2b of
    the signature's rows 4i..4i+3 as big-endian words, the sketch each value's low 16 bits."""
    import hashlib
    import struct
    from dataclasses import replace

    signature = sig(STRIKE_REUTERS)
    item = entry("a1", 1_000, signature)
    assert item is not None
    assert item.bands == b"".join(
        hashlib.blake2b(struct.pack(">4I", *signature[i : i + 4]), digest_size=4).digest()
        for i in range(0, 64, 4))
    assert item.sketch == struct.pack(">64H", *(v & 0xFFFF for v in signature))
    texts = (STRIKE_AFP, STRIKE_REPRINT, OTHER_STRIKE)
    others = [entry(f"o{i}", 500, sig(text)) for i, text in enumerate(texts)]
    assert all(others)
    odd = replace(others[0], sketch=b"\x00\x01")  # a record of another layout scores 0
    stacked = item.similarities([*others, odd])
    # the reference: `neardup.similarity` on the full signatures
    assert stacked == [neardup.similarity(signature, sig(text)) for text in texts] + [0.0]
    assert stacked[0] >= neardup.THRESHOLD > stacked[2]
    assert item.similarity(others[1]) == stacked[1]
