"""A client's provisions as the CAK derivation takes them, loaded from the stored domain.

Natura: every toewijzing of the client in its current version (the latest Toewijzingsdatum and
-tijd), with every WMO305/307 class on its ToewijzingNummer, deletions included, in the order
received; its beschikking, when linked, gives the beschikkingsdatum and a kostprijs. Pgb: the pgb
beschikkingen, each with what it grants in all (the sum of its budget rows: the one sum, or every
period's); whether that is a kostprijs is the policy's to say, in the derivation. Verstrekkingen:
natura beschikkingen provided outside iWmo (no aanbieder, no toewijzing), with their kostprijs and
leverdatum.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, Executable, Integer, bindparam, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from gateway.cak import ClientBronnen, NaturaToewijzing, PgbBeschikking, Verstrekking
from gateway.domain import Product, StartProduct, StopProduct
from gateway.store.known.assignments import toewijzing_of
from gateway.store.known.deliveries import levering_of
from gateway.store.known.rows import TableRow
from gateway.store.models import Beschikking, Budget, EbClient, Levering, Toewijzing, ToewijzingVersie
from gateway.store.pgb import EURO_CENTS
from gateway.store.upserts import Insert, per_dialect

NATURA = "natura"
PGB = "pgb"

ONBEKENDE_GEBOORTEDATUM = date(1900, 1, 1)
"""Taken when no iWmo message about the client stated a birth date (a pgb-only client): an adult."""

# A client's provisions are loaded for every start, stop and toewijzing, so the statements are built once:
# building one costs as much as running it. They are only read, so they are read as plain rows, which cost
# a fraction of ORM entities to load.
_CLIENT = bindparam("client_id", type_=Integer)
_GEBOORTEDATUM = select(EbClient.geboortedatum).where(EbClient.client_id == _CLIENT)
_BESCHIKKING = Beschikking.__table__.c
_BUDGET = Budget.__table__.c
_TOEGEKEND = (
    select(func.sum(_BUDGET.amount))
    .where(_BUDGET.beschikking_id == _BESCHIKKING.id, _BUDGET.eenheid == EURO_CENTS)
    .correlate(Beschikking.__table__)
    .scalar_subquery()
    .label("toegekend")
)
"""What a beschikking grants in all: the sum of its budget rows in euro cents (NULL without any)."""
_BESCHIKKINGEN = select(*_BESCHIKKING, _TOEGEKEND).where(_BESCHIKKING.client_id == _CLIENT)
_TOEWIJZING = Toewijzing.__table__.c
_VERSIE = ToewijzingVersie.__table__.c
_TOEWIJZINGEN = (
    select(
        _TOEWIJZING.id.label("toewijzing_row_id"),
        _TOEWIJZING.toewijzing_nummer,
        _TOEWIJZING.beschikking_id,
        *_VERSIE,
    )
    .select_from(
        Toewijzing.__table__.outerjoin(ToewijzingVersie.__table__, _VERSIE.toewijzing_id == _TOEWIJZING.id)
    )
    .where(_TOEWIJZING.client_id == _CLIENT)
    .order_by(_TOEWIJZING.id, _VERSIE.versie)
)
"""Each toewijzing of the client with each of its versions, in version order, in one statement; a
toewijzing without any version once, with the version's columns NULL."""
_LEVERING = Levering.__table__.c
_LEVERINGEN = select(*_LEVERING).where(_LEVERING.client_id == _CLIENT).order_by(_LEVERING.id)


def _remembering(insert: Insert) -> Executable:
    """The upsert of a client's birth date: a date stated again leaves the row as it is."""
    statement = insert(EbClient).values(
        client_id=bindparam("client", type_=Integer), geboortedatum=bindparam("datum", type_=Date)
    )
    return statement.on_conflict_do_update(  # type: ignore[no-any-return]
        index_elements=["client_id"],
        set_={"geboortedatum": statement.excluded.geboortedatum},
        where=EbClient.geboortedatum != statement.excluded.geboortedatum,
    )


_REMEMBER = per_dialect(_remembering)


async def remember_geboortedatum(session: AsyncSession, client_id: int, geboortedatum: date) -> None:
    """Keep the birth date the latest message stated for the client (the exemption of minors needs it)."""
    await session.execute(
        _REMEMBER[session.get_bind().dialect.name], {"client": client_id, "datum": geboortedatum}
    )


