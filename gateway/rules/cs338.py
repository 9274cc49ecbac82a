"""CS338: after 2020, an assignment in units 14, 16, 83 or 84 has Frequentie 2, 4 or 6."""

from __future__ import annotations

from collections.abc import Iterator

from gateway.rules.base import Document, Element, Operands, Rule, basis, messages, tag
from gateway.rules.cs import one_of, open_or_after_2020
from gateway.rules.values import child

UNITS = frozenset({"14", "16", "83", "84"})
FREQUENCIES = frozenset({"2", "4", "6"})
_PRODUCTS = frozenset(
    {tag("301", "ToegewezenProduct"), tag("317", "TeWijzigenProduct"), tag("317", "NieuwProduct")}
)


class CS338(Rule):
    code = "CS338"
    messages = messages("301", "317")
    contexts = (basis("Eenheid"),)
    detail = "With Eenheid 14, 16, 83 or 84 Frequentie must be 2, 4 or 6 when the product ends after 2020."

    def check(self, element: Element, document: Document) -> Iterator[Operands]:
        omvang = element.getparent()
        product = None if omvang is None else omvang.getparent()
        if product is None or product.tag not in _PRODUCTS:
            return
        end = child(product, "Einddatum")
        if not open_or_after_2020(end) or not one_of(element, UNITS):
            return
        frequency = child(omvang, "Frequentie")
        if not one_of(frequency, FREQUENCIES):
            yield (end, element, frequency)
