"""One active relay per database: two relays would each publish in order, but interleaved with each other.

PostgreSQL: a session advisory lock, held on a connection the relay keeps and runs all its transactions
on. If that connection breaks, the lock is gone with it, and so is the relay's next statement: a relay
cannot go on publishing after losing its lock. SQLite: an exclusive lock on a file beside the database,
which holds between processes on one machine, the only place an SQLite file is shared.
"""

from __future__ import annotations

import fcntl
import os
from pathlib import Path
from typing import IO, Protocol

from sqlalchemy import text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, AsyncSession

from gateway.events.errors import RelayLockError

# The two-key form of advisory locks, which PostgreSQL keeps apart from the 64-bit keys writers take.
RELAY_LOCK_KEYS = {"namespace": 0x1E7E, "lock": 1}
_TRY_LOCK = text("SELECT pg_try_advisory_lock(:namespace, :lock)")
_UNLOCK = text("SELECT pg_advisory_unlock(:namespace, :lock)")


class RelayLock(Protocol):
    async def try_acquire(self) -> bool:
        """Take the lock if no other relay holds it; False if one does."""

    def session(self) -> AsyncSession:
        """A session for the relay's work while it holds the lock."""

    async def release(self) -> None:
        """Give the lock up (also after its connection broke)."""


def relay_lock(engine: AsyncEngine) -> RelayLock:
    if engine.url.get_backend_name() == "postgresql":
        return AdvisoryRelayLock(engine)
    database = engine.url.database
    in_memory = not database or database == ":memory:"
    return FileRelayLock(engine, None if in_memory else Path(f"{database}-relay.lock"))


class AdvisoryRelayLock:
    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine
        self._connection: AsyncConnection | None = None

    async def try_acquire(self) -> bool:
        if self._connection is not None:
            return True
        connection = await self._open()
        try:
            held = bool((await connection.execute(_TRY_LOCK, RELAY_LOCK_KEYS)).scalar_one())
            await connection.commit()
        except (DBAPIError, OSError) as exc:
            await _discard(connection)
            raise RelayLockError(f"cannot take the relay lock: {type(exc).__name__}") from exc
        if not held:
            await connection.close()
            return False
        self._connection = connection
        return True

    def session(self) -> AsyncSession:
        if self._connection is None:
            raise RuntimeError("the relay lock is not held")
        return AsyncSession(bind=self._connection, expire_on_commit=False)

    async def release(self) -> None:
        connection, self._connection = self._connection, None
        if connection is None:
            return
        try:
            await connection.execute(_UNLOCK, RELAY_LOCK_KEYS)
            await connection.commit()
        except (DBAPIError, OSError):
            # A broken connection has released the lock already; it must not go back into the pool.
            await _discard(connection)
            return
        await connection.close()

    async def _open(self) -> AsyncConnection:
        try:
            return await self._engine.connect()
        except (DBAPIError, OSError) as exc:
            raise RelayLockError(
                f"cannot reach the database for the relay lock: {type(exc).__name__}"
            ) from exc


class FileRelayLock:
    def __init__(self, engine: AsyncEngine, path: Path | None) -> None:
        self._engine = engine
        self._path = path
        self._file: IO[bytes] | None = None
        self._held = False

    async def try_acquire(self) -> bool:
        if self._held:
            return True
        if self._path is not None:
            lock_file = self._path.open("ab")
            try:
                fcntl.flock(lock_file.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                lock_file.close()
                return False
            except OSError as exc:
                lock_file.close()
                raise RelayLockError(f"cannot lock {self._path}: {os.strerror(exc.errno or 0)}") from exc
            self._file = lock_file
        self._held = True
        return True

    def session(self) -> AsyncSession:
        if not self._held:
            raise RuntimeError("the relay lock is not held")
        return AsyncSession(bind=self._engine, expire_on_commit=False)

    async def release(self) -> None:
        lock_file, self._file = self._file, None
        self._held = False
        if lock_file is not None:
            fcntl.flock(lock_file.fileno(), fcntl.LOCK_UN)
            lock_file.close()


async def _discard(connection: AsyncConnection) -> None:
    try:
        await connection.invalidate()
    finally:
        await connection.close()
