"""A client's start and stop classes from one aanbieder, as `KnownLevering`s in the order received."""

from __future__ import annotations

from sqlalchemy import bindparam, select
from sqlalchemy.ext.asyncio import AsyncSession

from gateway.domain import Product, StartProduct, StopProduct
from gateway.domain.history import KnownLevering
from gateway.store.known.rows import TableRow
from gateway.store.models import Levering

START = "start"
STOP = "stop"
DELETE = "3"
"""StatusAanlevering of a class that deletes an earlier one; it is no delivery itself."""

_LEVERING = Levering.__table__.c
_LEVERINGEN = (
    select(*_LEVERING)
    .where(_LEVERING.client_id == bindparam("client_id"), _LEVERING.aanbieder_id == bindparam("aanbieder_id"))
    .order_by(_LEVERING.id)
)
"""Asked for at every start and stop (its History, and each deletion it records), so built once."""


async def known_leveringen(
    session: AsyncSession, client_id: int, aanbieder_id: int
) -> tuple[KnownLevering, ...]:
    """Every delivered class (not the deletions themselves), marked deleted when a later class deleted it."""
    rows = await levering_rows(session, client_id, aanbieder_id)
    deleted = {row.deletes_levering_id for row in rows if row.deletes_levering_id is not None}
    return tuple(
        KnownLevering(levering_of(row), deleted=row.id in deleted)
        for row in rows
        if row.status_aanlevering != DELETE
    )


async def levering_rows(session: AsyncSession, client_id: int, aanbieder_id: int) -> list[TableRow]:
    """The client's classes from the aanbieder in the order received (a client has few), as plain rows:
    they are only read."""
    result = await session.execute(_LEVERINGEN, {"client_id": client_id, "aanbieder_id": aanbieder_id})
    return list(result.all())


def levering_of(row: TableRow) -> StartProduct | StopProduct:
    """A stored class (a row of its table) as the StartProduct or StopProduct it was received as."""
    product = None if row.product_categorie is None else Product(row.product_categorie, row.product_code)
    if row.soort == START:
        return StartProduct(
            toewijzing_nummer=row.toewijzing_nummer,
            product=product,
            toewijzing_ingangsdatum=row.toewijzing_ingangsdatum,
            begindatum=row.begindatum,
            status_aanlevering=row.status_aanlevering,
        )
    if row.reden_beeindiging is None or row.einddatum is None:
        raise ValueError(f"levering {row.id} is a stop without RedenBeeindiging or Einddatum")
    return StopProduct(
        toewijzing_nummer=row.toewijzing_nummer,
        product=product,
        toewijzing_ingangsdatum=row.toewijzing_ingangsdatum,
        begindatum=row.begindatum,
        reden_beeindiging=row.reden_beeindiging,
        einddatum=row.einddatum,
        status_aanlevering=row.status_aanlevering,
    )
