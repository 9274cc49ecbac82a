"""SQLite's one write lock: a process's transactions take it in the order they asked, and give it up
however they end; a lock another process holds is waited for, up to the busy timeout."""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import OperationalError
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from gateway.store import sqlite_lock
from gateway.store.engine import create_engine, create_sessionmaker
from gateway.store.unit_of_work import UnitOfWork


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "gateway.db"


@pytest.fixture
async def engine(path: Path) -> AsyncIterator[AsyncEngine]:
    engine = create_engine(f"sqlite+aiosqlite:///{path}")
    async with engine.begin() as connection:
        await connection.execute(text("CREATE TABLE step (name TEXT)"))
    yield engine
    await engine.dispose()


@pytest.fixture
def sessionmaker(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    return create_sessionmaker(engine)


async def write(uow: UnitOfWork, name: str) -> None:
    await uow.session.execute(text("INSERT INTO step (name) VALUES (:name)"), {"name": name})


async def steps(sessionmaker: async_sessionmaker[AsyncSession]) -> list[str]:
    async with UnitOfWork(sessionmaker) as uow:
        return list((await uow.session.scalars(text("SELECT name FROM step ORDER BY rowid"))).all())


async def test_transactions_of_one_process_take_the_write_lock_in_the_order_they_asked(
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    first_holds = asyncio.Event()
    let_go = asyncio.Event()

    async def first() -> None:
        async with UnitOfWork(sessionmaker) as uow:
            await write(uow, "first")
            first_holds.set()
            await let_go.wait()

    async def later(name: str) -> None:
        async with UnitOfWork(sessionmaker) as uow:
            await write(uow, name)

    holder = asyncio.create_task(first())
    await first_holds.wait()
    waiting = []
    for name in ("second", "third", "fourth", "fifth"):
        waiting.append(asyncio.create_task(later(name)))
        await asyncio.sleep(0.02)  # each asks before the next
    let_go.set()
    await asyncio.gather(holder, *waiting)

    assert await steps(sessionmaker) == ["first", "second", "third", "fourth", "fifth"]


@pytest.mark.parametrize("ending", ["rollback", "close"])
async def test_a_transaction_gives_up_the_write_lock_however_it_ends(
    sessionmaker: async_sessionmaker[AsyncSession], ending: str
) -> None:
    session = sessionmaker()
    await session.execute(text("INSERT INTO step (name) VALUES ('undone')"))
    if ending == "rollback":
        await session.rollback()
    await session.close()

    async with asyncio.timeout(5):
        async with UnitOfWork(sessionmaker) as uow:
            await write(uow, "next")

    assert await steps(sessionmaker) == ["next"]


async def test_a_write_lock_held_by_another_process_is_taken_once_it_is_let_go(
    sessionmaker: async_sessionmaker[AsyncSession], path: Path
) -> None:
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    other.execute("INSERT INTO step (name) VALUES ('other process')")

    async def ours() -> None:
        async with UnitOfWork(sessionmaker) as uow:
            await write(uow, "ours")

    waiting = asyncio.create_task(ours())
    await asyncio.sleep(0.2)
    assert not waiting.done()
    other.execute("COMMIT")
    other.close()
    await waiting

    assert await steps(sessionmaker) == ["other process", "ours"]


async def test_a_write_lock_held_longer_than_the_busy_timeout_fails_the_transaction(
    sessionmaker: async_sessionmaker[AsyncSession], path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sqlite_lock, "BUSY_TIMEOUT_MS", 300)
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(OperationalError, match="locked"):
            async with UnitOfWork(sessionmaker) as uow:
                await write(uow, "ours")
    finally:
        other.execute("ROLLBACK")
        other.close()

    async with UnitOfWork(sessionmaker) as uow:  # and its turn is free again
        await write(uow, "later")
    assert await steps(sessionmaker) == ["later"]


async def test_a_read_only_transaction_reads_its_snapshot_beside_a_writer_without_waiting(
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    async with UnitOfWork(sessionmaker) as uow:
        await write(uow, "committed")
    async with UnitOfWork(sessionmaker) as writer:
        await write(writer, "uncommitted")
        async with asyncio.timeout(5), UnitOfWork(sessionmaker, read_only=True) as reader:
            seen = list((await reader.session.scalars(text("SELECT name FROM step ORDER BY rowid"))).all())
    assert seen == ["committed"]


async def test_a_writing_transaction_still_waits_for_one_that_holds_the_write_lock(
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    async with UnitOfWork(sessionmaker) as writer:
        await write(writer, "first")
        with pytest.raises(TimeoutError):
            async with asyncio.timeout(0.3), UnitOfWork(sessionmaker) as other:
                await write(other, "second")
