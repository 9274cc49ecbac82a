"""`iwmo-gateway events tail|schemas`: look at the events the gateway records and publishes.

`tail [--after N] [--follow] [--database-url URL]` prints the outbox's events after cursor N as JSON
lines, in publishing order, published or not; `--follow` keeps printing new ones until SIGINT or SIGTERM.
With `--kafka [--group NAME]` it reads the topics instead, as a consumer group (committing what it read).
`schemas DIR` writes the JSON Schema of every event type into DIR/<type>/v<version>.json.
Exit status 0; 1 when Kafka cannot be read; 2 when the configuration or the database cannot be used.
"""

from __future__ import annotations

import argparse
import asyncio
import signal
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from gateway.events.settings import EventSettings
    from gateway.settings import Settings

HELP = "Show the events the gateway records (tail) or write their JSON Schemas (schemas)."

EXIT_OK = 0
EXIT_BROKER = 1
EXIT_UNUSABLE = 2
DEFAULT_GROUP = "iwmo-gateway-tail"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="events_command", required=True, metavar="ACTION")
    tail = sub.add_parser("tail", help="print events as JSON lines")
    tail.add_argument("--after", type=int, default=0, metavar="N", help="start after this cursor (outbox id)")
    tail.add_argument("--follow", action="store_true", help="keep printing new events")
    tail.add_argument("--database-url", metavar="URL", help="database to read (default: $DATABASE_URL)")
    tail.add_argument("--kafka", action="store_true", help="read the Kafka topics instead of the database")
    tail.add_argument("--group", default=DEFAULT_GROUP, help=f"consumer group with --kafka ({DEFAULT_GROUP})")
    schemas = sub.add_parser("schemas", help="write the JSON Schemas of the event catalogue")
    schemas.add_argument("directory", type=Path, metavar="DIR")


def run(args: argparse.Namespace) -> int:
    if args.events_command == "schemas":
        return _write_schemas(args.directory)
    from pydantic import ValidationError

    from gateway.cli.relay import configure_logging
    from gateway.events.errors import BrokerError, EventError
    from gateway.events.settings import EventSettings
    from gateway.settings import Settings
    from gateway.store.errors import StoreError

    configure_logging()
    try:
        settings = Settings()
        events = EventSettings()
    except ValidationError as exc:
        return _fail(f"configuration: {exc.errors(include_url=False, include_input=False)[0]['msg']}")
    if args.database_url:
        settings = settings.model_copy(update={"database_url": args.database_url})
    if args.after < 0:
        return _fail("--after is 0 or more")
    try:
        asyncio.run(_tail(args, settings, events))
    except BrokerError as exc:
        print(f"iwmo-gateway events: {exc}", file=sys.stderr)
        return EXIT_BROKER
    except (EventError, StoreError) as exc:
        return _fail(str(exc))
    return EXIT_OK


async def _tail(args: argparse.Namespace, settings: Settings, events: EventSettings) -> None:
    from gateway.events.errors import EventConfigurationError
    from gateway.events.tail import tail_outbox, tail_topics
    from gateway.store.engine import create_engine

    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, stop.set)
    if args.kafka:
        if settings.kafka_bootstrap_servers is None:
            raise EventConfigurationError("--kafka needs KAFKA_BOOTSTRAP_SERVERS")
        topics = sorted({events.topic, *events.topics.values()})
        await tail_topics(
            settings.kafka_bootstrap_servers, topics, args.group, follow=args.follow, emit=_emit, stop=stop
        )
        return
    engine = create_engine(settings.database_url)
    try:
        await tail_outbox(engine, args.after, follow=args.follow, emit=_emit, stop=stop)
    finally:
        await engine.dispose()


def _emit(line: str) -> None:
    print(line, flush=True)


def _write_schemas(directory: Path) -> int:
    from gateway.events.catalogue import CATALOGUE
    from gateway.events.schemas import relative_path, render

    for entry in CATALOGUE.values():
        path = directory / relative_path(entry)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(render(entry), encoding="utf-8")
        except OSError as exc:
            return _fail(f"cannot write {path}: {exc.strerror}")
        print(path)
    return EXIT_OK


def _fail(message: str) -> int:
    print(f"iwmo-gateway events: {message}", file=sys.stderr)
    return EXIT_UNUSABLE
