"""CD077: a product carries a Budget or an Omvang, not both (reported from the Budget)."""

from __future__ import annotations

from collections.abc import Iterator

from gateway.rules.base import Context, Document, Hit, Rule, messages
from gateway.rules.cd import BUDGETS
from gateway.rules.values import is_filled


class CD077(Rule):
    code = "CD077"
    messages = messages("301", "315", "317")
    contexts = BUDGETS
    scope = 1
    detail = "Budget must be empty when Omvang is filled."

    def check(self, context: Context, document: Document) -> Iterator[Hit]:
        budgets, omvangen = context.table.texts(context.field), context.table.has("Omvang")
        for row in context.rows:
            if omvangen[row] and is_filled(budgets[row]):
                yield row, ("Omvang", context.field)
