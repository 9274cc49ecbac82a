"""CD076: a product with a weekly Omvang (Frequentie 2) needs an end date."""

from __future__ import annotations

from collections.abc import Iterator

from gateway.rules.base import Document, Element, Operands, Rule, basis, messages
from gateway.rules.cd import OMVANGEN, end_date, product_of
from gateway.rules.values import filled, normalized


class CD076(Rule):
    code = "CD076"
    messages = messages("301", "315", "317")
    contexts = (basis("Frequentie"),)
    detail = "The end date (Einddatum or ToewijzingEinddatum) is required when Frequentie is 2 (per week)."

    def check(self, element: Element, document: Document) -> Iterator[Operands]:
        if normalized(element) != "2":
            return
        omvang = element.getparent()
        if omvang is None or omvang.tag not in OMVANGEN:
            return
        product = product_of(omvang)
        if product is not None and not filled(end_date(product)):
            yield (element,)
