"""A WMO305's StartProducts and a WMO307's StopProducts as the client's delivery history.

Classes are kept in the order received. A class with StatusAanlevering 3 is kept too, naming the
class it deletes: the latest one with the same logical key that was delivered and not yet deleted.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from gateway.domain import StartBericht, StartProduct, StopBericht, StopProduct
from gateway.domain.crossrules.deliveries import logical_key
from gateway.store.known.deliveries import DELETE, START, STOP, levering_of, levering_rows
from gateway.store.models import Levering, Toewijzing
from gateway.store.records.rows import client_id


async def record_leveringen(
    session: AsyncSession,
    bericht: StartBericht | StopBericht,
    message_id: int,
    gemeente_id: int,
    aanbieder_id: int,
) -> None:
    client = await client_id(session, gemeente_id, bericht.client.bsn)
    classes: tuple[StartProduct | StopProduct, ...] = (
        bericht.start_producten if isinstance(bericht, StartBericht) else bericht.stop_producten
    )
    for levering in classes:
        row = _row(levering, message_id, client, aanbieder_id)
        row.toewijzing_id = await session.scalar(
            select(Toewijzing.id).where(
                Toewijzing.gemeente_id == gemeente_id,
                Toewijzing.toewijzing_nummer == levering.toewijzing_nummer,
                Toewijzing.client_id == client,
            )
        )
        if levering.status_aanlevering == DELETE:
            row.deletes_levering_id = await _deleted_by(session, levering, client, aanbieder_id)
        session.add(row)
        await session.flush()


async def _deleted_by(
    session: AsyncSession, levering: StartProduct | StopProduct, client: int, aanbieder_id: int
) -> int | None:
    rows = await levering_rows(session, client, aanbieder_id)
    deleted = {row.deletes_levering_id for row in rows}
    key = logical_key(levering)
    for row in reversed(rows):
        if (
            row.status_aanlevering != DELETE
            and row.id not in deleted
            and logical_key(levering_of(row)) == key
        ):
            return row.id
    return None


def _row(levering: StartProduct | StopProduct, message_id: int, client: int, aanbieder_id: int) -> Levering:
    product = levering.product
    stop = levering if isinstance(levering, StopProduct) else None
    return Levering(
        message_id=message_id,
        client_id=client,
        aanbieder_id=aanbieder_id,
        soort=START if stop is None else STOP,
        toewijzing_nummer=levering.toewijzing_nummer,
        product_categorie=None if product is None else product.categorie,
        product_code=None if product is None else product.code,
        toewijzing_ingangsdatum=levering.toewijzing_ingangsdatum,
        begindatum=levering.begindatum,
        reden_beeindiging=None if stop is None else stop.reden_beeindiging,
        einddatum=None if stop is None else stop.einddatum,
        status_aanlevering=levering.status_aanlevering,
    )
