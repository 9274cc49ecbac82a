"""CD075: a product with a Budget needs an end date."""

from __future__ import annotations

from collections.abc import Iterator

from gateway.rules.base import Document, Element, Operands, Rule, messages
from gateway.rules.cd import BUDGETS, end_date, product_of
from gateway.rules.values import filled


class CD075(Rule):
    code = "CD075"
    messages = messages("301", "315", "317")
    contexts = BUDGETS
    detail = "The end date (Einddatum or ToewijzingEinddatum) is required when Budget is filled."

    def check(self, element: Element, document: Document) -> Iterator[Operands]:
        product = product_of(element)
        if product is not None and filled(element) and not filled(end_date(product)):
            yield (element,)
