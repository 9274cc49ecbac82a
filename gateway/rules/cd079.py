"""CD079: a generic product (no Product) needs a Budget."""

from __future__ import annotations

from collections.abc import Iterator

from gateway.rules.base import Context, Document, Hit, Rule, messages, tag
from gateway.rules.values import is_filled


class CD079(Rule):
    code = "CD079"
    messages = messages("301", "315", "317")
    contexts = (tag("301", "ToegewezenProduct"), tag("315", "AangevraagdProduct"), tag("317", "NieuwProduct"))
    detail = "Budget is required when Product is absent."

    def check(self, context: Context, document: Document) -> Iterator[Hit]:
        table = context.table
        columns = zip(table.has("Product"), table.texts("Budget"), strict=True)
        for row, (product, budget) in enumerate(columns):
            if not product and not is_filled(budget):
                yield row, ("",)
