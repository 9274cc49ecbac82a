"""rules.md B.4: the most volume a product period (TR321) and a whole assignment (TR322) allow."""

from __future__ import annotations

from datetime import date

from gateway.domain import (
    DEFAULT_UITVOERING,
    Omvang,
    Periode,
    Uitvoeringsvariant,
    cumulative_maximum,
    maximum_volume,
    month_of,
)
from tests.domain.making import hours_per_week, toewijzing

OUTPUT = Uitvoeringsvariant.OUTPUTGERICHT
APRIL_2026 = month_of(date(2026, 4, 1))
MAY_2026 = month_of(date(2026, 5, 1))
JUNE_2026 = month_of(date(2026, 6, 1))


def test_effort_based_is_the_default() -> None:
    assert DEFAULT_UITVOERING == Uitvoeringsvariant.INSPANNINGSGERICHT


def test_three_hours_a_week_over_april_2026_is_five_iso_weeks_so_15_hours() -> None:
    assert maximum_volume(toewijzing(hours_per_week(3)), APRIL_2026) == 15


def test_three_hours_a_week_over_august_2026_is_six_iso_weeks_so_18_hours() -> None:
    assert maximum_volume(toewijzing(hours_per_week(3)), month_of(date(2026, 8, 1))) == 18


def test_effort_based_counts_only_the_weeks_inside_the_assignment() -> None:
    from_15_april = toewijzing(hours_per_week(3), ingangsdatum=date(2026, 4, 15))
    assert maximum_volume(from_15_april, APRIL_2026) == 3 * 3


def test_category_01_allows_six_times_the_weekly_volume_per_period() -> None:
    huishoudelijke_hulp = toewijzing(hours_per_week(3), categorie="01", einddatum=date(2027, 12, 31))
    four_weeks = Periode(date(2027, 2, 1), date(2027, 2, 28))
    assert (four_weeks.iso_weeks(), APRIL_2026.iso_weeks()) == (4, 5)
    assert (
        maximum_volume(huishoudelijke_hulp, four_weeks)
        == maximum_volume(huishoudelijke_hulp, APRIL_2026)
        == 18
    )


def test_category_01_is_still_limited_by_the_weeks_of_the_whole_assignment() -> None:
    huishoudelijke_hulp = toewijzing(hours_per_week(3), categorie="01", einddatum=date(2026, 4, 30))
    assert cumulative_maximum(huishoudelijke_hulp) == 3 * 18


def test_output_based_counts_the_sundays_of_the_period() -> None:
    assert maximum_volume(toewijzing(hours_per_week(3)), APRIL_2026, OUTPUT) == 4 * 3


def test_output_based_adds_a_week_where_the_last_sunday_falls_before_a_weekday_end() -> None:
    until_wednesday = toewijzing(hours_per_week(3), einddatum=date(2026, 4, 29))
    assert maximum_volume(until_wednesday, APRIL_2026, OUTPUT) == (4 + 1) * 3


def test_output_based_adds_no_week_when_the_assignment_ends_on_a_sunday() -> None:
    until_sunday = toewijzing(hours_per_week(3), einddatum=date(2026, 4, 26))
    assert maximum_volume(until_sunday, APRIL_2026, OUTPUT) == 4 * 3


def test_output_based_adds_the_week_only_to_the_period_of_the_last_sunday() -> None:
    until_friday_15_may = toewijzing(
        hours_per_week(1), ingangsdatum=date(2026, 4, 1), einddatum=date(2026, 5, 15)
    )
    assert maximum_volume(until_friday_15_may, APRIL_2026, OUTPUT) == 4
    assert maximum_volume(until_friday_15_may, MAY_2026, OUTPUT) == 2 + 1


def test_output_based_puts_the_last_part_week_in_the_month_that_ends_on_the_last_sunday() -> None:
    until_wednesday_3_june = toewijzing(hours_per_week(1), einddatum=date(2026, 6, 3))
    assert maximum_volume(until_wednesday_3_june, MAY_2026, OUTPUT) == 5 + 1
    assert maximum_volume(until_wednesday_3_june, JUNE_2026, OUTPUT) == 0
    assert maximum_volume(until_wednesday_3_june, MAY_2026) == 5


def test_output_based_periods_add_up_to_the_weeks_of_the_whole_assignment() -> None:
    assignment = toewijzing(hours_per_week(1), ingangsdatum=date(2026, 1, 7), einddatum=date(2026, 9, 16))
    months = [month_of(date(2026, month, 1)) for month in range(1, 10)]
    per_period = [maximum_volume(assignment, month, OUTPUT) for month in months]
    assert sum(volume or 0 for volume in per_period) == cumulative_maximum(assignment) == 37


def test_output_based_reading_an_assignment_without_a_sunday_is_one_week_where_it_ends() -> None:
    monday_to_wednesday = toewijzing(
        hours_per_week(3), ingangsdatum=date(2026, 4, 6), einddatum=date(2026, 4, 8)
    )
    assert maximum_volume(monday_to_wednesday, APRIL_2026, OUTPUT) == 3


def test_per_day_reading_is_volume_times_the_days_inside_the_assignment() -> None:
    from_10_april = toewijzing(Omvang(2, "04", "1"), ingangsdatum=date(2026, 4, 10), einddatum=None)
    assert maximum_volume(from_10_april, APRIL_2026) == 2 * 21


def test_per_month_reading_counts_a_part_month_as_a_month() -> None:
    from_10_april = toewijzing(Omvang(20, "16", "4"), ingangsdatum=date(2026, 4, 10))
    assert maximum_volume(from_10_april, APRIL_2026) == 20


def test_a_product_period_outside_the_assignment_allows_nothing() -> None:
    until_march = toewijzing(hours_per_week(3), einddatum=date(2026, 3, 31))
    assert maximum_volume(until_march, APRIL_2026) == 0


def test_a_total_over_the_assignment_has_no_per_period_maximum_only_a_cumulative_one() -> None:
    total = toewijzing(Omvang(40, "04", "6"))
    assert (maximum_volume(total, APRIL_2026), cumulative_maximum(total)) == (None, 40)


def test_without_omvang_there_is_no_volume_maximum() -> None:
    budget = toewijzing(budget=100000)
    assert (maximum_volume(budget, APRIL_2026), cumulative_maximum(budget)) == (None, None)


def test_cumulative_per_week_counts_the_iso_weeks_of_the_whole_assignment() -> None:
    assert cumulative_maximum(toewijzing(hours_per_week(3))) == 3 * 53


def test_cumulative_per_week_is_below_the_sum_of_effort_based_periods() -> None:
    april_to_15_may = toewijzing(
        hours_per_week(3), ingangsdatum=date(2026, 4, 1), einddatum=date(2026, 5, 15)
    )
    per_period = (maximum_volume(april_to_15_may, APRIL_2026), maximum_volume(april_to_15_may, MAY_2026))
    assert (per_period, cumulative_maximum(april_to_15_may)) == ((15, 9), 21)


def test_cumulative_per_day_and_per_month_count_the_whole_assignment() -> None:
    days = toewijzing(Omvang(2, "04", "1"), ingangsdatum=date(2026, 4, 1), einddatum=date(2026, 4, 30))
    months = toewijzing(Omvang(20, "16", "4"), ingangsdatum=date(2026, 1, 15), einddatum=date(2026, 3, 10))
    assert (cumulative_maximum(days), cumulative_maximum(months)) == (60, 60)


def test_an_open_ended_assignment_has_no_finite_cumulative_maximum() -> None:
    assert cumulative_maximum(toewijzing(Omvang(2, "04", "1"), einddatum=None)) is None
