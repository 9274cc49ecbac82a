"""Readers of the outbox never pass an id that is still to commit: the horizon holds them back until then."""

from __future__ import annotations

import pytest
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from gateway.store.repositories.outbox import OutboxRepository
from gateway.store.unit_of_work import UnitOfWork
from tests.conftest import NOW


async def add(outbox: OutboxRepository, number: int) -> int:
    await outbox.announce_writer()
    return (await outbox.add(f"key-{number}", "test.event", {"n": number}, created_at=NOW)).id


async def read(sessionmaker: async_sessionmaker[AsyncSession]) -> tuple[int | None, list[int], list[int]]:
    async with UnitOfWork(sessionmaker) as uow:
        horizon = await uow.outbox.horizon()
        pending = [event.id for event in await uow.outbox.pending(through=horizon, limit=100)]
        after = [event.id for event in await uow.outbox.after(0, through=horizon, limit=100)]
    return horizon, pending, after


async def test_pending_and_after_read_in_id_order_up_to_a_limit(
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    async with UnitOfWork(sessionmaker) as uow:
        ids = [await add(uow.outbox, number) for number in range(5)]
    async with UnitOfWork(sessionmaker) as uow:
        await uow.outbox.mark_published(ids[:2], published_at=NOW)
    async with UnitOfWork(sessionmaker) as uow:
        assert [e.id for e in await uow.outbox.pending(through=None, limit=2)] == ids[2:4]
        assert [e.id for e in await uow.outbox.pending(through=ids[2], limit=10)] == ids[2:3]
        assert [e.id for e in await uow.outbox.after(ids[0], through=None, limit=3)] == ids[1:4]
        assert [e.id for e in await uow.outbox.after(ids[0], through=ids[1], limit=3)] == ids[1:2]


async def test_sqlite_commits_in_id_order_so_it_has_no_horizon(
    sessionmaker: async_sessionmaker[AsyncSession], database_url: str
) -> None:
    if not database_url.startswith("sqlite"):
        pytest.skip("SQLite only")
    async with UnitOfWork(sessionmaker) as uow:
        await add(uow.outbox, 1)
        assert await uow.outbox.horizon() is None


async def test_a_later_commit_waits_behind_an_earlier_id_still_open(
    sessionmaker: async_sessionmaker[AsyncSession], database_url: str
) -> None:
    if not database_url.startswith("postgresql"):
        pytest.skip("PostgreSQL commits out of id order; SQLite has one writer at a time")
    async with UnitOfWork(sessionmaker) as slow:
        first = await add(slow.outbox, 1)
        async with UnitOfWork(sessionmaker) as fast:
            second = await add(fast.outbox, 2)
        assert second > first
        horizon, pending, after = await read(sessionmaker)
        assert horizon is not None
        assert horizon < first
        assert pending == after == []
    assert await read(sessionmaker) == (second, [first, second], [first, second])


async def test_a_rolled_back_writer_holds_nothing_back(
    sessionmaker: async_sessionmaker[AsyncSession], database_url: str
) -> None:
    if not database_url.startswith("postgresql"):
        pytest.skip("PostgreSQL only")
    kept: list[int] = []

    async def fail_while_another_commits() -> None:
        async with UnitOfWork(sessionmaker) as failing:
            await add(failing.outbox, 1)
            async with UnitOfWork(sessionmaker) as other:
                kept.append(await add(other.outbox, 2))
            raise RuntimeError("roll back")

    with pytest.raises(RuntimeError, match="roll back"):
        await fail_while_another_commits()
    assert await read(sessionmaker) == (kept[0], kept, kept)


async def test_a_session_announces_again_in_its_next_transaction(
    sessionmaker: async_sessionmaker[AsyncSession], database_url: str
) -> None:
    if not database_url.startswith("postgresql"):
        pytest.skip("PostgreSQL only")
    async with sessionmaker() as session:
        outbox = OutboxRepository(session)
        await add(outbox, 1)
        await add(outbox, 2)
        await session.commit()
        third = await add(outbox, 3)
        horizon, _, after = await read(sessionmaker)
        assert horizon is not None
        assert horizon < third
        assert len(after) == 2
        await session.commit()
    assert (await read(sessionmaker))[0] == third
