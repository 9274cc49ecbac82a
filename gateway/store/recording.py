"""Recording what a judged message changes: the domain effects of an accepted message.

`record` is called in the transaction that judged the message (after `history.load_history` and the
rules), with the verdict. A message rejected as a whole changes nothing: it counts as never sent
(retour.md §2). Of a claim only its Header or Declaratie rejects it as a whole; otherwise the claim is
kept with every line, the accepted lines booked and the rejected ones marked. Nothing is committed
here; the caller's unit of work commits, or rolls back all of it.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from types import MappingProxyType
from typing import Any

from sqlalchemy import Select, bindparam, select
from sqlalchemy.ext.asyncio import AsyncSession

from gateway.domain import (
    AntwoordBericht,
    AntwoordRetour,
    Bericht,
    DeclaratieAntwoordBericht,
    DeclaratieBericht,
    StartBericht,
    StopBericht,
    ToewijzingBericht,
    ToewijzingRetour,
    VerzoekOmToewijzingBericht,
    VerzoekOmWijzigingBericht,
)
from gateway.domain.crossrules import line_codes
from gateway.domain.history import History
from gateway.messages.verdicts import Accepted, Verdict
from gateway.store.models import (
    Base,
    Beoordeling,
    Declaratie,
    Levering,
    Party,
    ToewijzingVersie,
    Verzoek,
    VerzoekAntwoord,
)
from gateway.store.models.parties import GEMEENTE
from gateway.store.records.assignments import record_toewijzingen
from gateway.store.records.budgets import Ledger
from gateway.store.records.claims import record_beoordeling, record_declaratie
from gateway.store.records.deliveries import record_leveringen
from gateway.store.records.requests import (
    record_antwoord,
    record_verzoek_om_toewijzing,
    record_verzoek_om_wijziging,
)
from gateway.store.records.retours import take_back_rejected


@dataclass(frozen=True, slots=True)
class Recording:
    """One message being recorded: where, which stored message, between whom, judged how, and when."""

    session: AsyncSession
    message_id: int
    gemeente_id: int
    aanbieder_id: int
    verdict: Verdict
    now: datetime
    judged_on: History | None
    """What the message was judged against, loaded in this transaction (nothing changed it since)."""


async def record(
    session: AsyncSession,
    bericht: Bericht,
    *,
    message_id: int,
    verdict: Verdict,
    sender: Party,
    receiver: Party,
    now: datetime,
    judged_on: History | None = None,
) -> None:
    """Write the effects of `bericht`, stored as message `message_id`, under `verdict`.

    `sender` and `receiver` are the parties that sent and receive this message (for a retour: the
    aanbieder that sends it). Recording a message a second time in the same transaction, or after it
    was committed, changes nothing. `judged_on` is the History the message was judged against in this
    transaction, when the caller has it: what it holds is not read again.
    """
    if not _accepted(bericht, verdict):
        return
    recorded = _RECORDED.get(type(bericht))
    if recorded is not None and await session.scalar(recorded, {"message_id": message_id}):
        return
    recorder = RECORDERS.get(type(bericht))
    if recorder is None:
        return
    gemeente, aanbieder = (sender, receiver) if sender.kind == GEMEENTE else (receiver, sender)
    await recorder(
        Recording(session, message_id, gemeente.id, aanbieder.id, verdict, now, judged_on), bericht
    )


def _accepted(bericht: Bericht, verdict: Verdict) -> bool:
    """Whether anything of the message stands: all of it, or for a claim the lines not rejected."""
    if isinstance(verdict, Accepted):
        return True
    return isinstance(bericht, DeclaratieBericht) and line_codes(verdict, 1, 1) is not None


async def _toewijzing(r: Recording, bericht: ToewijzingBericht) -> None:
    await record_toewijzingen(r.session, bericht, r.message_id, r.gemeente_id, r.aanbieder_id)


async def _levering(r: Recording, bericht: StartBericht | StopBericht) -> None:
    await record_leveringen(r.session, bericht, r.message_id, r.gemeente_id, r.aanbieder_id)


async def _verzoek_om_toewijzing(r: Recording, bericht: VerzoekOmToewijzingBericht) -> None:
    await record_verzoek_om_toewijzing(r.session, bericht, r.message_id, r.gemeente_id, r.aanbieder_id)


async def _verzoek_om_wijziging(r: Recording, bericht: VerzoekOmWijzigingBericht) -> None:
    await record_verzoek_om_wijziging(r.session, bericht, r.message_id, r.gemeente_id, r.aanbieder_id)


async def _antwoord(r: Recording, bericht: AntwoordBericht) -> None:
    await record_antwoord(r.session, bericht, r.message_id, r.aanbieder_id)


async def _declaratie(r: Recording, bericht: DeclaratieBericht) -> None:
    ledger = Ledger(r.session, r.message_id, r.now)
    await record_declaratie(
        r.session, bericht, r.verdict, ledger, r.gemeente_id, r.aanbieder_id, judged_on=r.judged_on
    )


async def _declaratie_antwoord(r: Recording, bericht: DeclaratieAntwoordBericht) -> None:
    await record_beoordeling(r.session, bericht, r.message_id, r.aanbieder_id)


async def _retour(r: Recording, bericht: ToewijzingRetour | AntwoordRetour) -> None:
    await take_back_rejected(r.session, bericht, r.gemeente_id, r.aanbieder_id)


Recorder = Callable[[Recording, Any], Awaitable[None]]

RECORDERS: Mapping[type, Recorder] = MappingProxyType(
    {
        ToewijzingBericht: _toewijzing,
        StartBericht: _levering,
        StopBericht: _levering,
        VerzoekOmToewijzingBericht: _verzoek_om_toewijzing,
        VerzoekOmWijzigingBericht: _verzoek_om_wijziging,
        AntwoordBericht: _antwoord,
        DeclaratieBericht: _declaratie,
        DeclaratieAntwoordBericht: _declaratie_antwoord,
        ToewijzingRetour: _retour,
        AntwoordRetour: _retour,
    }
)
"""What each message changes; the gemeente's own retours (WMO306, 308, 316, 318) change nothing."""

ALREADY_RECORDED: Mapping[type, type[Base]] = MappingProxyType(
    {
        ToewijzingBericht: ToewijzingVersie,
        StartBericht: Levering,
        StopBericht: Levering,
        VerzoekOmToewijzingBericht: Verzoek,
        VerzoekOmWijzigingBericht: Verzoek,
        AntwoordBericht: VerzoekAntwoord,
        DeclaratieBericht: Declaratie,
        DeclaratieAntwoordBericht: Beoordeling,
    }
)
"""The table whose rows name the message they were recorded from: one there means it was recorded."""


def _recorded(model: type[Base]) -> Select[tuple[int]]:
    table = model.__table__
    return select(table.c.id).where(table.c.message_id == bindparam("message_id")).limit(1)


_RECORDED: Mapping[type, Select[tuple[int]]] = MappingProxyType(
    {message: _recorded(model) for message, model in ALREADY_RECORDED.items()}
)
"""Whether a row of the message's marker table names it, asked for every accepted message: built once."""
