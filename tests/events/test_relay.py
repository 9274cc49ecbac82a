"""The relay publishes what committed, in order, with the right keys, at least once, and nothing else."""

from __future__ import annotations

import asyncio
import json
import logging
from collections import defaultdict
from collections.abc import Sequence
from datetime import UTC, datetime

import pytest
from jsonschema import Draft202012Validator
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from gateway.events.catalogue import CATALOGUE, EventType
from gateway.events.kafka import KafkaPublisher
from gateway.events.keys import KeyedReferences
from gateway.events.relay import Relay
from gateway.events.settings import EventSettings
from gateway.events.writer import EventWriter
from gateway.store.models.messages import OutboxEvent
from gateway.store.repositories.outbox import OutboxRepository
from gateway.store.unit_of_work import UnitOfWork
from tests.events.conftest import SECRET, Broker, Received, consume, create_topic
from tests.events.samples import BSN, DATA, OTHER_BSN, client_of, levering
from tests.events.test_catalogue import checked_in_schema

NOW = datetime(2024, 5, 1, 12, 30, tzinfo=UTC)
CLIENTS = [BSN, OTHER_BSN, "999990020", "999990032"]


def relay_settings(topic: str, **overrides: object) -> EventSettings:
    values: dict[str, object] = {
        "topic": topic,
        "batch_size": 50,
        "poll_interval_seconds": 0.05,
        "backoff_initial_seconds": 0.1,
        "backoff_max_seconds": 0.5,
        "request_timeout_seconds": 5.0,
        "lock_retry_seconds": 0.2,
        "idempotence": False,
    }
    values.update(overrides)
    return EventSettings.model_validate(values)


def make_relay(engine: AsyncEngine, broker: Broker, settings: EventSettings) -> Relay:
    publisher = KafkaPublisher(
        broker.bootstrap_servers,
        idempotence=settings.idempotence,
        request_timeout_seconds=settings.request_timeout_seconds,
    )
    return Relay(engine, publisher, settings)


async def record_leveringen(
    sessionmaker: async_sessionmaker[AsyncSession],
    writer: EventWriter,
    count: int,
    *,
    first: int = 1,
    per_transaction: int = 7,
) -> list[tuple[str, int]]:
    """`count` events with markers from `first`, over four clients in turn; (client, marker) as written."""
    written: list[tuple[str, int]] = []
    end = first + count
    for start in range(first, end, per_transaction):
        async with UnitOfWork(sessionmaker) as uow:
            for marker in range(start, min(start + per_transaction, end)):
                client = CLIENTS[marker % len(CLIENTS)]
                await writer.record(
                    uow.session, EventType.LEVERING_GESTART, data=levering(marker), now=NOW, client_bsn=client
                )
                written.append((client, marker))
    return written


def assert_in_order_per_key(received: Sequence[Received], written: Sequence[tuple[str, int]]) -> None:
    """Every written event arrived; per key, first arrivals are in the order written (duplicates allowed)."""
    references = KeyedReferences(SECRET)
    expected: dict[bytes, list[int]] = defaultdict(list)
    for client, marker in written:
        expected[references.client(client).encode()].append(marker)
    arrived: dict[bytes, list[int]] = defaultdict(list)
    partitions: dict[bytes, set[int]] = defaultdict(set)
    for record in received:
        marker = record.event["data"]["berichtId"]
        partitions[record.key].add(record.partition)
        if marker not in arrived[record.key]:
            arrived[record.key].append(marker)
    assert dict(arrived) == dict(expected)
    assert all(len(used) == 1 for used in partitions.values())


async def unpublished(sessionmaker: async_sessionmaker[AsyncSession]) -> list[OutboxEvent]:
    async with sessionmaker() as session:
        query = select(OutboxEvent).where(OutboxEvent.published_at.is_(None))
        return list((await session.execute(query)).scalars())


async def test_committed_events_arrive_in_order_with_their_keys(
    engine: AsyncEngine, sessionmaker: async_sessionmaker[AsyncSession], writer: EventWriter, broker: Broker
) -> None:
    topic = await create_topic(broker.bootstrap_servers)
    written = await record_leveringen(sessionmaker, writer, 120)

    published = await make_relay(engine, broker, relay_settings(topic)).run_once()

    assert published == 120
    received = await consume(broker.bootstrap_servers, topic, 120)
    assert len(received) == 120
    assert_in_order_per_key(received, written)
    assert await unpublished(sessionmaker) == []
    sequences = [record.event["sequence"] for record in received if record.key == received[0].key]
    assert sequences == sorted(sequences)
    assert {record.headers for record in received} == {(("content-type", b"application/cloudevents+json"),)}


async def test_every_type_is_published_as_its_schema_says(
    engine: AsyncEngine, sessionmaker: async_sessionmaker[AsyncSession], writer: EventWriter, broker: Broker
) -> None:
    topic = await create_topic(broker.bootstrap_servers)
    async with UnitOfWork(sessionmaker) as uow:
        for event_type in EventType:
            await writer.record(
                uow.session, event_type, data=DATA[event_type], now=NOW, client_bsn=client_of(event_type)
            )

    await make_relay(engine, broker, relay_settings(topic)).run_once()

    received = await consume(broker.bootstrap_servers, topic, len(EventType))
    for record in received:
        event_type = EventType(record.event["type"])
        validator = Draft202012Validator(
            checked_in_schema(event_type), format_checker=Draft202012Validator.FORMAT_CHECKER
        )
        assert list(validator.iter_errors(record.event)) == []
        assert record.key.decode() == record.event["partitionkey"]
    assert {record.event["type"] for record in received} == {str(entry) for entry in CATALOGUE}
    assert all(BSN not in json.dumps(record.event) for record in received)


