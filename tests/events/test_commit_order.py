"""A client's events follow the commit order of the changes they report, not the order their transactions
began: a transaction recording for a client waits for one still open that recorded for the same client."""

from __future__ import annotations

import asyncio

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from gateway.events.catalogue import EventType
from gateway.events.writer import EventWriter
from gateway.store.models.messages import OutboxEvent
from gateway.store.unit_of_work import UnitOfWork
from tests.conftest import NOW
from tests.events.samples import BSN, OTHER_BSN, levering


async def record(
    sessionmaker: async_sessionmaker[AsyncSession], writer: EventWriter, number: int, bsn: str
) -> None:
    async with UnitOfWork(sessionmaker) as uow:
        await writer.record(
            uow.session, EventType.LEVERING_GESTART, data=levering(number), now=NOW, client_bsn=bsn
        )


async def markers_by_id(sessionmaker: async_sessionmaker[AsyncSession]) -> list[int]:
    async with sessionmaker() as session:
        rows = await session.scalars(select(OutboxEvent).order_by(OutboxEvent.id))
        return [row.payload["data"]["berichtId"] for row in rows]


@pytest.fixture
def postgresql_only(database_url: str) -> None:
    if not database_url.startswith("postgresql"):
        pytest.skip("SQLite has one writer at a time: its ids follow commits anyway")


@pytest.mark.usefixtures("postgresql_only")
async def test_a_clients_later_transaction_waits_and_takes_the_later_id(
    sessionmaker: async_sessionmaker[AsyncSession], writer: EventWriter
) -> None:
    async with UnitOfWork(sessionmaker) as first:
        await writer.record(
            first.session, EventType.LEVERING_GESTART, data=levering(1), now=NOW, client_bsn=BSN
        )
        second = asyncio.create_task(record(sessionmaker, writer, 2, BSN))
        await asyncio.sleep(0.5)
        assert not second.done()
    await asyncio.wait_for(second, timeout=10)
    assert await markers_by_id(sessionmaker) == [1, 2]


@pytest.mark.usefixtures("postgresql_only")
async def test_another_clients_transaction_does_not_wait(
    sessionmaker: async_sessionmaker[AsyncSession], writer: EventWriter
) -> None:
    async with UnitOfWork(sessionmaker) as first:
        await writer.record(
            first.session, EventType.LEVERING_GESTART, data=levering(1), now=NOW, client_bsn=BSN
        )
        await asyncio.wait_for(record(sessionmaker, writer, 2, OTHER_BSN), timeout=10)
