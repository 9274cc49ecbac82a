"""TR380: a requested new product starts after the message date."""

from __future__ import annotations

from collections.abc import Iterator

from gateway.messages.shapes import MessageShape, Path_
from gateway.rules.base import Context, Document, Hit, Rule, messages, tag
from gateway.rules.values import date_of


class TR380(Rule):
    code = "TR380"
    messages = messages("317")
    contexts = (tag("317", "GewensteIngangsdatum"),)
    # Read as a field of the product table, whose column CS003 and TR410 read too.
    scope = 1
    detail = "GewensteIngangsdatum of a NieuwProduct must lie after the message date (Dagtekening)."

    def applies_at(self, shape: MessageShape, path: Path_) -> bool:
        return path[-2] == "NieuwProduct"

    def check(self, context: Context, document: Document) -> Iterator[Hit]:
        dagtekening = document.dagtekening
        today = date_of(dagtekening.text())
        starts = context.table.values(context.field, date_of)
        for row in context.rows:
            start = starts[row]
            # Written as "not (start > date)": a date that does not read as a number fails too.
            if start is not None and not start > today:
                yield row, (dagtekening, context.field)
