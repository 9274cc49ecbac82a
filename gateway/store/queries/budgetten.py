"""A client's budgets: natura per toewijzing (as the claim checks count it), pgb per beschikking.

Natura comes from `natura_budget`, the count the claim rules (TR321, TR322, TR369) use, so what the
gemeente reads is what a next claim line is judged against. Pgb comes from the budget rows of each pgb
beschikking and the payments booked on them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from gateway.domain.natura_budget import Usage
from gateway.store.budgets import natura_budget
from gateway.store.models import Beschikking, Budget, BudgetBooking, Toewijzing

PGB = "pgb"


@dataclass(frozen=True, slots=True)
class Amounts:
    """What is granted, what was used of it, and what is left; `granted` None: no limit applies."""

    granted: int | None
    used: int

    @property
    def left(self) -> int | None:
        return None if self.granted is None else self.granted - self.used

    @classmethod
    def of(cls, usage: Usage) -> Amounts:
        return cls(usage.maximum, usage.declared)


@dataclass(frozen=True, slots=True)
class PeriodAmounts:
    begindatum: date
    einddatum: date
    amounts: Amounts


@dataclass(frozen=True, slots=True)
class NaturaBudget:
    """One toewijzing's use: per product period (a month) and over its whole period, in `eenheid` (the
    Omvang's counting unit); and against its Budget in euro cents, when it has one."""

    toewijzing_nummer: int
    eenheid: str | None
    periods: tuple[PeriodAmounts, ...]
    total: Amounts | None
    budget: Amounts | None


@dataclass(frozen=True, slots=True)
class PgbBudget:
    """One pgb beschikking's budget periods, in euro cents."""

    beschikking_nummer: int
    pgb_vorm: str | None
    product_categorie: str | None
    product_code: str | None
    periods: tuple[PeriodAmounts, ...]


async def natura_budgetten(session: AsyncSession, gemeente_id: int, client_id: int) -> list[NaturaBudget]:
    numbers = await session.scalars(
        select(Toewijzing.toewijzing_nummer)
        .where(Toewijzing.gemeente_id == gemeente_id, Toewijzing.client_id == client_id)
        .order_by(Toewijzing.id)
    )
    budgets = []
    for nummer in numbers.all():
        status = await natura_budget(session, gemeente_id, nummer)
        if status is None:
            continue
        budgets.append(
            NaturaBudget(
                toewijzing_nummer=nummer,
                eenheid=status.eenheid,
                periods=tuple(
                    PeriodAmounts(usage.periode.begindatum, usage.periode.einddatum, Amounts.of(usage))
                    for usage in status.periods
                ),
                total=None if status.cumulative is None else Amounts.of(status.cumulative),
                budget=None if status.budget is None else Amounts.of(status.budget),
            )
        )
    return budgets


async def pgb_budgetten(session: AsyncSession, client_id: int) -> list[PgbBudget]:
    beschikkingen = (
        await session.scalars(
            select(Beschikking)
            .where(Beschikking.client_id == client_id, Beschikking.leveringsvorm == PGB)
            .order_by(Beschikking.id)
        )
    ).all()
    used = (
        select(func.coalesce(func.sum(BudgetBooking.amount), 0))
        .where(BudgetBooking.budget_id == Budget.id)
        .scalar_subquery()
    )
    periods: dict[int, list[PeriodAmounts]] = {}
    if beschikkingen:
        rows = await session.execute(
            select(Budget, used)
            .where(Budget.beschikking_id.in_([beschikking.id for beschikking in beschikkingen]))
            .order_by(Budget.period_start)
        )
        for budget, paid in rows.all():
            assert budget.beschikking_id is not None, "selected by its beschikking"
            periods.setdefault(budget.beschikking_id, []).append(
                PeriodAmounts(
                    budget.period_start,
                    budget.period_end or budget.period_start,
                    Amounts(budget.amount, int(paid)),
                )
            )
    return [
        PgbBudget(
            beschikking_nummer=beschikking.beschikking_nummer,
            pgb_vorm=beschikking.pgb_vorm,
            product_categorie=beschikking.product_categorie,
            product_code=beschikking.product_code,
            periods=tuple(periods.get(beschikking.id, ())),
        )
        for beschikking in beschikkingen
    ]
