"""CS337: a claim line's product period lies within one calendar month."""

from __future__ import annotations

from collections.abc import Iterator

from gateway.rules.base import Document, Element, Operands, Rule, basis, messages, tag
from gateway.rules.cs import child_at, month_part, year_part
from gateway.rules.values import text

_PERIOD = tag("323", "ProductPeriode")
_START = basis("Begindatum")
_END = basis("Einddatum")


class CS337(Rule):
    code = "CS337"
    messages = messages("323")
    contexts = (tag("323", "Prestatie"),)
    detail = "ProductPeriode Begindatum and Einddatum must lie in the same year and month."

    def check(self, element: Element, document: Document) -> Iterator[Operands]:
        period = child_at(element, 4, _PERIOD)
        start = child_at(period, 0, _START)
        end = child_at(period, 1, _END)
        first, last = text(start), text(end)
        if first[0:7] == last[0:7]:
            return
        if year_part(first) != year_part(last):
            yield (start, end)
        if month_part(first) != month_part(last):
            yield (start, end)
