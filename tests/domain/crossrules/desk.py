"""The gateway's handling of a message as the pipeline drives it, on a real database, for the tests.

A message is stored as received (its own transaction), then judged and recorded in a second one:
`load_history`, the cross-message rules, the verdict, and `record` of what the verdict accepts. A
message with a finding that has no retourcode (WMO325 checks) is refused: nothing is recorded.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from gateway.domain import Bericht
from gateway.domain.crossrules import Context, Contract, CrossFinding, check, message_code, verdict_of
from gateway.messages.verdicts import Accepted, Verdict
from gateway.store.history import load_history
from gateway.store.models import Party
from gateway.store.models.messages import ACCEPTED, GENERATED, REJECTED
from gateway.store.models.parties import AANBIEDER, GEMEENTE
from gateway.store.recording import record
from gateway.store.repositories.parties import PartyRepository
from gateway.store.unit_of_work import UnitOfWork
from tests.conftest import NOW
from tests.domain.crossrules.making import TODAY

Found = tuple[str, str | None, str]
"""A finding as the tests compare it: rule, retourcode, location."""


@dataclass(frozen=True)
class Stored:
    """A message stored as received: its id and the parties of its header."""

    message_id: int
    sender: Party
    receiver: Party


class Desk:
    """Receives messages for the gemeente: each judged against what the ones before it left behind."""

    def __init__(
        self,
        sessionmaker: async_sessionmaker[AsyncSession],
        *,
        today: date = TODAY,
        contract: Contract | None = None,
    ) -> None:
        self.sessionmaker = sessionmaker
        self.today = today
        self.contract = contract
        self.verdicts: list[Verdict | None] = []

    async def receive(self, bericht: Bericht, *, content: bytes = b"<Bericht/>") -> list[Found]:
        """Handle the message; its findings as (rule, retourcode, location)."""
        stored = await self.store(bericht, content)
        async with UnitOfWork(self.sessionmaker) as uow:
            findings = await self.judge(uow.session, bericht, stored)
            await self.answer(uow, stored, self.verdicts[-1])
        return [found(finding) for finding in findings]

    async def store(self, bericht: Bericht, content: bytes = b"<Bericht/>") -> Stored:
        """The first transaction: the message as received, with the parties of its header."""
        async with UnitOfWork(self.sessionmaker) as uow:
            sender = await self.party(uow.session, bericht.header.afzender)
            receiver = await self.party(uow.session, bericht.header.ontvanger)
            message = await uow.messages.add(
                content,
                received_at=NOW,
                message_type=message_code(bericht),
                sender_id=sender.id,
                receiver_id=receiver.id,
                identificatie=bericht.header.bericht_identificatie.identificatie,
                dagtekening=bericht.header.bericht_identificatie.dagtekening,
            )
        return Stored(message.id, sender, receiver)

    async def judge(
        self, session: AsyncSession, bericht: Bericht, stored: Stored
    ) -> tuple[CrossFinding, ...]:
        """The second transaction's work: load the History, run the rules, record what the verdict accepts."""
        history = await load_history(session, bericht, stored.sender, stored.receiver)
        sender, receiver = stored.sender, stored.receiver
        gemeente, aanbieder = (sender, receiver) if sender.kind == GEMEENTE else (receiver, sender)
        findings = check(bericht, history, Context(gemeente.code, aanbieder.code, self.today, self.contract))
        verdict = _verdict(findings)
        self.verdicts.append(verdict)
        if verdict is not None:
            await record(
                session,
                bericht,
                message_id=stored.message_id,
                verdict=verdict,
                sender=sender,
                receiver=receiver,
                now=NOW,
                judged_on=history,
            )
        return findings

    @staticmethod
    async def answer(uow: UnitOfWork, stored: Stored, verdict: Verdict | None) -> None:
        """The outcome as the pipeline keeps it: accepted, rejected with a retour, or refused without one."""
        if isinstance(verdict, Accepted):
            await uow.messages.record_outcome(stored.message_id, ACCEPTED, processed_at=NOW)
            return
        if verdict is not None:
            retour = await uow.messages.add(b"<Retour/>", received_at=NOW, origin=GENERATED)
            await uow.messages.link_retour(stored.message_id, retour.id)
        await uow.messages.record_outcome(stored.message_id, REJECTED, processed_at=NOW)

    async def given(self, *berichten: Bericht) -> None:
        """Earlier messages, each of which must be accepted as it is."""
        for bericht in berichten:
            found = await self.receive(bericht)
            assert found == [], (bericht.header.bericht_code, found)

    @staticmethod
    async def party(session: AsyncSession, code: str) -> Party:
        kind = GEMEENTE if len(code) == 4 else AANBIEDER
        parties = PartyRepository(session)
        return await parties.find(kind, code) or await parties.add(kind, code, code, created_at=NOW)


def _verdict(findings: tuple[CrossFinding, ...]) -> Verdict | None:
    """The verdict, or None when a finding has no retourcode and the message is refused instead."""
    if any(finding.retourcode is None for finding in findings):
        return None
    return verdict_of(findings)


def found(finding: CrossFinding) -> Found:
    return (finding.rule, finding.retourcode, finding.location)
