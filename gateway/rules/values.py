"""Reading field texts the way the standard's validation stylesheet (XPath 1.0) reads them.

The stylesheet's verdicts depend on XPath's notions: `normalize-space`, `number()` (which refuses a
leading `+` and yields NaN, and NaN compares false with everything) and dates compared as the number
left after removing hyphens. Rules use these helpers so that they judge exactly as the stylesheet does.
An absent field (None) reads as XPath reads an empty node-set.
"""

from __future__ import annotations

import math
import re

_XML_SPACE = " \t\r\n"
_NUMBER = re.compile(r"-?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)")
_SPACE_RUNS = re.compile(r"[ \t\r\n]+")


def norm(value: str) -> str:
    """XPath normalize-space()."""
    return _SPACE_RUNS.sub(" ", value).strip(_XML_SPACE)


def number(value: str) -> float:
    """XPath number(): surrounding XML whitespace allowed, no sign other than '-', else NaN."""
    stripped = value.strip(_XML_SPACE)
    if _NUMBER.fullmatch(stripped):
        return float(stripped)
    return math.nan


def is_filled(value: str | None) -> bool:
    """A field's text is present, with something other than whitespace in it."""
    return value is not None and value.strip(_XML_SPACE) != ""


def normal(value: str | None) -> str:
    """normalize-space() of a field's text ('' for an absent field)."""
    if value is None:
        return ""
    return value if value.isalnum() else norm(value)


def number_of(value: str | None) -> float:
    """number() of a field's text (NaN for an absent field)."""
    if value is None:
        return math.nan
    return float(value) if value.isascii() and value.isdigit() else number(value)


def date_of(value: str | None) -> float:
    """A date's text as the stylesheet compares it: the number left after removing its hyphens."""
    return math.nan if value is None else number(value.replace("-", ""))
