"""Shared fixtures. Every storage test runs twice: on a SQLite file and on a PostgreSQL database of its own.

PostgreSQL is reached through TEST_DATABASE_URL (default: the server on 127.0.0.1:5432, user postgres);
each test gets a fresh database named after that URL's database plus a random suffix, dropped afterwards,
so tests neither see each other nor leave anything behind.

A migrated database is a copy of one migrated once per run (a template database on PostgreSQL, a file
on SQLite): the migrations themselves are tested from empty in tests/store/test_migrations.py, and
running them for each of thousands of tests would cost most of the suite's time.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import uuid
from collections.abc import AsyncIterator, Callable, Coroutine, Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import URL, make_url
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker, create_async_engine
from sqlalchemy.pool import NullPool

from gateway.store.engine import create_engine, create_sessionmaker
from gateway.store.migrate import upgrade

DEFAULT_POSTGRESQL_URL = "postgresql+asyncpg://postgres@127.0.0.1:5432/test"
NOW = datetime(2024, 5, 1, 12, 30, 15, 250000, tzinfo=UTC)


def _postgresql_base() -> URL:
    return make_url(os.environ.get("TEST_DATABASE_URL", DEFAULT_POSTGRESQL_URL))


def _admin_engine() -> AsyncEngine:
    return create_async_engine(
        _postgresql_base().set(database="postgres"), isolation_level="AUTOCOMMIT", poolclass=NullPool
    )


async def _admin(*statements: str) -> None:
    admin = _admin_engine()
    try:
        async with admin.connect() as connection:
            for statement in statements:
                await connection.exec_driver_sql(statement)
    finally:
        await admin.dispose()


def _run_apart(work: Callable[[], Coroutine[Any, Any, None]]) -> None:
    """Run `work` on an event loop of its own, outside whatever loop the test session has."""
    with ThreadPoolExecutor(max_workers=1) as executor:
        executor.submit(asyncio.run, work()).result()


@pytest.fixture(scope="session")
def migrated_templates(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    """Per backend, a database migrated to the newest revision, made on first use and copied per test."""
    made: dict[str, str] = {}
    yield made
    if "postgresql" in made:
        _run_apart(lambda: _admin(f'DROP DATABASE IF EXISTS "{made["postgresql"]}" WITH (FORCE)'))


def _template(backend: str, templates: dict[str, str], folder: Path) -> str:
    """The name (PostgreSQL) or file (SQLite) of the migrated template of `backend`, made if new."""
    if backend not in templates:
        if backend == "sqlite":
            path = folder / "template.db"
            _run_apart(lambda: upgrade(f"sqlite+aiosqlite:///{path}"))
            templates[backend] = str(path)
        else:
            base = _postgresql_base()
            name = f"{base.database or 'test'}_template_{uuid.uuid4().hex[:12]}"
            url = base.set(database=name).render_as_string(hide_password=False)

            async def make() -> None:
                await _admin(f'CREATE DATABASE "{name}"')
                await upgrade(url)

            _run_apart(make)
            templates[backend] = name
    return templates[backend]


@pytest.fixture(params=["sqlite", "postgresql"])
async def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[str]:
    """The URL of an empty database of the parametrised backend."""
    if request.param == "sqlite":
        yield f"sqlite+aiosqlite:///{tmp_path / 'gateway.db'}"
        return
    base = _postgresql_base()
    name = f"{base.database or 'test'}_{uuid.uuid4().hex[:12]}"
    await _admin(f'CREATE DATABASE "{name}"')
    try:
        yield base.set(database=name).render_as_string(hide_password=False)
    finally:
        await _admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def migrated_url(
    database_url: str,
    migrated_templates: dict[str, str],
    tmp_path_factory: pytest.TempPathFactory,
) -> str:
    """The URL of a database migrated to the newest revision: the test's own copy of the template."""
    url = make_url(database_url)
    if url.get_backend_name() == "sqlite":
        template = _template("sqlite", migrated_templates, tmp_path_factory.mktemp("migrated"))
        assert url.database is not None
        shutil.copyfile(template, url.database)
        return database_url
    template = _template("postgresql", migrated_templates, tmp_path_factory.mktemp("migrated"))
    _run_apart(
        lambda: _admin(
            f'DROP DATABASE "{url.database}" WITH (FORCE)',
            f'CREATE DATABASE "{url.database}" TEMPLATE "{template}"',
        )
    )
    return database_url


@pytest.fixture
async def engine(migrated_url: str) -> AsyncIterator[AsyncEngine]:
    engine = create_engine(migrated_url)
    yield engine
    await engine.dispose()


@pytest.fixture
def sessionmaker(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    return create_sessionmaker(engine)
