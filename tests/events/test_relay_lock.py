"""Exactly one relay publishes a database's outbox; a standby takes over when the active one stops."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence

import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from gateway.events.kafka import Delivery, KafkaPublisher, Record
from gateway.events.lock import RELAY_LOCK_KEYS
from gateway.events.relay import Relay
from gateway.events.writer import EventWriter
from gateway.store.engine import create_engine
from tests.events.conftest import Broker, consume, create_topic
from tests.events.test_outage import _until
from tests.events.test_relay import (
    assert_in_order_per_key,
    make_relay,
    record_leveringen,
    relay_settings,
    unpublished,
)


class Gauge:
    """How many publishers are publishing now, and the most that ever were at once."""

    def __init__(self) -> None:
        self.now = 0
        self.most = 0


class Watched:
    """A publisher that counts what it published, and publishes under a gauge shared with others."""

    def __init__(self, inner: KafkaPublisher, gauge: Gauge) -> None:
        self._inner = inner
        self._gauge = gauge
        self.published = 0

    async def start(self) -> None:
        await self._inner.start()

    async def stop(self) -> None:
        await self._inner.stop()

    async def publish(self, records: Sequence[Record]) -> Delivery:
        self._gauge.now += 1
        self._gauge.most = max(self._gauge.most, self._gauge.now)
        try:
            delivery = await self._inner.publish(records)
        finally:
            self._gauge.now -= 1
        self.published += delivery.acknowledged
        return delivery


async def test_two_relays_never_both_publish_and_the_standby_takes_over(
    engine: AsyncEngine,
    migrated_url: str,
    sessionmaker: async_sessionmaker[AsyncSession],
    writer: EventWriter,
    broker: Broker,
) -> None:
    topic = await create_topic(broker.bootstrap_servers)
    settings = relay_settings(topic, batch_size=5)
    other_engine = create_engine(migrated_url)
    gauge = Gauge()
    publishers = [
        Watched(KafkaPublisher(broker.bootstrap_servers, idempotence=False, request_timeout_seconds=5), gauge)
        for _ in range(2)
    ]
    stops = [asyncio.Event(), asyncio.Event()]
    relays = [Relay(engine, publishers[0], settings), Relay(other_engine, publishers[1], settings)]
    tasks = [asyncio.create_task(relay.run(stop)) for relay, stop in zip(relays, stops, strict=True)]
    try:
        first = await record_leveringen(sessionmaker, writer, 60, per_transaction=2)
        await _until(lambda: _published_all(sessionmaker))
        active = 0 if publishers[0].published else 1
        assert publishers[active].published == 60
        assert publishers[1 - active].published == 0

        stops[active].set()
        await asyncio.wait_for(tasks[active], timeout=10)
        second = await record_leveringen(sessionmaker, writer, 20, first=61)
        await _until(lambda: _published_all(sessionmaker))
        assert publishers[1 - active].published == 20
    finally:
        for stop in stops:
            stop.set()
        await asyncio.wait_for(asyncio.gather(*tasks), timeout=10)
        await other_engine.dispose()

    assert gauge.most == 1
    received = await consume(broker.bootstrap_servers, topic, 80)
    assert len(received) == 80
    assert len({record.event["id"] for record in received}) == 80
    assert_in_order_per_key(received, first + second)


async def _published_all(sessionmaker: async_sessionmaker[AsyncSession]) -> bool:
    return await unpublished(sessionmaker) == []


async def test_a_relay_that_loses_its_connection_takes_the_lock_again_and_goes_on(
    engine: AsyncEngine,
    database_url: str,
    sessionmaker: async_sessionmaker[AsyncSession],
    writer: EventWriter,
    broker: Broker,
) -> None:
    if not database_url.startswith("postgresql"):
        pytest.skip("the PostgreSQL lock lives on a connection")
    topic = await create_topic(broker.bootstrap_servers)
    stop = asyncio.Event()
    running = asyncio.create_task(make_relay(engine, broker, relay_settings(topic)).run(stop))
    try:
        first = await record_leveringen(sessionmaker, writer, 10)
        await _until(lambda: _published_all(sessionmaker))
        async with sessionmaker() as session:
            terminated = await session.scalar(text(TERMINATE_THE_LOCK_HOLDER), RELAY_LOCK_KEYS)
        assert terminated
        second = await record_leveringen(sessionmaker, writer, 10, first=11)
        await _until(lambda: _published_all(sessionmaker))
    finally:
        stop.set()
        await asyncio.wait_for(running, timeout=10)
    received = await consume(broker.bootstrap_servers, topic, 20)
    assert_in_order_per_key(received, first + second)


TERMINATE_THE_LOCK_HOLDER = (
    "SELECT bool_and(pg_terminate_backend(pid)) FROM pg_locks "
    "WHERE locktype = 'advisory' AND objsubid = 2 AND classid = :namespace AND objid = :lock AND granted"
)
