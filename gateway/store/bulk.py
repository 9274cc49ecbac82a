"""Many rows into one table at once: on PostgreSQL one statement, whatever their number.

A claim of 10,000 lines writes 10,000 lines, as many bookings and an event per client. As an
executemany every row is a statement of its own on the server and a round of parameter processing in
SQLAlchemy. On PostgreSQL the rows go instead as one array per column, unnested into a single
INSERT ... SELECT: the server plans once and the driver encodes each array in C. They are inserted in
the order given (the select is ordered by position), so ids taken from a sequence follow that order.
SQLite's driver runs an executemany in C, so there the rows go as one executemany.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import Insert, String, Table, bindparam, cast, func, insert, select
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.types import TypeEngine

_POSITION = "position"
POSTGRESQL = "postgresql"


class BulkInsert:
    """An INSERT into a table of every column but its key (which the database gives), built once, run for
    any number of rows."""

    def __init__(self, table: Table) -> None:
        self._columns = tuple(column.name for column in table.c if not column.primary_key)
        (key,) = table.primary_key.columns
        self._each = insert(table)
        self._unnested = _unnested(table, self._columns)
        self._unnested_keys = self._unnested.returning(key)
        self._highest = select(func.max(key))
        self._above = select(key).where(key > bindparam("highest")).order_by(key)

    async def run(self, session: AsyncSession, rows: Sequence[Mapping[str, Any]]) -> None:
        """Insert `rows` (each with a value for every column), in their order."""
        if not rows:
            return
        if dialect_of(session) == POSTGRESQL:
            await session.execute(self._unnested, self._arrays(rows))
        else:
            await session.execute(self._each, rows)

    async def keys(self, session: AsyncSession, rows: Sequence[Mapping[str, Any]]) -> list[int]:
        """Insert `rows` as `run` does; the keys the database gave them, in the rows' order."""
        if not rows:
            return []
        if dialect_of(session) == POSTGRESQL:
            # The keys come from a sequence in the order the rows go in, so ascending is the rows' order.
            return sorted(key for (key,) in await session.execute(self._unnested_keys, self._arrays(rows)))
        # SQLite has one writer at a time (BEGIN IMMEDIATE), so the keys above the highest one before the
        # insert are these rows', in their order; a RETURNING would split the rows into many statements.
        highest = await session.scalar(self._highest)
        await session.execute(self._each, rows)
        return list(await session.scalars(self._above, {"highest": highest or 0}))

    def _arrays(self, rows: Sequence[Mapping[str, Any]]) -> dict[str, list[Any]]:
        return {column: [row[column] for row in rows] for column in self._columns}


def dialect_of(session: AsyncSession) -> str:
    """The name of the session's dialect, by which a statement built for each dialect is picked."""
    return session.get_bind().dialect.name


def array_of(element: TypeEngine[Any]) -> ARRAY[Any]:
    """A PostgreSQL array of a column's type, texts unbounded: a cast to a bounded text would cut a longer
    value short, where the column itself refuses it."""
    return ARRAY(String() if isinstance(element, String) else element, dimensions=1)


def _unnested(table: Table, columns: tuple[str, ...]) -> Insert:
    arrays = []
    for name in columns:
        array = array_of(table.c[name].type)
        arrays.append(cast(bindparam(name, type_=array), array))
    rows = func.unnest(*arrays).table_valued(*columns, with_ordinality=_POSITION).render_derived()
    ordered = select(*(rows.c[name] for name in columns)).order_by(rows.c[_POSITION])
    return insert(table).from_select(list(columns), ordered)
