"""Placeholders in scenario files, so one scenario replays many times against one long-running gateway.

Dates move with the day of the run and identifiers are new for every run of a scenario, within the
limits the message schemas set (BerichtIdentificatie at most 12 characters, ToewijzingNummer at most
nine digits, a BSN nine digits passing the elfproef):

    {{today}}            the run's date (Dutch time), 2026-03-02
    {{today+30d}}        30 days later; also {{today-7d}}
    {{month-1:start}}    the first day of the month before this one; {{month+0:end}} the last of this one
    {{run}}              seven digits, new for each run: "T{{run}}01" is an Identificatie,
                         "{{run}}01" a ToewijzingNummer
    {{bsn:1}} … {{bsn:9}}  a valid BSN of a client of this run, the same within the run, never part
                         of an identifier made from {{run}}
"""

from __future__ import annotations

import calendar
import re
import secrets
from dataclasses import dataclass
from datetime import date, timedelta

RUN_DIGITS = 7
PLACEHOLDER = re.compile(r"\{\{\s*([^{}]*?)\s*\}\}")
_TODAY = re.compile(r"today(?:([+-])([0-9]+)d)?")
_MONTH = re.compile(r"month([+-])([0-9]+):(start|end)")
_BSN = re.compile(r"bsn:([1-9])")
_BSN_WEIGHTS = (9, 8, 7, 6, 5, 4, 3, 2)


class PlaceholderError(ValueError):
    """A placeholder this module does not know."""


@dataclass(frozen=True, slots=True)
class RunValues:
    """What the placeholders of one run of one scenario stand for."""

    today: date
    run: str

    @classmethod
    def fresh(cls, today: date) -> RunValues:
        first = 10 ** (RUN_DIGITS - 1)
        return cls(today=today, run=str(first + secrets.randbelow(9 * first)))

    def fill(self, text: str) -> str:
        """The text with every placeholder replaced; an unknown one raises PlaceholderError."""
        return PLACEHOLDER.sub(lambda found: self.value(found.group(1)), text)

    def value(self, name: str) -> str:
        if name == "run":
            return self.run
        if found := _TODAY.fullmatch(name):
            sign, days = found.group(1), int(found.group(2) or 0)
            return (self.today + timedelta(days=-days if sign == "-" else days)).isoformat()
        if found := _MONTH.fullmatch(name):
            return _month_day(self.today, int(found.group(1) + found.group(2)), found.group(3)).isoformat()
        if found := _BSN.fullmatch(name):
            return bsn(self.run, int(found.group(1)))
        raise PlaceholderError(
            f"unknown placeholder {{{{{name}}}}}: use today, today+Nd, today-Nd, month±N:start, "
            "month±N:end, run or bsn:1 … bsn:9"
        )


def bsn(run: str, client: int) -> str:
    """The `client`-th (1-9) elfproef-valid BSN of the run.

    Its first seven digits are the run's with the first one moved on (1 → 2, …, 9 → 1): BSNs of
    different runs differ, yet no identifier written as `{{run}}` plus digits ever equals or contains
    a BSN, which the gateway would rightly refuse to put in an event. Of the ten choices of the eighth
    digit at most one leaves no valid check digit, so nine clients always have a BSN of their own.
    """
    prefix = f"{int(run[0]) % 9 + 1}{run[1:]}"
    valid = []
    for eighth in range(10):
        digits = [int(d) for d in prefix] + [eighth]
        check = sum(w * d for w, d in zip(_BSN_WEIGHTS, digits, strict=True)) % 11
        if check < 10:
            valid.append(f"{prefix}{eighth}{check}")
    return valid[client - 1]


def _month_day(today: date, months: int, end: str) -> date:
    index = today.year * 12 + today.month - 1 + months
    year, month = divmod(index, 12)
    day = calendar.monthrange(year, month + 1)[1] if end == "end" else 1
    return date(year, month + 1, day)
