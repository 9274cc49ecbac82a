"""CD078: a product carries an Omvang or a Budget, not both (reported from the Omvang)."""

from __future__ import annotations

from collections.abc import Iterator

from gateway.rules.base import Document, Element, Operands, Rule, messages
from gateway.rules.cd import OMVANGEN, product_of
from gateway.rules.values import child


class CD078(Rule):
    code = "CD078"
    messages = messages("301", "315", "317")
    contexts = OMVANGEN
    detail = "Omvang must be empty when Budget is filled."

    def check(self, element: Element, document: Document) -> Iterator[Operands]:
        product = product_of(element)
        if product is None:
            return
        budget = child(product, "Budget")
        if budget is not None:
            yield (element, budget)
