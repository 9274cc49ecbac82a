"""How a transaction on SQLite takes the one write lock: in turn in the process, by asking across processes.

Every transaction begins with BEGIN IMMEDIATE (see `engine`). SQLite's own waiting for a held lock sleeps
in steps that grow to 100 ms, in which other writers keep taking it: under steady load a waiter lost
many turns in a row (events waited up to a second for the relay to mark them published, in
bench.events, and 5 s ran out for eight concurrent senders in bench.ingest), and every failed attempt
costs a round trip to the driver's thread. So the transactions of one process queue for the lock in
order (an asyncio lock, first come first served), and only the one at the head asks SQLite for it,
again every `RETRY_SECONDS` while another process holds it, up to the busy timeout.

The turn is given up when the transaction commits or rolls back, or when its connection goes back to
the pool unfinished. A transaction begun with the execution option `READ_ONLY` takes no turn: it begins
deferred and reads a snapshot, which WAL lets it do beside the writer.
"""

from __future__ import annotations

import asyncio
import time
import weakref
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import OperationalError
from sqlalchemy.pool import ConnectionPoolEntry
from sqlalchemy.util import await_only

BUSY_TIMEOUT_MS = 30_000
"""How long a transaction waits for the write lock, its turn included."""
POLL_MS = 10
"""How long SQLite itself waits for a lock before a statement gives up (its first steps are short)."""
RETRY_SECONDS = 0.0005
"""The pause before asking SQLite again for a lock another process holds."""

_HOLDS_TURN = "gateway.sqlite.turn"
READ_ONLY = "gateway_read_only"
"""The execution option of a connection whose transaction only reads."""


class WriteTurns:
    """The queue of one engine's transactions for the write lock, one per event loop that uses the engine."""

    def __init__(self) -> None:
        self._turns: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, asyncio.Lock] = (
            weakref.WeakKeyDictionary()
        )

    def install(self, engine: Engine) -> None:
        event.listen(engine, "connect", _prepare_connection)
        event.listen(engine, "begin", self._begin)
        event.listen(engine, "commit", _give_up_turn)
        event.listen(engine, "rollback", _give_up_turn)
        event.listen(engine.pool, "checkin", _give_up_turn_on_checkin)

    def _turn(self) -> asyncio.Lock:
        loop = asyncio.get_running_loop()
        turn = self._turns.get(loop)
        if turn is None:
            turn = self._turns[loop] = asyncio.Lock()
        return turn

    def _begin(self, connection: Connection) -> None:
        if connection.get_execution_options().get(READ_ONLY):
            connection.exec_driver_sql("BEGIN")
            return
        deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
        turn = self._turn()
        try:
            await_only(asyncio.wait_for(turn.acquire(), BUSY_TIMEOUT_MS / 1000))
        except TimeoutError:
            raise OperationalError("BEGIN IMMEDIATE", None, TimeoutError("database is locked")) from None
        connection.info[_HOLDS_TURN] = turn
        try:
            _begin_immediate(connection, deadline)
        except BaseException:
            _give_up_turn(connection)
            raise


def _prepare_connection(dbapi_connection: Any, _record: Any) -> None:
    # The driver's own implicit BEGIN is switched off; `WriteTurns._begin` issues ours.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA foreign_keys = ON")
        # Every later statement runs in a transaction that holds the write lock, so only BEGIN waits.
        cursor.execute(f"PRAGMA busy_timeout = {POLL_MS}")
    finally:
        cursor.close()


def _begin_immediate(connection: Connection, deadline: float) -> None:
    while True:
        try:
            connection.exec_driver_sql("BEGIN IMMEDIATE")
            return
        except OperationalError as exc:
            if "locked" not in str(exc.orig) or time.monotonic() >= deadline:
                raise
        await_only(asyncio.sleep(RETRY_SECONDS))


def _give_up_turn(connection: Connection) -> None:
    turn: asyncio.Lock | None = connection.info.pop(_HOLDS_TURN, None)
    if turn is not None:
        turn.release()


def _give_up_turn_on_checkin(_dbapi_connection: Any, entry: ConnectionPoolEntry) -> None:
    turn: asyncio.Lock | None = entry.info.pop(_HOLDS_TURN, None)
    if turn is not None:
        turn.release()
