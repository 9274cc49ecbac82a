"""Stored records and deliveries as the `gateway.cak` values they hold, and the gemeente's counters.

A record's `aanleveringen` are the deliveries sent (in feed order); a delivery not yet sent is the
`pending` one, kept apart so that it can be superseded while the truth still changes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, cast

from sqlalchemy import BigInteger, Table, and_, bindparam, delete, func, insert, select, update
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
from gateway.store.known.rows import TableRow
from gateway.store.models import EbAanleveringRow, EbBronRow, EbRecordRow, EbTeller
from gateway.store.upserts import per_dialect


@dataclass(frozen=True, slots=True)
class Stored:
    """One stored record: its row, the record it holds, and its delivery not yet sent, if any.

    `bron_ids` are the ids of the rows of the provisions its period comes from, in the order of
    `record.periode.bronnen` (id order).
    """

    row: EbRecordRow
    record: EbRecord
    pending: EbAanleveringRow | None
    bron_ids: tuple[int, ...]


# Run at every refresh of a client's eigen bijdrage, so built once: building one costs as much as running it.
# A record and its deliveries not superseded are loaded as entities (a refresh changes them); the provisions
# a period comes from are only read, as plain rows, and replaced by statements of their own.
_GEMEENTE = bindparam("gemeente", type_=BigInteger)
"""A gemeente's id (named apart from the column: an insert or update sets that one)."""
_LOCK_COUNTERS = select(EbTeller.gemeente_id).where(EbTeller.gemeente_id == _GEMEENTE).with_for_update()
_COUNTERS = {"gemeente_id": _GEMEENTE, "last_eb_start_nummer": 0, "last_volgnummer": 0}
_MAKE_COUNTERS = per_dialect(
    lambda insert: insert(EbTeller).values(_COUNTERS).on_conflict_do_nothing(index_elements=["gemeente_id"])
)
_TAKE_NUMBERS = (
    update(EbTeller)
    .where(EbTeller.gemeente_id == _GEMEENTE)
    .values(last_eb_start_nummer=EbTeller.last_eb_start_nummer + bindparam("count", type_=BigInteger))
    .returning(EbTeller.last_eb_start_nummer)
    .execution_options(synchronize_session=False)
)
_NEXT_VOLGNUMMER = (
    update(EbTeller)
    .where(EbTeller.gemeente_id == _GEMEENTE)
    .values(last_volgnummer=EbTeller.last_volgnummer + 1)
    .returning(EbTeller.last_volgnummer)
    .execution_options(synchronize_session=False)
)
_LOCK_CLIENT = select(func.pg_advisory_xact_lock(bindparam("key", type_=BigInteger)))
_ANEW = {"populate_existing": True}
_RECORDS = (
    select(EbRecordRow, EbAanleveringRow)
    .outerjoin(
        EbAanleveringRow,
        and_(EbAanleveringRow.record_id == EbRecordRow.id, EbAanleveringRow.vervallen.is_(False)),
    )
    .order_by(EbRecordRow.eb_start_nummer, EbAanleveringRow.volgnummer)
)
"""Each record with each of its deliveries not superseded, in feed order (once, with None, without any)."""
_CLIENT_RECORDS = _RECORDS.where(EbRecordRow.client_id == bindparam("client_id", type_=BigInteger))
_ONE_RECORD = _RECORDS.where(EbRecordRow.id == bindparam("record_id", type_=BigInteger))
_BRON_TABLE = cast(Table, EbBronRow.__table__)
_RECORD_TABLE = cast(Table, EbRecordRow.__table__)
_BRON, _RECORD = _BRON_TABLE.c, _RECORD_TABLE.c
_CLIENT_BRONNEN = (
    select(*_BRON)
    .join(_RECORD_TABLE, _RECORD.id == _BRON.record_id)
    .where(_RECORD.client_id == bindparam("client_id", type_=BigInteger))
    .order_by(_BRON.id)
)
_RECORD_BRONNEN = (
    select(*_BRON).where(_BRON.record_id == bindparam("record_id", type_=BigInteger)).order_by(_BRON.id)
)
_ADD_RECORD = insert(_RECORD_TABLE).returning(_RECORD.id)
_ADD_BRONNEN = insert(_BRON_TABLE)
_DROP_BRONNEN = delete(_BRON_TABLE).where(
    _BRON.record_id == bindparam("record_id", type_=BigInteger),
    _BRON.id >= bindparam("from_id", type_=BigInteger),
)
_ADD_DELIVERY = insert(cast(Table, EbAanleveringRow.__table__))


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
    gemeente = {"gemeente": gemeente_id}
    if await session.scalar(_LOCK_COUNTERS, gemeente) is not None:
        return
    await session.execute(_MAKE_COUNTERS[session.get_bind().dialect.name], gemeente)
    await session.execute(_LOCK_COUNTERS, gemeente)


async def take_numbers(session: AsyncSession, gemeente_id: int, count: int) -> list[int]:
    """`count` EbStartNummers never handed out before by this gemeente (its counters locked first)."""
    result = await session.execute(_TAKE_NUMBERS, {"gemeente": gemeente_id, "count": count})
    last = result.scalar_one()
    return list(range(last - count + 1, last + 1))


async def next_volgnummer(session: AsyncSession, gemeente_id: int) -> int:
    result = await session.execute(_NEXT_VOLGNUMMER, {"gemeente": gemeente_id})
    return int(result.scalar_one())


