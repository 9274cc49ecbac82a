"""Pgb decisions and their budgets: registered by the gemeente, drawn on by payments, never overrun.

A payment locks its period's budget row before it counts what remains (SELECT ... FOR UPDATE on
PostgreSQL; SQLite serialises writers), so two payments cannot both take the last of a budget. A
payment that would overrun is refused and kept as an overrun.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from gateway.domain.pgb import PeriodeSoort, PgbVorm, pgb_budgets
from gateway.store.models import Beschikking, Budget, BudgetBooking, BudgetOverrun

EURO_CENTS = "83"
PAID = "paid"
PGB = "pgb"


@dataclass(frozen=True, slots=True)
class PgbDecision:
    """What the gemeente decided: a pgb for one client and product, for a period, at an amount."""

    gemeente_id: int
    client_id: int
    beschikking_nummer: int
    vorm: PgbVorm
    product_categorie: str | None
    product_code: str | None
    ingangsdatum: date
    einddatum: date
    bedrag: int
    """Euro cents per period (trekkingsrecht) or for the whole decision (eenmalig)."""
    per: PeriodeSoort = PeriodeSoort.JAAR


@dataclass(frozen=True, slots=True)
class Remaining:
    """What one budget period grants, what was paid from it, and what is left."""

    granted: int
    paid: int

    @property
    def left(self) -> int:
        return self.granted - self.paid


@dataclass(frozen=True, slots=True)
class Payment:
    """The outcome of a payment: accepted, or refused for the amount that was left."""

    accepted: bool
    remaining: Remaining


async def register_pgb(session: AsyncSession, decision: PgbDecision, *, afgiftedatum: date) -> Beschikking:
    """Keep the decision with a budget row per period."""
    beschikking = Beschikking(
        gemeente_id=decision.gemeente_id,
        client_id=decision.client_id,
        beschikking_nummer=decision.beschikking_nummer,
        leveringsvorm=PGB,
        pgb_vorm=decision.vorm.value,
        product_categorie=decision.product_categorie,
        product_code=decision.product_code,
        afgiftedatum=afgiftedatum,
        ingangsdatum=decision.ingangsdatum,
        einddatum=decision.einddatum,
    )
    session.add(beschikking)
    await session.flush()
    for budget in pgb_budgets(
        decision.vorm, decision.ingangsdatum, decision.einddatum, decision.bedrag, decision.per
    ):
        session.add(
            Budget(
                beschikking_id=beschikking.id,
                period_start=budget.periode.begindatum,
                period_end=budget.periode.einddatum,
                eenheid=EURO_CENTS,
                amount=budget.bedrag,
            )
        )
    await session.flush()
    return beschikking


async def pgb_remaining(session: AsyncSession, beschikking_id: int, on: date) -> Remaining | None:
    """What is left on the day `on` of the decision's budget; None outside its periods."""
    budget = await _budget(session, beschikking_id, on, lock=False)
    return None if budget is None else await _remaining(session, budget)


async def pay(
    session: AsyncSession, beschikking_id: int, on: date, amount: int, *, now: datetime
) -> Payment | None:
    """Pay `amount` cents from the period holding `on`; refused (and kept as an overrun) beyond what is left.

    None when no period of the decision holds `on`.
    """
    if amount <= 0:
        raise ValueError("a payment is a positive amount of euro cents")
    budget = await _budget(session, beschikking_id, on, lock=True)
    if budget is None:
        return None
    remaining = await _remaining(session, budget)
    if amount > remaining.left:
        session.add(
            BudgetOverrun(budget_id=budget.id, requested=amount, available=remaining.left, recorded_at=now)
        )
        await session.flush()
        return Payment(accepted=False, remaining=remaining)
    session.add(BudgetBooking(budget_id=budget.id, kind=PAID, amount=amount, booked_at=now))
    await session.flush()
    return Payment(accepted=True, remaining=Remaining(remaining.granted, remaining.paid + amount))


async def _budget(session: AsyncSession, beschikking_id: int, on: date, *, lock: bool) -> Budget | None:
    query = select(Budget).where(
        Budget.beschikking_id == beschikking_id, Budget.period_start <= on, Budget.period_end >= on
    )
    if lock:
        query = query.with_for_update()
    return (await session.scalars(query)).first()


async def _remaining(session: AsyncSession, budget: Budget) -> Remaining:
    paid = await session.scalar(
        select(func.coalesce(func.sum(BudgetBooking.amount), 0)).where(BudgetBooking.budget_id == budget.id)
    )
    return Remaining(granted=budget.amount, paid=int(paid or 0))
