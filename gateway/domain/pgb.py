"""A pgb decision's budget periods: the SVB's trekkingsrecht per period for diensten, one sum for the rest.

A pgb for diensten is paid out by the SVB from a budget the client may draw on (trekkingsrecht), per
period the beschikking states; a pgb for a materiële voorziening is one payment for the whole
decision. Either way a payment may not exceed what remains of its period.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from gateway.domain.periods import Periode, month_of


class PgbVorm(StrEnum):
    TREKKINGSRECHT = "trekkingsrecht"
    EENMALIG = "eenmalig"


class PeriodeSoort(StrEnum):
    """The period a trekkingsrecht budget is granted for."""

    MAAND = "maand"
    JAAR = "jaar"


@dataclass(frozen=True, slots=True)
class PgbBudget:
    """One period of a pgb decision with the amount granted for it, in euro cents."""

    periode: Periode
    bedrag: int


def pgb_budgets(
    vorm: PgbVorm,
    ingangsdatum: date,
    einddatum: date,
    bedrag: int,
    per: PeriodeSoort = PeriodeSoort.JAAR,
) -> tuple[PgbBudget, ...]:
    """The budgets of a decision: `bedrag` per month or year for a trekkingsrecht (the first and last
    period cut to the decision's dates, each still granted whole, as the SVB grants a period), or
    `bedrag` once over the whole decision."""
    if einddatum < ingangsdatum:
        raise ValueError("a pgb decision ends on or after its start")
    if vorm is PgbVorm.EENMALIG:
        return (PgbBudget(Periode(ingangsdatum, einddatum), bedrag),)
    budgets = []
    start = ingangsdatum
    while start <= einddatum:
        whole = (
            month_of(start)
            if per is PeriodeSoort.MAAND
            else Periode(date(start.year, 1, 1), date(start.year, 12, 31))
        )
        end = min(whole.einddatum, einddatum)
        budgets.append(PgbBudget(Periode(start, end), bedrag))
        start = date.fromordinal(end.toordinal() + 1)
    return tuple(budgets)
