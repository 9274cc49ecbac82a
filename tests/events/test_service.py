"""The relay beside the HTTP service: started and stopped with it, idle without a broker."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from gateway.events.catalogue import EventType
from gateway.events.service import BackgroundRelay, run_relay
from gateway.events.writer import EventWriter
from gateway.settings import Settings
from gateway.store.unit_of_work import UnitOfWork
from tests.events.conftest import Broker, TcpProxy, consume, create_topic
from tests.events.samples import BSN, levering
from tests.events.test_relay import relay_settings, unpublished

NOW = datetime(2024, 5, 1, 12, 30, tzinfo=UTC)

HANG_GUARD_SECONDS = 60.0
"""Far beyond the relay's own give-up time: reaching it means stop() hangs."""


async def record(sessionmaker: async_sessionmaker[AsyncSession], writer: EventWriter, *numbers: int) -> None:
    async with UnitOfWork(sessionmaker) as uow:
        for number in numbers:
            await writer.record(
                uow.session, EventType.LEVERING_GESTART, data=levering(number), now=NOW, client_bsn=BSN
            )


async def test_without_a_broker_nothing_runs_and_events_stay(
    engine: AsyncEngine,
    migrated_url: str,
    sessionmaker: async_sessionmaker[AsyncSession],
    writer: EventWriter,
) -> None:
    await record(sessionmaker, writer, 1)
    settings = Settings(database_url=migrated_url, kafka_bootstrap_servers=None)
    await asyncio.wait_for(run_relay(settings, asyncio.Event(), relay_settings("unused")), timeout=5)
    background = BackgroundRelay(engine, settings, relay_settings("unused"))
    await background.start()
    assert not background.running
    await background.stop()
    assert len(await unpublished(sessionmaker)) == 1


async def test_the_background_relay_publishes_until_stopped(
    engine: AsyncEngine,
    migrated_url: str,
    sessionmaker: async_sessionmaker[AsyncSession],
    writer: EventWriter,
    broker: Broker,
) -> None:
    topic = await create_topic(broker.bootstrap_servers)
    settings = Settings(database_url=migrated_url, kafka_bootstrap_servers=broker.bootstrap_servers)
    background = BackgroundRelay(engine, settings, relay_settings(topic))
    await background.start()
    assert background.running
    await record(sessionmaker, writer, 1, 2)
    received = await consume(broker.bootstrap_servers, topic, 2)
    await background.stop()
    assert not background.running
    assert [record.event["data"]["berichtId"] for record in received] == [1, 2]


async def test_run_relay_publishes_on_an_engine_of_its_own_until_stopped(
    migrated_url: str, sessionmaker: async_sessionmaker[AsyncSession], writer: EventWriter, broker: Broker
) -> None:
    topic = await create_topic(broker.bootstrap_servers)
    settings = Settings(database_url=migrated_url, kafka_bootstrap_servers=broker.bootstrap_servers)
    stop = asyncio.Event()
    running = asyncio.create_task(run_relay(settings, stop, relay_settings(topic)))
    await record(sessionmaker, writer, 1)
    received = await consume(broker.bootstrap_servers, topic, 1)
    stop.set()
    await asyncio.wait_for(running, timeout=10)
    assert [record.event["data"]["berichtId"] for record in received] == [1]


async def test_stopping_while_the_broker_is_unreachable_ends_the_relay_and_keeps_what_was_not_published(
    engine: AsyncEngine,
    migrated_url: str,
    sessionmaker: async_sessionmaker[AsyncSession],
    writer: EventWriter,
    proxied_broker: tuple[Broker, TcpProxy],
) -> None:
    broker, proxy = proxied_broker
    topic = await create_topic(broker.bootstrap_servers)
    settings = Settings(database_url=migrated_url, kafka_bootstrap_servers=broker.bootstrap_servers)
    events = relay_settings(topic, request_timeout_seconds=3.0)
    background = BackgroundRelay(engine, settings, events)
    await background.start()
    await record(sessionmaker, writer, 1)
    await consume(broker.bootstrap_servers, topic, 1)
    await proxy.cut()
    await record(sessionmaker, writer, 2)
    await asyncio.sleep(0.5)
    # A guard against hanging, not a speed target: stop() gives up on the broker by itself.
    await asyncio.wait_for(background.stop(), timeout=HANG_GUARD_SECONDS)
    assert not background.running
    assert len(await unpublished(sessionmaker)) == 1
