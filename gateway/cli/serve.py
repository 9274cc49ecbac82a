"""`iwmo-gateway serve [--host 127.0.0.1] [--port 8080] [--database-url URL] [--workers N]`: the HTTP service.

Without configuration it keeps its state in `iwmo-gateway.db` in the working directory and upgrades that
database before it starts listening. Exit status 2, with one line on stderr, when the database cannot be
used. The web framework and server are imported only when the command runs.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import os
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from fastapi import FastAPI

HELP = "Run the HTTP API."

EXIT_DATABASE = 2
DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8080
DATABASE_URL = "DATABASE_URL"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--host", default=DEFAULT_HOST, help=f"address to listen on (default: {DEFAULT_HOST})"
    )
    parser.add_argument(
        "--port", type=int, default=DEFAULT_PORT, help=f"port to listen on (default: {DEFAULT_PORT})"
    )
    parser.add_argument(
        "--database-url",
        metavar="URL",
        help="database to use (default: $DATABASE_URL, else sqlite+aiosqlite:///iwmo-gateway.db)",
    )
    parser.add_argument(
        "--workers",
        type=_positive,
        default=1,
        help="worker processes sharing the port (default: 1); on PostgreSQL one per core uses them all",
    )


def _positive(text: str) -> int:
    number = int(text)
    if number < 1:
        raise argparse.ArgumentTypeError(f"{text} is not a positive number")
    return number


GC_THRESHOLDS = (50_000, 50, 100)
"""Python's collector runs after this many new objects (700 by default) and older generations after this
many younger collections. Judging a claim of 10,000 lines makes some hundred thousand objects that all
stay in use until it is answered; at the default the collector walked them dozens of times, a quarter of
the answer's time (bench.ingest)."""


def tune_garbage_collection() -> None:
    """Collect less often, and never walk again what the process built before serving (`gc.freeze`):
    the modules, schemas and tables it keeps to its end."""
    gc.freeze()
    gc.set_threshold(*GC_THRESHOLDS)


def run(args: argparse.Namespace) -> int:
    import uvicorn

    from gateway.api.app import create_app
    from gateway.api.logging_json import configure_logging
    from gateway.api.settings import ServiceSettings
    from gateway.pipeline.database import prepare
    from gateway.store.errors import StoreError

    settings = ServiceSettings(database_url=args.database_url) if args.database_url else ServiceSettings()
    try:
        # Also done at the app's start; here first, so an unusable database is one line, not a traceback.
        asyncio.run(prepare(settings.database_url))
    except StoreError as exc:
        print(f"iwmo-gateway serve: {exc}", file=sys.stderr)
        return EXIT_DATABASE
    configure_logging()
    # JSON lines through the root logger; the access line is the app's own, naming the route's template.
    if args.workers > 1:
        # Each worker is a process of its own that builds the app anew, from the environment.
        os.environ[DATABASE_URL] = settings.database_url
        uvicorn.run(
            f"{__name__}:{worker_app.__name__}",
            factory=True,
            workers=args.workers,
            host=args.host,
            port=args.port,
            access_log=False,
            log_config=None,
        )
        return 0
    app = create_app(settings)
    tune_garbage_collection()
    uvicorn.run(app, host=args.host, port=args.port, access_log=False, log_config=None)
    return 0


def worker_app() -> FastAPI:
    """The app of one of several worker processes, with the settings `run` left in the environment.

    Every worker has its own engine and pipeline on the shared database, whose transactions and locks
    keep them apart (on SQLite they take turns writing); the relay's lock lets one of them publish.
    """
    from gateway.api.app import create_app
    from gateway.api.logging_json import configure_logging
    from gateway.api.settings import ServiceSettings

    configure_logging()
    app = create_app(ServiceSettings())
    tune_garbage_collection()
    return app
