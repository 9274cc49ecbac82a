"""A claim (WMO323) with every line and its beoordeling, and the answer on it (WMO325).

The gateway answers a claim itself: a line its verdict accepts is `toegekend` and booked on its
toewijzing's budget, a rejected one is `afgewezen` with its codes and counts as never submitted. A
claim rejected as a whole is not recorded at all. A WMO325 (the gateway's own, or one the gemeente
sends) records the beoordeling of the claim it answers, and rejects the lines it returns.
"""

from __future__ import annotations

from collections.abc import Iterator

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from gateway.domain import DeclaratieAntwoordBericht, DeclaratieBericht, Prestatie
from gateway.domain.crossrules import line_codes
from gateway.domain.history import AFGEWEZEN
from gateway.messages.verdicts import GRANTED_IN_FULL, NO_REMARK, NOT_ASSESSED, Verdict
from gateway.store.known.assignments import known_toewijzingen, toewijzing_rows
from gateway.store.models import Beoordeling, BudgetBooking, Declaratie, Message
from gateway.store.models import Prestatie as PrestatieRow
from gateway.store.records.budgets import Ledger
from gateway.store.records.rows import client_id

TOEGEKEND = "toegekend"
INGEDIEND = "ingediend"
CLAIM = "WMO323"
NOT_A_REJECTION = frozenset({NO_REMARK, GRANTED_IN_FULL, NOT_ASSESSED})


async def record_declaratie(
    session: AsyncSession,
    bericht: DeclaratieBericht,
    verdict: Verdict,
    ledger: Ledger,
    gemeente_id: int,
    aanbieder_id: int,
) -> None:
    """The claim and all its lines, judged by `verdict`; the accepted ones booked by `ledger`."""
    declaratie = bericht.declaratie
    row = Declaratie(
        message_id=ledger.message_id,
        aanbieder_id=aanbieder_id,
        gemeente_id=gemeente_id,
        declaratie_nummer=declaratie.declaratie_nummer,
        periode_begindatum=declaratie.declaratie_periode.begindatum,
        periode_einddatum=declaratie.declaratie_periode.einddatum,
        declaratie_dagtekening=declaratie.declaratie_dagtekening,
        totaal_ingediend_bedrag=declaratie.totaal_ingediend_bedrag.bedrag,
        totaal_ingediend_debet_credit=declaratie.totaal_ingediend_bedrag.debet_credit,
    )
    session.add(row)
    await session.flush()
    numbers = [prestatie.toewijzing_nummer for _, _, _, prestatie in _lines(bericht)]
    rows = [
        t
        for t in await toewijzing_rows(session, gemeente_id, numbers=numbers)
        if t.aanbieder_id == aanbieder_id
    ]
    ids = {t.toewijzing_nummer: t.id for t in rows}
    current = {known.toewijzing_nummer: known.current for known in await known_toewijzingen(session, rows)}
    for c, p, bsn, prestatie in _lines(bericht):
        codes = line_codes(verdict, c, p) or ()
        line = _line(prestatie, row.id, aanbieder_id, await client_id(session, gemeente_id, bsn), codes)
        line.toewijzing_id = ids.get(prestatie.toewijzing_nummer)
        session.add(line)
        await session.flush()
        version = current.get(prestatie.toewijzing_nummer)
        if line.toewijzing_id is None or version is None:
            continue
        if codes:
            await ledger.refuse(line.id, prestatie, line.toewijzing_id, version, codes)
        else:
            await ledger.book(line.id, prestatie, line.toewijzing_id, version)
    await session.flush()


async def record_beoordeling(
    session: AsyncSession, bericht: DeclaratieAntwoordBericht, message_id: int, aanbieder_id: int
) -> None:
    """The answer's beoordeling of the aanbieder's claim it names; the lines it returns are rejected.

    A claim that was not recorded (rejected as a whole, or never received) has nothing to judge.
    """
    header = bericht.header
    claim_message = select(Message.id).where(
        Message.sender_id == aanbieder_id,
        Message.message_type == CLAIM,
        Message.identificatie == header.declaratie_identificatie.identificatie,
        Message.dagtekening == header.declaratie_identificatie.dagtekening,
    )
    declaratie = await session.scalar(
        select(Declaratie).where(Declaratie.message_id.in_(claim_message)).limit(1)
    )
    if declaratie is None:
        return
    answer = bericht.declaratie_antwoord
    codes = header.retour_codes if answer is None else answer.retour_codes
    returned = (
        {}
        if answer is None
        else {
            p.referentie_nummer: _codes_of(p, c.retour_codes) for c in answer.clienten for p in c.prestaties
        }
    )
    whole = answer is None or not set(codes) <= NOT_A_REJECTION
    lines = (
        await session.scalars(select(PrestatieRow).where(PrestatieRow.declaratie_id == declaratie.id))
    ).all()
    for line in lines:
        if whole or line.referentie_nummer in returned:
            line.status = AFGEWEZEN
            line.retourcodes = list(returned.get(line.referentie_nummer, codes))
            await session.execute(delete(BudgetBooking).where(BudgetBooking.prestatie_id == line.id))
        elif line.status == INGEDIEND:
            line.status = TOEGEKEND
    granted = None if answer is None else answer.totaal_toegekend_bedrag
    session.add(
        Beoordeling(
            declaratie_id=declaratie.id,
            message_id=message_id,
            totaal_toegekend_bedrag=0 if granted is None else granted.bedrag,
            totaal_toegekend_debet_credit="D" if granted is None else granted.debet_credit,
            retourcodes=list(codes),
        )
    )
    await session.flush()


def _codes_of(prestatie: Prestatie, client_codes: tuple[str, ...]) -> tuple[str, ...]:
    """A returned line's own codes, or its client's when the line itself was not assessed."""
    own = tuple(code for code in prestatie.retour_codes if code != NOT_ASSESSED)
    return own or tuple(code for code in client_codes if code != NO_REMARK)


def _lines(bericht: DeclaratieBericht) -> Iterator[tuple[int, int, str, Prestatie]]:
    for c, client in enumerate(bericht.declaratie.clienten, start=1):
        for p, prestatie in enumerate(client.prestaties, start=1):
            yield c, p, client.bsn, prestatie


def _line(
    prestatie: Prestatie, declaratie_id: int, aanbieder_id: int, client: int, codes: tuple[str, ...]
) -> PrestatieRow:
    return PrestatieRow(
        declaratie_id=declaratie_id,
        aanbieder_id=aanbieder_id,
        client_id=client,
        toewijzing_nummer=prestatie.toewijzing_nummer,
        referentie_nummer=prestatie.referentie_nummer,
        vorig_referentie_nummer=prestatie.vorig_referentie_nummer,
        product_categorie=prestatie.product_categorie,
        product_code=prestatie.product_code,
        periode_begindatum=prestatie.product_periode.begindatum,
        periode_einddatum=prestatie.product_periode.einddatum,
        geleverd_volume=prestatie.geleverd_volume,
        eenheid=prestatie.eenheid,
        product_tarief=prestatie.product_tarief,
        ingediend_bedrag=prestatie.ingediend_bedrag.bedrag,
        debet_credit=prestatie.ingediend_bedrag.debet_credit,
        status=AFGEWEZEN if codes else TOEGEKEND,
        retourcodes=list(codes) if codes else None,
    )
