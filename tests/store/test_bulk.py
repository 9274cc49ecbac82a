"""Many rows in, many keys out: the same outcome on either database, in a number of statements that does
not grow with the rows on PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import cast

import pytest
from sqlalchemy import Table, select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from gateway.store.bulk import BulkInsert, dialect_of
from gateway.store.known.batches import BATCH, key_batches, key_lookup
from gateway.store.models.messages import OutboxEvent
from tests.store.statements import counting_statements

OUTBOX = cast(Table, OutboxEvent.__table__)
NOW = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)
BY_KEY = key_lookup(
    lambda one_of: select(OUTBOX.c.id, OUTBOX.c.aggregate_key).where(one_of(OUTBOX.c.id, "ids"))
)


def event(key: str) -> dict[str, object]:
    return {
        "aggregate_key": key,
        "event_type": "nl.iwmo.test",
        "payload": {"key": key, "codes": ["8001", "0200"]},
        "created_at": NOW,
        "published_at": None,
    }


async def test_rows_inserted_at_once_get_their_keys_in_the_order_given(
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    names = [f"k{n:04d}" for n in range(1200, 0, -1)]  # not in the keys' order
    async with sessionmaker() as session, session.begin():
        keys = await BulkInsert(OUTBOX).keys(session, [event(name) for name in names])
        rows = await session.execute(select(OUTBOX.c.id, OUTBOX.c.aggregate_key))
        stored: dict[int, str] = dict(rows.all())
        payloads = list((await session.scalars(select(OUTBOX.c.payload).order_by(OUTBOX.c.id))).all())
    assert [stored[key] for key in keys] == names
    assert payloads[0] == {"key": names[0], "codes": ["8001", "0200"]}


async def test_inserting_many_rows_takes_as_many_statements_as_inserting_one(
    engine: AsyncEngine, sessionmaker: async_sessionmaker[AsyncSession]
) -> None:
    counts = []
    for size in (1, 1200):
        with counting_statements(engine) as statements:
            async with sessionmaker() as session, session.begin():
                await BulkInsert(OUTBOX).keys(session, [event(f"k{n}") for n in range(size)])
        counts.append(statements.count)
    assert counts[0] == counts[1]


async def test_a_text_too_long_for_its_column_is_refused_not_cut(
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    async with sessionmaker() as session:
        if dialect_of(session) == "sqlite":
            pytest.skip("SQLite keeps a text of any length in a VARCHAR column")
        with pytest.raises(DBAPIError):
            async with session.begin():
                await BulkInsert(OUTBOX).run(session, [event("k" * 101)])


async def test_many_keys_are_asked_for_in_one_statement_on_postgresql_and_in_batches_on_sqlite(
    engine: AsyncEngine, sessionmaker: async_sessionmaker[AsyncSession]
) -> None:
    wanted = 2 * BATCH + 1
    async with sessionmaker() as session, session.begin():
        keys = await BulkInsert(OUTBOX).keys(session, [event(f"k{n}") for n in range(wanted + 10)])
        asked = keys[:wanted]
        found: dict[int, str] = {}
        with counting_statements(engine) as statements:
            for batch in key_batches(session, reversed(asked)):
                rows = await session.execute(BY_KEY[dialect_of(session)], {"ids": batch})
                found.update((id_, key) for id_, key in rows)
    assert sorted(found) == asked
    assert statements.count == (1 if dialect_of(session) == "postgresql" else 3)
