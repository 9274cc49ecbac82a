"""The natura budget of a toewijzing and its bookings: the ledger of what claims used of it.

A toewijzing with a finite limit has one budget, kept in step with its current version: the volume
over its whole period (TR322, in the Omvang's counting unit) or its Budget (TR369, euro cents, Eenheid
83). An accepted debit line books its volume; an accepted credit line books back what its debit
booked; a line rejected for overrunning the limit is kept as an overrun. Without a finite limit there
is nothing to book against, and the claim lines themselves are the record.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from gateway.domain import Prestatie, Toewijzing, counting_unit, cumulative_maximum, fits, in_counting_unit
from gateway.store.models import Budget, BudgetBooking, BudgetOverrun
from gateway.store.models import Prestatie as PrestatieRow

DECLARED = "declared"
CREDITED = "credited"
EURO = "83"
OVERRUN_CODES = frozenset({"9322", "9369"})
"""The codes of a line that would have taken more than the whole budget."""


@dataclass(frozen=True, slots=True)
class Limit:
    eenheid: str
    amount: int


def limit_of(toewijzing: Toewijzing) -> Limit | None:
    """The finite limit of a version: its Budget, else its Omvang over the whole period; else None."""
    if toewijzing.budget is not None:
        return Limit(EURO, toewijzing.budget)
    omvang, maximum = toewijzing.omvang, cumulative_maximum(toewijzing)
    if omvang is None or maximum is None:
        return None
    return Limit(counting_unit(omvang.eenheid), in_counting_unit(maximum, omvang.eenheid, omvang.eenheid))


def amount_of(prestatie: Prestatie, toewijzing: Toewijzing) -> int | None:
    """What a line takes of the budget, in its Eenheid; None when its unit does not fit (TR341)."""
    if toewijzing.budget is not None:
        return prestatie.geleverd_volume
    omvang = toewijzing.omvang
    if omvang is None or not fits(prestatie.eenheid, omvang.eenheid):
        return None
    return in_counting_unit(prestatie.geleverd_volume, prestatie.eenheid, omvang.eenheid)


class Ledger:
    """Books the lines of one claim on the budgets of their toewijzingen, at one moment."""

    def __init__(self, session: AsyncSession, message_id: int, now: datetime) -> None:
        self._session = session
        self.message_id = message_id
        self._now = now
        self._budgets: dict[int, Budget | None] = {}

    async def book(self, line_id: int, prestatie: Prestatie, toewijzing_id: int, current: Toewijzing) -> None:
        """An accepted line: a debit books its volume, a credit books back what its debit booked."""
        budget = await self._budget(toewijzing_id, current)
        if budget is None:
            return
        if prestatie.is_credit:
            await self._book_back(budget, line_id, prestatie)
            return
        amount = amount_of(prestatie, current)
        if amount is not None:
            self._add(BudgetBooking(budget_id=budget.id, kind=DECLARED, amount=amount, prestatie_id=line_id))

    async def refuse(
        self,
        line_id: int,
        prestatie: Prestatie,
        toewijzing_id: int,
        current: Toewijzing,
        codes: tuple[str, ...],
    ) -> None:
        """A rejected line that would have overrun the budget is kept as an overrun."""
        if not OVERRUN_CODES & set(codes) or prestatie.is_credit:
            return
        budget = await self._budget(toewijzing_id, current)
        amount = amount_of(prestatie, current)
        if budget is None or amount is None:
            return
        booked = await self._session.scalar(
            select(func.coalesce(func.sum(BudgetBooking.amount), 0)).where(
                BudgetBooking.budget_id == budget.id
            )
        )
        self._session.add(
            BudgetOverrun(
                budget_id=budget.id,
                requested=amount,
                available=budget.amount - int(booked or 0),
                prestatie_id=line_id,
                message_id=self.message_id,
                recorded_at=self._now,
            )
        )

    async def _book_back(self, budget: Budget, line_id: int, credit: Prestatie) -> None:
        debit = await self._session.scalar(
            select(BudgetBooking)
            .join(PrestatieRow, PrestatieRow.id == BudgetBooking.prestatie_id)
            .where(
                BudgetBooking.budget_id == budget.id,
                BudgetBooking.kind == DECLARED,
                PrestatieRow.referentie_nummer == credit.vorig_referentie_nummer,
            )
            .order_by(BudgetBooking.id.desc())
            .limit(1)
        )
        if debit is not None:
            self._add(
                BudgetBooking(budget_id=budget.id, kind=CREDITED, amount=-debit.amount, prestatie_id=line_id)
            )

    def _add(self, booking: BudgetBooking) -> None:
        booking.message_id = self.message_id
        booking.booked_at = self._now
        self._session.add(booking)

    async def _budget(self, toewijzing_id: int, current: Toewijzing) -> Budget | None:
        if toewijzing_id not in self._budgets:
            self._budgets[toewijzing_id] = await budget_of(self._session, toewijzing_id, current)
        return self._budgets[toewijzing_id]


async def budget_of(session: AsyncSession, toewijzing_id: int, current: Toewijzing) -> Budget | None:
    """The toewijzing's budget, brought in step with its current version; None without a finite limit."""
    limit = limit_of(current)
    if limit is None:
        return None
    budget = await session.scalar(select(Budget).where(Budget.toewijzing_id == toewijzing_id))
    if budget is None:
        budget = Budget(toewijzing_id=toewijzing_id)
        session.add(budget)
    budget.period_start = current.ingangsdatum
    budget.period_end = current.einddatum
    budget.eenheid = limit.eenheid
    budget.amount = limit.amount
    await session.flush()
    return budget
