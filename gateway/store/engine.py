"""Engines and sessions from a database URL, with SQLite set up to serve: WAL, foreign keys, lock waits.

On SQLite every transaction starts with BEGIN IMMEDIATE: writers queue for the one write lock at the
start (see `sqlite_lock`) instead of failing halfway when a read turns into a write after another writer
committed. Readers still run beside a writer, because the file is in WAL mode.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import sqlalchemy
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, InvalidRequestError, NoSuchModuleError
from sqlalchemy.ext.asyncio import (
    AsyncConnection,
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)
from sqlalchemy.pool import NullPool

from gateway.store.errors import DatabaseUnavailableError, DatabaseUrlError
from gateway.store.sqlite_lock import WriteTurns

ASYNC_DRIVERS = {"sqlite": "aiosqlite", "postgresql": "asyncpg"}
POSTGRESQL_CONNECT_TIMEOUT_SECONDS = 10.0


def database_url(url: str) -> URL:
    """Parse a URL and give it the async driver of its backend (`postgresql://` becomes asyncpg)."""
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise DatabaseUrlError("not a database URL") from exc
    backend = parsed.get_backend_name()
    driver = ASYNC_DRIVERS.get(backend)
    if driver is None:
        raise DatabaseUrlError(f"unsupported database {backend!r}: use sqlite or postgresql")
    if "+" not in parsed.drivername:
        return parsed.set(drivername=f"{backend}+{driver}")
    if parsed.get_driver_name() != driver:
        raise DatabaseUrlError(f"unsupported driver {parsed.drivername!r}: use {backend}+{driver}")
    return parsed


def create_engine(url: str) -> AsyncEngine:
    """An engine for the URL; nothing is connected yet. The caller disposes of it.

    Statement parameters are kept out of error texts and logs: they hold BSNs and whole messages.
    """
    parsed = database_url(url)
    connect_args: dict[str, Any] = {}
    if parsed.get_backend_name() == "postgresql":
        connect_args["timeout"] = POSTGRESQL_CONNECT_TIMEOUT_SECONDS
    try:
        engine = create_async_engine(parsed, connect_args=connect_args, hide_parameters=True)
    except (ArgumentError, InvalidRequestError, NoSuchModuleError) as exc:
        raise DatabaseUrlError(str(exc).splitlines()[0]) from exc
    if parsed.get_backend_name() == "sqlite":
        WriteTurns().install(engine.sync_engine)
    return engine


def create_sessionmaker(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    """Sessions whose objects stay readable after commit, since the unit of work commits before returning."""
    return async_sessionmaker(engine, expire_on_commit=False)


@asynccontextmanager
async def connect(engine: AsyncEngine) -> AsyncIterator[AsyncConnection]:
    """A connection, telling an unreachable or unopenable database apart from failures while using it."""
    if engine.url.get_backend_name() == "sqlite":
        _open_sqlite_synchronously(engine.url)
    connection = engine.connect()
    try:
        await connection.start()
    except (OSError, DBAPIError) as exc:
        raise _unavailable(engine.url, exc) from exc
    try:
        yield connection
    finally:
        await connection.close()


def _open_sqlite_synchronously(url: URL) -> None:
    """Open the file once without aiosqlite, which fails badly when it cannot.

    After a failed connect, aiosqlite (0.22) leaves its worker thread to post to the event loop; when the
    loop closes right after the failure, as in a command, that thread dies with "Event loop is closed".
    The synchronous driver reads the URL the same way and reports the same errors, without a thread.
    """
    probe = sqlalchemy.create_engine(url.set(drivername="sqlite+pysqlite"), poolclass=NullPool)
    try:
        with probe.connect():
            pass
    except DBAPIError as exc:
        raise _unavailable(url, exc) from exc
    finally:
        probe.dispose()


def _unavailable(url: URL, exc: BaseException) -> DatabaseUnavailableError:
    cause = exc.orig if isinstance(exc, DBAPIError) and exc.orig is not None else exc
    reason = (str(cause).strip() or type(cause).__name__).splitlines()[0]
    where = url.render_as_string(hide_password=True)
    return DatabaseUnavailableError(f"cannot open the database at {where}: {reason}")
