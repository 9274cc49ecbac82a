"""Reading the CAK feed: deliveries in feed order, the next WMO405 to send, and what is overdue.

The cursor is a delivery's `volgnummer`, handed out under the gemeente's counter lock and so
committed in increasing order: a reader passing the last number it saw never skips a delivery.
A WMO405 is rendered once, when first fetched, and stored; fetching it again gives the same bytes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from gateway.cak import Afzender, BronPeriode, EbRecord, Inhoud, over_inhoud, overdue, render_wmo405
from gateway.cak.wmo405 import CODE
from gateway.store.eigenbijdrage.rows import Stored, aanlevering_of, inhoud_of, lock_counters, stored_records
from gateway.store.models import Client, EbAanleveringRow, EbRecordRow
from gateway.store.models.messages import ACCEPTED, GENERATED
from gateway.store.models.parties import CAK, Party
from gateway.store.repositories.messages import MessageRepository

IDENTIFICATIE_PREFIX = "EB"


@dataclass(frozen=True, slots=True)
class FeedItem:
    """One delivery with its record: what it says, when it is due, where it is, what it came from.

    `geweigerd`: the CAK refused it for its content (`gateway.cak.over_inhoud`), so it is not sent again
    unchanged; the record waits until its period changes or someone decides.
    """

    volgnummer: int
    eb_start_nummer: int
    bsn: str
    status: str
    inhoud: Inhoud
    uiterlijk: date
    vervallen: bool
    bericht: str | None
    dagtekening: date | None
    geaccepteerd: bool | None
    retourcodes: tuple[str, ...]
    bronnen: tuple[BronPeriode, ...]
    achterstallig: bool
    geweigerd: bool


@dataclass(frozen=True, slots=True)
class Wmo405Fetch:
    """A WMO405 handed out: the delivery's feed number, the stored message and its bytes."""

    volgnummer: int
    message_id: int
    content: bytes


async def feed_page(
    session: AsyncSession, gemeente_id: int, *, after: int, limit: int, today: date
) -> list[FeedItem]:
    """The gemeente's deliveries with a `volgnummer` above `after`, in order."""
    result = await session.execute(
        select(EbAanleveringRow, EbRecordRow, Client.bsn)
        .join(EbRecordRow, EbRecordRow.id == EbAanleveringRow.record_id)
        .join(Client, Client.id == EbRecordRow.client_id)
        .where(EbAanleveringRow.gemeente_id == gemeente_id, EbAanleveringRow.volgnummer > after)
        .order_by(EbAanleveringRow.volgnummer)
        .limit(limit)
    )
    records: dict[int, Stored] = {}
    items = []
    for row, record_row, bsn in result.all():
        if record_row.id not in records:
            [records[record_row.id]] = await stored_records(session, bsn, record_id=record_row.id)
        periode = records[record_row.id].record.periode
        items.append(
            FeedItem(
                volgnummer=row.volgnummer,
                eb_start_nummer=record_row.eb_start_nummer,
                bsn=bsn,
                status=row.status,
                inhoud=inhoud_of(row),
                uiterlijk=row.uiterlijk,
                vervallen=row.vervallen,
                bericht=row.bericht,
                dagtekening=row.dagtekening,
                geaccepteerd=row.geaccepteerd,
                retourcodes=tuple(row.retourcodes or ()),
                bronnen=() if periode is None else periode.bronnen,
                achterstallig=_late(row, today),
                geweigerd=row.geaccepteerd is False and over_inhoud(row.retourcodes or ()),
            )
        )
    return items


async def fetch_wmo405(
    session: AsyncSession, gemeente: Party, *, after: int, afzender: Afzender, now: datetime, today: date
) -> Wmo405Fetch | None:
    """The WMO405 of the first delivery after `after` that is not superseded; None when there is none.

    One not sent yet is rendered, stored as a message of the gemeente to the CAK and marked sent
    (`today` its Dagtekening); one sent already is given again as it was sent.
    """
    await lock_counters(session, gemeente.id)
    row = await session.scalar(
        select(EbAanleveringRow)
        .where(
            EbAanleveringRow.gemeente_id == gemeente.id,
            EbAanleveringRow.volgnummer > after,
            EbAanleveringRow.vervallen.is_(False),
        )
        .order_by(EbAanleveringRow.volgnummer)
        .limit(1)
    )
    if row is None:
        return None
    messages = MessageRepository(session)
    if row.message_id is not None:
        sent = await messages.get(row.message_id)
        assert sent is not None, "a sent WMO405 is never deleted"
        return Wmo405Fetch(row.volgnummer, sent.id, sent.content)
    record_row = await session.get(EbRecordRow, row.record_id)
    assert record_row is not None, "a delivery belongs to a record"
    bsn = await session.scalar(select(Client.bsn).where(Client.id == record_row.client_id))
    assert bsn is not None, "a record belongs to a client"
    identificatie = f"{IDENTIFICATIE_PREFIX}{row.id}"
    content = render_wmo405(
        EbRecord(record_row.eb_start_nummer, bsn, None), aanlevering_of(row), afzender, identificatie, today
    )
    cak = await session.scalar(select(Party.id).where(Party.kind == CAK).order_by(Party.id).limit(1))
    message = await messages.add(
        content,
        received_at=now,
        origin=GENERATED,
        message_type=CODE,
        sender_id=gemeente.id,
        receiver_id=cak,
        identificatie=identificatie,
        dagtekening=today,
    )
    await messages.record_outcome(message.id, ACCEPTED, processed_at=now)
    row.message_id, row.bericht, row.dagtekening = message.id, identificatie, today
    await session.flush()
    return Wmo405Fetch(row.volgnummer, message.id, content)


async def overdue_records(session: AsyncSession, gemeente_id: int, today: date) -> list[Stored]:
    """The gemeente's records whose needed delivery has not reached the CAK and is past its due date
    (one the CAK refused for its content included: `EbRecord.geweigerd`)."""
    result = await session.execute(
        select(EbRecordRow.id, Client.bsn)
        .join(Client, Client.id == EbRecordRow.client_id)
        .where(EbRecordRow.gemeente_id == gemeente_id)
        .order_by(EbRecordRow.eb_start_nummer)
    )
    stored = [
        s for record_id, bsn in result.all() for s in await stored_records(session, bsn, record_id=record_id)
    ]
    late = {record.eb_start_nummer for record in overdue([s.record for s in stored], today)}
    return [s for s in stored if s.record.eb_start_nummer in late]


def _late(row: EbAanleveringRow, today: date) -> bool:
    """Not superseded, not answered yet (sent or not), and past its due date."""
    return not row.vervallen and row.geaccepteerd is None and row.uiterlijk < today
