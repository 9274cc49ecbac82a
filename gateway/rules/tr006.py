"""TR006: a contact has a phone number, or both a house and a postcode."""

from __future__ import annotations

from collections.abc import Iterator

from gateway.rules.base import Document, Element, Operands, Rule, messages, tag
from gateway.rules.values import child


class TR006(Rule):
    code = "TR006"
    messages = messages("301")
    contexts = (tag("301", "Contact"),)
    detail = "A contact needs a Telefoon, or an Adres with both Huis and Postcode."

    def check(self, element: Element, document: Document) -> Iterator[Operands]:
        if child(element, "Telefoon") is not None:
            return
        address = child(element, "Adres")
        # The stylesheet runs the house and the postcode check separately, so both may report.
        if child(address, "Huis") is None:
            yield (element,)
        if child(address, "Postcode") is None:
            yield (element,)
