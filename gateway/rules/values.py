"""Reading values the way the standard's validation stylesheet (XPath 1.0) reads them.

The stylesheet's verdicts depend on XPath's notions: `normalize-space`, `number()` (which refuses a
leading `+` and yields NaN, and NaN compares false with everything) and dates compared as the number
left after removing hyphens. Rules use these helpers so that they judge exactly as the stylesheet does.
"""

from __future__ import annotations

import math
import re

from lxml import etree

_XML_SPACE = " \t\r\n"
_NUMBER = re.compile(r"-?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)")
_SPACE_RUNS = re.compile(r"[ \t\r\n]+")

Element = etree._Element


def child(parent: Element | None, name: str) -> Element | None:
    """The first child element with this local name, in any namespace."""
    if parent is None:
        return None
    return parent.find("{*}" + name)


def children(parent: Element | None, name: str) -> list[Element]:
    if parent is None:
        return []
    return parent.findall("{*}" + name)


def path(parent: Element | None, *names: str) -> Element | None:
    """Follow a chain of local names down from `parent` (the first match at each step)."""
    current = parent
    for name in names:
        current = child(current, name)
        if current is None:
            return None
    return current


def text(element: Element | None) -> str:
    """The element's string value as XPath sees it ('' for an absent element)."""
    if element is None:
        return ""
    if len(element) == 0:
        return element.text or ""
    return "".join(element.itertext())


def norm(value: str) -> str:
    """XPath normalize-space()."""
    return _SPACE_RUNS.sub(" ", value).strip(_XML_SPACE)


def normalized(element: Element | None) -> str:
    return norm(text(element))


def filled(element: Element | None) -> bool:
    """Present, with something other than whitespace in it."""
    return element is not None and normalized(element) != ""


def number(value: str) -> float:
    """XPath number(): surrounding XML whitespace allowed, no sign other than '-', else NaN."""
    stripped = value.strip(_XML_SPACE)
    if _NUMBER.fullmatch(stripped):
        return float(stripped)
    return math.nan


def element_number(element: Element | None) -> float:
    return number(text(element))


def date_number(element: Element | None) -> float:
    """A date as the stylesheet compares it: the number left after removing its hyphens."""
    return number(text(element).replace("-", ""))
