"""A pgb decision's budget periods."""

from __future__ import annotations

from datetime import date

import pytest

from gateway.domain.periods import Periode
from gateway.domain.pgb import PeriodeSoort, PgbBudget, PgbVorm, pgb_budgets


def test_a_one_off_pgb_is_one_budget_over_the_whole_decision() -> None:
    assert pgb_budgets(PgbVorm.EENMALIG, date(2026, 3, 1), date(2033, 2, 28), 250_000) == (
        PgbBudget(Periode(date(2026, 3, 1), date(2033, 2, 28)), 250_000),
    )


def test_a_trekkingsrecht_gets_its_amount_for_every_calendar_year_it_touches() -> None:
    assert pgb_budgets(PgbVorm.TREKKINGSRECHT, date(2026, 7, 1), date(2027, 6, 30), 1_200_000) == (
        PgbBudget(Periode(date(2026, 7, 1), date(2026, 12, 31)), 1_200_000),
        PgbBudget(Periode(date(2027, 1, 1), date(2027, 6, 30)), 1_200_000),
    )


def test_a_trekkingsrecht_per_month_gets_a_budget_per_month() -> None:
    budgets = pgb_budgets(
        PgbVorm.TREKKINGSRECHT, date(2026, 1, 15), date(2026, 3, 31), 50_000, PeriodeSoort.MAAND
    )
    assert [b.periode for b in budgets] == [
        Periode(date(2026, 1, 15), date(2026, 1, 31)),
        Periode(date(2026, 2, 1), date(2026, 2, 28)),
        Periode(date(2026, 3, 1), date(2026, 3, 31)),
    ]


def test_a_decision_ending_before_it_starts_is_refused() -> None:
    with pytest.raises(ValueError, match="ends on or after"):
        pgb_budgets(PgbVorm.EENMALIG, date(2026, 3, 1), date(2026, 2, 1), 1)
