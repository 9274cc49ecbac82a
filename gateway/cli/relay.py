"""`iwmo-gateway relay [--database-url URL] [--once]`: publish the event outbox to Kafka.

Runs until SIGTERM or SIGINT, standing by while another relay of the same database is active; with
`--once`, publishes what is publishable now and exits. Logs go to stderr: the relay's own lines name
every failure it retries, so aiokafka's (a line per connection attempt during an outage) are left out.
Exit status 0 when done or stopped; 1 when the broker failed (`--once`); 2 when the configuration or
the database cannot be used, KAFKA_BOOTSTRAP_SERVERS is unset (events then stay in the outbox), or
another relay is active (`--once`). SQLAlchemy and aiokafka are imported only when the command runs.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import signal
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pydantic import ValidationError

    from gateway.events.settings import EventSettings
    from gateway.settings import Settings

HELP = "Publish the event outbox to Kafka (KAFKA_BOOTSTRAP_SERVERS)."

EXIT_OK = 0
EXIT_BROKER = 1
EXIT_UNUSABLE = 2


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--database-url",
        metavar="URL",
        help="database whose outbox to publish (default: $DATABASE_URL, else sqlite+aiosqlite:///iwmo-gateway.db)",
    )
    parser.add_argument("--once", action="store_true", help="publish what is publishable now, then exit")


def run(args: argparse.Namespace) -> int:
    from pydantic import ValidationError

    from gateway.events.errors import BrokerError, EventError
    from gateway.events.settings import EventSettings
    from gateway.settings import Settings
    from gateway.store.errors import StoreError

    configure_logging()
    try:
        settings = Settings()
        events = EventSettings()
    except ValidationError as exc:
        return _fail(f"configuration: {_first_problem(exc)}", EXIT_UNUSABLE)
    if args.database_url:
        settings = settings.model_copy(update={"database_url": args.database_url})
    servers = settings.kafka_bootstrap_servers
    if servers is None:
        return _fail("KAFKA_BOOTSTRAP_SERVERS is not set; events stay in the outbox", EXIT_UNUSABLE)
    try:
        if args.once:
            print(f"published {asyncio.run(_once(settings.database_url, servers, events))} events")
        else:
            asyncio.run(_until_signalled(settings, events))
    except BrokerError as exc:
        return _fail(str(exc), EXIT_BROKER)
    except (EventError, StoreError) as exc:
        return _fail(str(exc), EXIT_UNUSABLE)
    return EXIT_OK


async def _once(database_url: str, servers: str, events: EventSettings) -> int:
    from gateway.events.service import build_relay
    from gateway.store.engine import create_engine

    engine = create_engine(database_url)
    try:
        return await build_relay(engine, servers, events).run_once()
    finally:
        await engine.dispose()


async def _until_signalled(settings: Settings, events: EventSettings) -> None:
    from gateway.events.service import run_relay

    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, stop.set)
    await run_relay(settings, stop, events)


def configure_logging() -> None:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    logging.getLogger("aiokafka").setLevel(logging.CRITICAL)


def _first_problem(exc: ValidationError) -> str:
    error = exc.errors(include_url=False, include_input=False)[0]
    return f"{'.'.join(str(part) for part in error['loc'])}: {error['msg']}"


def _fail(message: str, status: int) -> int:
    print(f"iwmo-gateway relay: {message}", file=sys.stderr)
    return status
