"""Periods as iWmo states them, inclusive of their einddatum, and the calendar units rules.md B.4 counts."""

from __future__ import annotations

from calendar import monthrange
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

SUNDAY = 6
"""`date.weekday()` of a Sunday; an ISO week runs from Monday to Sunday."""


@dataclass(frozen=True, slots=True, order=True)
class Periode:
    """A closed period (CDT_GeslotenPeriode): begindatum up to and including einddatum.

    A period whose einddatum lies before its begindatum holds no day (the schema allows it; TR137 does
    not), so every count below is 0 for it.
    """

    begindatum: date
    einddatum: date

    def contains(self, day: date) -> bool:
        return self.begindatum <= day <= self.einddatum

    def within(self, begin: date, end: date | None) -> Periode | None:
        """The days this period shares with the period from `begin` to `end` (None: open-ended)."""
        start = max(self.begindatum, begin)
        stop = self.einddatum if end is None else min(self.einddatum, end)
        return Periode(start, stop) if start <= stop else None

    def days(self) -> int:
        return max(0, (self.einddatum - self.begindatum).days + 1)

    def iso_weeks(self) -> int:
        """How many ISO weeks (Monday to Sunday) hold at least one day of the period."""
        if self.einddatum < self.begindatum:
            return 0
        return (_monday(self.einddatum) - _monday(self.begindatum)).days // 7 + 1

    def sundays(self) -> int:
        first = self.begindatum + timedelta(days=SUNDAY - self.begindatum.weekday())
        return 0 if first > self.einddatum else (self.einddatum - first).days // 7 + 1

    def months(self) -> int:
        """How many calendar months hold at least one day of the period."""
        if self.einddatum < self.begindatum:
            return 0
        return _month_number(self.einddatum) - _month_number(self.begindatum) + 1


@lru_cache(maxsize=4096)
def month_of(day: date) -> Periode:
    """The calendar month holding `day`; remembered, since every claim line asks it several times."""
    return Periode(day.replace(day=1), day.replace(day=monthrange(day.year, day.month)[1]))


def months_from(first: date, last: date) -> Iterator[Periode]:
    """Every calendar month from the one holding `first` up to the one holding `last`."""
    month = month_of(first)
    while month.begindatum <= last:
        yield month
        month = month_of(month.einddatum + timedelta(days=1))


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _month_number(day: date) -> int:
    return day.year * 12 + day.month
