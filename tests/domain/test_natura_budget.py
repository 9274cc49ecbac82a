"""Where a natura toewijzing stands against its claim lines, and which codes one more line would get."""

from __future__ import annotations

from datetime import date

import pytest

from gateway.domain import (
    Omvang,
    Periode,
    Uitvoeringsvariant,
    UnitMismatchError,
    month_of,
    natura_budget_status,
)
from tests.domain.making import hours_per_week, prestatie, toewijzing

APRIL = date(2026, 4, 1)
MAY = date(2026, 5, 1)
THREE_HOURS_A_WEEK_2026 = toewijzing(hours_per_week(3))


def test_every_month_of_the_assignment_is_a_period_with_its_maximum_in_minutes() -> None:
    status = natura_budget_status(THREE_HOURS_A_WEEK_2026, [])
    assert status.eenheid == "01"
    assert [usage.periode for usage in status.periods] == [month_of(date(2026, m, 1)) for m in range(1, 13)]
    assert status.periods[3].maximum == 15 * 60
    assert status.cumulative is not None
    assert status.cumulative.maximum == 3 * 53 * 60


def test_declared_lines_count_in_their_month_and_leave_a_remainder() -> None:
    status = natura_budget_status(THREE_HOURS_A_WEEK_2026, [prestatie(12, APRIL)])
    april = status.periods[3]
    assert (april.maximum, april.declared, april.remainder) == (900, 720, 180)
    assert status.cumulative is not None
    assert (status.cumulative.declared, status.cumulative.remainder) == (720, 9540 - 720)


def test_lines_in_hours_and_in_minutes_add_up_in_minutes() -> None:
    lines = [prestatie(10, APRIL), prestatie(90, MAY, eenheid="01", referentie="R2")]
    status = natura_budget_status(THREE_HOURS_A_WEEK_2026, lines)
    assert [(usage.periode.begindatum, usage.declared) for usage in status.periods[3:5]] == [
        (APRIL, 600),
        (MAY, 90),
    ]


def test_a_line_that_fits_its_period_and_the_total_overruns_nothing() -> None:
    status = natura_budget_status(THREE_HOURS_A_WEEK_2026, [])
    assert status.overruns(prestatie(15, APRIL)) == ()


def test_a_line_beyond_its_period_maximum_gets_9321() -> None:
    status = natura_budget_status(THREE_HOURS_A_WEEK_2026, [])
    assert status.overruns(prestatie(16, APRIL)) == ("9321",)


def test_a_line_in_minutes_is_compared_in_minutes_against_an_hours_omvang() -> None:
    status = natura_budget_status(THREE_HOURS_A_WEEK_2026, [])
    assert status.overruns(prestatie(900, APRIL, eenheid="01")) == ()
    assert status.overruns(prestatie(901, APRIL, eenheid="01")) == ("9321",)


def test_a_line_is_judged_with_what_its_month_already_holds() -> None:
    status = natura_budget_status(THREE_HOURS_A_WEEK_2026, [prestatie(10, APRIL)])
    assert status.overruns(prestatie(6, APRIL, referentie="R2")) == ("9321",)
    assert status.overruns(prestatie(6, MAY, referentie="R2")) == ()


def test_lines_beyond_the_weeks_of_the_whole_assignment_get_9322() -> None:
    april_to_15_may = toewijzing(hours_per_week(3), ingangsdatum=APRIL, einddatum=date(2026, 5, 15))
    status = natura_budget_status(april_to_15_may, [prestatie(15, APRIL)])
    assert status.overruns(prestatie(6, MAY, referentie="R2")) == ()
    assert status.overruns(prestatie(9, MAY, referentie="R2")) == ("9322",)


def test_a_line_beyond_both_limits_gets_both_codes() -> None:
    april_only = toewijzing(hours_per_week(3), ingangsdatum=APRIL, einddatum=date(2026, 4, 30))
    assert natura_budget_status(april_only, []).overruns(prestatie(16, APRIL)) == ("9321", "9322")


def test_category_01_may_take_six_weeks_in_a_month_until_the_total_runs_out() -> None:
    hulp = toewijzing(hours_per_week(3), categorie="01", ingangsdatum=APRIL, einddatum=date(2026, 5, 31))
    status = natura_budget_status(hulp, [prestatie(18, APRIL)])
    assert (status.periods[0].remainder, status.periods[1].maximum) == (0, 18 * 60)
    assert status.overruns(prestatie(9, MAY, referentie="R2")) == ()
    assert status.overruns(prestatie(10, MAY, referentie="R2")) == ("9322",)


