"""TR335: a claim line's product period ends at most five years before the claim's date."""

from __future__ import annotations

import math
import re
from collections.abc import Iterator

from gateway.messages.shapes import MessageShape, Path_
from gateway.rules.base import Context, Document, Hit, Ref, Rule, basis, instance_scope, messages
from gateway.rules.values import date_of

_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def five_years_before(date: str | None) -> float:
    """The date 60 months earlier as a YYYYMMDD number; 29 February becomes 28 February outside leap years."""
    match = _DATE.fullmatch((date or "").strip(" \t\r\n"))
    if match is None:
        return math.nan
    year, month, day = int(match[1]) - 5, int(match[2]), int(match[3])
    if month == 2 and day == 29 and year % 4 != 0:
        day = 28
    return float(year * 10000 + month * 100 + day)


class TR335(Rule):
    code = "TR335"
    messages = messages("323")
    contexts = (basis("Einddatum"),)
    detail = "ProductPeriode Einddatum may not lie more than 5 years before DeclaratieDagtekening."

    def scope_of(self, shape: MessageShape, path: Path_) -> int:
        return instance_scope(shape, path)

    def applies_at(self, shape: MessageShape, path: Path_) -> bool:
        return path[-2] == "ProductPeriode"

    def check(self, context: Context, document: Document) -> Iterator[Hit]:
        signed = Ref(document.table("Declaratie"), 0, "DeclaratieDagtekening")
        limit = five_years_before(signed.text())
        ends = context.table.values(context.field, date_of)
        for row in context.rows:
            end = ends[row]
            if end is not None and end < limit:
                yield row, (signed, context.field)
