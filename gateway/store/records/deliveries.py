"""A WMO305's StartProducts and a WMO307's StopProducts as the client's delivery history.

Classes are kept in the order received. A class with StatusAanlevering 3 is kept too, naming the
class it deletes: the latest one with the same logical key that was delivered and not yet deleted.
"""

from __future__ import annotations

from typing import Any, cast

from sqlalchemy import Table, bindparam, insert, select
from sqlalchemy.ext.asyncio import AsyncSession

from gateway.domain import StartBericht, StartProduct, StopBericht, StopProduct
from gateway.domain.crossrules.deliveries import logical_key
from gateway.store.known.deliveries import DELETE, START, STOP, levering_of, levering_rows
from gateway.store.models import Levering, Toewijzing
from gateway.store.records.rows import client_id

# Written for every start and stop, so built once. A class is written as a row, not an ORM object:
# nothing of this transaction holds it, and the next class may delete it (and so must see it).
_TOEWIJZING = Toewijzing.__table__.c
_TOEWIJZING_IDS = select(_TOEWIJZING.toewijzing_nummer, _TOEWIJZING.id).where(
    _TOEWIJZING.gemeente_id == bindparam("gemeente_id"),
    _TOEWIJZING.client_id == bindparam("client_id"),
    _TOEWIJZING.toewijzing_nummer.in_(bindparam("numbers", expanding=True)),
)
_NEW_LEVERING = insert(cast(Table, Levering.__table__))


async def record_leveringen(
    session: AsyncSession,
    bericht: StartBericht | StopBericht,
    message_id: int,
    gemeente_id: int,
    aanbieder_id: int,
) -> None:
    """Every class in order, on the client's toewijzing with its number when there is one (TR019)."""
    client = await client_id(session, gemeente_id, bericht.client.bsn)
    classes: tuple[StartProduct | StopProduct, ...] = (
        bericht.start_producten if isinstance(bericht, StartBericht) else bericht.stop_producten
    )
    numbers = [levering.toewijzing_nummer for levering in classes if levering.toewijzing_nummer is not None]
    found = await session.execute(
        _TOEWIJZING_IDS, {"gemeente_id": gemeente_id, "client_id": client, "numbers": numbers}
    )
    toewijzing_ids: dict[int, int] = dict(found.all())
    for levering in classes:
        row = _row(levering, message_id, client, aanbieder_id)
        row["toewijzing_id"] = (
            None if levering.toewijzing_nummer is None else toewijzing_ids.get(levering.toewijzing_nummer)
        )
        if levering.status_aanlevering == DELETE:
            row["deletes_levering_id"] = await _deleted_by(session, levering, client, aanbieder_id)
        await session.execute(_NEW_LEVERING, row)


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
            return int(row.id)
    return None


def _row(
    levering: StartProduct | StopProduct, message_id: int, client: int, aanbieder_id: int
) -> dict[str, Any]:
    product = levering.product
    stop = levering if isinstance(levering, StopProduct) else None
    return {
        "message_id": message_id,
        "client_id": client,
        "aanbieder_id": aanbieder_id,
        "soort": START if stop is None else STOP,
        "toewijzing_nummer": levering.toewijzing_nummer,
        "product_categorie": None if product is None else product.categorie,
        "product_code": None if product is None else product.code,
        "toewijzing_ingangsdatum": levering.toewijzing_ingangsdatum,
        "begindatum": levering.begindatum,
        "reden_beeindiging": None if stop is None else stop.reden_beeindiging,
        "einddatum": None if stop is None else stop.einddatum,
        "status_aanlevering": levering.status_aanlevering,
        "toewijzing_id": None,
        "deletes_levering_id": None,
    }
