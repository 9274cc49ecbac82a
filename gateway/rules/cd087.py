"""CD087: a claim line has a ProductTarief unless its Eenheid is 83 (euro's), which forbids one."""

from __future__ import annotations

from collections.abc import Iterator

from gateway.rules.base import Context, Document, Hit, Rule, messages, tag
from gateway.rules.values import is_filled, normal


class CD087(Rule):
    code = "CD087"
    messages = messages("323")
    contexts = (tag("323", "Eenheid"),)
    scope = 1
    detail = "ProductTarief is required when Eenheid is not 83, and must be empty when it is 83."

    def check(self, context: Context, document: Document) -> Iterator[Hit]:
        eenheden, tarieven = context.table.texts("Eenheid"), context.table.texts("ProductTarief")
        for row in context.rows:
            if (normal(eenheden[row]) != "83") != is_filled(tarieven[row]):
                yield row, ("Eenheid", "ProductTarief")
