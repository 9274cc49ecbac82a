"""A gemeente's clients, found by BSN once, then named by their id, which carries no personal data."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from gateway.store.known.clients import find_client_id
from gateway.store.models import Client


async def client_by_bsn(session: AsyncSession, gemeente_id: int, bsn: str) -> int | None:
    """The id of the gemeente's client with this BSN; None when the gemeente does not know one."""
    return await find_client_id(session, gemeente_id, bsn)


async def is_client_of(session: AsyncSession, gemeente_id: int, client_id: int) -> bool:
    """Whether `client_id` is a client of this gemeente (another gemeente's client is not)."""
    found = await session.scalar(
        select(Client.id).where(Client.id == client_id, Client.gemeente_id == gemeente_id)
    )
    return found is not None
