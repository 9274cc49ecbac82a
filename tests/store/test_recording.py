"""`record`: what an accepted message leaves behind, written in the caller's transaction."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from gateway.domain import Omvang
from gateway.messages.verdicts import Accepted, ClassRejection, HeaderRejection
from gateway.store.models import (
    Beoordeling,
    Budget,
    BudgetBooking,
    BudgetOverrun,
    Declaratie,
    Levering,
    Prestatie,
    ToewijzingVersie,
    Verzoek,
    VerzoekAntwoord,
)
from gateway.store.recording import record
from gateway.store.unit_of_work import UnitOfWork
from tests.conftest import NOW
from tests.domain.crossrules.desk import Desk
from tests.domain.crossrules.making import (
    JANUARI,
    aangevraagd,
    claim,
    client,
    prestatie,
    start,
    toewijzing,
    wmo301,
    wmo302,
    wmo305,
    wmo315,
    wmo319,
    wmo320,
    wmo323,
    wmo325,
)

TWENTY_HOURS = toewijzing(omvang=Omvang(20, "04", "6"))


class RecordingFailedError(Exception):
    """Stands for whatever goes wrong after recording, in the same transaction."""


async def rows(sessionmaker: async_sessionmaker[AsyncSession], model: type[Any]) -> Sequence[Any]:
    async with UnitOfWork(sessionmaker) as uow:
        return (await uow.session.scalars(select(model).order_by(model.id))).all()


async def count(sessionmaker: async_sessionmaker[AsyncSession], model: type[Any]) -> int:
    async with UnitOfWork(sessionmaker) as uow:
        return int(await uow.session.scalar(select(func.count()).select_from(model)) or 0)


async def test_recording_a_message_twice_in_one_transaction_records_it_once(
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    desk = Desk(sessionmaker)
    bericht = wmo301()
    stored = await desk.store(bericht)
    async with UnitOfWork(sessionmaker) as uow:
        for _ in range(2):
            await record(
                uow.session,
                bericht,
                message_id=stored.message_id,
                verdict=Accepted(),
                sender=stored.sender,
                receiver=stored.receiver,
                now=NOW,
            )
    assert [version.versie for version in await rows(sessionmaker, ToewijzingVersie)] == [1]


async def test_recording_rolls_back_whole_with_its_unit_of_work(
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    desk = Desk(sessionmaker)
    await desk.given(wmo301())
    bericht = claim(prestatie())
    stored = await desk.store(bericht)

    async def judge_record_then_fail() -> None:
        async with UnitOfWork(sessionmaker) as uow:
            await desk.judge(uow.session, bericht, stored)
            raise RecordingFailedError

    with pytest.raises(RecordingFailedError):
        await judge_record_then_fail()
    for model in (Declaratie, Prestatie, BudgetBooking, Budget):
        assert await count(sessionmaker, model) == 0, model.__name__


async def test_a_message_rejected_as_a_whole_records_nothing(
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    desk = Desk(sessionmaker)
    bericht = wmo305()
    stored = await desk.store(bericht)
    async with UnitOfWork(sessionmaker) as uow:
        verdict = ClassRejection({"/Bericht/Client/StartProducten/StartProduct[1]": ("9019",)})
        await record(
            uow.session,
            bericht,
            message_id=stored.message_id,
            verdict=verdict,
            sender=stored.sender,
            receiver=stored.receiver,
            now=NOW,
        )
        claim_verdict = HeaderRejection(("9056",))
        await record(
            uow.session,
            claim(),
            message_id=stored.message_id,
            verdict=claim_verdict,
            sender=stored.sender,
            receiver=stored.receiver,
            now=NOW,
        )
    assert await count(sessionmaker, Levering) == 0
    assert await count(sessionmaker, Declaratie) == 0


async def test_a_claim_keeps_its_rejected_lines_with_their_codes_and_books_only_the_accepted(
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    desk = Desk(sessionmaker)
    await desk.given(wmo301(TWENTY_HOURS))
    await desk.receive(claim(prestatie("R1", volume=12, periode=JANUARI), prestatie("R2", volume=9)))
    lines = await rows(sessionmaker, Prestatie)
    assert [(line.referentie_nummer, line.status, line.retourcodes) for line in lines] == [
        ("R1", "toegekend", None),
        ("R2", "afgewezen", ["9322"]),
    ]
    [budget] = await rows(sessionmaker, Budget)
    assert (budget.eenheid, budget.amount) == ("01", 20 * 60)
    bookings = await rows(sessionmaker, BudgetBooking)
    assert [(booking.kind, booking.amount, booking.prestatie_id) for booking in bookings] == [
        ("declared", 12 * 60, lines[0].id)
    ]
    [overrun] = await rows(sessionmaker, BudgetOverrun)
    assert (overrun.requested, overrun.available, overrun.prestatie_id) == (9 * 60, 8 * 60, lines[1].id)


async def test_a_credit_line_books_back_what_its_debit_booked(
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    desk = Desk(sessionmaker)
    await desk.given(
        wmo301(TWENTY_HOURS),
        claim(prestatie("R1", volume=12)),
        claim(prestatie("C1", volume=12, credit_of="R1")),
    )
    bookings = await rows(sessionmaker, BudgetBooking)
    assert [(booking.kind, booking.amount) for booking in bookings] == [("declared", 720), ("credited", -720)]


async def test_a_claim_rejected_on_its_declaratie_is_not_recorded(
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    desk = Desk(sessionmaker)
    await desk.given(wmo301(), claim(prestatie("R1", periode=JANUARI), nummer="D1", periode=JANUARI))
    await desk.receive(claim(prestatie("R2"), nummer="D1"))
    assert [line.referentie_nummer for line in await rows(sessionmaker, Prestatie)] == ["R1"]


async def test_a_deletion_is_kept_naming_the_class_it_deletes(
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    desk = Desk(sessionmaker)
    await desk.given(wmo301(), wmo305(start()), wmo305(start(status="3")))
    first, deletion = await rows(sessionmaker, Levering)
    assert (deletion.status_aanlevering, deletion.deletes_levering_id) == ("3", first.id)
    assert first.toewijzing_id is not None


async def test_an_assignment_honouring_a_request_marks_it_toegewezen(
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    desk = Desk(sessionmaker)
    await desk.given(wmo315(aangevraagd("VOT-1")), wmo301(toewijzing(referentie="VOT-1")))
    assert [verzoek.status for verzoek in await rows(sessionmaker, Verzoek)] == ["toegewezen"]


async def test_a_rejecting_retour_takes_back_the_assignment_and_the_honouring(
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    desk = Desk(sessionmaker)
    honouring = wmo301(toewijzing(referentie="VOT-1"))
    await desk.given(wmo315(aangevraagd("VOT-1")), honouring, wmo302(honouring, "0200"))
    assert await count(sessionmaker, ToewijzingVersie) == 0
    assert [verzoek.status for verzoek in await rows(sessionmaker, Verzoek)] == ["ingediend"]


async def test_an_accepting_retour_changes_nothing(sessionmaker: async_sessionmaker[AsyncSession]) -> None:
    desk = Desk(sessionmaker)
    assignment = wmo301()
    await desk.given(assignment, wmo302(assignment))
    assert await count(sessionmaker, ToewijzingVersie) == 1


async def test_a_rejecting_retour_on_an_answer_takes_the_answer_back(
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    desk = Desk(sessionmaker)
    answer = wmo319("VOT-1", "1")
    await desk.given(wmo315(aangevraagd("VOT-1")), wmo319("VOT-1", "2"), answer, wmo320(answer, "9365"))
    assert [antwoord.verzoek_antwoord for antwoord in await rows(sessionmaker, VerzoekAntwoord)] == ["2"]
    assert [verzoek.status for verzoek in await rows(sessionmaker, Verzoek)] == ["in_onderzoek"]


async def test_an_answer_on_a_claim_records_the_beoordeling_and_rejects_the_lines_it_returns(
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    desk = Desk(sessionmaker)
    await desk.given(wmo301(TWENTY_HOURS))
    answered = wmo323(client(prestatie("R1", volume=6, periode=JANUARI), prestatie("R2", volume=6)))
    await desk.given(answered)
    returned = answered.declaratie.clienten[0].prestaties[1]
    await desk.given(wmo325(answered, client(replace(returned, retour_codes=("9321",)))))
    [beoordeling] = await rows(sessionmaker, Beoordeling)
    assert (beoordeling.totaal_toegekend_bedrag, beoordeling.retourcodes) == (6 * 7400, ["0200"])
    lines = await rows(sessionmaker, Prestatie)
    assert [(line.status, line.retourcodes) for line in lines] == [
        ("toegekend", None),
        ("afgewezen", ["9321"]),
    ]
    assert [booking.prestatie_id for booking in await rows(sessionmaker, BudgetBooking)] == [lines[0].id]
