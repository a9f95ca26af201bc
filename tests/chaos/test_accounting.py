"""The suite's own checks must be able to fail: the accounting, fed by hand what a broken
pipeline would leave on its topics, finds each loss, duplicate, rename and bad dead letter."""

from __future__ import annotations

import base64
import hashlib
from pathlib import Path

from streams.alerting import alert_id
from tests.chaos.harness import Collector, Message, account, check_dead_letter, longest_stall
from tests.conftest import Worker

WORKER = Worker(prefix="p.", web_port=1, data_dir=Path("/nonexistent"),
                env={"WIREWATCH_APP_ID": "x"}, log_path=Path("/nonexistent/log"))


def collector() -> Collector:
    return Collector("127.0.0.1:1", WORKER)


def article(aid: str, offset: int, kinds: tuple[str, ...] = ()) -> Message:
    return Message(value=f'{{"id": "{aid}"}}'.encode(), article_id=aid,
                   identity=(f"hash-{aid}", 1, False), partition=0, offset=offset,
                   alerts={(aid, k): alert_id(aid, k) for k in kinds})


def published(col: Collector, aid: str, kind: str, *, ident: str | None = None,
              folded: list[str] | None = None) -> None:
    col.alerts.append({"alert_id": ident or alert_id(aid, kind), "kind": kind,
                       "article_id": aid, "article_ids": folded or [aid]})


def on_events(col: Collector, aid: str) -> None:
    col.event_ids.add(aid)
    col.event_identities.add((f"hash-{aid}", 1, False))


def test_a_clean_run_passes() -> None:
    col = collector()
    msgs = [article("a", 0, ("mass_casualty",)), article("b", 1, ("mass_casualty",))]
    for aid in "ab":
        on_events(col, aid)
    published(col, "a", "mass_casualty", folded=["a", "b"])  # b folded into a's alert
    assert account(msgs, col).problems == []


def test_an_article_on_no_topic_is_lost() -> None:
    col = collector()
    on_events(col, "a")
    verdict = account([article("a", 0), article("b", 1)], col)
    assert len(verdict.lost_articles) == 1 and "b" in verdict.lost_articles[0]


def test_a_missing_alert_is_lost() -> None:
    col = collector()
    on_events(col, "a")
    assert account([article("a", 0, ("truce_rejected",))], col).lost_alerts == [
        "a/truce_rejected"]


def test_an_article_and_kind_under_two_ids_is_duplicated() -> None:
    col = collector()
    on_events(col, "a")
    on_events(col, "b")
    published(col, "a", "strategic_strike", folded=["a", "b"])
    published(col, "b", "strategic_strike")  # after a lost fold state: b on its own too
    verdict = account([article("a", 0, ("strategic_strike",)),
                       article("b", 1, ("strategic_strike",))], col)
    assert len(verdict.duplicated) == 1 and verdict.duplicated[0].startswith("b/")


def test_an_id_that_is_not_its_articles_is_renamed() -> None:
    col = collector()
    on_events(col, "a")
    published(col, "a", "talks_collapse", ident="alr_made_up")
    assert len(account([article("a", 0)], col).renamed) == 1


def test_a_dead_letter_must_carry_the_original_or_its_first_bytes_with_hash_and_size() -> None:
    msg = Message(value=b"\xff" * 5000, key=b"k", partition=0, offset=7)
    digest = hashlib.sha256(msg.value).hexdigest()
    letter = {"reason": "oversized", "error": "too large", "original_key": "aw==",
              "original": base64.b64encode(msg.value).decode(),
              "original_sha256": digest, "original_size": 5000, "original_truncated": False}
    assert check_dead_letter(letter, msg) is None
    cut = dict(letter, original=base64.b64encode(msg.value[:10]).decode())
    assert check_dead_letter(cut, msg) is not None, "cut without saying so"
    assert check_dead_letter(dict(cut, original_truncated=True), msg) is None
    other = dict(letter, original=base64.b64encode(b"\x00" * 10).decode(),
                 original_truncated=True)
    assert check_dead_letter(other, msg) is not None, "the first bytes of another message"
    assert check_dead_letter(dict(letter, original_sha256="0" * 64), msg) is not None
    assert check_dead_letter(dict(letter, original_size=4999), msg) is not None
    assert check_dead_letter(dict(letter, reason=""), msg) is not None
    assert check_dead_letter(dict(letter, original_key=None), msg) is not None


def test_a_raw_dead_letter_accounts_for_its_message() -> None:
    col = collector()
    col.dead_letters.append({"source_topic": "p.news.raw", "source_partition": 0,
                             "source_offset": 3, "original": ""})
    assert account([Message(value=b"", partition=0, offset=3)], col).lost_articles == []


def test_the_longest_stall_counts_from_the_fault() -> None:
    col = collector()
    col.event_times = [1.0, 2.0, 20.0, 21.0, 40.0]
    assert longest_stall(col, since=10.0) == 19.0
    assert longest_stall(col, since=50.0) == float("inf")
    # bounded by the next fault: only the output between the two counts
    assert longest_stall(col, since=10.0, before=29.5) == 10.0
    assert longest_stall(col, since=22.0, before=30.0) == 8.0  # silent up to the next fault
