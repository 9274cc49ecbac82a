"""The transactional outbox: events written with the domain change, handed to the publisher afterwards."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from gateway.store.models.messages import OutboxEvent


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

    async def unpublished(self, *, limit: int = 100) -> Sequence[OutboxEvent]:
        result = await self._session.execute(
            select(OutboxEvent)
            .where(OutboxEvent.published_at.is_(None))
            .order_by(OutboxEvent.id)
            .limit(limit)
            .with_for_update(skip_locked=True)
        )
        return result.scalars().all()

    async def mark_published(self, event_ids: Sequence[int], *, published_at: datetime) -> None:
        await self._session.execute(
            update(OutboxEvent)
            .where(OutboxEvent.id.in_(event_ids))
            .values(published_at=published_at)
            .execution_options(synchronize_session="fetch")
        )
