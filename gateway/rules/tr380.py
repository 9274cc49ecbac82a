"""TR380: a requested new product starts after the message date."""

from __future__ import annotations

from collections.abc import Iterator

from gateway.rules.base import Document, Element, Operands, Rule, messages, tag
from gateway.rules.values import date_number

_NIEUW_PRODUCT = tag("317", "NieuwProduct")


class TR380(Rule):
    code = "TR380"
    messages = messages("317")
    contexts = (tag("317", "GewensteIngangsdatum"),)
    detail = "GewensteIngangsdatum of a NieuwProduct must lie after the message date (Dagtekening)."

    def check(self, element: Element, document: Document) -> Iterator[Operands]:
        parent = element.getparent()
        if parent is None or parent.tag != _NIEUW_PRODUCT:
            return
        if not date_number(element) > date_number(document.header_date):
            yield (document.header_date, element)
