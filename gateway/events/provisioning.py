"""The writer a running gateway records with, from its settings or, without them, from its database.

The embedded default needs no configuration: without IWMO_EVENTS_KEY_SECRET the gateway generates a
secret on first start and keeps it in its database, so every process on that database keys clients alike
and a client keeps its key across restarts. Without IWMO_EVENTS_OIN the events name the system only;
publishing them to Kafka, where other systems read them, needs the OIN and is refused at start without it.
"""

from __future__ import annotations

import secrets
from datetime import datetime

from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from gateway.events.keys import MIN_SECRET_BYTES, KeyedReferences
from gateway.events.settings import EventSettings
from gateway.events.writer import EventWriter
from gateway.store.repositories.event_keys import EventKeyRepository
from gateway.store.unit_of_work import UnitOfWork


def check_settings(events: EventSettings, *, publishing: bool) -> None:
    """Refuse, before anything starts, settings events cannot be published under (EventConfigurationError)."""
    if publishing:
        events.check_publishable()
    if events.key_secret is not None:
        KeyedReferences(events.secret())


async def provide_writer(
    events: EventSettings, sessionmaker: async_sessionmaker[AsyncSession], *, now: datetime
) -> EventWriter:
    """The writer under the configured secret, else under the database's own (generated when absent).

    A database that cannot be reached at start (a PostgreSQL server still coming up) does not stop the
    service: the stored secret is then fetched, in a transaction of its own, when the first event is.
    """
    if events.key_secret is not None:
        return EventWriter(references=KeyedReferences(events.secret()), source=events.source())

    async def stored_secret() -> bytes:
        async with UnitOfWork(sessionmaker) as uow:
            return await EventKeyRepository(uow.session).ensure(
                secrets.token_bytes(MIN_SECRET_BYTES), now=now
            )

    try:
        secret = await stored_secret()
    except (SQLAlchemyError, OSError):
        return EventWriter(source=events.source(), secret=stored_secret)
    return EventWriter(references=KeyedReferences(secret), source=events.source())
