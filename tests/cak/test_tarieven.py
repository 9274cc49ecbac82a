"""The abonnementstarief table and the legal terms: configuration and calendar arithmetic."""

from __future__ import annotations

from datetime import date

import pytest

from gateway.cak import Abonnementstarief, MissingTariffError
from gateway.cak.deadlines import add_months


@pytest.mark.parametrize(("day", "cents"), [(date(2025, 12, 31), 2100), (date(2026, 1, 1), 2180)])
def test_the_monthly_tariff_is_that_of_the_year(day: date, cents: int) -> None:
    assert Abonnementstarief().per_maand(day) == cents


def test_a_year_after_the_table_takes_the_latest_known_tariff() -> None:
    assert Abonnementstarief().per_maand(date(2030, 6, 1)) == 2180


def test_a_gap_year_in_the_table_takes_the_tariff_of_the_year_before() -> None:
    assert Abonnementstarief({2025: 2100, 2027: 2300}).per_maand(date(2026, 3, 1)) == 2100


def test_a_year_before_the_table_is_refused() -> None:
    with pytest.raises(MissingTariffError, match="2019"):
        Abonnementstarief().per_maand(date(2019, 1, 1))


def test_the_table_can_be_replaced() -> None:
    assert Abonnementstarief({2027: 2300}).per_maand(date(2027, 5, 1)) == 2300


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (date(2025, 1, 31), 1, date(2025, 2, 28)),
        (date(2024, 1, 31), 1, date(2024, 2, 29)),
        (date(2025, 11, 15), 4, date(2026, 3, 15)),
    ],
)
def test_a_term_in_months_ends_on_the_same_day_or_the_last_of_a_shorter_month(
    day: date, months: int, expected: date
) -> None:
    assert add_months(day, months) == expected
