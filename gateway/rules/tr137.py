"""TR137: a claim or product period ends on or after its start and not after the message date."""

from __future__ import annotations

from collections.abc import Iterator

from gateway.rules.base import Context, Document, Hit, Rule, messages, tag
from gateway.rules.values import date_of

_BEGIN = "Begindatum"
_END = "Einddatum"


class TR137(Rule):
    code = "TR137"
    messages = messages("323", "325")
    contexts = (tag("323", "DeclaratiePeriode"), tag("323", "ProductPeriode"), tag("325", "ProductPeriode"))
    detail = "Einddatum must not lie before Begindatum nor after the message date (Dagtekening)."

    def check(self, context: Context, document: Document) -> Iterator[Hit]:
        table = context.table
        dagtekening = document.dagtekening
        today = date_of(dagtekening.text())
        begins, ends = table.values(_BEGIN, date_of), table.values(_END, date_of)
        for row, (begin, end) in enumerate(zip(begins, ends, strict=True)):
            if end is None:
                continue
            if begin is not None and end < begin:
                yield row, (_BEGIN, _END)
            if end > today:
                yield row, (dagtekening, _END)
