"""CS343: after 2020, a request in units 14, 16, 83 or 84 has Frequentie 2, 4 or 6."""

from __future__ import annotations

from collections.abc import Iterator

from gateway.rules.base import Document, Element, Operands, Rule, basis, messages, tag
from gateway.rules.cs import one_of, open_or_after_2020
from gateway.rules.cs338 import FREQUENCIES, UNITS
from gateway.rules.values import child

_PRODUCT = tag("315", "AangevraagdProduct")


class CS343(Rule):
    code = "CS343"
    messages = messages("315")
    contexts = (basis("Eenheid"),)
    detail = "With Eenheid 14, 16, 83 or 84 Frequentie must be 2, 4 or 6 when the request ends after 2020."

    def check(self, element: Element, document: Document) -> Iterator[Operands]:
        omvang = element.getparent()
        product = None if omvang is None else omvang.getparent()
        if product is None or product.tag != _PRODUCT:
            return
        end = child(product, "ToewijzingEinddatum")
        if not open_or_after_2020(end) or not one_of(element, UNITS):
            return
        frequency = child(omvang, "Frequentie")
        if not one_of(frequency, FREQUENCIES):
            yield (end, element, frequency)
