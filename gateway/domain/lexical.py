"""Values from XML Schema lexical forms, read as the schema reads them so that every valid message decodes."""

from __future__ import annotations

import re
from datetime import date, time

_XML_WHITESPACE = " \t\n\r"

_INTEGER = re.compile(r"[+-]?[0-9]+")
_DATE = re.compile(r"(-?[0-9]{4,})-([0-9]{2})-([0-9]{2})")
_TIME = re.compile(r"([0-9]{2}):([0-9]{2}):([0-9]{2})(?:\.([0-9]+))?")
_MICROSECOND_DIGITS = 6


class LexicalError(ValueError):
    """A text that holds no value of the type asked for, or one Python cannot represent.

    The schema admits years Python's `date` cannot hold (five digits, negative); texts that are not a
    lexical form at all never pass the schema. The text itself is left out of the message: it may be
    personal data (a birth date).
    """


def parse_integer(text: str) -> int:
    """An xs:integer: optional sign, digits (leading zeros allowed).

    Like xs:date and xs:time, xs:integer collapses whitespace: XML's four whitespace characters (and no
    others) may surround the value.
    """
    collapsed = text.strip(_XML_WHITESPACE)
    if not _INTEGER.fullmatch(collapsed):
        raise LexicalError("not an xs:integer")
    return int(collapsed)


def parse_date(text: str) -> date:
    """An xs:date without timezone (LDT_Datum forbids one): YYYY-MM-DD."""
    match = _DATE.fullmatch(text.strip(_XML_WHITESPACE))
    if match is None:
        raise LexicalError("not an xs:date without timezone")
    year, month, day = (int(group) for group in match.groups())
    if not date.min.year <= year <= date.max.year:
        raise LexicalError(f"an xs:date with a year outside {date.min.year}..{date.max.year}")
    try:
        return date(year, month, day)
    except ValueError:
        raise LexicalError("an xs:date naming a day the calendar does not have") from None


def parse_time(text: str) -> time:
    """An xs:time without timezone (LDT_Tijd forbids one): hh:mm:ss with optional fraction.

    Fractions finer than a microsecond are cut off. `24:00:00` is midnight, which XML Schema's value
    space for xs:time makes `00:00:00`.
    """
    match = _TIME.fullmatch(text.strip(_XML_WHITESPACE))
    if match is None:
        raise LexicalError("not an xs:time without timezone")
    hour, minute, second = (int(group) for group in match.groups()[:3])
    fraction = match[4] or ""
    if hour == 24 and minute == second == 0 and not fraction.strip("0"):
        return time(0, 0, 0)
    microsecond = int(fraction[:_MICROSECOND_DIGITS].ljust(_MICROSECOND_DIGITS, "0"))
    try:
        return time(hour, minute, second, microsecond)
    except ValueError:
        raise LexicalError("an xs:time naming a moment the clock does not have") from None