async def load_bronnen(
    session: AsyncSession, client_id: int, *, geboortedatum: date | None = None
) -> ClientBronnen:
    """Every provision of the client, ended ones included, in a fixed number of statements.

    `geboortedatum` is the birth date just remembered for the client, when the caller has one: it need
    not be read back.
    """
    client = {"client_id": client_id}
    if geboortedatum is None:
        geboortedatum = await session.scalar(_GEBOORTEDATUM, client)
    beschikkingen = list((await session.execute(_BESCHIKKINGEN, client)).all())
    toewijzingen: dict[int, TableRow] = {}
    versions: dict[int, list[TableRow]] = {}
    for row in await session.execute(_TOEWIJZINGEN, client):
        toewijzingen.setdefault(row.toewijzing_row_id, row)
        of_toewijzing = versions.setdefault(row.toewijzing_row_id, [])
        if row.id is not None:
            of_toewijzing.append(row)
    linked = {row.beschikking_id for row in toewijzingen.values() if row.beschikking_id is not None}
    by_id = {beschikking.id: beschikking for beschikking in beschikkingen}
    reports = await _reports(session, client_id) if toewijzingen else {}
    natura = [
        found
        for id_, row in toewijzingen.items()
        if (
            found := _natura(
                row, versions[id_], reports.get(row.toewijzing_nummer, []), by_id.get(row.beschikking_id or 0)
            )
        )
        is not None
    ]
    return ClientBronnen(
        geboortedatum=geboortedatum or ONBEKENDE_GEBOORTEDATUM,
        natura=tuple(natura),
        pgb=tuple(pgb for b in beschikkingen if (pgb := _pgb(b)) is not None),
        verstrekkingen=tuple(v for b in beschikkingen if b.id not in linked and (v := _verstrekking(b))),
    )


async def _reports(
    session: AsyncSession, client_id: int
) -> dict[int | None, list[StartProduct | StopProduct]]:
    """Every start and stop class of the client, by ToewijzingNummer, in the order received."""
    found: dict[int | None, list[StartProduct | StopProduct]] = {}
    for levering in await session.execute(_LEVERINGEN, {"client_id": client_id}):
        found.setdefault(levering.toewijzing_nummer, []).append(levering_of(levering))
    return found


def _natura(
    row: TableRow,
    versions: list[TableRow],
    reports: list[StartProduct | StopProduct],
    beschikking: TableRow | None,
) -> NaturaToewijzing | None:
    """`row` and `versions` are rows of `_TOEWIJZINGEN`, `beschikking` one of `_BESCHIKKINGEN`."""
    if not versions:
        return None
    current = max(versions, key=lambda v: (v.toewijzingsdatum, v.toewijzingstijd, v.versie))
    first = min(versions, key=lambda v: v.versie)
    return NaturaToewijzing(
        toewijzing=toewijzing_of(current, row.toewijzing_nummer),
        beschikkingsdatum=_beschikkingsdatum(beschikking) if beschikking else first.toewijzingsdatum,
        starts=tuple(r for r in reports if isinstance(r, StartProduct)),
        stops=tuple(r for r in reports if isinstance(r, StopProduct)),
        kostprijs=None if beschikking is None else beschikking.kostprijs,
    )


def _pgb(beschikking: TableRow) -> PgbBeschikking | None:
    product = _product(beschikking)
    if beschikking.leveringsvorm != PGB or product is None:
        return None
    return PgbBeschikking(
        sleutel=str(beschikking.beschikking_nummer),
        product=product,
        beschikkingsdatum=_beschikkingsdatum(beschikking),
        ingangsdatum=beschikking.ingangsdatum,
        einddatum=beschikking.einddatum,
        kostprijs=beschikking.kostprijs,
        toegekend=None if beschikking.toegekend is None else int(beschikking.toegekend),
    )


def _verstrekking(beschikking: TableRow) -> Verstrekking | None:
    """A natura decision provided outside iWmo: one without an aanbieder to assign it to."""
    product = _product(beschikking)
    if beschikking.leveringsvorm != NATURA or beschikking.aanbieder_id is not None or product is None:
        return None
    return Verstrekking(
        sleutel=str(beschikking.beschikking_nummer),
        product=product,
        beschikkingsdatum=_beschikkingsdatum(beschikking),
        ingangsdatum=beschikking.ingangsdatum,
        leverdatum=beschikking.leverdatum,
        einddatum=beschikking.einddatum,
        kostprijs=beschikking.kostprijs,
    )


def _product(beschikking: TableRow) -> Product | None:
    if beschikking.product_categorie is None:
        return None
    return Product(beschikking.product_categorie, beschikking.product_code)


def _beschikkingsdatum(beschikking: TableRow) -> date:
    datum: date = beschikking.afgiftedatum or beschikking.ingangsdatum
    return datum
