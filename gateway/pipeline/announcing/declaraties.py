"""WMO323: a claim received, its assessment, and the lines refused for overrunning a budget; WMO325: an
assessment the gemeente sent itself.

The gateway answers a claim for the gemeente with a WMO325 in the same transaction, so a claim it
accepts (whole or in part) is assessed at once: each line is granted or refused in full.
"""

from __future__ import annotations

from sqlalchemy import select

from gateway.domain import DeclaratieAntwoordBericht, DeclaratieBericht
from gateway.events.catalogue import EventType
from gateway.events.writer import NewEvent
from gateway.pipeline.announcing.parts import Events, Followed, bsns, periode
from gateway.store.models import Beoordeling, Budget, BudgetOverrun, Declaratie, Prestatie, Toewijzing

GRANTED = "toegekend"
REFUSED = "afgewezen"


async def declaratie_events(followed: Followed, bericht: DeclaratieBericht) -> Events:
    session = followed.session
    declaratie = await session.scalar(select(Declaratie).where(Declaratie.message_id == followed.bericht_id))
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
    declaratie = await followed.session.scalar(
        select(Declaratie)
        .join(Beoordeling, Beoordeling.declaratie_id == Declaratie.id)
        .where(Beoordeling.message_id == followed.bericht_id)
    )
    if declaratie is None:
        return []
    return await _assessed(followed, declaratie, answer_id=followed.bericht_id)


async def _assessed(followed: Followed, declaratie: Declaratie, *, answer_id: int | None) -> Events:
    """One event per client of the claim, with every line of that client as granted or refused."""
    lines = (
        await followed.session.scalars(
            select(Prestatie).where(Prestatie.declaratie_id == declaratie.id).order_by(Prestatie.id)
        )
    ).all()
    clients = await bsns(followed.session, {line.client_id for line in lines})
    by_client: dict[int, list[Prestatie]] = {}
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


def _granted(line: Prestatie) -> int:
    """A line is granted or refused whole: what is granted of it is all or nothing."""
    return line.ingediend_bedrag if line.status == GRANTED else 0


def _prestatie(line: Prestatie) -> dict[str, object]:
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
    rows = (
        await followed.session.execute(
            select(BudgetOverrun, Budget, Toewijzing.toewijzing_nummer, Prestatie)
            .join(Budget, Budget.id == BudgetOverrun.budget_id)
            .join(Toewijzing, Toewijzing.id == Budget.toewijzing_id)
            .join(Prestatie, Prestatie.id == BudgetOverrun.prestatie_id)
            .where(BudgetOverrun.message_id == followed.bericht_id)
            .order_by(BudgetOverrun.id)
        )
    ).all()
    clients = await bsns(followed.session, {line.client_id for *_, line in rows})
    events = []
    for overrun, budget, nummer, line in rows:
        resterend = max(overrun.available, 0)
        if overrun.requested <= resterend:
            # Kept for its code (a rule may count the limit otherwise), but no more than remained was asked.
            continue
        data = {
            "soort": "natura",
            "toewijzingNummer": nummer,
            # An open-ended toewijzing's budget runs on; the event names it up to the claimed period.
            "periode": periode(budget.period_start, budget.period_end or line.periode_einddatum),
            "eenheid": budget.eenheid,
            "budget": budget.amount,
            "resterend": resterend,
            "gevraagd": overrun.requested,
            "berichtId": followed.bericht_id,
        }
        events.append(NewEvent(EventType.BUDGET_OVERSCHREDEN, data, clients[line.client_id]))
    return events
