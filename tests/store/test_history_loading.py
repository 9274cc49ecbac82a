"""`load_history`: the stored facts a message refers to, and no more; a claim's assignments locked."""

from __future__ import annotations

import asyncio

import pytest
from sqlalchemy import select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from gateway.domain import Omvang
from gateway.store.history import load_history
from gateway.store.models import Toewijzing
from gateway.store.unit_of_work import UnitOfWork
from tests.domain.crossrules.desk import Desk
from tests.domain.crossrules.making import (
    ANDERE_BSN,
    BSN,
    JANUARI,
    aangevraagd,
    claim,
    prestatie,
    start,
    toewijzing,
    wmo301,
    wmo305,
    wmo315,
)


async def test_a_claims_history_holds_only_the_assignments_and_lines_it_refers_to(
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    desk = Desk(sessionmaker)
    await desk.given(
        wmo301(toewijzing(100001), toewijzing(100002, product=None)),
        claim(prestatie("R1", periode=JANUARI), prestatie("R2", nummer=100002, periode=JANUARI)),
    )
    bericht = claim(prestatie("R3"))
    stored = await desk.store(bericht)
    async with UnitOfWork(sessionmaker) as uow:
        history = await load_history(uow.session, bericht, stored.sender, stored.receiver)
    assert [known.toewijzing_nummer for known in history.toewijzingen] == [100001]
    assert [known.prestatie.referentie_nummer for known in history.prestaties] == ["R1"]


async def test_a_claims_history_finds_the_lines_its_credits_name_on_any_assignment(
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    desk = Desk(sessionmaker)
    await desk.given(wmo301(toewijzing(100001), toewijzing(100002, product=None)), claim(prestatie("R1")))
    bericht = claim(prestatie("C1", credit_of="R1", nummer=100002))
    stored = await desk.store(bericht)
    async with UnitOfWork(sessionmaker) as uow:
        history = await load_history(uow.session, bericht, stored.sender, stored.receiver)
    assert [known.prestatie.referentie_nummer for known in history.prestaties] == ["R1"]
    assert history.lines_with_referentie("R1")[0].bsn == BSN


async def test_a_deliverys_history_holds_only_its_clients_classes(
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    desk = Desk(sessionmaker)
    await desk.given(
        wmo301(),
        wmo301(toewijzing(100002), bsn=ANDERE_BSN),
        wmo305(start()),
        wmo305(start(100002), bsn=ANDERE_BSN),
    )
    bericht = wmo305(start(status="3"))
    stored = await desk.store(bericht)
    async with UnitOfWork(sessionmaker) as uow:
        history = await load_history(uow.session, bericht, stored.sender, stored.receiver)
    assert [known.levering.toewijzing_nummer for known in history.leveringen] == [100001]
    assert [known.toewijzing_nummer for known in history.toewijzingen] == [100001]


async def test_a_requests_history_holds_its_references_and_the_clients_pending_requests(
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    desk = Desk(sessionmaker)
    await desk.given(wmo315(aangevraagd("VOT-1")), wmo315(aangevraagd("VOT-2"), bsn=ANDERE_BSN))
    bericht = wmo315(aangevraagd("VOT-3"))
    stored = await desk.store(bericht)
    async with UnitOfWork(sessionmaker) as uow:
        history = await load_history(uow.session, bericht, stored.sender, stored.receiver)
    assert [verzoek.referentie_aanbieder for verzoek in history.verzoeken] == ["VOT-1"]


async def test_a_message_not_yet_answered_has_not_used_its_identificatie(
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    desk = Desk(sessionmaker)
    bericht = wmo301(identificatie="T1")
    await desk.store(bericht)
    stored = await desk.store(bericht)
    async with UnitOfWork(sessionmaker) as uow:
        history = await load_history(uow.session, bericht, stored.sender, stored.receiver)
    assert history.earlier_identificaties == frozenset()


async def test_a_message_refused_without_an_answer_has_not_used_its_identificatie(
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    desk = Desk(sessionmaker)
    first = wmo301(identificatie="T1")
    stored = await desk.store(first)
    async with UnitOfWork(sessionmaker) as uow:
        await desk.answer(uow, stored, None)
    assert await desk.receive(wmo301(identificatie="T1")) == []


async def test_a_claim_holds_its_assignments_until_its_transaction_ends(
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    desk = Desk(sessionmaker)
    await desk.given(wmo301(toewijzing(omvang=Omvang(20, "04", "6"))))
    first, second = claim(prestatie("R1", periode=JANUARI)), claim(prestatie("R2"))
    stored_first, stored_second = await desk.store(first), await desk.store(second)

    async def judge_second() -> list[str]:
        async with UnitOfWork(sessionmaker) as uow:
            return [finding.rule for finding in await desk.judge(uow.session, second, stored_second)]

    async with UnitOfWork(sessionmaker) as uow:
        await desk.judge(uow.session, first, stored_first)
        waiting = asyncio.create_task(judge_second())
        await asyncio.sleep(0.3)
        assert not waiting.done()
    assert await waiting == ["TR322"]


@pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)
async def test_on_postgresql_the_lock_is_on_the_named_toewijzing_rows_only(
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    desk = Desk(sessionmaker)
    await desk.given(wmo301(toewijzing(100001), toewijzing(100002)))
    bericht = claim(prestatie("R1"))
    stored = await desk.store(bericht)
    async with UnitOfWork(sessionmaker) as holding:
        await load_history(holding.session, bericht, stored.sender, stored.receiver)
        async with UnitOfWork(sessionmaker) as other:
            free = (
                select(Toewijzing.id)
                .where(Toewijzing.toewijzing_nummer == 100002)
                .with_for_update(nowait=True)
            )
            assert await other.session.scalar(free) is not None
            held = (
                select(Toewijzing.id)
                .where(Toewijzing.toewijzing_nummer == 100001)
                .with_for_update(nowait=True)
            )
            with pytest.raises(DBAPIError, match="lock"):
                await other.session.scalar(held)
