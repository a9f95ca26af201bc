"""Three corrections to Faust's offset bookkeeping, so a rebalance can never commit past an
offset no agent processed.

Found by the chaos suite (kill -9, data dir kept): an article reached `news.events` at
offset 17 of a partition, the alert stage's revisions show offsets 16 and 18 handled 0.9 s
apart, and 17 never: no state, no alert, no dead letter, and the group's committed offset
far beyond it. In faust-streaming 0.15.3:

1. A stream *acks* every message it skips. It skips, without processing, a message fetched
   under an earlier consumer generation and any message dequeued while flow control is
   suspended (both happen around a rebalance, `faust/streams.py` `_py_aiter`). The ack puts
   the offset among the processed ones, and the commit timer may commit past it before the
   rebalance's seek back to the committed offset re-reads it.
2. `Consumer._new_offset` guards against a gap at the head of the acked offsets with
   `min(acked) - committed > 1`; but the committed offset is the *next* offset to read, so
   one missing offset right after it (acked 18, 19 with 17 committed) is committed over.
3. Faust's fetch loop (`Consumer._drain_messages`) treats a jump in the offsets it delivers
   as a *gap*, a range compaction or transaction markers left empty, and commits over it as
   if it had been processed. On our topics a jump means records fetched and never delivered
   (`streams.order` tells the story: ten articles lost in a kill -9 run).

The fix: such skipped messages are not acked (the seek that ends every rebalance re-reads
them from the committed offset, and the offset-stamped state makes the re-read harmless); an
offset known to have been skipped holds the commit below it until it is processed; and no
commit is made while the offset right after the committed one is missing from the acks (a
record can also vanish unacked: Faust clears its queues when a rebalance starts); a jump is
logged and not recorded as a gap; and a record `streams.order` refused (past a hole) is never
acked. Our source topics are neither compacted nor written by transactional producers, so the
first record read after a seek is the committed offset itself. A `news.raw` written with
transactions carries a marker at one offset per transaction: `streams.order` reads it again
three times before it records the offset as absent, so feed it without transactions.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from typing import Any

import faust.streams as faust_streams
from faust.transport.consumer import Consumer

from streams import order

log = logging.getLogger("wirewatch")

_ack = Consumer.ack
_new_offset = Consumer._new_offset


def _skipped(consumer: Consumer) -> defaultdict[Any, set[int]]:
    """Per partition, offsets a stream dropped without processing: kept on the consumer."""
    skipped = consumer.__dict__.get("_wirewatch_skipped")
    if skipped is None:
        skipped = consumer.__dict__["_wirewatch_skipped"] = defaultdict(set)
    return skipped


def ack(self: Consumer, message: Any) -> bool:
    """Faust's ack, refused for a message its stream skipped rather than processed."""
    app = self.app
    gate = order.gate_of(self)
    if gate is not None and gate.is_refused(message.tp, message.offset):
        return False  # past a hole on its partition: it was never processed
    if message.generation_id != app.consumer_generation_id or not app.flow_control.is_active():
        _skipped(self)[message.tp].add(message.offset)
        return False
    done = _ack(self, message)
    skipped = _skipped(self).get(message.tp)
    if skipped:
        skipped.discard(message.offset)
    return done


def new_offset(self: Consumer, tp: Any) -> int | None:
    """Faust's next commit offset, or None while an offset at or below it was skipped."""
    acked = self._acked[tp]
    committed = self._committed_offset[tp]
    if committed is None:  # never committed: the head is the partition's first offset
        gate = order.gate_of(self)
        committed = gate.starts.get(tp) if gate is not None else None
    skipped = _skipped(self).get(tp)
    if skipped and committed is not None:
        # Committed past by an earlier owner of the partition: nothing to wait for.
        skipped.difference_update([o for o in skipped if o < committed])
    if acked and skipped and min(skipped) < min(acked):
        return None
    if acked and committed is not None:
        holes = self._gap[tp]
        lowest = min(acked)
        if holes:
            lowest = min(lowest, min(hole.begin for hole in holes))
        if lowest > committed:
            # the head is missing: `committed` is the next offset to read, not the last read
            return None
    return _new_offset(self, tp)


async def add_gap(self: Consumer, tp: Any, offset_from: int, offset_to: int) -> None:
    """Instead of Faust's gap (offsets it would commit over unprocessed): nothing is
    recorded, so the commit holds below `offset_from`; `streams.order` refuses the record
    past the jump and reads the partition again. `offset_to` is the record delivered after
    the jump."""
    log.warning("%s[%d]: offsets %d-%d were fetched but never delivered; the commit stops "
                "before them", tp.topic, tp.partition, offset_from, offset_to - 1)


def record_absent(consumer: Consumer, tp: Any, start: int, end: int) -> None:
    """Offsets start..end-1 are not in the partition: commits may pass them."""
    consumer._gap[tp].addi(start, end)
    consumer._gap[tp].merge_overlaps()


def install() -> None:
    """Idempotent: called wherever the app is built.

    Faust's compiled stream iterator (`faust/_cython/streams.pyx`, `StreamIterator.after`)
    inlines `Consumer.ack` instead of calling it, so none of the corrections above applied
    to the events it acked: a record `streams.order` refused was acked the moment it was
    refused, and the commit passed it as soon as the hole below it was filled. Found by the
    chaos suite (kill -9 three times, 2026-12-05): a re-read filled four holes and 0.65 s
    later the partitions' commits jumped by ~500 offsets each, records still refused and
    never classified; the successor found `news.normalized` committed to its end and 1,120
    articles were lost. The pure-Python iterator acks through `Event.ack` ->
    `Message.ack` -> `Consumer.ack`, so it is the one used."""
    faust_streams._CStreamIterator = None
    Consumer.ack = ack  # type: ignore[method-assign]
    Consumer._new_offset = new_offset  # type: ignore[method-assign]
    Consumer._add_gap = add_gap  # type: ignore[method-assign]
