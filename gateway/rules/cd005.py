"""CD005: an address's Postcode and LandCode are given together or not at all."""

from __future__ import annotations

from collections.abc import Iterator

from gateway.rules.base import Context, Document, Hit, Rule, basis, messages
from gateway.rules.values import is_filled


class CD005(Rule):
    code = "CD005"
    messages = messages("301")
    contexts = (basis("Postcode"), basis("LandCode"))
    scope = 1
    detail = "Postcode and LandCode must both be filled when one of them is."

    def check(self, context: Context, document: Document) -> Iterator[Hit]:
        # Runs on the Adres table, once with Postcode as the context and once with LandCode.
        other = "LandCode" if context.field == "Postcode" else "Postcode"
        these, others = context.table.texts(context.field), context.table.texts(other)
        for row in context.rows:
            if is_filled(these[row]) and not is_filled(others[row]):
                yield row, (context.field,)
