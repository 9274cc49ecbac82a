"""CD076: a product with a weekly Omvang (Frequentie 2) needs an end date."""

from __future__ import annotations

from collections.abc import Iterator

from gateway.rules.base import Context, Document, Hit, Rule, basis, messages
from gateway.rules.cd import end_date
from gateway.rules.values import is_filled, normal


class CD076(Rule):
    code = "CD076"
    messages = messages("301", "315", "317")
    # Every Frequentie of these messages is the Omvang/Frequentie of one of the four product classes.
    contexts = (basis("Frequentie"),)
    scope = 2
    detail = "The end date (Einddatum or ToewijzingEinddatum) is required when Frequentie is 2 (per week)."

    def check(self, context: Context, document: Document) -> Iterator[Hit]:
        frequencies, ends = context.table.texts(context.field), context.table.texts(end_date(context))
        for row in context.rows:
            if normal(frequencies[row]) == "2" and not is_filled(ends[row]):
                yield row, (context.field,)
