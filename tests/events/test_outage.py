"""A broker outage only delays events: writes go on, and after it every event arrives, in order per key."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from gateway.events.writer import EventWriter
from tests.events.conftest import Broker, TcpProxy, consume, create_topic
from tests.events.test_relay import (
    assert_in_order_per_key,
    make_relay,
    record_leveringen,
    relay_settings,
    unpublished,
)

# Generous: a write that waited for the broker would wait for its request timeout (2 s) or forever.
WRITE_LIMIT_SECONDS = 10


async def test_writes_commit_while_the_broker_is_cut_off_and_every_event_arrives_after(
    engine: AsyncEngine,
    sessionmaker: async_sessionmaker[AsyncSession],
    writer: EventWriter,
    proxied_broker: tuple[Broker, TcpProxy],
) -> None:
    broker, proxy = proxied_broker
    topic = await create_topic(broker.bootstrap_servers)
    settings = relay_settings(topic, request_timeout_seconds=2.0, batch_size=25)
    stop = asyncio.Event()
    running = asyncio.create_task(make_relay(engine, broker, settings).run(stop))
    try:
        before = await record_leveringen(sessionmaker, writer, 20)
        await _until(lambda: _published_all(sessionmaker))

        await proxy.cut()
        during = await asyncio.wait_for(_record_more(sessionmaker, writer), WRITE_LIMIT_SECONDS)
        await asyncio.sleep(3)
        assert len(await unpublished(sessionmaker)) == 60

        await proxy.restore()
        await _until(lambda: _published_all(sessionmaker))
    finally:
        stop.set()
        await asyncio.wait_for(running, timeout=30)

    received = await consume(broker.bootstrap_servers, topic, 80)
    written = before + during
    assert_in_order_per_key(received, written)
    assert {record.event["data"]["berichtId"] for record in received} == {marker for _, marker in written}


async def _record_more(
    sessionmaker: async_sessionmaker[AsyncSession], writer: EventWriter
) -> list[tuple[str, int]]:
    return await record_leveringen(sessionmaker, writer, 60, first=21, per_transaction=5)


async def _published_all(sessionmaker: async_sessionmaker[AsyncSession]) -> bool:
    return await unpublished(sessionmaker) == []


async def _until(condition: Callable[[], Awaitable[bool]], timeout: float = 60) -> None:
    async with asyncio.timeout(timeout):
        while not await condition():
            await asyncio.sleep(0.1)
