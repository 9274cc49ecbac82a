"""Calendar arithmetic for policy terms, so "6 maanden" and "een jaar" mean what people read in them.

Periods are inclusive of their einddatum, as iWmo's are; an absent einddatum means open-ended.
"""

from __future__ import annotations

from calendar import monthrange
from datetime import date, timedelta

from gateway.policy.models import Span

ONE_DAY = timedelta(days=1)


def shift(start: date, span: Span) -> date:
    """`start` moved on by `span`; a day past the end of the month falls back to its last day."""
    months = start.month - 1 + span.months + 12 * span.years
    year, month = start.year + months // 12, months % 12 + 1
    day = min(start.day, monthrange(year, month)[1])
    return date(year, month, day) + timedelta(days=span.days)


def last_day(start: date, span: Span) -> date:
    """The last day of a period of length `span` that starts on `start`."""
    return shift(start, span) - ONE_DAY


def days(start: date, end: date) -> int:
    """How many days the inclusive period from `start` to `end` holds."""
    return (end - start).days + 1


def overlaps(start: date, end: date | None, other_start: date, other_end: date | None) -> bool:
    """Whether two inclusive periods share at least one day."""
    return (end is None or other_start <= end) and (other_end is None or start <= other_end)


def age_on(birth: date, day: date) -> int:
    """Completed years of someone born on `birth`, on `day`."""
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def span_text(span: Span) -> tuple[str, str]:
    """The span in Dutch and in English, for reasons given to people."""
    parts = (
        (span.years, "jaar", "jaar", "year", "years"),
        (span.months, "maand", "maanden", "month", "months"),
        (span.days, "dag", "dagen", "day", "days"),
    )
    dutch = [f"{n} {one if n == 1 else many}" for n, one, many, _, _ in parts if n]
    english = [f"{n} {one if n == 1 else many}" for n, _, _, one, many in parts if n]
    return " en ".join(dutch), " and ".join(english)
