"""Stored records and deliveries as the `gateway.cak` values they hold, and the gemeente's counters.

A record's `aanleveringen` are the deliveries sent (in feed order); a delivery not yet sent is the
`pending` one, kept apart so that it can be superseded while the truth still changes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import BigInteger, bindparam, func, select, update
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession

from gateway.cak import (
    Aanlevering,
    Bron,
    BronPeriode,
    BronSoort,
    EbPeriode,
    EbRecord,
    Inhoud,
    Kostprijs,
    StatusAanlevering,
    Uitkomst,
)
from gateway.store.known.batches import batches
from gateway.store.models import EbAanleveringRow, EbBronRow, EbRecordRow, EbTeller


@dataclass(frozen=True, slots=True)
class Stored:
    """One stored record: its row, the record it holds, and its delivery not yet sent, if any."""

    row: EbRecordRow
    record: EbRecord
    pending: EbAanleveringRow | None


# Run at every refresh of a client's eigen bijdrage, so built once: building one costs as much as running it.
_LOCK_COUNTERS = (
    select(EbTeller.gemeente_id).where(EbTeller.gemeente_id == bindparam("gemeente_id")).with_for_update()
)
_LOCK_CLIENT = select(func.pg_advisory_xact_lock(bindparam("key", type_=BigInteger)))
_ANEW = {"populate_existing": True}
_RECORD_IDS = bindparam("ids", type_=BigInteger, expanding=True)
_BRONNEN = select(EbBronRow).where(EbBronRow.record_id.in_(_RECORD_IDS)).order_by(EbBronRow.id)
_DELIVERIES = (
    select(EbAanleveringRow)
    .where(EbAanleveringRow.record_id.in_(_RECORD_IDS), EbAanleveringRow.vervallen.is_(False))
    .order_by(EbAanleveringRow.volgnummer)
)


CLIENT_LOCK_NAMESPACE = 0x1EB0
"""The top 16 bits of the 64-bit advisory lock a refresh holds on its client (PostgreSQL)."""
CLIENT_LOCK_BITS = 48


async def lock_client(session: AsyncSession, client_id: int) -> None:
    """Hold, until the transaction ends, the client's turn to refresh its eigen bijdrage.

    On PostgreSQL a transaction-scoped advisory lock; SQLite has one writer at a time already.
    """
    if session.get_bind().dialect.name == "postgresql":
        await session.execute(_LOCK_CLIENT, {"key": (CLIENT_LOCK_NAMESPACE << CLIENT_LOCK_BITS) + client_id})


async def lock_counters(session: AsyncSession, gemeente_id: int) -> None:
    """Hold the gemeente's counter row until the transaction ends (made on first use).

    Whoever queues, supersedes or sends a delivery of the gemeente holds it first, so deliveries get
    their numbers in commit order and nobody sends what another is superseding. The row is locked
    straight away when it exists (one statement), made first only when it does not.
    """
    gemeente = {"gemeente_id": gemeente_id}
    if await session.scalar(_LOCK_COUNTERS, gemeente) is not None:
        return
    dialect = session.get_bind().dialect.name
    insert = postgresql_insert if dialect == "postgresql" else sqlite_insert
    await session.execute(
        insert(EbTeller)
        .values(gemeente_id=gemeente_id, last_eb_start_nummer=0, last_volgnummer=0)
        .on_conflict_do_nothing(index_elements=["gemeente_id"])
    )
    await session.execute(_LOCK_COUNTERS, gemeente)


async def take_numbers(session: AsyncSession, gemeente_id: int, count: int) -> list[int]:
    """`count` EbStartNummers never handed out before by this gemeente (its counters locked first)."""
    result = await session.execute(
        update(EbTeller)
        .where(EbTeller.gemeente_id == gemeente_id)
        .values(last_eb_start_nummer=EbTeller.last_eb_start_nummer + count)
        .returning(EbTeller.last_eb_start_nummer)
        .execution_options(synchronize_session=False)
    )
    last = result.scalar_one()
    return list(range(last - count + 1, last + 1))


async def next_volgnummer(session: AsyncSession, gemeente_id: int) -> int:
    result = await session.execute(
        update(EbTeller)
        .where(EbTeller.gemeente_id == gemeente_id)
        .values(last_volgnummer=EbTeller.last_volgnummer + 1)
        .returning(EbTeller.last_volgnummer)
        .execution_options(synchronize_session=False)
    )
    return int(result.scalar_one())


async def stored_records(
    session: AsyncSession, bsn: str, *, client_id: int | None = None, record_id: int | None = None
) -> list[Stored]:
    """The client's records (or the one record), by EbStartNummer, as the database holds them now.

    Rows this session read before are read anew (a delivery may have been sent since).
    """
    query = select(EbRecordRow).order_by(EbRecordRow.eb_start_nummer)
    if client_id is not None:
        query = query.where(EbRecordRow.client_id == client_id)
    if record_id is not None:
        query = query.where(EbRecordRow.id == record_id)
    rows = list((await session.scalars(query, execution_options=_ANEW)).all())
    ids = [row.id for row in rows]
    bronnen: dict[int, list[EbBronRow]] = {}
    deliveries: dict[int, list[EbAanleveringRow]] = {}
    for batch in batches(ids):
        for bron in await session.scalars(_BRONNEN, {"ids": batch}, execution_options=_ANEW):
            bronnen.setdefault(bron.record_id, []).append(bron)
        for delivery in await session.scalars(_DELIVERIES, {"ids": batch}, execution_options=_ANEW):
            deliveries.setdefault(delivery.record_id, []).append(delivery)
    return [_stored(row, bsn, bronnen.get(row.id, []), deliveries.get(row.id, [])) for row in rows]


def _stored(
    row: EbRecordRow, bsn: str, bronnen: Sequence[EbBronRow], deliveries: Sequence[EbAanleveringRow]
) -> Stored:
    sent = tuple(aanlevering_of(d) for d in deliveries if d.bericht is not None)
    pending = next((d for d in deliveries if d.bericht is None), None)
    return Stored(row, EbRecord(row.eb_start_nummer, bsn, periode_of(row, bronnen), sent), pending)


def periode_of(row: EbRecordRow, bronnen: Sequence[EbBronRow]) -> EbPeriode | None:
    if row.startdatum is None:
        return None
    bron = None
    if row.kostprijs_bron_soort is not None and row.kostprijs_bron_sleutel is not None:
        bron = Bron(BronSoort(row.kostprijs_bron_soort), row.kostprijs_bron_sleutel)
    return EbPeriode(
        startdatum=row.startdatum,
        stopdatum=row.stopdatum,
        kostprijs=_kostprijs(row.kostprijs_bedrag, row.kostprijs_startdatum),
        kostprijs_bron=bron,
        bronnen=tuple(
            BronPeriode(Bron(BronSoort(b.soort), b.sleutel), b.begindatum, b.einddatum, b.kostprijs)
            for b in bronnen
        ),
    )


def inhoud_of(row: EbAanleveringRow) -> Inhoud:
    return Inhoud(row.startdatum, row.stopdatum, _kostprijs(row.kostprijs_bedrag, row.kostprijs_startdatum))


def aanlevering_of(row: EbAanleveringRow) -> Aanlevering:
    uitkomst = None
    if row.geaccepteerd is not None and row.identificatie_retour and row.dagtekening_retour:
        uitkomst = Uitkomst(
            row.geaccepteerd, tuple(row.retourcodes or ()), row.identificatie_retour, row.dagtekening_retour
        )
    return Aanlevering(
        status=StatusAanlevering(row.status),
        inhoud=inhoud_of(row),
        uiterlijk=row.uiterlijk,
        bericht=row.bericht,
        dagtekening=row.dagtekening,
        uitkomst=uitkomst,
    )


def write_periode(row: EbRecordRow, periode: EbPeriode | None) -> list[dict[str, Any]]:
    """Set the row's period; the provision rows it now comes from (to replace the old ones), to insert
    in one statement."""
    kostprijs = None if periode is None else periode.kostprijs
    bron = None if periode is None else periode.kostprijs_bron
    row.startdatum = None if periode is None else periode.startdatum
    row.stopdatum = None if periode is None else periode.stopdatum
    row.kostprijs_bedrag = None if kostprijs is None else kostprijs.bedrag
    row.kostprijs_startdatum = None if kostprijs is None else kostprijs.startdatum
    row.kostprijs_bron_soort = None if bron is None else bron.soort.value
    row.kostprijs_bron_sleutel = None if bron is None else bron.sleutel
    if periode is None:
        return []
    return [
        {
            "record_id": row.id,
            "soort": lid.bron.soort.value,
            "sleutel": lid.bron.sleutel,
            "begindatum": lid.begindatum,
            "einddatum": lid.einddatum,
            "kostprijs": lid.kostprijs,
        }
        for lid in periode.bronnen
    ]


def pending_row(
    gemeente_id: int, record_id: int, volgnummer: int, aanlevering: Aanlevering
) -> EbAanleveringRow:
    inhoud = aanlevering.inhoud
    return EbAanleveringRow(
        gemeente_id=gemeente_id,
        record_id=record_id,
        volgnummer=volgnummer,
        status=aanlevering.status.value,
        startdatum=inhoud.startdatum,
        stopdatum=inhoud.stopdatum,
        kostprijs_bedrag=None if inhoud.kostprijs is None else inhoud.kostprijs.bedrag,
        kostprijs_startdatum=None if inhoud.kostprijs is None else inhoud.kostprijs.startdatum,
        uiterlijk=aanlevering.uiterlijk,
        vervallen=False,
    )


def _kostprijs(bedrag: int | None, startdatum: date | None) -> Kostprijs | None:
    return None if bedrag is None or startdatum is None else Kostprijs(bedrag, startdatum)
