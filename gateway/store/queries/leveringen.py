"""A client's leveringen: every start and stop the aanbieders reported, in the order received."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

from gateway.store.models import Levering, Party


@dataclass(frozen=True, slots=True)
class LeveringRecord:
    """One StartProduct or StopProduct class; `deleted` when a later class with StatusAanlevering 3
    withdrew it, `deletes` names the one this class withdraws."""

    id: int
    soort: str
    aanbieder: str
    toewijzing_nummer: int | None
    product_categorie: str | None
    product_code: str | None
    begindatum: date
    einddatum: date | None
    reden_beeindiging: str | None
    status_aanlevering: str
    deletes: int | None
    deleted: bool
    message_id: int


async def client_leveringen(session: AsyncSession, client_id: int) -> list[LeveringRecord]:
    deleting = aliased(Levering)
    withdrawn = (
        select(deleting.id).where(deleting.deletes_levering_id == Levering.id).exists().label("deleted")
    )
    rows = await session.execute(
        select(Levering, Party.code, withdrawn)
        .join(Party, Party.id == Levering.aanbieder_id)
        .where(Levering.client_id == client_id)
        .order_by(Levering.id)
    )
    return [
        LeveringRecord(
            id=levering.id,
            soort=levering.soort,
            aanbieder=aanbieder,
            toewijzing_nummer=levering.toewijzing_nummer,
            product_categorie=levering.product_categorie,
            product_code=levering.product_code,
            begindatum=levering.begindatum,
            einddatum=levering.einddatum,
            reden_beeindiging=levering.reden_beeindiging,
            status_aanlevering=levering.status_aanlevering,
            deletes=levering.deletes_levering_id,
            deleted=bool(deleted),
            message_id=levering.message_id,
        )
        for levering, aanbieder, deleted in rows.all()
    ]
