"""The `wirewatch` command: worker, feed, alerts, classify, demo.

`worker` hands over to Faust's own command line; the others are plain asyncio programs so
that `classify` needs no broker and `feed`/`alerts` start in milliseconds.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import os
import sys
import time
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from streams import config

SEVERITY_STYLE = {
    "info": "dim",
    "warning": "yellow",
    "high": "bold red",
    "critical": "bold white on red",
}


def _settings() -> config.Settings:
    return config.Settings.from_env()


# --- worker -------------------------------------------------------------------------------


def run_worker(args: argparse.Namespace) -> int:
    settings = _settings()
    # The work process builds its coder meanwhile, on the other core (streams/workproc.py).
    spawned = None
    if settings.work_process:
        from streams.workproc import spawn

        spawned = spawn()
    from streams.app import app  # imported late: Faust start-up costs are the worker's alone

    app.wirewatch_work_spawned = spawned
    from streams.classify import CoderConfigError, load_coder
    from streams.normalize import language
    from streams.topics import ensure_topics

    # The start-up heap (the coder's lexicons and gazetteer, the index, the language model)
    # is built with the cyclic collector paused, then frozen: it holds no cycles to collect,
    # and the full collections that walked it as it grew cost 0.75 s of a 2.6 s coder build
    # (2026-12-05), and after it every later full collection walked it again.
    gc.disable()
    # Without a work process the coder is built before the worker starts: never on a first
    # message, and a data file naming an unknown code, category or predicate stops the
    # worker here. With one, the child's coder is the one that codes, and the worker builds
    # its own only if it ever has to work alone (streams/shell/coding.py): a restart's path
    # to ready then holds the table recovery, not a second coder build.
    if not settings.work_process:
        try:
            app.wirewatch_coder = load_coder()
        except CoderConfigError as exc:
            print(f"wirewatch worker: the coder's data is invalid: {exc}", file=sys.stderr)
            return 2
    asyncio.run(ensure_topics(settings.kafka_client_kwargs(), app.wirewatch_topics))
    # The near-duplicate index is read before the group is joined: no dedup partition then
    # waits on it with fetched records in hand.
    started = time.perf_counter()
    replica = app.wirewatch_replica
    if asyncio.run(replica.preload()):
        print(f"wirewatch: near-duplicate index read in {time.perf_counter() - started:.2f} s"
              f" ({replica.records} records)", file=sys.stderr, flush=True)
    # Models load before the group is joined, so no partition waits on them (with a work
    # process, normalizing is the child's).
    if not settings.work_process:
        started = time.perf_counter()
        language.detector()
        print(f"wirewatch: language model loaded in {time.perf_counter() - started:.2f} s",
              file=sys.stderr, flush=True)

    gc.enable()
    gc.freeze()
    level = {"warning": "warn", "critical": "crit"}.get(args.loglevel, args.loglevel)
    sys.argv = [
        "wirewatch", "worker", "--loglevel", level,
        "--web-port", str(settings.web_port), "--web-host", settings.web_host,
    ]
    app.main()
    return 0


# --- feed ---------------------------------------------------------------------------------


async def _feed(args: argparse.Namespace) -> int:
    from aiokafka import AIOKafkaProducer
    from rich.progress import Progress

    from streams.inputs import count_inputs, read_inputs
    from streams.normalize import article_key

    settings = _settings()
    topic = args.topic or settings.topic(config.RAW)
    total = count_inputs(args.paths)
    producer = AIOKafkaProducer(
        **settings.kafka_client_kwargs(),
        max_batch_size=262_144,
        linger_ms=5,
        max_request_size=4_194_304,
        acks="all",
        enable_idempotence=True,
    )
    await producer.start()
    sent = 0
    interval = 1.0 / args.rate if args.rate else 0.0
    started = time.monotonic()
    try:
        with Progress(transient=False, disable=args.quiet or not sys.stderr.isatty()) as progress:
            task = progress.add_task(f"feeding {topic}", total=total)
            pending = []
            for _label, value in read_inputs(args.paths):
                if interval:
                    delay = started + sent * interval - time.monotonic()
                    if delay > 0:
                        await asyncio.sleep(delay)
                # Keyed by the article id the message names (murmur2, Kafka's default
                # partitioner): the worker codes it where it lands, in two hops, not three.
                pending.append(await producer.send(topic, key=article_key(value), value=value))
                sent += 1
                progress.advance(task)
                if len(pending) >= 1000:
                    await asyncio.gather(*pending)
                    pending.clear()
            await asyncio.gather(*pending)
    finally:
        await producer.stop()
    elapsed = time.monotonic() - started
    if not args.quiet:
        print(f"fed {sent} message(s) to {topic} in {elapsed:.2f}s", file=sys.stderr)
    return 0


# --- alerts -------------------------------------------------------------------------------


def _format_alert(alert: dict) -> str:
    from rich.markup import escape

    style = SEVERITY_STYLE.get(alert.get("severity", ""), "")
    places = ", ".join(loc["name"] for loc in alert.get("locations", [])[:3])
    update = ""
    if alert.get("revision"):
        update += f" [cyan]rev {alert['revision']}[/cyan]"
    if alert.get("report_count", 1) > 1:
        update += f" [cyan]x{alert['report_count']} reports[/cyan]"
    if alert.get("status") == "withdrawn":
        update += " [magenta]WITHDRAWN[/magenta]"
    language = alert.get("language") or "en"
    if language != "en":  # the desk reads English titles; the quote stays in the original
        from streams.languages import LANGUAGE_NAMES

        update += f" [yellow]{LANGUAGE_NAMES.get(language, language)} wire[/yellow]"
    evidence = alert.get("evidence") or [{}]
    quote = evidence[0].get("text", "")
    if len(quote) > 160:
        quote = quote[:157] + "..."
    return (
        f"[{style}]{alert['severity'].upper():8}[/{style}] [bold]{alert['kind']}[/bold]"
        f"{update}  {escape(alert.get('title', ''))}"
        + (f"  [dim]({escape(places)})[/dim]"
           if places and f"({places})" not in alert.get("title", "") else "")
        + f"\n          [dim]{escape(alert.get('dyad') or '')} {alert['alert_id']}[/dim]"
        + f"\n          \u201c{escape(quote)}\u201d"
    )


async def _alerts(args: argparse.Namespace) -> int:
    from aiokafka import AIOKafkaConsumer
    from rich.console import Console

    from schemas import severity_rank

    settings = _settings()
    topic = settings.topic(config.ALERTS_CRITICAL if args.critical else config.ALERTS)
    console = Console(highlight=False)
    consumer = AIOKafkaConsumer(
        topic,
        **settings.kafka_client_kwargs(),
        group_id=None,
        auto_offset_reset="earliest" if args.from_beginning else "latest",
        enable_auto_commit=False,
    )
    await consumer.start()
    shown = 0
    minimum = severity_rank(args.min_severity)
    deadline = time.monotonic() + args.timeout if args.timeout else None
    try:
        while args.count is None or shown < args.count:
            if deadline is not None and time.monotonic() >= deadline:
                break
            batch = await consumer.getmany(timeout_ms=500)
            for records in batch.values():
                for record in records:
                    try:
                        alert = json.loads(record.value)
                    except (TypeError, ValueError):
                        continue
                    if severity_rank(alert.get("severity", "info")) < minimum:
                        continue
                    if args.kind and alert.get("kind") not in args.kind:
                        continue
                    if args.json:
                        print(json.dumps(alert, ensure_ascii=False), flush=True)
                    else:
                        console.print(_format_alert(alert))
                    shown += 1
    finally:
        await consumer.stop()
    return 0


# --- classify (offline) -------------------------------------------------------------------


def classified_line(label: str, value: bytes, now: datetime) -> dict[str, Any]:
    """One line of `wirewatch classify`'s output: the wire's events and alerts, or why it
    was rejected (`make bench` times exactly this as the offline rate)."""
    from streams.normalize import Rejected
    from streams.offline import code_wire

    try:
        classified, alerts = code_wire(value, now=now)
    except Rejected as exc:
        return {"input": label, "rejected": {"reason": exc.reason, "error": exc.error}}
    return {
        "input": label,
        "article_id": classified.article_id,
        "events": [e.model_dump(mode="json") for e in classified.events],
        "alerts": [a.model_dump(mode="json") for a in alerts],
    }


def run_classify(args: argparse.Namespace) -> int:
    from streams.inputs import read_inputs

    rejected = 0
    now = datetime.now(UTC)
    for label, value in read_inputs(args.paths):
        line = classified_line(label, value, now)
        rejected += "rejected" in line
        print(json.dumps(line, ensure_ascii=False), flush=True)
    return 2 if rejected else 0


# --- entry point --------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="wirewatch", description="Real-time news-wire pipeline: wires in, alerts out."
    )
    sub = parser.add_subparsers(dest="command", required=True)

    worker = sub.add_parser("worker", help="run every agent until stopped (Ctrl-C stops it)")
    worker.add_argument(
        "--loglevel", "-l", default=os.environ.get("WIREWATCH_LOGLEVEL", "info"),
        choices=["debug", "info", "warn", "warning", "error", "crit", "critical"],
    )
    worker.set_defaults(func=run_worker)

    feed = sub.add_parser("feed", help="produce files, folders, JSON Lines or stdin to news.raw")
    feed.add_argument("paths", nargs="+", help="files, folders, or - for stdin")
    feed.add_argument("--rate", type=float, default=0.0, help="messages per second (0: flat out)")
    feed.add_argument("--topic", help="another topic than the prefixed news.raw")
    feed.add_argument("--quiet", "-q", action="store_true")
    feed.set_defaults(func=lambda a: asyncio.run(_feed(a)))

    alerts = sub.add_parser("alerts", help="print alerts as they arrive")
    alerts.add_argument("--from-beginning", action="store_true")
    alerts.add_argument("--min-severity", default="info",
                        choices=["info", "warning", "high", "critical"])
    alerts.add_argument("--kind", action="append", help="only this kind (repeatable)")
    alerts.add_argument("--critical", action="store_true", help="read news.alerts.critical")
    alerts.add_argument("--json", action="store_true", help="one JSON object per line")
    alerts.add_argument("--count", type=int, help="exit after this many alerts")
    alerts.add_argument("--timeout", type=float, help="exit after this many seconds")
    alerts.set_defaults(func=lambda a: asyncio.run(_alerts(a)))

    classify = sub.add_parser("classify", help="code articles offline, no broker")
    classify.add_argument("paths", nargs="+", help="files, folders, or - for stdin")
    classify.set_defaults(func=run_classify)

    demo = sub.add_parser("demo", help="broker, worker, sample wires, alerts: the whole tour")
    demo.add_argument("--timeout", type=float, default=90.0)
    demo.set_defaults(func=lambda a: __import__("streams.demo", fromlist=["run"]).run(a))
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except KeyboardInterrupt:
        return 130
    except FileNotFoundError as exc:
        print(f"wirewatch: {exc}", file=sys.stderr)
        return 1
    except config.SecurityConfigError as exc:
        # A configuration mistake, not a crash: the message names the variable.
        print(f"wirewatch: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
