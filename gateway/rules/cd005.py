"""CD005: an address's Postcode and LandCode are given together or not at all."""

from __future__ import annotations

from collections.abc import Iterator

from gateway.rules.base import Document, Element, Operands, Rule, basis, messages
from gateway.rules.values import child, filled

_POSTCODE = basis("Postcode")


class CD005(Rule):
    code = "CD005"
    messages = messages("301")
    contexts = (_POSTCODE, basis("LandCode"))
    detail = "Postcode and LandCode must both be filled when one of them is."

    def check(self, element: Element, document: Document) -> Iterator[Operands]:
        other = "LandCode" if element.tag == _POSTCODE else "Postcode"
        if filled(element) and not filled(child(element.getparent(), other)):
            yield (element,)