def test_output_based_periods_count_sundays() -> None:
    status = natura_budget_status(THREE_HOURS_A_WEEK_2026, [], Uitvoeringsvariant.OUTPUTGERICHT)
    assert status.periods[3].maximum == 4 * 3 * 60
    assert status.overruns(prestatie(13, APRIL)) == ("9321",)


def test_a_total_omvang_is_only_checked_cumulatively() -> None:
    forty_hours = toewijzing(Omvang(40, "04", "6"))
    status = natura_budget_status(forty_hours, [prestatie(30, APRIL)])
    assert (status.periods[3].maximum, status.periods[3].remainder) == (None, None)
    assert status.overruns(prestatie(10, MAY, referentie="R2")) == ()
    assert status.overruns(prestatie(11, MAY, referentie="R2")) == ("9322",)


def test_budget_lines_beyond_the_budget_get_9369() -> None:
    budget = toewijzing(budget=100000)
    status = natura_budget_status(budget, [prestatie(60000, APRIL, eenheid="83")])
    assert (status.eenheid, status.cumulative) == (None, None)
    assert status.budget is not None
    assert (status.budget.maximum, status.budget.declared, status.budget.remainder) == (100000, 60000, 40000)
    assert status.overruns(prestatie(40000, MAY, eenheid="83", referentie="R2")) == ()
    assert status.overruns(prestatie(40001, MAY, eenheid="83", referentie="R2")) == ("9369",)


def test_tr369_compares_geleverd_volume_with_the_budget_whatever_the_unit() -> None:
    status = natura_budget_status(toewijzing(budget=100), [prestatie(90, APRIL, eenheid="04")])
    assert status.overruns(prestatie(11, MAY, eenheid="04", referentie="R2")) == ("9369",)


def test_a_line_in_a_unit_that_does_not_fit_gets_9341_alone() -> None:
    status = natura_budget_status(THREE_HOURS_A_WEEK_2026, [])
    assert status.overruns(prestatie(99, APRIL, eenheid="16")) == ("9341",)


def test_a_credit_line_never_overruns() -> None:
    status = natura_budget_status(THREE_HOURS_A_WEEK_2026, [])
    assert status.overruns(prestatie(99, APRIL, debet_credit="C")) == ()


def test_an_open_ended_assignment_runs_to_the_month_of_its_latest_line() -> None:
    open_ended = toewijzing(Omvang(2, "04", "1"), ingangsdatum=date(2026, 3, 15), einddatum=None)
    status = natura_budget_status(open_ended, [prestatie(10, MAY)])
    assert [usage.periode for usage in status.periods] == [
        Periode(date(2026, 3, 15), date(2026, 3, 31)),
        month_of(APRIL),
        month_of(MAY),
    ]
    assert status.periods[0].maximum == 17 * 2 * 60
    assert status.cumulative is not None
    assert (status.cumulative.maximum, status.cumulative.declared) == (None, 600)


def test_a_line_past_the_listed_months_is_judged_against_its_own_month() -> None:
    open_ended = toewijzing(Omvang(2, "04", "1"), ingangsdatum=APRIL, einddatum=None)
    status = natura_budget_status(open_ended, [])
    assert status.overruns(prestatie(62, date(2026, 7, 1))) == ()
    assert status.overruns(prestatie(63, date(2026, 7, 1))) == ("9321",)


def test_a_line_left_outside_a_shortened_assignment_shows_as_overrun() -> None:
    until_april = toewijzing(hours_per_week(3), einddatum=date(2026, 4, 30))
    may = natura_budget_status(until_april, [prestatie(5, MAY)]).periods[-1]
    assert (may.periode, may.maximum, may.remainder) == (month_of(MAY), 0, -300)


def test_a_line_of_another_toewijzing_is_refused() -> None:
    with pytest.raises(ValueError, match="prestatie R1 is for toewijzing 7, not 100001"):
        natura_budget_status(THREE_HOURS_A_WEEK_2026, [prestatie(1, APRIL, nummer=7)])


def test_a_credit_line_among_the_declared_is_refused() -> None:
    with pytest.raises(ValueError, match="prestatie R1 is a credit line"):
        natura_budget_status(THREE_HOURS_A_WEEK_2026, [prestatie(1, APRIL, debet_credit="C")])


def test_a_declared_line_in_a_unit_that_does_not_fit_is_refused() -> None:
    with pytest.raises(UnitMismatchError):
        natura_budget_status(THREE_HOURS_A_WEEK_2026, [prestatie(1, APRIL, eenheid="16")])
