"""Shared fixtures. Every storage test runs twice: on a SQLite file and on a PostgreSQL database of its own.

PostgreSQL is reached through TEST_DATABASE_URL (default: the server on 127.0.0.1:5432, user postgres);
each test gets a fresh database named after that URL's database plus a random suffix, dropped afterwards,
so tests neither see each other nor leave anything behind.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import make_url
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker, create_async_engine
from sqlalchemy.pool import NullPool

from gateway.store.engine import create_engine, create_sessionmaker
from gateway.store.migrate import upgrade

DEFAULT_POSTGRESQL_URL = "postgresql+asyncpg://postgres@127.0.0.1:5432/test"
NOW = datetime(2024, 5, 1, 12, 30, 15, 250000, tzinfo=UTC)


@pytest.fixture(params=["sqlite", "postgresql"])
async def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[str]:
    """The URL of an empty database of the parametrised backend."""
    if request.param == "sqlite":
        yield f"sqlite+aiosqlite:///{tmp_path / 'gateway.db'}"
        return
    base = make_url(os.environ.get("TEST_DATABASE_URL", DEFAULT_POSTGRESQL_URL))
    name = f"{base.database or 'test'}_{uuid.uuid4().hex[:12]}"
    admin = create_async_engine(
        base.set(database="postgres"), isolation_level="AUTOCOMMIT", poolclass=NullPool
    )
    try:
        async with admin.connect() as connection:
            await connection.exec_driver_sql(f'CREATE DATABASE "{name}"')
        yield base.set(database=name).render_as_string(hide_password=False)
        async with admin.connect() as connection:
            await connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        await admin.dispose()


@pytest.fixture
async def migrated_url(database_url: str) -> str:
    """The URL of a database migrated to the newest revision."""
    await upgrade(database_url)
    return database_url


@pytest.fixture
async def engine(migrated_url: str) -> AsyncIterator[AsyncEngine]:
    engine = create_engine(migrated_url)
    yield engine
    await engine.dispose()


@pytest.fixture
def sessionmaker(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    return create_sessionmaker(engine)
