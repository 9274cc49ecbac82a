"""A gateway for one replay without a server: the service in-process on a SQLite file in a temporary dir.

It is the app `iwmo-gateway serve` runs, built the same way (`create_app` with the gemeente's policy and
`DomainProcessor`), with its lifespan entered, reached through httpx's ASGI transport rather than a
socket: no port to find, nothing left running when the replay ends. The parties a scenario names get
their tokens here directly, as `iwmo-gateway token create` would give them.
"""

from __future__ import annotations

import tempfile
from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import httpx

from gateway.api.app import create_app
from gateway.api.settings import ServiceSettings
from gateway.pipeline.access import PartyName, issue_token
from gateway.pipeline.database import opened
from gateway.store.unit_of_work import UnitOfWork

BASE_URL = "http://embedded-gateway"


@dataclass(frozen=True, slots=True)
class Connection:
    """A client on a gateway and a token for each party the replay acts as."""

    client: httpx.AsyncClient
    tokens: dict[str, str]


@asynccontextmanager
async def embedded_gateway(parties: Iterable[str]) -> AsyncIterator[Connection]:
    with tempfile.TemporaryDirectory(prefix="iwmo-replay-") as directory:
        url = f"sqlite+aiosqlite:///{Path(directory) / 'gateway.db'}"
        tokens = await _issue_tokens(url, parties)
        # Its events stay in its outbox: a throwaway gateway publishes nothing to a broker.
        app = create_app(ServiceSettings(database_url=url, kafka_bootstrap_servers=None))
        async with (
            app.router.lifespan_context(app),
            httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url=BASE_URL) as client,
        ):
            yield Connection(client, tokens)


async def _issue_tokens(url: str, parties: Iterable[str]) -> dict[str, str]:
    now = datetime.now(UTC)
    async with opened(url) as sessionmaker, UnitOfWork(sessionmaker) as uow:
        return {party: await issue_token(uow, PartyName.parse(party), now=now) for party in parties}
