"""TR137: a claim or product period ends on or after its start and not after the message date."""

from __future__ import annotations

from collections.abc import Iterator

from gateway.rules.base import Document, Element, Operands, Rule, basis, messages, tag
from gateway.rules.values import date_number

_BEGIN = basis("Begindatum")
_END = basis("Einddatum")


class TR137(Rule):
    code = "TR137"
    messages = messages("323", "325")
    contexts = (tag("323", "DeclaratiePeriode"), tag("323", "ProductPeriode"), tag("325", "ProductPeriode"))
    detail = "Einddatum must not lie before Begindatum nor after the message date (Dagtekening)."

    def check(self, element: Element, document: Document) -> Iterator[Operands]:
        dates = {c.tag: c for c in element.iterchildren(_BEGIN, _END)}
        begin, end = dates.get(_BEGIN), dates.get(_END)
        ends = date_number(end)
        if ends < date_number(begin):
            yield (begin, end)
        if ends > date_number(document.header_date):
            yield (document.header_date, end)
