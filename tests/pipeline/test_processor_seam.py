"""What the pipeline hands the processor, and what it does with the processor's answer."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from gateway.messages.findings import Finding
from gateway.messages.verdicts import Accepted, ClassRejection, HeaderRejection, Verdict
from gateway.pipeline.outcomes import Answered, PassedOn, Refused
from gateway.pipeline.processing import Received
from gateway.rules.validation import validate
from gateway.store.models import OutboxEvent
from gateway.store.models.messages import ACCEPTED, REJECTED
from gateway.store.models.parties import Party
from gateway.store.unit_of_work import UnitOfWork
from tests.api.making import AANBIEDER_A, from_aanbieder, retour_codes, start, toewijzing, toewijzing_retour
from tests.conftest import NOW
from tests.pipeline.conftest import PipelineFactory

POLICY = Finding(
    rule="POLICY", retourcode=None, locations=("/Bericht/Client",), detail="not in the catalogue"
)


@dataclass
class Scripted:
    """Answers as told, keeps what it was given, and writes an event each time it is asked."""

    verdict: Verdict = field(default_factory=Accepted)
    refusals: Sequence[Finding] = ()
    seen: list[Received] = field(default_factory=list)

    async def judge(self, uow: UnitOfWork, received: Received) -> Verdict:
        self.seen.append(received)
        await uow.outbox.add("test", "judged", {}, created_at=NOW)
        return self.verdict

    async def screen(self, uow: UnitOfWork, received: Received) -> Sequence[Finding]:
        self.seen.append(received)
        await uow.outbox.add("test", "screened", {}, created_at=NOW)
        return self.refusals


async def events(sessionmaker: async_sessionmaker[AsyncSession]) -> int:
    async with UnitOfWork(sessionmaker) as uow:
        return int(await uow.session.scalar(select(func.count()).select_from(OutboxEvent)) or 0)


async def outcome_of(sessionmaker: async_sessionmaker[AsyncSession], message_id: int) -> str:
    async with UnitOfWork(sessionmaker) as uow:
        message = await uow.messages.get(message_id)
    assert message is not None
    return message.outcome


async def test_the_processor_gets_the_stored_message_with_its_report_and_parties(
    make_pipeline: PipelineFactory, parties: dict[str, Party]
) -> None:
    processor = Scripted()
    outcome = await make_pipeline(processor).submit(parties["aanbieder"], start("S-1"))
    [received] = processor.seen
    assert isinstance(outcome, Answered)
    assert received.message_id == outcome.message_id
    assert received.report.message_code == "WMO305"
    assert received.report.tree is not None
    assert received.report.valid
    assert (received.sender.id, received.receiver.id) == (parties["aanbieder"].id, parties["gemeente"].id)
    assert received.answers_id is None


async def test_an_answer_reaches_the_processor_with_the_message_it_answers(
    make_pipeline: PipelineFactory, parties: dict[str, Party]
) -> None:
    processor = Scripted()
    pipeline = make_pipeline(processor)
    heen = await pipeline.submit(parties["gemeente"], toewijzing("T-1"))
    await pipeline.submit(parties["aanbieder"], toewijzing_retour("T-1", "R-1"))
    assert processor.seen[-1].answers_id == heen.message_id


async def test_a_class_rejection_is_written_into_the_retour_and_rejects_the_message_whole(
    make_pipeline: PipelineFactory, parties: dict[str, Party], sessionmaker: async_sessionmaker[AsyncSession]
) -> None:
    verdict = ClassRejection({"/Bericht/Client/StartProducten/StartProduct": ("9063",)})
    outcome = await make_pipeline(Scripted(verdict=verdict)).submit(parties["aanbieder"], start("S-1"))
    assert isinstance(outcome, Answered)
    assert validate(outcome.retour).valid
    assert b"<wmo306:RetourCode>9063</wmo306:RetourCode>" in outcome.retour
    assert await outcome_of(sessionmaker, outcome.message_id) == REJECTED


async def test_a_rejection_of_claim_lines_accepts_the_rest_of_the_claim(
    make_pipeline: PipelineFactory, parties: dict[str, Party], sessionmaker: async_sessionmaker[AsyncSession]
) -> None:
    line = "/Bericht/Declaratie/Clienten/Client[1]/Prestaties/Prestatie[1]"
    claim = from_aanbieder(AANBIEDER_A, "WMO323/valid/two-clients-debit-credit.xml", "D-1")
    outcome = await make_pipeline(Scripted(verdict=ClassRejection({line: ("9338",)}))).submit(
        parties["aanbieder"], claim
    )
    assert isinstance(outcome, Answered)
    assert await outcome_of(sessionmaker, outcome.message_id) == ACCEPTED


async def test_a_rejection_of_the_declaratie_rejects_the_claim_whole(
    make_pipeline: PipelineFactory, parties: dict[str, Party], sessionmaker: async_sessionmaker[AsyncSession]
) -> None:
    claim = from_aanbieder(AANBIEDER_A, "WMO323/valid/two-clients-debit-credit.xml", "D-1")
    outcome = await make_pipeline(
        Scripted(verdict=ClassRejection({"/Bericht/Declaratie": ("9333",)}))
    ).submit(parties["aanbieder"], claim)
    assert isinstance(outcome, Answered)
    assert await outcome_of(sessionmaker, outcome.message_id) == REJECTED


async def test_a_header_rejection_refuses_the_whole_message(
    make_pipeline: PipelineFactory, parties: dict[str, Party], sessionmaker: async_sessionmaker[AsyncSession]
) -> None:
    outcome = await make_pipeline(Scripted(verdict=HeaderRejection(("8848",)))).submit(
        parties["aanbieder"], start("S-1")
    )
    assert isinstance(outcome, Answered)
    assert retour_codes(outcome.retour) == ["8848"]
    assert await outcome_of(sessionmaker, outcome.message_id) == REJECTED
    async with UnitOfWork(sessionmaker) as uow:
        assert await uow.mailbox.page(parties["gemeente"].id) == []


async def test_the_processors_changes_commit_with_the_answer(
    make_pipeline: PipelineFactory, parties: dict[str, Party], sessionmaker: async_sessionmaker[AsyncSession]
) -> None:
    await make_pipeline(Scripted()).submit(parties["aanbieder"], start("S-1"))
    assert await events(sessionmaker) == 1


async def test_a_refusal_by_the_processor_is_422_with_its_findings_and_undoes_its_changes(
    make_pipeline: PipelineFactory, parties: dict[str, Party], sessionmaker: async_sessionmaker[AsyncSession]
) -> None:
    outcome = await make_pipeline(Scripted(refusals=(POLICY,))).submit(parties["gemeente"], toewijzing("T-1"))
    assert isinstance(outcome, Refused)
    assert outcome.findings == (POLICY,)
    assert await events(sessionmaker) == 0
    assert await outcome_of(sessionmaker, outcome.message_id) == REJECTED
    async with UnitOfWork(sessionmaker) as uow:
        assert await uow.mailbox.page(parties["aanbieder"].id) == []


async def test_a_message_refused_by_the_processor_may_be_sent_again_once_it_would_pass(
    make_pipeline: PipelineFactory, parties: dict[str, Party]
) -> None:
    await make_pipeline(Scripted(refusals=(POLICY,))).submit(parties["gemeente"], toewijzing("T-1"))
    outcome = await make_pipeline(Scripted()).submit(parties["gemeente"], toewijzing("T-1"))
    assert isinstance(outcome, PassedOn)
    assert not outcome.repeat


async def test_the_processor_is_not_asked_about_a_rule_invalid_or_reused_message(
    make_pipeline: PipelineFactory, parties: dict[str, Party]
) -> None:
    processor = Scripted()
    pipeline = make_pipeline(processor)
    await pipeline.submit(parties["aanbieder"], start("S-1"))
    reused = start("S-1").replace(b"<wmo305:Begindatum>2026-03-02<", b"<wmo305:Begindatum>2026-03-03<")
    outcome = await pipeline.submit(parties["aanbieder"], reused)
    assert isinstance(outcome, Answered)
    assert retour_codes(outcome.retour) == ["9056"]
    assert len(processor.seen) == 1
