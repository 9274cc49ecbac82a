"""Reading values the way the standard's validation stylesheet (XPath 1.0) reads them.

The stylesheet's verdicts depend on XPath's notions: `normalize-space`, `number()` (which refuses a
leading `+` and yields NaN, and NaN compares false with everything) and dates compared as the number
left after removing hyphens. Rules use these helpers so that they judge exactly as the stylesheet does.
"""

from __future__ import annotations

import math
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from lxml import etree

_XML_SPACE = " \t\r\n"
_NUMBER = re.compile(r"-?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)")
_SPACE_RUNS = re.compile(r"[ \t\r\n]+")

Element = etree._Element


ChildIndex = dict[str, list[Element]]

_runs = threading.local()


@contextmanager
def child_index() -> Iterator[None]:
    """Index children by local name for the duration of one message's rule run.

    lxml's own look-ups cost microseconds each and rules ask for the same children again and again;
    within a run each parent's children are listed once. The index lives only as long as the run,
    so nothing of one message is seen while checking another.
    """
    outer = getattr(_runs, "index", None)
    _runs.index = {}
    try:
        yield
    finally:
        _runs.index = outer


def _indexed(parent: Element) -> ChildIndex:
    index: dict[Element, ChildIndex] | None = getattr(_runs, "index", None)
    found = None if index is None else index.get(parent)
    if found is None:
        found = {}
        for element in parent:
            tag = element.tag
            if isinstance(tag, str):
                found.setdefault(tag[tag.rfind("}") + 1 :], []).append(element)
        if index is not None:
            index[parent] = found
    return found


def child(parent: Element | None, name: str) -> Element | None:
    """The first child element with this local name, in any namespace."""
    if parent is None:
        return None
    found = _indexed(parent).get(name)
    return found[0] if found else None


def children(parent: Element | None, name: str) -> list[Element]:
    """Every child element with this local name, in document order."""
    if parent is None:
        return []
    return _indexed(parent).get(name, [])


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
