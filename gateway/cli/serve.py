"""`iwmo-gateway serve [--host 127.0.0.1] [--port 8080] [--database-url URL]`: the HTTP service.

Without configuration it keeps its state in `iwmo-gateway.db` in the working directory and upgrades that
database before it starts listening. Exit status 2, with one line on stderr, when the database cannot be
used. The web framework and server are imported only when the command runs.
"""

from __future__ import annotations

import argparse
import asyncio
import sys

HELP = "Run the HTTP API."

EXIT_DATABASE = 2
DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8080


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


def run(args: argparse.Namespace) -> int:
    import uvicorn

    from gateway.api.app import create_app
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
    uvicorn.run(create_app(settings), host=args.host, port=args.port)
    return 0
