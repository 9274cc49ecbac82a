"""WMO323: a claim received, its assessment, and the lines refused for overrunning a budget; WMO325: an
assessment the gemeente sent itself.

The gateway answers a claim for the gemeente with a WMO325 in the same transaction, so a claim it
accepts (whole or in part) is assessed at once: each line is granted or refused in full.
"""

from __future__ import annotations

from sqlalchemy import bindparam, select

from gateway.domain import DeclaratieAntwoordBericht, DeclaratieBericht
from gateway.events.catalogue import EventType
from gateway.events.writer import NewEvent
from gateway.pipeline.announcing.parts import Events, Followed, bsns, periode
from gateway.store.known.rows import TableRow
from gateway.store.models import Beoordeling, Budget, BudgetOverrun, Declaratie, Prestatie, Toewijzing

GRANTED = "toegekend"
REFUSED = "afgewezen"

# Read for every claim and answer, a line at a time for hundreds of lines: built once, read as plain rows.
_DECLARATIE = Declaratie.__table__.c
_BEOORDELING = Beoordeling.__table__.c
_LINE = Prestatie.__table__.c
_BUDGET = Budget.__table__.c
_OVERRUN = BudgetOverrun.__table__.c
_TOEWIJZING = Toewijzing.__table__.c
_RECEIVED = select(*_DECLARATIE).where(_DECLARATIE.message_id == bindparam("message_id"))
_ANSWERED = (
    select(*_DECLARATIE)
    .join(Beoordeling.__table__, _BEOORDELING.declaratie_id == _DECLARATIE.id)
    .where(_BEOORDELING.message_id == bindparam("message_id"))
)
_LINES = select(*_LINE).where(_LINE.declaratie_id == bindparam("declaratie_id")).order_by(_LINE.id)
_OVERRUNS = (
    select(
        _OVERRUN.requested,
        _OVERRUN.available,
        _BUDGET.period_start,
        _BUDGET.period_end,
        _BUDGET.eenheid,
        _BUDGET.amount,
        _TOEWIJZING.toewijzing_nummer,
        _LINE.periode_einddatum,
        _LINE.client_id,
    )
    .join(Budget.__table__, _BUDGET.id == _OVERRUN.budget_id)
    .join(Toewijzing.__table__, _TOEWIJZING.id == _BUDGET.toewijzing_id)
    .join(Prestatie.__table__, _LINE.id == _OVERRUN.prestatie_id)
    .where(_OVERRUN.message_id == bindparam("message_id"))
    .order_by(_OVERRUN.id)
)


async def declaratie_events(followed: Followed, bericht: DeclaratieBericht) -> Events:
    session = followed.session
    declaratie = (await session.execute(_RECEIVED, {"message_id": followed.bericht_id})).first()
    if declaratie is None:
        return []
    claim = bericht.declaratie
    received = NewEvent(
        EventType.DECLARATIE_ONTVANGEN,
        {
            "declaratieNummer": declaratie.declaratie_nummer,
            "aanbieder": followed.aanbieder,
            "periode": periode(declaratie.periode_begindatum, declaratie.periode_einddatum),
            "totaalIngediendBedrag": declaratie.totaal_ingediend_bedrag,
            "debetCredit": declaratie.totaal_ingediend_debet_credit,
            "aantalPrestaties": sum(len(client.prestaties) for client in claim.clienten),
            "berichtId": followed.bericht_id,
        },
    )
    return [
        received,
        *await _overruns(followed),
        *await _assessed(followed, declaratie, answer_id=None),
    ]


async def declaratie_antwoord_events(followed: Followed, bericht: DeclaratieAntwoordBericht) -> Events:
    """The assessment of a claim the gateway holds; an answer on an unknown claim recorded nothing."""
    declaratie = (await followed.session.execute(_ANSWERED, {"message_id": followed.bericht_id})).first()
    if declaratie is None:
        return []
    return await _assessed(followed, declaratie, answer_id=followed.bericht_id)


async def _assessed(followed: Followed, declaratie: TableRow, *, answer_id: int | None) -> Events:
    """One event per client of the claim, with every line of that client as granted or refused."""
    lines = (await followed.session.execute(_LINES, {"declaratie_id": declaratie.id})).all()
    clients = await bsns(followed.session, {line.client_id for line in lines})
    by_client: dict[int, list[TableRow]] = {}
    for line in lines:
        by_client.setdefault(line.client_id, []).append(line)
    events = []
    for client_id, of_client in by_client.items():
        prestaties = [_prestatie(line) for line in of_client]
        data = {
            "declaratieNummer": declaratie.declaratie_nummer,
            "aanbieder": followed.aanbieder,
            "prestaties": prestaties,
            "totaalToegekendBedrag": sum(_granted(line) for line in of_client),
            "totaalAfgewezenBedrag": sum(line.ingediend_bedrag - _granted(line) for line in of_client),
            "berichtId": answer_id,
        }
        events.append(NewEvent(EventType.DECLARATIE_BEOORDEELD, data, clients[client_id]))
    return events


def _granted(line: TableRow) -> int:
    """A line is granted or refused whole: what is granted of it is all or nothing."""
    return line.ingediend_bedrag if line.status == GRANTED else 0


def _prestatie(line: TableRow) -> dict[str, object]:
    granted = _granted(line)
    return {
        "referentieNummer": line.referentie_nummer,
        "vorigReferentieNummer": line.vorig_referentie_nummer,
        "toewijzingNummer": line.toewijzing_nummer,
        "product": {"categorie": line.product_categorie, "code": line.product_code},
        "periode": periode(line.periode_begindatum, line.periode_einddatum),
        "debetCredit": line.debet_credit,
        "ingediendBedrag": line.ingediend_bedrag,
        "toegekendBedrag": granted,
        "afgewezenBedrag": line.ingediend_bedrag - granted,
        "retourcodes": list(line.retourcodes or ()) if line.status == REFUSED else [],
    }


async def _overruns(followed: Followed) -> Events:
    """The lines refused because the toewijzing's budget had less left than they asked (9322, 9369)."""
    rows = (await followed.session.execute(_OVERRUNS, {"message_id": followed.bericht_id})).all()
    clients = await bsns(followed.session, {row.client_id for row in rows})
    events = []
    for row in rows:
        resterend = max(row.available, 0)
        if row.requested <= resterend:
            # Kept for its code (a rule may count the limit otherwise), but no more than remained was asked.
            continue
        data = {
            "soort": "natura",
            "toewijzingNummer": row.toewijzing_nummer,
            # An open-ended toewijzing's budget runs on; the event names it up to the claimed period.
            "periode": periode(row.period_start, row.period_end or row.periode_einddatum),
            "eenheid": row.eenheid,
            "budget": row.amount,
            "resterend": resterend,
            "gevraagd": row.requested,
            "berichtId": followed.bericht_id,
        }
        events.append(NewEvent(EventType.BUDGET_OVERSCHREDEN, data, clients[row.client_id]))
    return events
