"""CS340: a claim period is exactly one whole calendar month."""

from __future__ import annotations

from collections.abc import Iterator

from gateway.rules.base import Context, Document, Hit, Rule, messages, tag
from gateway.rules.cs import day_part, plus_one_day, plus_one_month

_START = "Begindatum"
_END = "Einddatum"


class CS340(Rule):
    code = "CS340"
    messages = messages("323")
    contexts = (tag("323", "DeclaratiePeriode"),)
    detail = "DeclaratiePeriode must run from the first to the last day of one calendar month."

    def check(self, context: Context, document: Document) -> Iterator[Hit]:
        starts, ends = context.table.texts(_START), context.table.texts(_END)
        for row in context.rows:
            start, end = starts[row] or "", ends[row] or ""
            if day_part(start) != "01":
                yield row, (_START,)
            # XPath "!=" on numbers, like Python's on floats, is true when either side is NaN.
            if plus_one_day(end) != plus_one_month(start):
                yield row, (_START, _END)
