"""Date and value readings shared by the CS rules, as the stylesheet's XPath 1.0 makes them.

The stylesheet cuts dates into parts by character position on the raw text (XPath `substring`), so
surrounding whitespace, which the schema allows on dates, shifts or lengthens the parts. The year is
characters 1-4, the month 6-7 and the day everything from character 9 on (so trailing whitespace stays
in it). Date arithmetic reads those parts with `number()`, which ignores the whitespace around them.

Some of these rules run on every claim line, so the readers here take a fast path for the common,
plainly written value and fall back to the general XPath-faithful helper otherwise.
"""

from __future__ import annotations

import math

from gateway.rules.values import Element, date_number, norm, number, text

END_OF_2020 = 20201231.0


def child_at(parent: Element | None, index: int, name: str) -> Element | None:
    """The child with this Clark name, tried first at the position the schema's sequence gives it.

    Comments or processing instructions among the children move things around; then the position
    holds something else and the child is searched for.
    """
    if parent is None:
        return None
    try:
        candidate = parent[index]
    except IndexError:
        return parent.find(name)
    return candidate if candidate.tag == name else parent.find(name)


def read_number(element: Element | None) -> float:
    """XPath `number()` of the element's text."""
    value = text(element)
    if value.isascii() and value.isdigit():
        return float(value)
    return number(value)


def plain_date(element: Element | None) -> str | None:
    """The date's text when it is written plainly as YYYY-MM-DD, else None.

    A schema-valid date of ten characters with a hyphen after four can only be that, and for such
    texts string order is date order, which spares converting them to numbers.
    """
    value = text(element)
    return value if len(value) == 10 and value[4] == "-" else None


def is_value(element: Element | None, value: str) -> bool:
    """`X = value` on the whitespace-normalised text; an absent element equals nothing."""
    if element is None:
        return False
    raw = text(element)
    return raw == value or (not raw.isalnum() and norm(raw) == value)


def year_part(value: str) -> str:
    return value[0:4]


def month_part(value: str) -> str:
    return value[5:7]


def day_part(value: str) -> str:
    return value[8:]


def month_day_part(value: str) -> str:
    return value[5:]


def one_of(element: Element | None, values: frozenset[str]) -> bool:
    """`X ∈ {…}` of the rule texts: an absent element is in no list."""
    if element is None:
        return False
    raw = text(element)
    return raw in values or (not raw.isalnum() and norm(raw) in values)


def open_or_after_2020(end_date: Element | None) -> bool:
    """The product runs past 2020 (or is open-ended), which is when the post-2020 unit rules apply."""
    return end_date is None or date_number(end_date) > END_OF_2020


def _leap(year: float) -> bool:
    return year % 4 == 0


def _days_in(year: float, month: float) -> float:
    if month == 2:
        return 29.0 if _leap(year) else 28.0
    if month in (4, 6, 9, 11):
        return 30.0
    return 31.0


def _date_parts(element: Element | None) -> tuple[float, float, float]:
    value = text(element)
    return number(year_part(value)), number(month_part(value)), number(day_part(value))


def _as_number(year: float, month: float, day: float) -> float:
    return year * 10000 + month * 100 + day


def plus_one_day(element: Element | None) -> float:
    """The date after this one, as a YYYYMMDD number (NaN when a part does not read as a number)."""
    year, month, day = _date_parts(element)
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


def plus_one_month(element: Element | None) -> float:
    """One month later as a YYYYMMDD number; a day the new month lacks rolls over into the next."""
    year, month, day = _date_parts(element)
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
