"""Claims on the same assignment handled at the same time: the budget is never taken twice."""

from __future__ import annotations

import asyncio

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from gateway.domain import Omvang
from gateway.store.models import Prestatie
from gateway.store.unit_of_work import UnitOfWork
from tests.domain.crossrules.desk import Desk
from tests.domain.crossrules.making import JANUARI, claim, prestatie, toewijzing, wmo301


async def test_of_two_parallel_claims_that_together_overrun_the_budget_only_one_is_accepted(
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    desk = Desk(sessionmaker)
    await desk.given(wmo301(toewijzing(omvang=Omvang(20, "04", "6"))))
    results = await asyncio.gather(
        desk.receive(claim(prestatie("R1", volume=12, periode=JANUARI))),
        desk.receive(claim(prestatie("R2", volume=12))),
    )
    rules = sorted(tuple(rule for rule, _, _ in found) for found in results)
    assert rules == [(), ("TR322",)]
    async with UnitOfWork(sessionmaker) as uow:
        statuses = (await uow.session.scalars(select(Prestatie.status).order_by(Prestatie.status))).all()
    assert statuses == ["afgewezen", "toegekend"]
