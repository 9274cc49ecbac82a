"""The outbox hands each event to one publisher once; API tokens are found by hash until revoked."""

from __future__ import annotations

import asyncio
from datetime import timedelta

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from gateway.store.models.parties import AANBIEDER
from gateway.store.unit_of_work import UnitOfWork
from tests.conftest import NOW


async def test_published_events_are_not_handed_out_again(
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    async with UnitOfWork(sessionmaker) as uow:
        for number in range(3):
            await uow.outbox.add(f"message:{number}", "message.received", {"n": number}, created_at=NOW)

    async with UnitOfWork(sessionmaker) as uow:
        batch = await uow.outbox.unpublished(limit=2)
        assert [event.payload for event in batch] == [{"n": 0}, {"n": 1}]
        await uow.outbox.mark_published(
            [event.id for event in batch], published_at=NOW + timedelta(seconds=1)
        )

    async with UnitOfWork(sessionmaker) as uow:
        rest = await uow.outbox.unpublished()
    assert [(event.aggregate_key, event.event_type, event.payload) for event in rest] == [
        ("message:2", "message.received", {"n": 2})
    ]


async def test_a_batch_held_by_one_publisher_is_not_given_to_another(
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    async with UnitOfWork(sessionmaker) as uow:
        for number in range(2):
            await uow.outbox.add("k", "e", {"n": number}, created_at=NOW)

    async def publish(limit: int) -> list[int]:
        async with UnitOfWork(sessionmaker) as uow:
            batch = await uow.outbox.unpublished(limit=limit)
            await uow.outbox.mark_published([event.id for event in batch], published_at=NOW)
            return [event.payload["n"] for event in batch]

    async with UnitOfWork(sessionmaker) as first:
        held = await first.outbox.unpublished(limit=1)
        other = asyncio.create_task(publish(limit=10))
        await asyncio.sleep(0.3)
        await first.outbox.mark_published([event.id for event in held], published_at=NOW)
    published_by_other = await asyncio.wait_for(other, timeout=10)
    assert [event.payload["n"] for event in held] == [0]
    assert published_by_other == [1]


async def test_a_token_is_found_by_its_hash_until_revoked(
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    async with UnitOfWork(sessionmaker) as uow:
        party = await uow.parties.add(AANBIEDER, "12345678", "Zorg BV", created_at=NOW)
        token = await uow.tokens.add(party.id, "a" * 64, created_at=NOW)

    async with UnitOfWork(sessionmaker) as uow:
        found = await uow.tokens.find_active("a" * 64)
        assert found is not None
        assert found.party_id == party.id
        assert await uow.tokens.find_active("b" * 64) is None
        await uow.tokens.revoke(token.id, revoked_at=NOW)

    async with UnitOfWork(sessionmaker) as uow:
        assert await uow.tokens.find_active("a" * 64) is None
