"""A Faust pass-through worker: one agent, raw topic in, out topic out, nothing else.

Run by bench/run.py with the pipeline's own Faust options, to separate Faust's per-message
cost from the pipeline's work. `python -m bench.passthrough worker -l warn`.

`PASSTHROUGH_GUARANTEE=exactly_once` runs it under Faust's transactions (bench/eos.py); its
sink then sends through Faust's own `Topic.send`, which passes the transaction of the event
being processed (the pipeline's direct producer sends carry none), and so does
`PASSTHROUGH_SEND=faust` for the at-least-once run it is compared with.
`PASSTHROUGH_READ_SINK=1` also consumes the sink, which puts it in the worker's topic group.
"""

from __future__ import annotations

import os
import sys

import faust

from streams import transport
from streams.config import Settings, faust_options
from streams.shell.topology import raw_topic

# The worker's transport corrections (fetch wait, flush, topic declaration); not its offset
# bookkeeping (streams.acks), which only the pipeline's agents need.
transport.install()
settings = Settings.from_env()
guarantee = os.environ.get("PASSTHROUGH_GUARANTEE", "at_least_once")
app = faust.App(settings.app_id, processing_guarantee=guarantee, **faust_options(settings))
source = raw_topic(app, settings.topic("in"), settings.topic_partitions)
if guarantee == "exactly_once" or os.environ.get("PASSTHROUGH_SEND") == "faust":
    sink = app.topic(settings.topic("out"), key_type=bytes, value_type=bytes,
                     key_serializer="raw", value_serializer="raw",
                     partitions=settings.topic_partitions, internal=True)
else:
    sink = raw_topic(app, settings.topic("out"), settings.topic_partitions)


if os.environ.get("PASSTHROUGH_READ_SINK") == "1":
    # Faust derives a send's transactional id from the destination partition's topic group:
    # only a topic the worker itself consumes has one (bench/eos.py).
    @app.agent(sink, name="sink-reader")
    async def read_sink(stream: faust.StreamT) -> None:
        async for _ in stream.events():
            pass


@app.agent(source, name="passthrough")
async def passthrough(stream: faust.StreamT) -> None:
    async for event in stream.events():
        await sink.send(key=event.message.key, value=event.message.value)


if __name__ == "__main__":
    sys.argv = [sys.argv[0], "worker", "-l", "warn", "--web-port",
                os.environ.get("WIREWATCH_WEB_PORT", "6066"), "--web-host", "127.0.0.1"]
    app.main()
