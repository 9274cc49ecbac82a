"""CS337: a claim line's product period lies within one calendar month."""

from __future__ import annotations

from collections.abc import Iterator

from gateway.rules.base import Context, Document, Hit, Rule, messages, tag
from gateway.rules.cs import month_part, year_part

_START = "ProductPeriode/Begindatum"
_END = "ProductPeriode/Einddatum"


class CS337(Rule):
    code = "CS337"
    messages = messages("323")
    contexts = (tag("323", "Prestatie"),)
    detail = "ProductPeriode Begindatum and Einddatum must lie in the same year and month."

    def check(self, context: Context, document: Document) -> Iterator[Hit]:
        table = context.table
        for row, (first, last) in enumerate(zip(table.texts(_START), table.texts(_END), strict=True)):
            if first is None or last is None or first[0:7] == last[0:7]:
                continue
            if year_part(first) != year_part(last):
                yield row, (_START, _END)
            if month_part(first) != month_part(last):
                yield row, (_START, _END)
