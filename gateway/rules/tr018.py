"""TR018: a stop's Einddatum may not lie before the Begindatum of the start it stops."""

from __future__ import annotations

from collections.abc import Iterator

from gateway.rules.base import Document, Element, Operands, Rule, messages, tag
from gateway.rules.values import child, date_number

_STOP = tag("307", "StopProduct")


class TR018(Rule):
    code = "TR018"
    messages = messages("307")
    contexts = (tag("307", "Einddatum"),)
    detail = "Einddatum must not lie before Begindatum."

    def check(self, element: Element, document: Document) -> Iterator[Operands]:
        product = element.getparent()
        if product is None or product.tag != _STOP:
            return
        begin = child(product, "Begindatum")
        if date_number(element) < date_number(begin):
            yield (begin, element)
