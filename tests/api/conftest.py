"""A running gateway for API tests: the app on each backend, its parties with tokens, and a client.

The app runs in-process (httpx over ASGI) with its lifespan entered, so the engine, sessions and pipeline
are the ones `iwmo-gateway serve` would build.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from dataclasses import dataclass
from typing import Any

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from gateway.api.app import create_app
from gateway.api.settings import ServiceSettings
from gateway.pipeline.access import PartyName, issue_token
from gateway.pipeline.processing import AcceptEverything, Processor
from gateway.store.unit_of_work import UnitOfWork
from tests.api.making import AANBIEDER_A, AANBIEDER_B, GEMEENTE
from tests.conftest import NOW

PARTIES = {
    "gemeente": f"gemeente:{GEMEENTE}",
    "aanbieder_a": f"aanbieder:{AANBIEDER_A}",
    "aanbieder_b": f"aanbieder:{AANBIEDER_B}",
    "cak": "cak",
}

XML = {"Content-Type": "application/xml"}


@dataclass
class Gateway:
    """A client on the app, with a token for each test party."""

    client: httpx.AsyncClient
    tokens: dict[str, str]
    sessionmaker: async_sessionmaker[AsyncSession]

    def auth(self, party: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.tokens[party]}"}

    async def send(self, party: str, content: bytes, content_type: str = "application/xml") -> httpx.Response:
        headers = {**self.auth(party), "Content-Type": content_type}
        return await self.client.post("/api/v1/messages", content=content, headers=headers)

    async def read(self, party: str, message_id: int | str) -> httpx.Response:
        return await self.client.get(f"/api/v1/messages/{message_id}", headers=self.auth(party))

    async def mailbox(self, party: str, **params: Any) -> httpx.Response:
        return await self.client.get("/api/v1/mailbox", params=params, headers=self.auth(party))

    async def mailbox_ids(self, party: str) -> list[int]:
        response = await self.mailbox(party, limit=1000)
        assert response.status_code == 200, response.text
        return [item["id"] for item in response.json()["items"]]


@asynccontextmanager
async def running_app(
    url: str, processor: Processor | None = None, **settings: Any
) -> AsyncIterator[httpx.AsyncClient]:
    # These tests pin the HTTP and pipeline mechanics, which hold whatever the domain decides; the
    # gemeente's own judgement is exercised through the service in test_domain_judgement.py.
    app = create_app(ServiceSettings(database_url=url, **settings), processor or AcceptEverything())
    async with (
        app.router.lifespan_context(app),
        httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://gateway") as client,
    ):
        yield client


@pytest.fixture
async def tokens(sessionmaker: async_sessionmaker[AsyncSession]) -> dict[str, str]:
    issued = {}
    async with UnitOfWork(sessionmaker) as uow:
        for key, party in PARTIES.items():
            issued[key] = await issue_token(uow, PartyName.parse(party), now=NOW)
    return issued


GatewayFactory = Callable[..., AbstractAsyncContextManager[Gateway]]


@pytest.fixture
def make_gateway(
    migrated_url: str, tokens: dict[str, str], sessionmaker: async_sessionmaker[AsyncSession]
) -> GatewayFactory:
    """Runs the app with the given processor and settings, for tests that need their own."""

    @asynccontextmanager
    async def make(processor: Processor | None = None, **settings: Any) -> AsyncIterator[Gateway]:
        async with running_app(migrated_url, processor, **settings) as client:
            yield Gateway(client, tokens, sessionmaker)

    return make


@pytest.fixture
async def gateway(make_gateway: GatewayFactory) -> AsyncIterator[Gateway]:
    async with make_gateway() as running:
        yield running
