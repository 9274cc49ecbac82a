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

from sqlalchemy import Table, bindparam, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from gateway.domain import Prestatie, Toewijzing, counting_unit, cumulative_maximum, fits, in_counting_unit
from gateway.store.bulk import BulkInsert, dialect_of
from gateway.store.known.batches import key_batches, key_lookup
from gateway.store.known.rows import TableRow
from gateway.store.models import Budget, BudgetBooking, BudgetOverrun
from gateway.store.models import Prestatie as PrestatieRow

DECLARED = "declared"
CREDITED = "credited"
EURO = "83"
OVERRUN_CODES = frozenset({"9322", "9369"})
"""The codes of a line that would have taken more than the whole budget."""

# Every claim books on its budgets, so the statements are built once (for each dialect's way of taking
# many keys). Budgets are read as plain rows; only those a new version changed are written back (the
# fields `_budget_values` gives).
_KEPT_IN_STEP = ("period_start", "period_end", "eenheid", "amount")
_BOOKING = BudgetBooking.__table__.c
_LINE = PrestatieRow.__table__.c
_BOOKED = key_lookup(
    lambda one_of: (
        select(_BOOKING.budget_id, func.sum(_BOOKING.amount))
        .where(one_of(_BOOKING.budget_id, "budget_ids"))
        .group_by(_BOOKING.budget_id)
    )
)
_DEBITS = key_lookup(
    lambda one_of: (
        select(_BOOKING.budget_id, _LINE.referentie_nummer, _BOOKING.amount)
        .join(PrestatieRow.__table__, _LINE.id == _BOOKING.prestatie_id)
        .where(
            one_of(_BOOKING.budget_id, "budget_ids"),
            _BOOKING.kind == DECLARED,
            one_of(_LINE.referentie_nummer, "referenties"),
        )
        .order_by(_BOOKING.id)
    )
)
_BUDGET = Budget.__table__.c
_BUDGETS = key_lookup(
    lambda one_of: (
        select(_BUDGET.id, _BUDGET.toewijzing_id, *(_BUDGET[name] for name in _KEPT_IN_STEP))
        .where(one_of(_BUDGET.toewijzing_id, "toewijzing_ids"))
        .order_by(_BUDGET.id)
    )
)
_SET_BUDGET = update(cast(Table, Budget.__table__)).where(_BUDGET.id == bindparam("budget_id"))
_NEW_BUDGETS = BulkInsert(cast(Table, Budget.__table__))
_NEW_BOOKINGS = BulkInsert(cast(Table, BudgetBooking.__table__))
_NEW_OVERRUNS = BulkInsert(cast(Table, BudgetOverrun.__table__))


@dataclass(frozen=True, slots=True)
class NaturaBudget:
    """A toewijzing's budget as a claim books on it: its row, and how much it holds."""

    id: int
    amount: int


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
        await _NEW_BOOKINGS.run(self._session, bookings)
        await _NEW_OVERRUNS.run(self._session, overruns)

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
    query = _BOOKED[dialect_of(session)]
    for batch in key_batches(session, budget_ids):
        result = await session.execute(query, {"budget_ids": batch})
        found.update({budget_id: int(total or 0) for budget_id, total in result.all()})
    return found


async def _debits(
    session: AsyncSession, budget_ids: Sequence[int], referenties: set[str]
) -> dict[tuple[int, str], int]:
    """The amount of the latest debit booked on each budget for each of these ReferentieNummers."""
    found: dict[tuple[int, str], int] = {}
    if not budget_ids or not referenties:
        return found
    query = _DEBITS[dialect_of(session)]
    for batch in key_batches(session, referenties):
        result = await session.execute(query, {"budget_ids": budget_ids, "referenties": batch})
        found.update({(budget_id, referentie): amount for budget_id, referentie, amount in result.all()})
    return found


async def budgets_of(session: AsyncSession, currents: Mapping[int, Toewijzing]) -> dict[int, NaturaBudget]:
    """The budgets of these toewijzingen (id: current version) with a finite limit, brought in step with
    that version: the changed ones updated and the new ones inserted, each in one statement."""
    limits = {toewijzing_id: limit for toewijzing_id, c in currents.items() if (limit := limit_of(c))}
    found = await _budgets(session, limits)
    budgets: dict[int, NaturaBudget] = {}
    changed: list[dict[str, object]] = []
    new: dict[int, dict[str, object]] = {}
    for toewijzing_id, limit in limits.items():
        values = _budget_values(currents[toewijzing_id], limit)
        row = found.get(toewijzing_id)
        if row is None:
            new[toewijzing_id] = {"toewijzing_id": toewijzing_id, "beschikking_id": None, **values}
            continue
        if any(getattr(row, name) != value for name, value in values.items()):
            changed.append({"budget_id": row.id, **values})
        budgets[toewijzing_id] = NaturaBudget(row.id, limit.amount)
    if changed:
        await session.execute(_SET_BUDGET, changed)
    made = await _NEW_BUDGETS.keys(session, list(new.values()))
    for toewijzing_id, budget_id in zip(new, made, strict=True):
        budgets[toewijzing_id] = NaturaBudget(budget_id, limits[toewijzing_id].amount)
    return budgets


async def _budgets(session: AsyncSession, toewijzing_ids: Iterable[int]) -> dict[int, TableRow]:
    budgets: dict[int, TableRow] = {}
    query = _BUDGETS[dialect_of(session)]
    for batch in key_batches(session, toewijzing_ids):
        for row in await session.execute(query, {"toewijzing_ids": batch}):
            budgets.setdefault(row.toewijzing_id, row)
    return budgets


def _budget_values(current: Toewijzing, limit: Limit) -> dict[str, object]:
    return {
        "period_start": current.ingangsdatum,
        "period_end": current.einddatum,
        "eenheid": limit.eenheid,
        "amount": limit.amount,
    }
