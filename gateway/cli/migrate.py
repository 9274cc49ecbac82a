"""`iwmo-gateway migrate [--database-url URL]`: bring the database schema up to this version of the gateway.

Exit status 0 with the revision reached on stdout; 2 when the database cannot be reached or the URL is
unusable, with one line on stderr. SQLAlchemy and Alembic are imported only when the command runs.
"""

from __future__ import annotations

import argparse
import asyncio
import sys

HELP = "Upgrade the database schema to the newest revision."

EXIT_OK = 0
EXIT_DATABASE = 2


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--database-url",
        metavar="URL",
        help="database to migrate (default: $DATABASE_URL, else sqlite+aiosqlite:///iwmo-gateway.db)",
    )


def run(args: argparse.Namespace) -> int:
    from gateway.settings import Settings
    from gateway.store.errors import StoreError
    from gateway.store.migrate import upgrade

    url: str = args.database_url or Settings().database_url
    try:
        revision = asyncio.run(upgrade(url))
    except StoreError as exc:
        print(f"iwmo-gateway migrate: {exc}", file=sys.stderr)
        return EXIT_DATABASE
    print(f"database at revision {revision}")
    return EXIT_OK