async def stored_records(
    session: AsyncSession, bsn: str, *, client_id: int | None = None, record_id: int | None = None
) -> list[Stored]:
    """The client's records (or, given `record_id`, the one record), by EbStartNummer, as the database
    holds them now, in two statements.

    Rows this session read before are read anew (a delivery may have been sent since).
    """
    if record_id is not None:
        key, records, bronnen = {"record_id": record_id}, _ONE_RECORD, _RECORD_BRONNEN
    elif client_id is not None:
        key, records, bronnen = {"client_id": client_id}, _CLIENT_RECORDS, _CLIENT_BRONNEN
    else:
        raise TypeError("stored_records needs a client_id or a record_id")
    rows: dict[int, EbRecordRow] = {}
    deliveries: dict[int, list[EbAanleveringRow]] = {}
    for row, delivery in await session.execute(records, key, execution_options=_ANEW):
        rows.setdefault(row.id, row)
        of_record = deliveries.setdefault(row.id, [])
        if delivery is not None:
            of_record.append(delivery)
    provisions: dict[int, list[TableRow]] = {}
    if rows:
        for bron in await session.execute(bronnen, key):
            provisions.setdefault(bron.record_id, []).append(bron)
    return [_stored(row, bsn, provisions.get(id_, []), deliveries[id_]) for id_, row in rows.items()]


def _stored(
    row: EbRecordRow, bsn: str, bronnen: Sequence[TableRow], deliveries: Sequence[EbAanleveringRow]
) -> Stored:
    sent = tuple(aanlevering_of(d) for d in deliveries if d.bericht is not None)
    pending = next((d for d in deliveries if d.bericht is None), None)
    record = EbRecord(row.eb_start_nummer, bsn, periode_of(row, bronnen), sent)
    return Stored(row, record, pending, tuple(b.id for b in bronnen))


def periode_of(row: EbRecordRow, bronnen: Sequence[TableRow]) -> EbPeriode | None:
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


async def add_record(
    session: AsyncSession, gemeente_id: int, client_id: int, eb_start_nummer: int, periode: EbPeriode | None
) -> int:
    """Store a new record with its period, in one statement and one for its provisions; its id."""
    values = {"gemeente_id": gemeente_id, "client_id": client_id, "eb_start_nummer": eb_start_nummer}
    result = await session.execute(_ADD_RECORD, {**values, **_record_values(periode)})
    record_id = int(result.scalar_one())
    await _add_bronnen(session, record_id, () if periode is None else periode.bronnen)
    return record_id


async def replace_periode(session: AsyncSession, old: Stored, periode: EbPeriode | None) -> None:
    """Store the record's new period in place of the old one.

    The provision rows it starts with as before stay; only those after them are replaced. Rows are read
    in id order, so the ones added after the kept ones read back in the period's order.
    """
    before = () if old.record.periode is None else old.record.periode.bronnen
    after = () if periode is None else periode.bronnen
    kept = 0
    while kept < min(len(before), len(after)) and before[kept] == after[kept]:
        kept += 1
    if kept < len(old.bron_ids):
        await session.execute(_DROP_BRONNEN, {"record_id": old.row.id, "from_id": old.bron_ids[kept]})
    for name, value in _record_values(periode).items():
        setattr(old.row, name, value)
    await _add_bronnen(session, old.row.id, after[kept:])


async def add_pending(
    session: AsyncSession, gemeente_id: int, record_id: int, volgnummer: int, aanlevering: Aanlevering
) -> None:
    """Queue the delivery for the record under this feed number, not sent yet."""
    inhoud = aanlevering.inhoud
    await session.execute(
        _ADD_DELIVERY,
        {
            "gemeente_id": gemeente_id,
            "record_id": record_id,
            "volgnummer": volgnummer,
            "status": aanlevering.status.value,
            "startdatum": inhoud.startdatum,
            "stopdatum": inhoud.stopdatum,
            "kostprijs_bedrag": None if inhoud.kostprijs is None else inhoud.kostprijs.bedrag,
            "kostprijs_startdatum": None if inhoud.kostprijs is None else inhoud.kostprijs.startdatum,
            "uiterlijk": aanlevering.uiterlijk,
            "vervallen": False,
        },
    )


def _record_values(periode: EbPeriode | None) -> dict[str, Any]:
    """The columns of a record that hold its period."""
    kostprijs = None if periode is None else periode.kostprijs
    bron = None if periode is None else periode.kostprijs_bron
    return {
        "startdatum": None if periode is None else periode.startdatum,
        "stopdatum": None if periode is None else periode.stopdatum,
        "kostprijs_bedrag": None if kostprijs is None else kostprijs.bedrag,
        "kostprijs_startdatum": None if kostprijs is None else kostprijs.startdatum,
        "kostprijs_bron_soort": None if bron is None else bron.soort.value,
        "kostprijs_bron_sleutel": None if bron is None else bron.sleutel,
    }


async def _add_bronnen(session: AsyncSession, record_id: int, bronnen: Sequence[BronPeriode]) -> None:
    """Store these provisions of the record's period, in their order, in one statement."""
    if bronnen:
        await session.execute(
            _ADD_BRONNEN,
            [
                {
                    "record_id": record_id,
                    "soort": lid.bron.soort.value,
                    "sleutel": lid.bron.sleutel,
                    "begindatum": lid.begindatum,
                    "einddatum": lid.einddatum,
                    "kostprijs": lid.kostprijs,
                }
                for lid in bronnen
            ],
        )


def _kostprijs(bedrag: int | None, startdatum: date | None) -> Kostprijs | None:
    return None if bedrag is None or startdatum is None else Kostprijs(bedrag, startdatum)
