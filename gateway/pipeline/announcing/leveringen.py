"""WMO305 and WMO307: a start or stop of delivery, or the deletion of one (StatusAanlevering 3)."""

from __future__ import annotations

from sqlalchemy import bindparam, select

from gateway.domain import StartBericht, StopBericht
from gateway.events.catalogue import EventType
from gateway.events.writer import NewEvent
from gateway.pipeline.announcing.parts import Events, Followed, bsns
from gateway.store.known.rows import TableRow
from gateway.store.models import Levering

DELETION = "3"
"""StatusAanlevering of a class that deletes the earlier one with its logical key (COD467)."""

REPORTED = {"start": EventType.LEVERING_GESTART, "stop": EventType.LEVERING_GESTOPT}

_LEVERING = Levering.__table__.c
_RECORDED = select(*_LEVERING).where(_LEVERING.message_id == bindparam("message_id")).order_by(_LEVERING.id)
"""The classes a start or stop recorded, read for every one of them: built once, read as plain rows."""


async def levering_events(followed: Followed, bericht: StartBericht | StopBericht) -> Events:
    rows = (await followed.session.execute(_RECORDED, {"message_id": followed.bericht_id})).all()
    clients = await bsns(followed.session, {row.client_id for row in rows})
    return [NewEvent(*_event(row, followed), clients[row.client_id]) for row in rows]


def _event(row: TableRow, followed: Followed) -> tuple[EventType, dict[str, object]]:
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
