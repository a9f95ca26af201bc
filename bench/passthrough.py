"""A Faust pass-through worker: one agent, raw topic in, out topic out, nothing else.

Run by bench/run.py with the pipeline's own Faust options, to separate Faust's per-message
cost from the pipeline's work. `python -m bench.passthrough worker -l warn`.
"""

from __future__ import annotations

import os
import sys

import faust

from streams.app import faust_options
from streams.config import Settings
from streams.shell.topology import raw_topic

settings = Settings.from_env()
app = faust.App(settings.app_id, **faust_options(settings))
source = raw_topic(app, settings.topic("in"), settings.topic_partitions)
sink = raw_topic(app, settings.topic("out"), settings.topic_partitions)


@app.agent(source, name="passthrough")
async def passthrough(stream: faust.StreamT) -> None:
    async for event in stream.events():
        await sink.send(key=event.message.key, value=event.message.value)


if __name__ == "__main__":
    sys.argv = [sys.argv[0], "worker", "-l", "warn", "--web-port",
                os.environ.get("WIREWATCH_WEB_PORT", "6066"), "--web-host", "127.0.0.1"]
    app.main()
