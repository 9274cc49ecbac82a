"""Pgb budgets in the store: registered per period, paid from, never overrun."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from gateway.domain.pgb import PgbVorm
from gateway.store.models import BudgetOverrun, Client
from gateway.store.models.parties import GEMEENTE
from gateway.store.pgb import PgbDecision, pay, pgb_remaining, register_pgb
from gateway.store.unit_of_work import UnitOfWork
from tests.conftest import NOW


async def _decision(sessionmaker: async_sessionmaker[AsyncSession], vorm: PgbVorm, bedrag: int) -> int:
    async with UnitOfWork(sessionmaker) as uow:
        gemeente = await uow.parties.add(GEMEENTE, "1916", "Leidschendam-Voorburg", created_at=NOW)
        client = Client(gemeente_id=gemeente.id, bsn="999900006")
        uow.session.add(client)
        await uow.session.flush()
        decision = PgbDecision(
            gemeente_id=gemeente.id,
            client_id=client.id,
            beschikking_nummer=1,
            vorm=vorm,
            product_categorie="02",
            product_code=None,
            ingangsdatum=date(2026, 1, 1),
            einddatum=date(2026, 12, 31),
            bedrag=bedrag,
        )
        return (await register_pgb(uow.session, decision, afgiftedatum=date(2025, 12, 15))).id


async def test_payments_within_the_budget_are_accepted_and_lower_what_remains(
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    beschikking = await _decision(sessionmaker, PgbVorm.TREKKINGSRECHT, 100_000)
    async with UnitOfWork(sessionmaker) as uow:
        payment = await pay(uow.session, beschikking, date(2026, 3, 1), 60_000, now=NOW)
    assert payment is not None
    assert payment.accepted
    async with UnitOfWork(sessionmaker) as uow:
        remaining = await pgb_remaining(uow.session, beschikking, date(2026, 6, 1))
    assert remaining is not None
    assert remaining.left == 40_000


async def test_a_payment_beyond_what_remains_is_refused_and_kept_as_an_overrun(
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    beschikking = await _decision(sessionmaker, PgbVorm.EENMALIG, 100_000)
    async with UnitOfWork(sessionmaker) as uow:
        await pay(uow.session, beschikking, date(2026, 3, 1), 60_000, now=NOW)
        refused = await pay(uow.session, beschikking, date(2026, 4, 1), 40_001, now=NOW)
    assert refused is not None
    assert not refused.accepted
    assert refused.remaining.left == 40_000
    async with UnitOfWork(sessionmaker) as uow:
        overruns = await uow.session.scalar(select(func.count()).select_from(BudgetOverrun))
        remaining = await pgb_remaining(uow.session, beschikking, date(2026, 4, 1))
    assert overruns == 1
    assert remaining is not None
    assert remaining.left == 40_000


async def test_a_day_outside_the_decision_has_no_budget(
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    beschikking = await _decision(sessionmaker, PgbVorm.EENMALIG, 100_000)
    async with UnitOfWork(sessionmaker) as uow:
        assert await pgb_remaining(uow.session, beschikking, date(2027, 1, 1)) is None
        assert await pay(uow.session, beschikking, date(2027, 1, 1), 1, now=NOW) is None
