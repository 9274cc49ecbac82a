"""The natura budget of a toewijzing and its bookings: the ledger of what claims used of it.

A toewijzing with a finite limit has one budget, kept in step with its current version: the volume
over its whole period (TR322, in the Omvang's counting unit) or its Budget (TR369, euro cents, Eenheid
83). An accepted debit line books its volume; an accepted credit line books back what its debit
booked; a line rejected for overrunning the limit is kept as an overrun. Without a finite limit there
is nothing to book against, and the claim lines themselves are the record.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import cast

from sqlalchemy import Table, bindparam, func, insert, select
from sqlalchemy.ext.asyncio import AsyncSession

from gateway.domain import Prestatie, Toewijzing, counting_unit, cumulative_maximum, fits, in_counting_unit
from gateway.store.known.batches import batches
from gateway.store.models import Budget, BudgetBooking, BudgetOverrun
from gateway.store.models import Prestatie as PrestatieRow

DECLARED = "declared"
CREDITED = "credited"
EURO = "83"
OVERRUN_CODES = frozenset({"9322", "9369"})
"""The codes of a line that would have taken more than the whole budget."""

# Every claim books on its budgets, so the statements are built once; the keys go in as one expanding
# parameter. The budgets themselves are ORM objects: brought in step here, they are written by the flush.
_BOOKING = BudgetBooking.__table__.c
_LINE = PrestatieRow.__table__.c
_BOOKED = (
    select(_BOOKING.budget_id, func.sum(_BOOKING.amount))
    .where(_BOOKING.budget_id.in_(bindparam("budget_ids", expanding=True)))
    .group_by(_BOOKING.budget_id)
)
_DEBITS = (
    select(_BOOKING.budget_id, _LINE.referentie_nummer, _BOOKING.amount)
    .join(PrestatieRow.__table__, _LINE.id == _BOOKING.prestatie_id)
    .where(
        _BOOKING.budget_id.in_(bindparam("budget_ids", expanding=True)),
        _BOOKING.kind == DECLARED,
        _LINE.referentie_nummer.in_(bindparam("referenties", expanding=True)),
    )
    .order_by(_BOOKING.id)
)
_BUDGETS = (
    select(Budget)
    .where(Budget.toewijzing_id.in_(bindparam("toewijzing_ids", expanding=True)))
    .order_by(Budget.id)
)
_NEW_BUDGETS = insert(Budget).returning(Budget)
_NEW_BOOKINGS = insert(cast(Table, BudgetBooking.__table__))
_NEW_OVERRUNS = insert(cast(Table, BudgetOverrun.__table__))


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


@dataclass(frozen=True, slots=True)
class Line:
    """A recorded claim line on a known toewijzing: its row id, what it says, and the codes rejecting it."""

    id: int
    prestatie: Prestatie
    toewijzing_id: int
    current: Toewijzing
    codes: tuple[str, ...]

    @property
    def uses_budget(self) -> bool:
        """Accepted lines book; a rejected debit that would have overrun the budget is kept as an overrun."""
        return not self.codes or (bool(OVERRUN_CODES & set(self.codes)) and not self.prestatie.is_credit)


class Ledger:
    """Books the lines of one claim on the budgets of their toewijzingen, at one moment.

    However many lines, in a fixed number of statements: the budgets are brought in step at once, what
    was booked on them and the debits the credit lines take back are read at once, and the bookings
    and overruns written at once. The lines are still booked one after another, in their order: an
    overrun sees what the lines before it booked, a credit can take back a debit of the same claim.
    """

    def __init__(self, session: AsyncSession, message_id: int, now: datetime) -> None:
        self._session = session
        self.message_id = message_id
        self._now = now

    async def enter(self, lines: Sequence[Line]) -> None:
        """Book the lines, in order: accepted debits book their volume, accepted credits book back."""
        using = [line for line in lines if line.uses_budget]
        budgets = await budgets_of(self._session, {line.toewijzing_id: line.current for line in using})
        ids = [budget.id for budget in budgets.values()]
        booked = await _booked(self._session, ids) if any(line.codes for line in using) else {}
        credited = {line.prestatie.vorig_referentie_nummer for line in using if line.prestatie.is_credit}
        debits = await _debits(self._session, ids, {r for r in credited if r is not None})
        bookings: list[dict[str, object]] = []
        overruns: list[dict[str, object]] = []
        for line in using:
            budget = budgets.get(line.toewijzing_id)
            if budget is None:
                continue
            prestatie = line.prestatie
            if line.codes:
                amount = amount_of(prestatie, line.current)
                if amount is not None:
                    available = budget.amount - booked.get(budget.id, 0)
                    overruns.append(self._overrun(budget.id, line.id, amount, available))
                continue
            if prestatie.is_credit:
                debit = debits.get((budget.id, prestatie.vorig_referentie_nummer or ""))
                if debit is None:
                    continue
                kind, amount = CREDITED, -debit
            else:
                taken = amount_of(prestatie, line.current)
                if taken is None:
                    continue
                kind, amount = DECLARED, taken
                debits[(budget.id, prestatie.referentie_nummer)] = amount
            booked[budget.id] = booked.get(budget.id, 0) + amount
            bookings.append(self._booking(budget.id, line.id, kind, amount))
        if bookings:
            await self._session.execute(_NEW_BOOKINGS, bookings)
        if overruns:
            await self._session.execute(_NEW_OVERRUNS, overruns)

    def _booking(self, budget_id: int, line_id: int, kind: str, amount: int) -> dict[str, object]:
        return {
            "budget_id": budget_id,
            "kind": kind,
            "amount": amount,
            "prestatie_id": line_id,
            "message_id": self.message_id,
            "booked_at": self._now,
        }

    def _overrun(self, budget_id: int, line_id: int, requested: int, available: int) -> dict[str, object]:
        return {
            "budget_id": budget_id,
            "requested": requested,
            "available": available,
            "prestatie_id": line_id,
            "message_id": self.message_id,
            "recorded_at": self._now,
        }


async def _booked(session: AsyncSession, budget_ids: Sequence[int]) -> dict[int, int]:
    """What is booked on each budget so far (credits taken off)."""
    found: dict[int, int] = {}
    for batch in batches(budget_ids):
        result = await session.execute(_BOOKED, {"budget_ids": batch})
        found.update({budget_id: int(total or 0) for budget_id, total in result.all()})
    return found


async def _debits(
    session: AsyncSession, budget_ids: Sequence[int], referenties: set[str]
) -> dict[tuple[int, str], int]:
    """The amount of the latest debit booked on each budget for each of these ReferentieNummers."""
    found: dict[tuple[int, str], int] = {}
    if not budget_ids or not referenties:
        return found
    for batch in batches(referenties):
        result = await session.execute(_DEBITS, {"budget_ids": budget_ids, "referenties": batch})
        found.update({(budget_id, referentie): amount for budget_id, referentie, amount in result.all()})
    return found


async def budgets_of(session: AsyncSession, currents: Mapping[int, Toewijzing]) -> dict[int, Budget]:
    """The budgets of these toewijzingen (id: current version) with a finite limit, brought in step with
    that version; the new ones made in one statement (a flush would make them one by one on SQLite)."""
    limits = {toewijzing_id: limit for toewijzing_id, c in currents.items() if (limit := limit_of(c))}
    budgets = await _budgets(session, limits)
    new = [_budget_values(t, currents[t], limit) for t, limit in limits.items() if t not in budgets]
    if new:
        made = await session.scalars(_NEW_BUDGETS, new)
        budgets.update({budget.toewijzing_id: budget for budget in made if budget.toewijzing_id is not None})
    for toewijzing_id, limit in limits.items():
        for name, value in _budget_values(toewijzing_id, currents[toewijzing_id], limit).items():
            setattr(budgets[toewijzing_id], name, value)
    await session.flush()
    return budgets


async def _budgets(session: AsyncSession, toewijzing_ids: Iterable[int]) -> dict[int, Budget]:
    budgets: dict[int, Budget] = {}
    for batch in batches(toewijzing_ids):
        result = await session.scalars(_BUDGETS, {"toewijzing_ids": batch})
        for budget in result:
            assert budget.toewijzing_id is not None
            budgets.setdefault(budget.toewijzing_id, budget)
    return budgets


def _budget_values(toewijzing_id: int, current: Toewijzing, limit: Limit) -> dict[str, object]:
    return {
        "toewijzing_id": toewijzing_id,
        "period_start": current.ingangsdatum,
        "period_end": current.einddatum,
        "eenheid": limit.eenheid,
        "amount": limit.amount,
    }
