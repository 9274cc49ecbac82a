"""The transactional outbox: events written with the domain change, handed to the publisher afterwards."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any, cast

from sqlalchemy import Select, Table, select, text, update
from sqlalchemy.ext.asyncio import AsyncSession

from gateway.store.bulk import BulkInsert
from gateway.store.models.messages import OutboxEvent

# Advisory locks of transactions writing outbox rows on PostgreSQL (see `announce_writer`): one 64-bit key,
# this namespace in the top 16 bits and a lower bound of the writer's ids in the other 48.
IN_FLIGHT_NAMESPACE = 0x1E7E
IN_FLIGHT_BOUND_BITS = 48
_ANNOUNCED = "gateway.outbox.announced"
NewOutboxRow = tuple[str, str, dict[str, Any]]
"""An event to add: its key, its type and its envelope."""
# Most messages add events, so built once, against the table: an ORM-enabled insert costs far more.
_ADD_ALL = BulkInsert(cast(Table, OutboxEvent.__table__))
# The next id the sequence hands out: last_value once it has handed one out, else last_value itself.
_ANNOUNCE = text(
    "SELECT pg_advisory_xact_lock_shared(:namespace + last_value + is_called::int) FROM outbox_event_id_seq"
)
_HANDED_OUT = text("SELECT last_value, is_called FROM outbox_event_id_seq")
# pg_locks shows a 64-bit advisory key as classid (high 32 bits) and objid (low 32 bits), objsubid 1.
_LOWEST_IN_FLIGHT = text(
    "SELECT min(((l.classid::bigint & 65535) << 32) | l.objid::bigint) "
    "FROM pg_locks AS l JOIN pg_database AS d ON d.oid = l.database "
    "WHERE l.locktype = 'advisory' AND l.objsubid = 1 AND l.granted "
    "AND d.datname = current_database() AND (l.classid::bigint >> 16) = :namespace"
)


class OutboxRepository:
    """Events in insertion order. A publisher takes a batch, publishes it, and marks it in one transaction.

    `unpublished` locks the rows it returns and skips rows another publisher holds (on PostgreSQL), so
    several publishers never hand out the same event twice while each is in its transaction.
    """

    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def add(
        self, aggregate_key: str, event_type: str, payload: dict[str, Any], *, created_at: datetime
    ) -> OutboxEvent:
        event = OutboxEvent(
            aggregate_key=aggregate_key, event_type=event_type, payload=payload, created_at=created_at
        )
        self._session.add(event)
        await self._session.flush()
        return event

    async def add_all(self, rows: Sequence[NewOutboxRow], *, created_at: datetime) -> None:
        """Add events in their order, in one statement; their ids are not read back (none is needed)."""
        await _ADD_ALL.run(
            self._session,
            [
                {
                    "aggregate_key": key,
                    "event_type": event_type,
                    "payload": payload,
                    "created_at": created_at,
                    "published_at": None,
                }
                for key, event_type, payload in rows
            ],
        )

    async def unpublished(self, *, limit: int = 100) -> Sequence[OutboxEvent]:
        result = await self._session.execute(
            select(OutboxEvent)
            .where(OutboxEvent.published_at.is_(None))
            .order_by(OutboxEvent.id)
            .limit(limit)
            .with_for_update(skip_locked=True)
        )
        return result.scalars().all()

    async def announce_writer(self) -> None:
        """Tell readers, on PostgreSQL, which ids this transaction may still commit; once per transaction.

        Ids are taken from a sequence at insert but become visible at commit, and transactions commit in any
        order: a reader paging by id could pass id 7 while the transaction holding id 6 is still open, and
        never see 6; a relay could publish a client's later event before its earlier one. So before its
        first insert a writer takes a shared advisory lock, held until commit or rollback, whose key holds
        the next value of the sequence, a lower bound of every id the writer will take; `horizon` reads them.
        Writers never wait for each other. SQLite has one writer at a time, committing in id order, so
        there nothing is needed.
        """
        if self._session.get_bind().dialect.name != "postgresql":
            return
        current = self._session.sync_session.get_transaction()
        if current is not None and self._session.info.get(_ANNOUNCED) is current:
            return
        await self._session.execute(_ANNOUNCE, {"namespace": IN_FLIGHT_NAMESPACE << IN_FLIGHT_BOUND_BITS})
        self._session.info[_ANNOUNCED] = self._session.sync_session.get_transaction()

    async def horizon(self) -> int | None:
        """The highest id at and below which the outbox is final: committed, or never to be. None: no limit.

        On PostgreSQL, three statements in this order, each with its own snapshot (READ COMMITTED): the
        ids handed out, then the lowest bound of writers in flight, then the caller's read up to the result.
        An id handed out before the first was read belongs to a writer that announced before it, so one
        still open shows in the second; a writer that has closed is visible to the third, because
        PostgreSQL makes a commit visible before it releases the locks.
        """
        if self._session.get_bind().dialect.name != "postgresql":
            return None
        last_value, is_called = (await self._session.execute(_HANDED_OUT)).one()
        handed_out: int = last_value if is_called else last_value - 1
        lowest: int | None = (
            await self._session.execute(_LOWEST_IN_FLIGHT, {"namespace": IN_FLIGHT_NAMESPACE})
        ).scalar()
        return handed_out if lowest is None else min(handed_out, lowest - 1)

    async def pending(self, *, through: int | None, limit: int) -> Sequence[OutboxEvent]:
        """Unpublished events up to `through` (a horizon), in id order, unlocked: for the single relay."""
        query = select(OutboxEvent).where(OutboxEvent.published_at.is_(None))
        return await self._up_to(query, through, limit)

    async def after(self, cursor: int, *, through: int | None, limit: int) -> Sequence[OutboxEvent]:
        """Events with an id above `cursor` up to `through` (a horizon), published or not, in id order."""
        return await self._up_to(select(OutboxEvent).where(OutboxEvent.id > cursor), through, limit)

    async def _up_to(
        self, query: Select[OutboxEvent], through: int | None, limit: int
    ) -> Sequence[OutboxEvent]:
        if through is not None:
            query = query.where(OutboxEvent.id <= through)
        result = await self._session.execute(query.order_by(OutboxEvent.id).limit(limit))
        return result.scalars().all()

    async def mark_published(self, event_ids: Sequence[int], *, published_at: datetime) -> None:
        await self._session.execute(
            update(OutboxEvent)
            .where(OutboxEvent.id.in_(event_ids))
            .values(published_at=published_at)
            .execution_options(synchronize_session="fetch")
        )
