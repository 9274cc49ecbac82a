"""CD077: a product carries a Budget or an Omvang, not both (reported from the Budget)."""

from __future__ import annotations

from collections.abc import Iterator

from gateway.rules.base import Document, Element, Operands, Rule, messages
from gateway.rules.cd import BUDGETS, product_of
from gateway.rules.values import child, filled


class CD077(Rule):
    code = "CD077"
    messages = messages("301", "315", "317")
    contexts = BUDGETS
    detail = "Budget must be empty when Omvang is filled."

    def check(self, element: Element, document: Document) -> Iterator[Operands]:
        product = product_of(element)
        if product is None or not filled(element):
            return
        omvang = child(product, "Omvang")
        if omvang is not None:
            yield (omvang, element)
