"""The calendar units B.4 counts in a period: days, ISO weeks, Sundays and months, part ones included."""

from __future__ import annotations

from datetime import date

from gateway.domain import Periode, month_of

APRIL_2026 = Periode(date(2026, 4, 1), date(2026, 4, 30))


def test_april_2026_touches_five_iso_weeks() -> None:
    assert APRIL_2026.iso_weeks() == 5


def test_a_month_from_monday_to_sunday_touches_four_iso_weeks() -> None:
    assert Periode(date(2021, 2, 1), date(2021, 2, 28)).iso_weeks() == 4


def test_a_month_from_saturday_to_monday_touches_six_iso_weeks() -> None:
    assert Periode(date(2026, 8, 1), date(2026, 8, 31)).iso_weeks() == 6


def test_iso_weeks_across_a_year_end_count_once() -> None:
    assert Periode(date(2025, 12, 29), date(2026, 1, 4)).iso_weeks() == 1


def test_april_2026_holds_four_sundays() -> None:
    assert APRIL_2026.sundays() == 4


def test_a_period_of_a_single_sunday_holds_one() -> None:
    assert Periode(date(2026, 4, 5), date(2026, 4, 5)).sundays() == 1


def test_part_months_count_as_months() -> None:
    assert Periode(date(2026, 1, 31), date(2026, 3, 1)).months() == 3


def test_a_reversed_period_holds_nothing() -> None:
    reversed_period = Periode(date(2026, 4, 30), date(2026, 4, 1))
    counts = (reversed_period.days(), reversed_period.iso_weeks(), reversed_period.sundays())
    assert (*counts, reversed_period.months()) == (0, 0, 0, 0)


def test_within_keeps_the_shared_days_of_an_open_ended_period() -> None:
    assert APRIL_2026.within(date(2026, 4, 15), None) == Periode(date(2026, 4, 15), date(2026, 4, 30))


def test_within_a_period_that_ends_before_gives_nothing() -> None:
    assert APRIL_2026.within(date(2026, 1, 1), date(2026, 3, 31)) is None


def test_month_of_a_leap_day_is_february() -> None:
    assert month_of(date(2028, 2, 29)) == Periode(date(2028, 2, 1), date(2028, 2, 29))
