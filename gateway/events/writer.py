"""The writer other layers call: an event checked against the catalogue, enveloped, keyed, and added to the
outbox in the caller's transaction.

Nothing here commits or talks to a broker. The event becomes publishable when the caller's unit of work
commits, and disappears with it when it rolls back; so an event is published if and only if the change it
reports was stored.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from uuid import UUID, uuid4

from sqlalchemy import text
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


# Transaction-level advisory locks that keep a key's events in commit order on PostgreSQL (see
# `_hold_keys`): the two-integer form, this namespace and a hash of the key. pg_locks shows them with
# objsubid 2, so the outbox's in-flight locks (one 64-bit key, objsubid 1) never meet them. All keys of
# a call are locked by one statement, in the order of their hashes.
KEY_LOCK_NAMESPACE = 0x1E7F
_HOLD_KEYS = text(
    "SELECT pg_advisory_xact_lock(:namespace, held.hash) FROM "
    "(SELECT DISTINCT hashtext(key) AS hash FROM unnest(CAST(:keys AS text[])) AS key ORDER BY hash) AS held"
)


@dataclass(frozen=True)
class NewEvent:
    """An event to record: its type, its data by JSON names with Python values, and the client it is about."""

    event_type: EventType
    data: Mapping[str, object]
    client_bsn: str | None = None


@dataclass(frozen=True)
class RecordedEvent:
    """What was added to the outbox: the event's id, its key and the whole envelope as stored."""

    event_id: UUID
    key: str
    envelope: Mapping[str, Any]


class EventWriter:
    """Records catalogue events; built once (in the service's lifespan) and handed to whoever records."""

    def __init__(
        self,
        *,
        references: KeyedReferences | None = None,
        source: str,
        secret: Callable[[], Awaitable[bytes]] | None = None,
    ) -> None:
        """`references` under a known secret, or `secret` to fetch it when the first event is recorded."""
        if (references is None) == (secret is None):
            raise ValueError("give the references or the way to their secret, not both")
        self._references = references
        self._secret = secret
        self._source = source

    @classmethod
    def from_settings(cls, settings: EventSettings) -> EventWriter:
        return cls(references=KeyedReferences(settings.secret()), source=settings.source())

    async def record(
        self,
        session: AsyncSession,
        event_type: EventType,
        *,
        data: Mapping[str, object],
        now: datetime,
        client_bsn: str | None = None,
    ) -> RecordedEvent:
        """Add one event to the outbox of `session`'s transaction; `now` becomes the event's `time`.

        `data` holds the fields of the type's catalogue entry by their JSON names, with Python values
        (`date`, `int`, `str`); `client_bsn` is required for events about a client and refused otherwise.
        Raises CatalogueError when the data does not fit; the transaction is then the caller's to roll back.
        """
        [recorded] = await self.record_all(session, [NewEvent(event_type, data, client_bsn)], now=now)
        return recorded

    async def record_all(
        self, session: AsyncSession, events: Sequence[NewEvent], *, now: datetime
    ) -> list[RecordedEvent]:
        """Add `events` to the outbox of `session`'s transaction, in their order, as `record` adds one.

        All are checked before any is added: one that does not fit raises CatalogueError and adds none.
        """
        references = self._references or await self._fetch_references()
        recorded = [self._build(references, event, now) for event in events]
        if not recorded:
            return []
        await _hold_keys(session, {event.key for event in recorded})
        outbox = OutboxRepository(session)
        await outbox.announce_writer()
        rows = [
            (built.key, str(event.event_type), dict(built.envelope))
            for event, built in zip(events, recorded, strict=True)
        ]
        await outbox.add_all(rows, created_at=now)
        return recorded

    async def _fetch_references(self) -> KeyedReferences:
        assert self._secret is not None, "a writer has references or a way to their secret"
        self._references = KeyedReferences(await self._secret())
        return self._references

    def _build(self, references: KeyedReferences, event: NewEvent, now: datetime) -> RecordedEvent:
        entry = CATALOGUE[event.event_type]
        client_bsn = event.client_bsn
        client_ref = None if client_bsn is None else references.client(client_bsn)
        parsed = entry.parse(event.data, client_ref=client_ref)
        party = parsed.ordering_party()
        key = client_ref if party is None else references.party(party)
        if key is None:
            raise CatalogueError(f"{event.event_type}: the data names no party to order by")
        event_id = uuid4()
        built = envelope.build(entry, event_id=event_id, source=self._source, time=now, key=key, data=parsed)
        _check_publishable(event.event_type, built, client_bsn)
        return RecordedEvent(event_id=event_id, key=key, envelope=built)


async def _hold_keys(session: AsyncSession, keys: Collection[str]) -> None:
    """On PostgreSQL, make transactions with events of the same key take their outbox ids one after the other.

    Two transactions recording for one client could take their ids in one order and commit in the other,
    and the client's events would then be published against the order of the changes. Holding a lock per
    key until commit, taken before any id, makes the later committer take the later ids. Taken in the order
    of the locks' own numbers, so writers never deadlock on them. SQLite has one writer at a time, so its
    ids follow commits already.
    """
    if session.get_bind().dialect.name != "postgresql":
        return
    await session.execute(_HOLD_KEYS, {"namespace": KEY_LOCK_NAMESPACE, "keys": list(keys)})


def _check_publishable(event_type: EventType, built: Mapping[str, Any], client_bsn: str | None) -> None:
    text = json.dumps(built, separators=(",", ":"))
    if len(text.encode("utf-8")) > MAX_EVENT_BYTES:
        raise CatalogueError(f"{event_type}: the event is larger than {MAX_EVENT_BYTES} bytes")
    # The catalogue never carries a BSN; one that slipped into a field of the data (a reference is free
    # text) is refused here. Only the data: the envelope's source holds the OIN, which may hold any digits.
    # What is not in the whole text is not in the data, so the data is written out again only when it is.
    if client_bsn is not None and client_bsn in text and client_bsn in json.dumps(built["data"]):
        raise CatalogueError(f"{event_type}: the client's BSN appears in the event")
