"""CS340: a claim period is exactly one whole calendar month."""

from __future__ import annotations

from collections.abc import Iterator

from gateway.rules.base import Document, Element, Operands, Rule, basis, messages, tag
from gateway.rules.cs import child_at, day_part, plus_one_day, plus_one_month
from gateway.rules.values import text

_START = basis("Begindatum")
_END = basis("Einddatum")


class CS340(Rule):
    code = "CS340"
    messages = messages("323")
    contexts = (tag("323", "DeclaratiePeriode"),)
    detail = "DeclaratiePeriode must run from the first to the last day of one calendar month."

    def check(self, element: Element, document: Document) -> Iterator[Operands]:
        start = child_at(element, 0, _START)
        end = child_at(element, 1, _END)
        if day_part(text(start)) != "01":
            yield (start,)
        # XPath "!=" on numbers, like Python's on floats, is true when either side is NaN.
        if plus_one_day(end) != plus_one_month(start):
            yield (start, end)
