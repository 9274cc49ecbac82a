"""The natura budget of an assignment, queried from the store as the claim checks count it."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from gateway.domain import Omvang
from gateway.store.budgets import natura_budget
from gateway.store.models import Budget
from gateway.store.models.parties import GEMEENTE as GEMEENTE_KIND
from gateway.store.repositories.parties import PartyRepository
from gateway.store.unit_of_work import UnitOfWork
from tests.domain.crossrules.desk import Desk
from tests.domain.crossrules.making import (
    FEBRUARI,
    GEMEENTE,
    JANUARI,
    NUMMER,
    claim,
    prestatie,
    toewijzing,
    wmo301,
)

TWENTY_HOURS = toewijzing(omvang=Omvang(20, "04", "6"))


@pytest.fixture
def desk(sessionmaker: async_sessionmaker[AsyncSession]) -> Desk:
    return Desk(sessionmaker)


async def _budget(sessionmaker: async_sessionmaker[AsyncSession], nummer: int = NUMMER) -> object:
    async with UnitOfWork(sessionmaker) as uow:
        gemeente = await PartyRepository(uow.session).find(GEMEENTE_KIND, GEMEENTE)
        assert gemeente is not None
        return await natura_budget(uow.session, gemeente.id, nummer)


async def test_the_remaining_total_is_the_assignment_less_the_accepted_lines(
    desk: Desk, sessionmaker: async_sessionmaker[AsyncSession]
) -> None:
    await desk.given(wmo301(TWENTY_HOURS), claim(prestatie("R1", volume=12, periode=JANUARI)))
    status = await _budget(sessionmaker)
    assert status is not None
    assert status.cumulative is not None
    assert (status.cumulative.maximum, status.cumulative.declared, status.cumulative.remainder) == (
        20 * 60,
        12 * 60,
        8 * 60,
    )


async def test_a_credited_line_gives_its_volume_back(
    desk: Desk, sessionmaker: async_sessionmaker[AsyncSession]
) -> None:
    await desk.given(
        wmo301(TWENTY_HOURS),
        claim(prestatie("R1", volume=12, periode=JANUARI)),
        claim(prestatie("C1", volume=12, periode=JANUARI, credit_of="R1")),
    )
    status = await _budget(sessionmaker)
    assert status is not None
    assert status.cumulative is not None
    assert status.cumulative.remainder == 20 * 60


async def test_an_unknown_assignment_has_no_budget(
    desk: Desk, sessionmaker: async_sessionmaker[AsyncSession]
) -> None:
    await desk.given(wmo301(TWENTY_HOURS))
    assert await _budget(sessionmaker, nummer=999) is None


async def test_a_budget_follows_the_version_its_toewijzing_has_when_it_is_next_claimed_on(
    desk: Desk, sessionmaker: async_sessionmaker[AsyncSession]
) -> None:
    changed = toewijzing(
        omvang=Omvang(30, "04", "6"), reden="04", vastgesteld=TWENTY_HOURS.vastgesteld.replace(day=16)
    )
    await desk.given(
        wmo301(TWENTY_HOURS),
        claim(prestatie("R1", volume=12, periode=JANUARI)),
        wmo301(changed),
        claim(prestatie("R2", volume=3, periode=FEBRUARI), nummer="D2"),
    )
    async with sessionmaker() as session:
        budgets = (await session.execute(select(Budget.amount, Budget.eenheid))).all()
    assert [tuple(budget) for budget in budgets] == [(30 * 60, "01")]  # in minutes
