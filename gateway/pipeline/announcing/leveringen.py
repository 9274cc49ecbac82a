"""WMO305 and WMO307: a start or stop of delivery, or the deletion of one (StatusAanlevering 3)."""

from __future__ import annotations

from sqlalchemy import select

from gateway.domain import StartBericht, StopBericht
from gateway.events.catalogue import EventType
from gateway.events.writer import NewEvent
from gateway.pipeline.announcing.parts import Events, Followed, bsns
from gateway.store.models import Levering

DELETION = "3"
"""StatusAanlevering of a class that deletes the earlier one with its logical key (COD467)."""

REPORTED = {"start": EventType.LEVERING_GESTART, "stop": EventType.LEVERING_GESTOPT}


async def levering_events(followed: Followed, bericht: StartBericht | StopBericht) -> Events:
    rows = (
        await followed.session.scalars(
            select(Levering).where(Levering.message_id == followed.bericht_id).order_by(Levering.id)
        )
    ).all()
    clients = await bsns(followed.session, {row.client_id for row in rows})
    return [NewEvent(*_event(row, followed), clients[row.client_id]) for row in rows]


def _event(row: Levering, followed: Followed) -> tuple[EventType, dict[str, object]]:
    data: dict[str, object] = {
        # A number that matched no toewijzing of the client is not one the gemeente knows.
        "toewijzingNummer": None if row.toewijzing_id is None else row.toewijzing_nummer,
        "aanbieder": followed.aanbieder,
        "product": {"categorie": row.product_categorie, "code": row.product_code},
        "begindatum": row.begindatum,
        "berichtId": followed.bericht_id,
    }
    stop = {"einddatum": row.einddatum, "redenBeeindiging": row.reden_beeindiging}
    if row.status_aanlevering == DELETION:
        return EventType.LEVERING_VERWIJDERD, {"soort": row.soort, **data, **stop}
    return REPORTED[row.soort], data if row.soort == "start" else {**data, **stop}
