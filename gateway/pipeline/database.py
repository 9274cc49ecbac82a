"""The database as the service and the commands find it: migrated when embedded, reachable or not."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from gateway.store.engine import connect, create_engine, create_sessionmaker, database_url
from gateway.store.errors import StoreError
from gateway.store.migrate import upgrade


async def prepare(url: str) -> None:
    """Upgrade an embedded (SQLite) database, which belongs to this one process.

    A PostgreSQL database is shared by every instance of the service; its operator migrates it with
    `iwmo-gateway migrate`, once, before the new version starts.
    """
    if database_url(url).get_backend_name() == "sqlite":
        await upgrade(url)


@asynccontextmanager
async def opened(url: str) -> AsyncIterator[async_sessionmaker[AsyncSession]]:
    """Sessions on the prepared database at `url`, for a command; `StoreError` when it cannot be used.

    The database is reached once first, so an unreachable one is a `DatabaseUnavailableError` rather
    than a driver's error halfway through the command.
    """
    await prepare(url)
    engine = create_engine(url)
    try:
        async with connect(engine):
            pass
        yield create_sessionmaker(engine)
    finally:
        await engine.dispose()


async def reachable(engine: AsyncEngine) -> bool:
    """Whether the database answers a query now."""
    try:
        async with connect(engine) as connection:
            await connection.execute(text("SELECT 1"))
    except (StoreError, SQLAlchemyError, OSError):
        return False
    return True
