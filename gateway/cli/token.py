"""`iwmo-gateway token create --party PARTY` and `iwmo-gateway token revoke TOKEN`: API access for parties.

`create` prints the new bearer token as the only line on stdout, adding the party if it is not known
(PARTY is aanbieder:<AGB code>, gemeente:<CBS code> or cak); the token is shown this once, the gateway
keeps only its hash. `revoke` takes the token itself, so whoever holds it can have it revoked. Both
upgrade an embedded database first. Exit status 0; 1 when the token to revoke is unknown or revoked
already; 2 on an unusable party name or database, with one line on stderr.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from datetime import UTC, datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from gateway.pipeline.access import PartyName

HELP = "Create or revoke a party's API token."

EXIT_OK = 0
EXIT_UNKNOWN_TOKEN = 1
EXIT_USAGE = 2


def add_arguments(parser: argparse.ArgumentParser) -> None:
    database = argparse.ArgumentParser(add_help=False)
    database.add_argument(
        "--database-url",
        metavar="URL",
        help="database to use (default: $DATABASE_URL, else sqlite+aiosqlite:///iwmo-gateway.db)",
    )
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    create = actions.add_parser("create", parents=[database], help="print a new token for a party")
    create.add_argument(
        "--party",
        required=True,
        type=_party,
        help="aanbieder:<AGB code, 8 digits>, gemeente:<CBS code, 4 digits> or cak",
    )
    create.add_argument("--name", help="the party's name, if it is new (default: the party as given)")
    revoke = actions.add_parser("revoke", parents=[database], help="revoke a token")
    revoke.add_argument("token", help="the token to revoke")


def run(args: argparse.Namespace) -> int:
    from gateway.settings import Settings
    from gateway.store.errors import StoreError

    url: str = args.database_url or Settings().database_url
    try:
        if args.action == "create":
            print(asyncio.run(_create(url, args.party, args.name)))
            return EXIT_OK
        revoked = asyncio.run(_revoke(url, args.token))
    except StoreError as exc:
        print(f"iwmo-gateway token: {exc}", file=sys.stderr)
        return EXIT_USAGE
    if not revoked:
        print("iwmo-gateway token: no active token matches", file=sys.stderr)
        return EXIT_UNKNOWN_TOKEN
    return EXIT_OK


def _party(text: str) -> PartyName:
    """Argument type of --party; imported when the option is given, so building the parser stays light."""
    from gateway.pipeline.access import PartyName

    try:
        return PartyName.parse(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from exc


async def _create(url: str, party: PartyName, name: str | None) -> str:
    from gateway.pipeline.access import issue_token
    from gateway.pipeline.database import opened
    from gateway.store.unit_of_work import UnitOfWork

    async with opened(url) as sessionmaker, UnitOfWork(sessionmaker) as uow:
        return await issue_token(uow, party, now=datetime.now(UTC), label=name)


async def _revoke(url: str, token: str) -> bool:
    from gateway.pipeline.access import revoke_token
    from gateway.pipeline.database import opened
    from gateway.store.unit_of_work import UnitOfWork

    async with opened(url) as sessionmaker, UnitOfWork(sessionmaker) as uow:
        return await revoke_token(uow, token, now=datetime.now(UTC))
