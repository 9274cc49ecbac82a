"""The event feed for pulling consumers (`GET /api/v1/events?after=<cursor>`, `iwmo-gateway events tail`).

A page holds the events after a cursor, in the order the relay publishes them, whether or not they have
been published to Kafka: the feed is the way to follow events without a broker. The cursor is the last
outbox id seen (0 to start); a page never passes an event that is still to commit (see
OutboxRepository.horizon), so a consumer that keeps the returned cursor misses nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from gateway.events import envelope
from gateway.store.repositories.outbox import OutboxRepository

MAX_PAGE = 1000


@dataclass(frozen=True)
class FeedPage:
    """Events as consumers receive them from Kafka, and the cursor to ask for the next page with."""

    events: Sequence[dict[str, Any]]
    cursor: int


async def events_after(session: AsyncSession, after: int, *, limit: int = 100) -> FeedPage:
    """At most `limit` (1 to MAX_PAGE) events with a cursor above `after`; an empty page keeps the cursor.

    Runs three statements on `session` (READ COMMITTED, the default); give it a session of its own.
    """
    if not 1 <= limit <= MAX_PAGE:
        raise ValueError(f"a page holds 1 to {MAX_PAGE} events")
    if after < 0:
        raise ValueError("a cursor is 0 or more")
    outbox = OutboxRepository(session)
    rows = await outbox.after(after, through=await outbox.horizon(), limit=limit)
    events = [envelope.published(row.payload, row.id) for row in rows]
    return FeedPage(events=events, cursor=rows[-1].id if rows else after)
