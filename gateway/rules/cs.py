"""Date and value readings shared by the CS rules, as the stylesheet's XPath 1.0 makes them.

The stylesheet cuts dates into parts by character position on the raw text (XPath `substring`), so
surrounding whitespace, which the schema allows on dates, shifts or lengthens the parts. The year is
characters 1-4, the month 6-7 and the day everything from character 9 on (so trailing whitespace stays
in it). Date arithmetic reads those parts with `number()`, which ignores the whitespace around them.

"""

from __future__ import annotations

import math

from gateway.rules.values import number

END_OF_2020 = 20201231.0


def year_part(value: str) -> str:
    return value[0:4]


def month_part(value: str) -> str:
    return value[5:7]


def day_part(value: str) -> str:
    return value[8:]


def month_day_part(value: str) -> str:
    return value[5:]


def _leap(year: float) -> bool:
    return year % 4 == 0


def _days_in(year: float, month: float) -> float:
    if month == 2:
        return 29.0 if _leap(year) else 28.0
    if month in (4, 6, 9, 11):
        return 30.0
    return 31.0


def _date_parts(value: str) -> tuple[float, float, float]:
    return number(year_part(value)), number(month_part(value)), number(day_part(value))


def _as_number(year: float, month: float, day: float) -> float:
    return year * 10000 + month * 100 + day


def plus_one_day(value: str) -> float:
    """The date after this one, as a YYYYMMDD number (NaN when a part does not read as a number)."""
    year, month, day = _date_parts(value)
    if math.isnan(year + month + day):
        return math.nan
    day += 1
    if day > _days_in(year, month):
        day = 1
        month += 1
        if month > 12:
            month = 1
            year += 1
    return _as_number(year, month, day)


def plus_one_month(value: str) -> float:
    """One month later as a YYYYMMDD number; a day the new month lacks rolls over into the next."""
    year, month, day = _date_parts(value)
    if math.isnan(year + month + day):
        return math.nan
    month += 1
    if month > 12:
        month = 1
        year += 1
    length = _days_in(year, month)
    if day > length:
        day -= length
        month += 1
        if month > 12:
            month = 1
            year += 1
    return _as_number(year, month, day)
