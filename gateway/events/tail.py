"""Following events as they come, for `iwmo-gateway events tail`: from the outbox, or from Kafka as a group.

Both hand each event to `emit` as one line of JSON, the event as consumers receive it.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
from collections.abc import Callable, Sequence
from typing import Any

from aiokafka import AIOKafkaConsumer, TopicPartition  # type: ignore[import-untyped]
from aiokafka.errors import KafkaError  # type: ignore[import-untyped]
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncEngine

from gateway.events.errors import BrokerError
from gateway.events.feed import events_after
from gateway.store.engine import create_sessionmaker
from gateway.store.errors import DatabaseUnavailableError

Emit = Callable[[str], None]
FOLLOW_INTERVAL_SECONDS = 0.5
PAGE = 500


async def tail_outbox(
    engine: AsyncEngine, after: int, *, follow: bool, emit: Emit, stop: asyncio.Event
) -> int:
    """Emit the outbox's events after cursor `after`; with `follow`, keep waiting for more until `stop`.

    Gives the cursor of the last event emitted.
    """
    sessionmaker = create_sessionmaker(engine)
    cursor = after
    while not stop.is_set():
        try:
            async with sessionmaker() as session:
                page = await events_after(session, cursor, limit=PAGE)
        except (SQLAlchemyError, OSError) as exc:
            raise DatabaseUnavailableError(f"cannot read the outbox: {type(exc).__name__}") from exc
        for event in page.events:
            emit(json.dumps(event, separators=(",", ":"), ensure_ascii=False))
        cursor = page.cursor
        if not page.events:
            if not follow:
                break
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), FOLLOW_INTERVAL_SECONDS)
    return cursor


async def tail_topics(
    bootstrap_servers: str,
    topics: Sequence[str],
    group: str,
    *,
    follow: bool,
    emit: Emit,
    stop: asyncio.Event,
) -> None:
    """Emit the records of `topics` not yet consumed by `group`, committing as it goes; with `follow`, keep
    going until `stop`, else stop at the end the topics had when the group joined."""
    consumer = AIOKafkaConsumer(
        *topics,
        bootstrap_servers=bootstrap_servers,
        group_id=group,
        auto_offset_reset="earliest",
        enable_auto_commit=False,
        # A tool that comes and goes: short timeouts let a group it left rebalance quickly.
        rebalance_timeout_ms=3000,
        session_timeout_ms=6000,
        heartbeat_interval_ms=1000,
    )
    try:
        await consumer.start()
        ends: dict[TopicPartition, int] | None = None
        while not stop.is_set():
            batches = await consumer.getmany(timeout_ms=500)
            for records in batches.values():
                for record in records:
                    emit(record.value.decode("utf-8"))
            if batches:
                await consumer.commit()
            if follow or not consumer.assignment():
                continue
            if ends is None:
                ends = await consumer.end_offsets(list(consumer.assignment()))
            if await _caught_up(consumer, ends):
                break
    except KafkaError as exc:
        raise BrokerError(f"cannot read from Kafka: {type(exc).__name__}") from exc
    finally:
        await consumer.stop()


async def _caught_up(consumer: Any, ends: dict[TopicPartition, int]) -> bool:
    for partition, end in ends.items():
        if await consumer.position(partition) < end:
            return False
    return True
