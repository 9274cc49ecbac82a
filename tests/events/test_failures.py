"""Failures of the broker and the database reach callers as the events package's own errors."""

from __future__ import annotations

import asyncio
import logging
from datetime import UTC, datetime

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from gateway.events.catalogue import EventType
from gateway.events.errors import PublishError, RelayLockError
from gateway.events.kafka import KafkaPublisher, Record
from gateway.events.lock import relay_lock
from gateway.events.service import BackgroundRelay
from gateway.events.writer import EventWriter
from gateway.settings import Settings
from gateway.store.engine import create_engine
from gateway.store.unit_of_work import UnitOfWork
from tests.events.conftest import Broker, free_port
from tests.events.samples import BSN, levering
from tests.events.test_cli import environment, run
from tests.events.test_relay import make_relay, relay_settings

NOW = datetime(2024, 5, 1, 12, 30, tzinfo=UTC)


async def test_an_unreachable_broker_is_a_publish_error() -> None:
    publisher = KafkaPublisher(f"127.0.0.1:{free_port()}", idempotence=True, request_timeout_seconds=2)
    with pytest.raises(PublishError, match="cannot connect to the Kafka broker") as raised:
        await publisher.start()
    assert raised.value.__cause__ is not None
    await publisher.stop()


async def test_publishing_before_starting_is_a_programming_error() -> None:
    publisher = KafkaPublisher("127.0.0.1:9", idempotence=False, request_timeout_seconds=2)
    with pytest.raises(RuntimeError, match="not started"):
        await publisher.publish([Record("topic", b"key", b"{}")])


async def test_relay_once_against_an_unreachable_broker_exits_1_and_keeps_the_events(
    migrated_url: str, sessionmaker: async_sessionmaker[AsyncSession], writer: EventWriter
) -> None:
    async with UnitOfWork(sessionmaker) as uow:
        await writer.record(
            uow.session, EventType.LEVERING_GESTART, data=levering(1), now=NOW, client_bsn=BSN
        )
    env = environment(
        migrated_url,
        KAFKA_BOOTSTRAP_SERVERS=f"127.0.0.1:{free_port()}",
        IWMO_EVENTS_REQUEST_TIMEOUT_SECONDS="2",
    )
    status, stdout, stderr = await run("relay", "--once", env=env)
    assert (status, stdout) == (1, "")
    assert stderr.startswith("iwmo-gateway relay: cannot connect to the Kafka broker")
    assert len(stderr.splitlines()) == 1


async def test_relay_once_while_another_relay_is_active_exits_2(
    engine: AsyncEngine, migrated_url: str
) -> None:
    active = relay_lock(engine)
    assert await active.try_acquire()
    try:
        env = environment(migrated_url, KAFKA_BOOTSTRAP_SERVERS=f"127.0.0.1:{free_port()}")
        status, _, stderr = await run("relay", "--once", env=env)
    finally:
        await active.release()
    assert (status, stderr) == (2, "iwmo-gateway relay: another relay is active\n")


async def test_an_unreachable_database_is_a_relay_lock_error() -> None:
    engine = create_engine(f"postgresql+asyncpg://postgres@127.0.0.1:{free_port()}/nothing")
    nowhere = Broker(f"127.0.0.1:{free_port()}", pid=0, port=0)
    try:
        relay = make_relay(engine, nowhere, relay_settings("unused"))
        with pytest.raises(RelayLockError, match="cannot reach the database"):
            await relay.run_once()
    finally:
        await engine.dispose()


async def test_a_relay_that_ends_on_an_unexpected_error_says_so(
    engine: AsyncEngine, migrated_url: str, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def broken(*_: object) -> int:
        raise ValueError("a bug")

    monkeypatch.setattr("gateway.events.relay.Relay.round", broken)
    settings = Settings(database_url=migrated_url, kafka_bootstrap_servers="127.0.0.1:9")
    background = BackgroundRelay(engine, settings, relay_settings("unused"))
    with caplog.at_level(logging.ERROR, logger="gateway.events.service"):
        await background.start()
        # Said when the relay ends (its task's done callback runs just after the task is done).
        async with asyncio.timeout(10):
            while "the relay stopped on an unexpected error" not in caplog.text:
                await asyncio.sleep(0.01)
    assert not background.running
    with pytest.raises(ValueError, match="a bug"):
        await background.stop()
