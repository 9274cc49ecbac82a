"""CD075: a product with a Budget needs an end date."""

from __future__ import annotations

from collections.abc import Iterator

from gateway.rules.base import Context, Document, Hit, Rule, messages
from gateway.rules.cd import BUDGETS, end_date
from gateway.rules.values import is_filled


class CD075(Rule):
    code = "CD075"
    messages = messages("301", "315", "317")
    contexts = BUDGETS
    scope = 1
    detail = "The end date (Einddatum or ToewijzingEinddatum) is required when Budget is filled."

    def check(self, context: Context, document: Document) -> Iterator[Hit]:
        budgets, ends = context.table.texts(context.field), context.table.texts(end_date(context))
        for row in context.rows:
            if is_filled(budgets[row]) and not is_filled(ends[row]):
                yield row, (context.field,)
