"""Exact re-sends against replays: the mark carries the offset that wrote it."""

from __future__ import annotations

from datetime import UTC, datetime

from streams.normalize import exact, normalize_message

NOW = datetime(2025, 6, 4, 8, tzinfo=UTC)


def article(body: str, **extra: object):
    import json

    return normalize_message(json.dumps({"body": body, **extra}).encode(), received_at=NOW)


def test_a_first_sighting_is_new() -> None:
    assert exact.is_duplicate(None, 0, 5) is False


def test_the_same_offset_meeting_its_own_mark_is_a_replay_not_a_duplicate() -> None:
    mark = exact.mark("urn:a", 3, 120)
    assert exact.is_duplicate(mark, 3, 120) is False


def test_another_offset_or_partition_is_a_resend() -> None:
    mark = exact.mark("urn:a", 3, 120)
    assert exact.is_duplicate(mark, 3, 121) is True
    assert exact.is_duplicate(mark, 2, 120) is True


def test_a_bare_article_id_from_before_marks_had_offsets_is_a_duplicate() -> None:
    assert exact.is_duplicate("urn:a", 0, 0) is True


def test_identity_tells_versions_and_retractions_apart() -> None:
    one = article("Shelling hit the depot overnight.", id="urn:x", version=1)
    two = article("Shelling hit the depot overnight.", id="urn:x", version=2)
    gone = article("Shelling hit the depot overnight.", id="urn:x", version=2)
    gone = gone.model_copy(update={"retracted": True})
    assert len({exact.identity(one), exact.identity(two), exact.identity(gone)}) == 3
    assert exact.identity(one) == exact.identity(article("Shelling hit the depot overnight.",
                                                         id="urn:y", version=1))


def test_the_same_partition_and_offset_of_the_other_source_topic_is_a_resend() -> None:
    """The article stage reads `news.raw` and the re-key topic: an offset is only unique in
    its topic."""
    mark = exact.mark("urn:a", 3, 120, "r")
    assert exact.is_duplicate(mark, 3, 120, "r") is False
    assert exact.is_duplicate(mark, 3, 120, "k") is True


def test_the_table_key_is_the_identity_under_the_article_id() -> None:
    one = article("Shelling hit the depot overnight.", id="urn:x", version=1)
    other = article("Shelling hit the depot overnight.", id="urn:y", version=1)
    assert exact.key(one) == f"urn:x|{exact.identity(one)}"
    assert exact.key(one) != exact.key(other)
