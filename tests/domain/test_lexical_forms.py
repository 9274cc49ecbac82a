"""Values read as XML Schema reads them: whitespace collapsed around numbers, dates and times."""

from __future__ import annotations

from datetime import date, time

import pytest

from gateway.domain import LexicalError, parse_date, parse_integer, parse_time


def test_a_date_may_have_xml_whitespace_around_it() -> None:
    assert parse_date("\n\t 2026-03-01 \r\n") == date(2026, 3, 1)


def test_a_date_with_other_whitespace_around_it_is_no_date() -> None:
    with pytest.raises(LexicalError):
        parse_date("\u00a02026-03-01")


def test_a_date_with_a_timezone_is_no_ldt_datum() -> None:
    with pytest.raises(LexicalError):
        parse_date("2026-03-01Z")


def test_a_five_digit_year_is_refused_without_repeating_the_date() -> None:
    with pytest.raises(LexicalError) as refused:
        parse_date("12026-03-01")
    assert "12026" not in str(refused.value)


def test_a_day_the_calendar_lacks_is_refused() -> None:
    with pytest.raises(LexicalError):
        parse_date("2026-02-29")


def test_a_time_may_have_whitespace_and_a_fraction_cut_to_microseconds() -> None:
    assert parse_time(" 14:30:15.1234567 ") == time(14, 30, 15, 123456)


def test_twenty_four_hundred_is_midnight() -> None:
    assert parse_time("24:00:00") == time(0, 0, 0)


def test_an_integer_may_carry_a_sign_leading_zeros_and_whitespace() -> None:
    assert parse_integer(" +007\n") == 7


def test_digits_python_alone_would_accept_are_no_xs_integer() -> None:
    with pytest.raises(LexicalError):
        parse_integer("1_000")
