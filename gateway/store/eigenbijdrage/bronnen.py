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

from sqlalchemy import Integer, bindparam, func, select
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession

from gateway.cak import ClientBronnen, NaturaToewijzing, PgbBeschikking, Verstrekking
from gateway.domain import Product, StartProduct, StopProduct
from gateway.store.known.assignments import toewijzing_of
from gateway.store.known.batches import batches
from gateway.store.known.deliveries import levering_of
from gateway.store.models import Beschikking, Budget, EbClient, Levering, Toewijzing, ToewijzingVersie
from gateway.store.pgb import EURO_CENTS

NATURA = "natura"
PGB = "pgb"

ONBEKENDE_GEBOORTEDATUM = date(1900, 1, 1)
"""Taken when no iWmo message about the client stated a birth date (a pgb-only client): an adult."""

# A client's provisions are loaded for every start, stop and toewijzing, so the statements are built once:
# building one costs as much as running it.
_CLIENT = bindparam("client_id", type_=Integer)
_GEBOORTEDATUM = select(EbClient.geboortedatum).where(EbClient.client_id == _CLIENT)
_TOEGEKEND = (
    select(func.sum(Budget.amount))
    .where(Budget.beschikking_id == Beschikking.id, Budget.eenheid == EURO_CENTS)
    .correlate(Beschikking)
    .scalar_subquery()
)
"""What a beschikking grants in all: the sum of its budget rows in euro cents (NULL without any)."""
_BESCHIKKINGEN = select(Beschikking, _TOEGEKEND).where(Beschikking.client_id == _CLIENT)
_TOEWIJZINGEN = select(Toewijzing).where(Toewijzing.client_id == _CLIENT)
_VERSIONS = (
    select(ToewijzingVersie)
    .where(ToewijzingVersie.toewijzing_id.in_(bindparam("ids", expanding=True)))
    .order_by(ToewijzingVersie.toewijzing_id, ToewijzingVersie.versie)
)
_LEVERINGEN = select(Levering).where(Levering.client_id == _CLIENT).order_by(Levering.id)


async def remember_geboortedatum(session: AsyncSession, client_id: int, geboortedatum: date) -> None:
    """Keep the birth date the latest message stated for the client (the exemption of minors needs it)."""
    dialect = session.get_bind().dialect.name
    insert = postgresql_insert if dialect == "postgresql" else sqlite_insert
    statement = insert(EbClient).values(client_id=client_id, geboortedatum=geboortedatum)
    await session.execute(
        statement.on_conflict_do_update(index_elements=["client_id"], set_={"geboortedatum": geboortedatum})
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
    toegekend: dict[int, int | None] = {}
    beschikkingen: list[Beschikking] = []
    for beschikking, total in await session.execute(_BESCHIKKINGEN, client):
        beschikkingen.append(beschikking)
        toegekend[beschikking.id] = None if total is None else int(total)
    toewijzingen = list((await session.scalars(_TOEWIJZINGEN, client)).all())
    linked = {row.beschikking_id for row in toewijzingen if row.beschikking_id is not None}
    by_id = {beschikking.id: beschikking for beschikking in beschikkingen}
    versions = await _versions(session, [row.id for row in toewijzingen])
    reports = await _reports(session, client_id) if toewijzingen else {}
    natura = [
        found
        for row in toewijzingen
        if (
            found := _natura(
                row,
                versions.get(row.id, []),
                reports.get(row.toewijzing_nummer, []),
                by_id.get(row.beschikking_id or 0),
            )
        )
        is not None
    ]
    return ClientBronnen(
        geboortedatum=geboortedatum or ONBEKENDE_GEBOORTEDATUM,
        natura=tuple(natura),
        pgb=tuple(pgb for b in beschikkingen if (pgb := _pgb(b, toegekend[b.id])) is not None),
        verstrekkingen=tuple(v for b in beschikkingen if b.id not in linked and (v := _verstrekking(b))),
    )


async def _versions(session: AsyncSession, toewijzing_ids: list[int]) -> dict[int, list[ToewijzingVersie]]:
    """The versions of each of these toewijzingen, by id, in version order."""
    found: dict[int, list[ToewijzingVersie]] = {}
    for batch in batches(toewijzing_ids):
        for version in await session.scalars(_VERSIONS, {"ids": batch}):
            found.setdefault(version.toewijzing_id, []).append(version)
    return found


async def _reports(
    session: AsyncSession, client_id: int
) -> dict[int | None, list[StartProduct | StopProduct]]:
    """Every start and stop class of the client, by ToewijzingNummer, in the order received."""
    found: dict[int | None, list[StartProduct | StopProduct]] = {}
    for levering in await session.scalars(_LEVERINGEN, {"client_id": client_id}):
        found.setdefault(levering.toewijzing_nummer, []).append(levering_of(levering))
    return found


def _natura(
    row: Toewijzing,
    versions: list[ToewijzingVersie],
    reports: list[StartProduct | StopProduct],
    beschikking: Beschikking | None,
) -> NaturaToewijzing | None:
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


def _pgb(beschikking: Beschikking, toegekend: int | None) -> PgbBeschikking | None:
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
        toegekend=toegekend,
    )


def _verstrekking(beschikking: Beschikking) -> Verstrekking | None:
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


def _product(beschikking: Beschikking) -> Product | None:
    if beschikking.product_categorie is None:
        return None
    return Product(beschikking.product_categorie, beschikking.product_code)


def _beschikkingsdatum(beschikking: Beschikking) -> date:
    return beschikking.afgiftedatum or beschikking.ingangsdatum
