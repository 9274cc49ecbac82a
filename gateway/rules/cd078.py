"""CD078: a product carries an Omvang or a Budget, not both (reported from the Omvang)."""

from __future__ import annotations

from collections.abc import Iterator

from gateway.rules.base import Context, Document, Hit, Rule, messages
from gateway.rules.cd import OMVANGEN


class CD078(Rule):
    code = "CD078"
    messages = messages("301", "315", "317")
    contexts = OMVANGEN
    scope = 1
    detail = "Omvang must be empty when Budget is filled."

    def check(self, context: Context, document: Document) -> Iterator[Hit]:
        budgets = context.table.texts("Budget")
        for row in context.rows:
            if budgets[row] is not None:
                yield row, (context.field, "Budget")
