"""The event key kept in the database: created once, by whichever process starts first, then only read."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession

from gateway.store.models.event_key import THE_EVENT_KEY, EventKey


class EventKeyRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def ensure(self, candidate: bytes, *, now: datetime) -> bytes:
        """The stored secret; `candidate` becomes it when none is stored yet.

        Insert-if-absent, then read: two processes starting at once both insert, one insert wins (the
        other does nothing), and both read the winner's secret. No read-then-insert race.
        """
        dialect = self._session.get_bind().dialect.name
        insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
        await self._session.execute(
            insert(EventKey)
            .values(id=THE_EVENT_KEY, secret=candidate, created_at=now)
            .on_conflict_do_nothing(index_elements=[EventKey.id])
        )
        stored = await self._session.scalar(select(EventKey.secret).where(EventKey.id == THE_EVENT_KEY))
        assert stored is not None, "the row was inserted or was there"
        return stored