async def test_events_of_a_rolled_back_transaction_are_never_published(
    engine: AsyncEngine, sessionmaker: async_sessionmaker[AsyncSession], writer: EventWriter, broker: Broker
) -> None:
    topic = await create_topic(broker.bootstrap_servers)

    async def change_then_fail() -> None:
        async with UnitOfWork(sessionmaker) as uow:
            await writer.record(
                uow.session, EventType.LEVERING_GESTART, data=levering(1), now=NOW, client_bsn=BSN
            )
            raise RuntimeError("the domain change failed")

    with pytest.raises(RuntimeError, match="the domain change failed"):
        await change_then_fail()
    async with UnitOfWork(sessionmaker) as uow:
        await writer.record(
            uow.session, EventType.LEVERING_GESTART, data=levering(2), now=NOW, client_bsn=BSN
        )

    assert await make_relay(engine, broker, relay_settings(topic)).run_once() == 1

    received = await consume(broker.bootstrap_servers, topic, 1)
    assert [record.event["data"]["berichtId"] for record in received] == [2]


async def test_a_relay_that_dies_before_marking_publishes_that_batch_again_and_loses_nothing(
    engine: AsyncEngine,
    sessionmaker: async_sessionmaker[AsyncSession],
    writer: EventWriter,
    broker: Broker,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    topic = await create_topic(broker.bootstrap_servers)
    written = await record_leveringen(sessionmaker, writer, 45)
    settings = relay_settings(topic, batch_size=20)
    original = OutboxRepository.mark_published
    rounds = 0

    async def die_in_the_second_round(
        self: OutboxRepository, ids: Sequence[int], *, published_at: datetime
    ) -> None:
        nonlocal rounds
        rounds += 1
        if rounds == 2:
            raise RuntimeError("killed between publishing and marking")
        await original(self, ids, published_at=published_at)

    monkeypatch.setattr(OutboxRepository, "mark_published", die_in_the_second_round)
    with pytest.raises(RuntimeError, match="killed between publishing and marking"):
        await make_relay(engine, broker, settings).run_once()
    assert len(await unpublished(sessionmaker)) == 25

    assert await make_relay(engine, broker, settings).run_once() == 25

    received = await consume(broker.bootstrap_servers, topic, 65)
    assert len(received) == 65
    ids = [record.event["id"] for record in received]
    duplicated = {event_id for event_id in ids if ids.count(event_id) > 1}
    async with sessionmaker() as session:
        rows = (await session.execute(select(OutboxEvent).order_by(OutboxEvent.id))).scalars().all()
    assert duplicated == {row.payload["id"] for row in rows[20:40]}
    assert_in_order_per_key(received, written)


async def test_the_relay_runs_until_stopped_and_publishes_what_commits_meanwhile(
    engine: AsyncEngine, sessionmaker: async_sessionmaker[AsyncSession], writer: EventWriter, broker: Broker
) -> None:
    topic = await create_topic(broker.bootstrap_servers)
    stop = asyncio.Event()
    running = asyncio.create_task(make_relay(engine, broker, relay_settings(topic)).run(stop))
    written = await record_leveringen(sessionmaker, writer, 30, per_transaction=3)
    received = await consume(broker.bootstrap_servers, topic, 30)
    stop.set()
    await asyncio.wait_for(running, timeout=10)
    assert_in_order_per_key(received, written)


async def test_a_broker_without_idempotent_producers_gets_an_ordinary_one_and_a_warning(
    engine: AsyncEngine,
    sessionmaker: async_sessionmaker[AsyncSession],
    writer: EventWriter,
    broker: Broker,
    caplog: pytest.LogCaptureFixture,
) -> None:
    topic = await create_topic(broker.bootstrap_servers)
    await record_leveringen(sessionmaker, writer, 3)
    settings = relay_settings(topic, idempotence=True)
    with caplog.at_level(logging.WARNING, logger="gateway.events.kafka"):
        assert await make_relay(engine, broker, settings).run_once() == 3
    assert "refused an idempotent producer" in caplog.text
    assert len(await consume(broker.bootstrap_servers, topic, 3)) == 3


async def test_a_later_event_waits_for_an_earlier_one_still_committing(
    engine: AsyncEngine,
    sessionmaker: async_sessionmaker[AsyncSession],
    writer: EventWriter,
    broker: Broker,
    database_url: str,
) -> None:
    if not database_url.startswith("postgresql"):
        pytest.skip("only PostgreSQL commits out of id order")
    topic = await create_topic(broker.bootstrap_servers)
    settings = relay_settings(topic)
    async with UnitOfWork(sessionmaker) as slow:
        await writer.record(
            slow.session, EventType.LEVERING_GESTART, data=levering(1), now=NOW, client_bsn=BSN
        )
        await slow.session.flush()  # takes the lower id now, commits after the other
        # Another client: one transaction about the same client would wait for this one (test_commit_order).
        async with UnitOfWork(sessionmaker) as fast:
            await writer.record(
                fast.session, EventType.LEVERING_GESTART, data=levering(2), now=NOW, client_bsn=OTHER_BSN
            )
        assert await make_relay(engine, broker, settings).run_once() == 0
    assert await make_relay(engine, broker, settings).run_once() == 2
    received = await consume(broker.bootstrap_servers, topic, 2)
    # Two clients, two keys: Kafka orders them per partition only, so both arriving is what holds here.
    assert sorted(record.event["data"]["berichtId"] for record in received) == [1, 2]
