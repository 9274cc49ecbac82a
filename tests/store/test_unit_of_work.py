"""A unit of work is all or nothing, and a received message outlives the processing that failed on it."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from gateway.store.models import Client, Message, OutboxEvent, Party
from gateway.store.models.messages import ACCEPTED, FAILED, PENDING
from gateway.store.models.parties import AANBIEDER, GEMEENTE
from gateway.store.unit_of_work import UnitOfWork
from tests.conftest import NOW

MESSAGE = b"<Bericht>...</Bericht>"


class ProcessingFailedError(Exception):
    """Stands for whatever goes wrong halfway through handling a message."""


async def count(sessionmaker: async_sessionmaker[AsyncSession], model: type[object]) -> int:
    async with UnitOfWork(sessionmaker) as uow:
        return int(await uow.session.scalar(select(func.count()).select_from(model)) or 0)


async def test_a_unit_of_work_commits_when_its_block_ends(
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    async with UnitOfWork(sessionmaker) as uow:
        await uow.parties.add(GEMEENTE, "0363", "Amsterdam", created_at=NOW)

    async with UnitOfWork(sessionmaker) as uow:
        party = await uow.parties.find(GEMEENTE, "0363")
    assert party is not None
    assert party.name == "Amsterdam"


async def test_a_unit_of_work_that_raises_leaves_nothing_behind(
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    async def store_everything_then_fail() -> None:
        async with UnitOfWork(sessionmaker) as uow:
            gemeente = await uow.parties.add(GEMEENTE, "0363", "Amsterdam", created_at=NOW)
            uow.session.add(Client(gemeente_id=gemeente.id, bsn="123456782"))
            await uow.messages.add(MESSAGE, received_at=NOW)
            await uow.outbox.add("gemeente:0363", "party.added", {"code": "0363"}, created_at=NOW)
            await uow.session.flush()
            raise ProcessingFailedError

    with pytest.raises(ProcessingFailedError):
        await store_everything_then_fail()

    for model in (Party, Client, Message, OutboxEvent):
        assert await count(sessionmaker, model) == 0, model.__name__


async def test_a_received_message_survives_a_failed_processing_with_its_outcome(
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    async with UnitOfWork(sessionmaker) as uow:
        gemeente = await uow.parties.add(GEMEENTE, "0363", "Amsterdam", created_at=NOW)
        aanbieder = await uow.parties.add(AANBIEDER, "12345678", "Zorg BV", created_at=NOW)
    async with UnitOfWork(sessionmaker) as uow:
        message = await uow.messages.add(
            MESSAGE, received_at=NOW, message_type="WMO305", sender_id=aanbieder.id, receiver_id=gemeente.id
        )
    processed_at = NOW + timedelta(seconds=1)

    async def process_then_fail() -> None:
        async with UnitOfWork(sessionmaker) as uow:
            uow.session.add(Client(gemeente_id=gemeente.id, bsn="123456782"))
            await uow.outbox.add("client", "client.added", {}, created_at=processed_at)
            await uow.messages.record_outcome(message.id, ACCEPTED, processed_at=processed_at)
            await uow.session.flush()
            raise ProcessingFailedError

    with pytest.raises(ProcessingFailedError):
        await process_then_fail()
    async with UnitOfWork(sessionmaker) as uow:
        stored = await uow.messages.get(message.id)
        assert stored is not None
        assert stored.outcome == PENDING
        await uow.messages.record_outcome(
            message.id,
            FAILED,
            processed_at=processed_at,
            failure="ProcessingFailedError while storing leveringen",
        )

    async with UnitOfWork(sessionmaker) as uow:
        stored = await uow.messages.get(message.id)
    assert stored is not None
    assert stored.content == MESSAGE
    assert stored.outcome == FAILED
    assert stored.processed_at == processed_at
    assert stored.failure == "ProcessingFailedError while storing leveringen"
    assert await count(sessionmaker, Client) == 0
    assert await count(sessionmaker, OutboxEvent) == 0


async def test_a_unit_of_work_cannot_be_used_outside_its_block(
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    uow = UnitOfWork(sessionmaker)
    with pytest.raises(RuntimeError):
        uow.messages  # noqa: B018
    async with uow:
        pass
    with pytest.raises(RuntimeError):
        uow.messages  # noqa: B018
    with pytest.raises(RuntimeError):
        async with uow:
            pass


async def test_an_unknown_outcome_is_refused(sessionmaker: async_sessionmaker[AsyncSession]) -> None:
    async with UnitOfWork(sessionmaker) as uow:
        message = await uow.messages.add(MESSAGE, received_at=NOW)
        with pytest.raises(ValueError, match="outcome"):
            await uow.messages.record_outcome(message.id, "lost", processed_at=NOW)
