"""CD025: a Dutch address (LandCode NL) needs a Huisnummer."""

from __future__ import annotations

from collections.abc import Iterator

from gateway.rules.base import Context, Document, Hit, Rule, basis, messages
from gateway.rules.values import is_filled, normal


class CD025(Rule):
    code = "CD025"
    messages = messages("301")
    contexts = (basis("LandCode"),)
    scope = 1
    detail = "Huisnummer must be filled when LandCode is NL."

    def check(self, context: Context, document: Document) -> Iterator[Hit]:
        countries, numbers = context.table.texts(context.field), context.table.texts("Huis/Huisnummer")
        for row in context.rows:
            if normal(countries[row]) == "NL" and not is_filled(numbers[row]):
                yield row, (context.field,)
