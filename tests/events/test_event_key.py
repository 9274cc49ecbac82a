"""Without IWMO_EVENTS_KEY_SECRET the gateway keys events under a secret it generates once and keeps in
its database; without IWMO_EVENTS_OIN its events name the system only, and it will not publish them."""

from __future__ import annotations

import asyncio

import pytest
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from gateway.api.app import create_app
from gateway.api.settings import ServiceSettings
from gateway.events.catalogue import EventType
from gateway.events.errors import EventConfigurationError
from gateway.events.provisioning import provide_writer
from gateway.events.settings import EventSettings
from gateway.store.repositories.event_keys import EventKeyRepository
from gateway.store.unit_of_work import UnitOfWork
from tests.conftest import NOW
from tests.events.conftest import SECRET
from tests.events.samples import BSN, DATA


async def test_two_processes_starting_at_once_agree_on_one_generated_secret(
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    async def start(candidate: bytes) -> bytes:
        async with UnitOfWork(sessionmaker) as uow:
            return await EventKeyRepository(uow.session).ensure(candidate, now=NOW)

    first, second = await asyncio.gather(start(b"a" * 32), start(b"b" * 32))
    assert first == second
    assert await start(b"c" * 32) == first


async def test_a_client_keeps_its_key_across_restarts_without_a_configured_secret(
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    refs = []
    for _ in range(2):
        writer = await provide_writer(EventSettings(key_secret=None), sessionmaker, now=NOW)
        async with UnitOfWork(sessionmaker) as uow:
            recorded = await writer.record(
                uow.session,
                EventType.LEVERING_GESTART,
                data=DATA[EventType.LEVERING_GESTART],
                now=NOW,
                client_bsn=BSN,
            )
        refs.append(recorded.key)
    assert refs[0] == refs[1]


async def test_a_configured_secret_is_used_rather_than_the_stored_one(
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    generated = await provide_writer(EventSettings(key_secret=None), sessionmaker, now=NOW)
    configured = await provide_writer(EventSettings(key_secret=SECRET.decode()), sessionmaker, now=NOW)
    data = DATA[EventType.LEVERING_GESTART]
    async with UnitOfWork(sessionmaker) as uow:
        one = await generated.record(
            uow.session, EventType.LEVERING_GESTART, data=data, now=NOW, client_bsn=BSN
        )
        other = await configured.record(
            uow.session, EventType.LEVERING_GESTART, data=data, now=NOW, client_bsn=BSN
        )
    assert one.key != other.key


def test_without_an_oin_events_name_the_system_and_claim_no_organisation() -> None:
    assert EventSettings(oin=None, system="wmo").source() == "urn:iwmo-gateway:systeem:wmo"
    assert EventSettings(oin="00000001234567890000").source().startswith("urn:nld:oin:00000001234567890000:")


def test_the_service_will_not_start_publishing_to_kafka_without_the_oin() -> None:
    settings = ServiceSettings(database_url="sqlite+aiosqlite://", kafka_bootstrap_servers="127.0.0.1:9")
    with pytest.raises(EventConfigurationError, match="IWMO_EVENTS_OIN"):
        create_app(settings, events=EventSettings(oin=None))
    assert create_app(settings, events=EventSettings(oin="00000001234567890000")) is not None


def test_a_configured_secret_too_short_stops_the_service_before_it_starts() -> None:
    settings = ServiceSettings(database_url="sqlite+aiosqlite://")
    with pytest.raises(EventConfigurationError, match="32 bytes"):
        create_app(settings, events=EventSettings(key_secret="short"))
