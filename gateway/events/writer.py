"""The writer other layers call: an event checked against the catalogue, enveloped, keyed, and added to the
outbox in the caller's transaction.

Nothing here commits or talks to a broker. The event becomes publishable when the caller's unit of work
commits, and disappears with it when it rolls back; so an event is published if and only if the change it
reports was stored.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from uuid import UUID, uuid4

from sqlalchemy.ext.asyncio import AsyncSession

from gateway.events import envelope
from gateway.events.catalogue import CATALOGUE, EventType
from gateway.events.errors import CatalogueError
from gateway.events.keys import KeyedReferences
from gateway.events.settings import EventSettings
from gateway.store.repositories.outbox import OutboxRepository

# Kafka's default largest record is 1 MB; an event that could never be published must not be recorded,
# or it would hold up every event after it.
MAX_EVENT_BYTES = 512 * 1024


@dataclass(frozen=True)
class RecordedEvent:
    """What was added to the outbox: the event's id, its key and the whole envelope as stored."""

    event_id: UUID
    key: str
    envelope: Mapping[str, Any]


class EventWriter:
    """Records catalogue events; built once (in the service's lifespan) and handed to whoever records."""

    def __init__(self, *, references: KeyedReferences, source: str) -> None:
        self._references = references
        self._source = source

    @classmethod
    def from_settings(cls, settings: EventSettings) -> EventWriter:
        return cls(references=KeyedReferences(settings.secret()), source=settings.source())

    async def record(
        self,
        target: AsyncSession | OutboxRepository,
        event_type: EventType,
        *,
        data: Mapping[str, object],
        now: datetime,
        client_bsn: str | None = None,
    ) -> RecordedEvent:
        """Add one event to the outbox of `target`'s transaction; `now` becomes the event's `time`.

        `data` holds the fields of the type's catalogue entry by their JSON names, with Python values
        (`date`, `int`, `str`); `client_bsn` is required for events about a client and refused otherwise.
        Raises CatalogueError when the data does not fit; the transaction is then the caller's to roll back.
        """
        entry = CATALOGUE[event_type]
        client_ref = None if client_bsn is None else self._references.client(client_bsn)
        parsed = entry.parse(data, client_ref=client_ref)
        party = parsed.ordering_party()
        key = client_ref if party is None else self._references.party(party)
        if key is None:
            raise CatalogueError(f"{event_type}: the data names no party to order by")
        event_id = uuid4()
        built = envelope.build(entry, event_id=event_id, source=self._source, time=now, key=key, data=parsed)
        _check_publishable(event_type, built, client_bsn)
        outbox = target if isinstance(target, OutboxRepository) else OutboxRepository(target)
        await outbox.announce_writer()
        # Not flushed one by one: the events of a transaction go into the outbox in one statement.
        outbox.stage(key, str(event_type), built, created_at=now)
        return RecordedEvent(event_id=event_id, key=key, envelope=built)


def _check_publishable(event_type: EventType, built: Mapping[str, Any], client_bsn: str | None) -> None:
    text = json.dumps(built, separators=(",", ":"))
    if len(text.encode("utf-8")) > MAX_EVENT_BYTES:
        raise CatalogueError(f"{event_type}: the event is larger than {MAX_EVENT_BYTES} bytes")
    # The catalogue never carries a BSN; one that slipped into a field of the data (a reference is free
    # text) is refused here. Only the data: the envelope's source holds the OIN, which may hold any digits.
    if client_bsn is not None and client_bsn in json.dumps(built["data"]):
        raise CatalogueError(f"{event_type}: the client's BSN appears in the event")
