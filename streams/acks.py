"""Two corrections to Faust's offset bookkeeping, so a rebalance can never commit past an
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

The fix: such skipped messages are not acked (the seek that ends every rebalance re-reads
them from the committed offset, and the offset-stamped state makes the re-read harmless); an
offset known to have been skipped holds the commit below it until it is processed; and no
commit is made while the offset right after the committed one is missing from the acks (a
record can also vanish unacked: Faust clears its queues when a rebalance starts). Our source
topics are neither compacted nor written by transactional producers, so the first record read
after a seek is the committed offset itself. A `news.raw` written with transactions would
carry markers there and stall that partition's commits (`/ready` then reports it stalled):
feed it without transactions.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from faust.transport.consumer import Consumer

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


def install() -> None:
    """Idempotent: called wherever the app is built."""
    Consumer.ack = ack  # type: ignore[method-assign]
    Consumer._new_offset = new_offset  # type: ignore[method-assign]
