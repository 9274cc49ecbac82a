"""End to end against a real broker: messages through the HTTP API, the relay running in the app, the
events read by an aiokafka consumer group: the right types and keys, in order per client, through an
outage of the broker as well."""

from __future__ import annotations

import asyncio
import json
from collections import defaultdict
from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager

import httpx
import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from gateway.api.app import create_app
from gateway.api.settings import ServiceSettings
from gateway.events.keys import KeyedReferences
from gateway.pipeline.access import PartyName, issue_token
from gateway.store.models import OutboxEvent
from gateway.store.unit_of_work import UnitOfWork
from tests.api.conftest import PARTIES, Gateway
from tests.api.making import AANBIEDER_A
from tests.conftest import NOW
from tests.events.conftest import SECRET, Broker, Received, TcpProxy, consume, create_topic
from tests.events.scenario import BSN, LIFE_EVENTS, OTHER_BSN, OTHER_CLIENT, life_of_a_toewijzing
from tests.events.test_outage import _until
from tests.events.test_relay import relay_settings, unpublished

OIN = "00000001234567890000"
REFERENCES = KeyedReferences(SECRET)
CLIENTS = {REFERENCES.client(BSN): "client", REFERENCES.client(OTHER_BSN): "other client"}
AANBIEDER_KEY = REFERENCES.party(AANBIEDER_A)
PER_KEY = {
    "client": LIFE_EVENTS,
    "other client": LIFE_EVENTS,
    "aanbieder": ["nl.iwmo.declaratie.ontvangen"] * 2,
}
"""What the two clients' lives announce, per key, in order; the claims are keyed by their aanbieder.

The CAK feed's follower announces eigen-bijdrage periods among them; those are its tests' to check."""
EIGEN_BIJDRAGE = "nl.iwmo.eigenbijdrage."


@pytest.fixture
async def tokens(sessionmaker: async_sessionmaker[AsyncSession]) -> dict[str, str]:
    issued = {}
    async with UnitOfWork(sessionmaker) as uow:
        for key, party in PARTIES.items():
            issued[key] = await issue_token(uow, PartyName.parse(party), now=NOW)
    return issued


@asynccontextmanager
async def serving(
    url: str, tokens: dict[str, str], sessionmaker: async_sessionmaker[AsyncSession], servers: str, topic: str
) -> AsyncIterator[Gateway]:
    """The gateway as `serve` builds it (the gemeente's judgement, announcing), publishing to `servers`."""
    events = relay_settings(topic, key_secret=SECRET.decode(), oin=OIN, request_timeout_seconds=2.0)
    app = create_app(ServiceSettings(database_url=url, kafka_bootstrap_servers=servers), events=events)
    async with (
        app.router.lifespan_context(app),
        httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://gateway") as client,
    ):
        yield Gateway(client, tokens, sessionmaker)


def interleaved(*lives: list[tuple[str, bytes]]) -> Iterable[tuple[str, bytes]]:
    for steps in zip(*lives, strict=True):
        yield from steps


async def send_all(gateway: Gateway, messages: Iterable[tuple[str, bytes]]) -> None:
    for party, content in messages:
        response = await gateway.send(party, content)
        assert response.status_code in (200, 202), response.text


def types_per_key(received: list[Received]) -> dict[str, list[str]]:
    """The types each key received, first arrivals only (delivery is at least once), named for reading."""
    names = {**CLIENTS, AANBIEDER_KEY: "aanbieder"}
    seen: set[str] = set()
    per_key: dict[str, list[str]] = defaultdict(list)
    for record in received:
        event = record.event
        assert record.key.decode() == event["partitionkey"]
        if event["id"] not in seen and not event["type"].startswith(EIGEN_BIJDRAGE):
            seen.add(event["id"])
            per_key[names[event["partitionkey"]]].append(event["type"])
    return dict(per_key)


async def test_messages_through_the_api_reach_a_consumer_group_in_order_per_client(
    migrated_url: str,
    tokens: dict[str, str],
    sessionmaker: async_sessionmaker[AsyncSession],
    broker: Broker,
) -> None:
    topic = await create_topic(broker.bootstrap_servers)
    async with serving(migrated_url, tokens, sessionmaker, broker.bootstrap_servers, topic) as gateway:
        await send_all(
            gateway, interleaved(life_of_a_toewijzing("1"), life_of_a_toewijzing("2", OTHER_CLIENT))
        )
        received = await consume(broker.bootstrap_servers, topic, 10)

    assert types_per_key(received) == PER_KEY
    assert all(record.event["source"] == f"urn:nld:oin:{OIN}:systeem:iwmo-gateway" for record in received)
    assert not any(bsn in json.dumps(record.event) for record in received for bsn in (BSN, OTHER_BSN))
    partitions = defaultdict(set)
    for record in received:
        partitions[record.key].add(record.partition)
    assert all(len(used) == 1 for used in partitions.values())


async def test_messages_are_answered_while_the_broker_is_away_and_every_event_follows_in_order(
    migrated_url: str,
    tokens: dict[str, str],
    sessionmaker: async_sessionmaker[AsyncSession],
    proxied_broker: tuple[Broker, TcpProxy],
) -> None:
    broker, proxy = proxied_broker
    topic = await create_topic(broker.bootstrap_servers)
    first, other = life_of_a_toewijzing("1"), life_of_a_toewijzing("2", OTHER_CLIENT)
    async with serving(migrated_url, tokens, sessionmaker, broker.bootstrap_servers, topic) as gateway:
        await send_all(gateway, [first[0], other[0]])
        await _until(lambda: _all_published(sessionmaker))

        await proxy.cut()
        await asyncio.wait_for(send_all(gateway, interleaved(first[1:], other[1:])), timeout=30)
        await asyncio.sleep(1)
        assert await unpublished(sessionmaker) != []
        await proxy.restore()
        await _until(lambda: _all_published(sessionmaker))
    received = await consume(broker.bootstrap_servers, topic, await _recorded(sessionmaker))

    assert types_per_key(received) == PER_KEY


async def _all_published(sessionmaker: async_sessionmaker[AsyncSession]) -> bool:
    return await unpublished(sessionmaker) == []


async def _recorded(sessionmaker: async_sessionmaker[AsyncSession]) -> int:
    async with sessionmaker() as session:
        return int(await session.scalar(select(func.count()).select_from(OutboxEvent)) or 0)
