"""TR137: a claim or product period ends on or after its start and not after the message date."""

from __future__ import annotations

from collections.abc import Iterator

from gateway.messages.shapes import MessageShape, Path_
from gateway.rules.base import Context, Document, Hit, Rule, instance_scope, messages, tag
from gateway.rules.values import date_of


class TR137(Rule):
    code = "TR137"
    messages = messages("323", "325")
    contexts = (tag("323", "DeclaratiePeriode"), tag("323", "ProductPeriode"), tag("325", "ProductPeriode"))
    detail = "Einddatum must not lie before Begindatum nor after the message date (Dagtekening)."

    def scope_of(self, shape: MessageShape, path: Path_) -> int:
        return instance_scope(shape, path)

    def check(self, context: Context, document: Document) -> Iterator[Hit]:
        table = context.table
        begin, end = f"{context.field}/Begindatum", f"{context.field}/Einddatum"
        dagtekening = document.dagtekening
        today = date_of(dagtekening.text())
        begins, ends = table.values(begin, date_of), table.values(end, date_of)
        for row in context.rows:
            first, last = begins[row], ends[row]
            if last is None:
                continue
            if first is not None and last < first:
                yield row, (begin, end)
            if last > today:
                yield row, (dagtekening, end)
