"""CD034: a residential or stay address (Contact Soort 01 or 03) needs a Postcode."""

from __future__ import annotations

from collections.abc import Iterator

from gateway.rules.base import Context, Document, Hit, Rule, messages, tag
from gateway.rules.values import is_filled, normal

_NEEDS_POSTCODE = frozenset({"01", "03"})


class CD034(Rule):
    code = "CD034"
    messages = messages("301")
    contexts = (tag("301", "Contact"),)
    detail = "Adres/Postcode must be filled when the contact's Soort is 01 or 03."

    def check(self, context: Context, document: Document) -> Iterator[Hit]:
        table = context.table
        columns = zip(table.texts("Soort"), table.texts("Adres/Postcode"), strict=True)
        for row, (soort, postcode) in enumerate(columns):
            if normal(soort) in _NEEDS_POSTCODE and not is_filled(postcode):
                yield row, ("Soort",)
