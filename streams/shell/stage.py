"""Declared stages: a source topic, a key, typed state and a pure step; one adapter runs them.

A stage declares what it reads (`source`), how a record becomes its message (`decode`), the
message's key (`key`: the record's key, and the key of all its state), the state it keeps
(`state`: each part a table and how it is read) and a pure
`step(message, state, at) -> (outputs, changes)`. `StageAgent` is the one Faust adapter: it
reads the partition in offset order, decodes under the dead-letter guard, checks that the
record is keyed by the message's key, reads the state, runs the step, writes what the step
changed, sends each output's records and counts it. The step sees no Kafka, so each stateful
step is tested as a function (tests/unit/alerting), and the adapter once for all of them.

The article stage keeps a shell of its own (`streams.shell.ingest`): it reads two topics
(wires in place and re-keyed ones), consults the near-duplicate index every worker holds, and
hands the pure work of the messages waiting in its queue to the work process ahead of them
(`streams.workproc`), which this adapter's one-message-at-a-time step has no place for.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Generic, NamedTuple, TypeVar

from faust.types import StreamT

from schemas.deadletter import Stage as DeadLetterStage
from streams import order
from streams.shell.context import Context
from streams.shell.state_table import StateKeyError
from streams.shell.topology import window_values

M = TypeVar("M")
Out = TypeVar("Out")


class At(NamedTuple):
    """The record being processed: a replay of one offset is told apart from a new message,
    and the record's timestamp is the event time on the escalation hop."""

    partition: int
    offset: int
    timestamp: float | None


class Record(NamedTuple):
    """One record to send: `topic` names a field of `Topics`."""

    topic: str
    key: bytes
    value: bytes
    headers: list[tuple[str, bytes]] | None = None
    timestamp: float | None = None


@dataclass(frozen=True)
class Value:
    """A part of the state read as the table's value under the message key (None if none),
    and written whole."""

    table: str


@dataclass(frozen=True)
class Windows:
    """A part of the state read from a windowed table as the message key's last `count`
    windows of `seconds` each, newest first (the table's default for an empty one); written
    as the newest window's value. The newest window is the one the record's timestamp falls
    in."""

    table: str
    count: int
    seconds: float


@dataclass(frozen=True)
class Stage(Generic[M, Out]):
    name: str  # the agent's name
    source: str  # the field of `Topics` it reads
    decode: Callable[[bytes], M]
    key: Callable[[M], str]
    state: Mapping[str, Value | Windows]  # the step's names for the parts of its state
    # (message, {name: value}, at) -> (outputs, {name: new value} for the parts it changed)
    step: Callable[[M, dict[str, Any], At], tuple[list[Out], dict[str, Any]]]
    render: Callable[[Out], list[Record]]  # an output's records
    observe: Callable[[Out], None] = field(default=lambda output: None)  # metrics, once sent
    label: DeadLetterStage = "alert"  # the stage a dead letter names


class StageAgent(Generic[M, Out]):
    """The one Faust adapter for declared stages."""

    def __init__(self, ctx: Context, stage: Stage[M, Out]) -> None:
        self.ctx = ctx
        self.stage = stage

    def install(self) -> None:
        self.ctx.app.agent(getattr(self.ctx.topics, self.stage.source),
                           name=self.stage.name)(self.run)

    async def run(self, stream: StreamT) -> None:
        stage, guarded = self.stage, self.ctx.guard
        async for event in order.in_order(self.ctx.gate, stream):
            message = await guarded(event, stage.label, stage.decode, event.message.value)
            if message is None:
                continue
            await guarded(event, stage.label, self.handle, message, event.message)

    async def handle(self, message: M, record: Any) -> None:
        stage, tables, topics = self.stage, self.ctx.tables, self.ctx.topics
        key = stage.key(message)
        if record.key is not None and record.key != key.encode():
            # Its state would be written under a key another partition may own.
            raise StateKeyError(f"{stage.name}: a record keyed {record.key!r} carries a "
                                f"message whose key is {key!r}")
        state = {name: self.read(getattr(tables, part.table), part, key)
                 for name, part in stage.state.items()}
        outputs, changes = stage.step(message, state,
                                      At(record.partition, record.offset, record.timestamp))
        for name, value in changes.items():
            getattr(tables, stage.state[name].table)[key] = value
        for output in outputs:
            for out in stage.render(output):
                await getattr(topics, out.topic).send(key=out.key, value=out.value,
                                                      headers=out.headers,
                                                      timestamp=out.timestamp)
            stage.observe(output)

    @staticmethod
    def read(table: Any, part: Value | Windows, key: str) -> Any:
        if isinstance(part, Value):
            return table.get(key)
        return list(window_values(table, key, (i * part.seconds for i in range(part.count))))
