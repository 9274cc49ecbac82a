"""The outbox backlog: how many events wait to be published, for monitoring."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from gateway.store.models import OutboxEvent


async def outbox_backlog(session: AsyncSession) -> int:
    """The number of unpublished events (counted on the partial index of unpublished rows)."""
    count = await session.scalar(select(func.count()).where(OutboxEvent.published_at.is_(None)))
    return int(count or 0)
