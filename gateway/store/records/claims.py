"""A claim (WMO323) with every line and its beoordeling, and the answer on it (WMO325).

The gateway answers a claim itself: a line its verdict accepts is `toegekend` and booked on its
toewijzing's budget, a rejected one is `afgewezen` with its codes and counts as never submitted. A
claim rejected as a whole is not recorded at all. A WMO325 (the gateway's own, or one the gemeente
sends) records the beoordeling of the claim it answers, and rejects the lines it returns.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import cast

from sqlalchemy import Table, delete, insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from gateway.domain import DeclaratieAntwoordBericht, DeclaratieBericht, Prestatie, Toewijzing
from gateway.domain.crossrules import line_codes
from gateway.domain.history import AFGEWEZEN, History, KnownToewijzing
from gateway.messages.verdicts import GRANTED_IN_FULL, NO_REMARK, NOT_ASSESSED, Verdict
from gateway.store.bulk import BulkInsert
from gateway.store.known.assignments import known_toewijzingen, toewijzing_rows
from gateway.store.known.batches import batches
from gateway.store.known.rows import TableRow
from gateway.store.models import Beoordeling, BudgetBooking, Declaratie, Message
from gateway.store.models import Prestatie as PrestatieRow
from gateway.store.records.budgets import Ledger, Line
from gateway.store.records.rows import client_ids

TOEGEKEND = "toegekend"
INGEDIEND = "ingediend"
CLAIM = "WMO323"
NOT_A_REJECTION = frozenset({NO_REMARK, GRANTED_IN_FULL, NOT_ASSESSED})

# Written and read back for every claim, so built once. The claim is written as a row, not an ORM object:
# only its id is needed here, and what reads it later reads it from the table.
_NEW_DECLARATIE = insert(cast(Table, Declaratie.__table__)).returning(Declaratie.__table__.c.id)
_NEW_LINES = BulkInsert(cast(Table, PrestatieRow.__table__))


async def record_declaratie(
    session: AsyncSession,
    bericht: DeclaratieBericht,
    verdict: Verdict,
    ledger: Ledger,
    gemeente_id: int,
    aanbieder_id: int,
    *,
    judged_on: History | None = None,
) -> None:
    """The claim and all its lines, judged by `verdict`; the accepted ones booked by `ledger`.

    The toewijzingen' versions come from `judged_on`, the History the claim was judged against, when given.
    """
    declaratie = bericht.declaratie
    claim_id: int = await session.scalar(
        _NEW_DECLARATIE,
        {
            "message_id": ledger.message_id,
            "aanbieder_id": aanbieder_id,
            "gemeente_id": gemeente_id,
            "declaratie_nummer": declaratie.declaratie_nummer,
            "periode_begindatum": declaratie.declaratie_periode.begindatum,
            "periode_einddatum": declaratie.declaratie_periode.einddatum,
            "declaratie_dagtekening": declaratie.declaratie_dagtekening,
            "totaal_ingediend_bedrag": declaratie.totaal_ingediend_bedrag.bedrag,
            "totaal_ingediend_debet_credit": declaratie.totaal_ingediend_bedrag.debet_credit,
        },
    )
    lines = list(_lines(bericht))
    numbers = [prestatie.toewijzing_nummer for _, _, _, prestatie in lines]
    rows = [
        t
        for t in await toewijzing_rows(session, gemeente_id, numbers=numbers)
        if t.aanbieder_id == aanbieder_id
    ]
    ids = {t.toewijzing_nummer: t.id for t in rows}
    current = await _current_versions(session, rows, judged_on)
    clients = await client_ids(session, gemeente_id, {bsn for _, _, bsn, _ in lines})
    codes = [line_codes(verdict, c, p) or () for c, p, _, _ in lines]
    values = [
        _line(
            prestatie, claim_id, aanbieder_id, clients[bsn], ids.get(prestatie.toewijzing_nummer), line_codes_
        )
        for (_, _, bsn, prestatie), line_codes_ in zip(lines, codes, strict=True)
    ]
    line_ids = await _NEW_LINES.keys(session, values)
    booked = [
        Line(line_id, prestatie, toewijzing_id, version, line_codes_)
        for line_id, (_, _, _, prestatie), line_codes_ in zip(line_ids, lines, codes, strict=True)
        if (toewijzing_id := ids.get(prestatie.toewijzing_nummer)) is not None
        and (version := current.get(prestatie.toewijzing_nummer)) is not None
    ]
    await ledger.enter(booked)


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
    lines = await session.execute(
        select(PrestatieRow.id, PrestatieRow.referentie_nummer, PrestatieRow.status).where(
            PrestatieRow.declaratie_id == declaratie.id
        )
    )
    rejected: dict[tuple[str, ...], list[int]] = {}
    granted_lines: list[int] = []
    for line_id, referentie, status in lines.all():
        if whole or referentie in returned:
            rejected.setdefault(tuple(returned.get(referentie, codes)), []).append(line_id)
        elif status == INGEDIEND:
            granted_lines.append(line_id)
    # One statement a batch of lines alike, however many lines the claim has.
    for line_codes_, ids in rejected.items():
        await _set_status(session, ids, status=AFGEWEZEN, retourcodes=list(line_codes_))
        for batch in batches(ids):
            await session.execute(delete(BudgetBooking).where(BudgetBooking.prestatie_id.in_(batch)))
    await _set_status(session, granted_lines, status=TOEGEKEND)
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


async def _set_status(session: AsyncSession, line_ids: Sequence[int], **values: object) -> None:
    for batch in batches(line_ids):
        await session.execute(update(PrestatieRow).where(PrestatieRow.id.in_(batch)).values(**values))


def _codes_of(prestatie: Prestatie, client_codes: tuple[str, ...]) -> tuple[str, ...]:
    """A returned line's own codes, or its client's when the line itself was not assessed."""
    own = tuple(code for code in prestatie.retour_codes if code != NOT_ASSESSED)
    return own or tuple(code for code in client_codes if code != NO_REMARK)


async def _current_versions(
    session: AsyncSession, rows: Sequence[TableRow], judged_on: History | None
) -> dict[int, Toewijzing]:
    """The current version of each of these toewijzingen, by number."""
    if judged_on is None:
        known: Iterable[KnownToewijzing] = await known_toewijzingen(session, rows)
    else:
        known = (k for row in rows if (k := judged_on.toewijzing(row.toewijzing_nummer)) is not None)
    return {k.toewijzing_nummer: k.current for k in known}


def _lines(bericht: DeclaratieBericht) -> Iterator[tuple[int, int, str, Prestatie]]:
    for c, client in enumerate(bericht.declaratie.clienten, start=1):
        for p, prestatie in enumerate(client.prestaties, start=1):
            yield c, p, client.bsn, prestatie


def _line(
    prestatie: Prestatie,
    declaratie_id: int,
    aanbieder_id: int,
    client: int,
    toewijzing_id: int | None,
    codes: tuple[str, ...],
) -> dict[str, object]:
    return {
        "declaratie_id": declaratie_id,
        "aanbieder_id": aanbieder_id,
        "client_id": client,
        "toewijzing_id": toewijzing_id,
        "toewijzing_nummer": prestatie.toewijzing_nummer,
        "referentie_nummer": prestatie.referentie_nummer,
        "vorig_referentie_nummer": prestatie.vorig_referentie_nummer,
        "product_categorie": prestatie.product_categorie,
        "product_code": prestatie.product_code,
        "periode_begindatum": prestatie.product_periode.begindatum,
        "periode_einddatum": prestatie.product_periode.einddatum,
        "geleverd_volume": prestatie.geleverd_volume,
        "eenheid": prestatie.eenheid,
        "product_tarief": prestatie.product_tarief,
        "ingediend_bedrag": prestatie.ingediend_bedrag.bedrag,
        "debet_credit": prestatie.ingediend_bedrag.debet_credit,
        "status": AFGEWEZEN if codes else TOEGEKEND,
        "retourcodes": list(codes) if codes else None,
    }
