"""TR006: a contact has a phone number, or both a house and a postcode."""

from __future__ import annotations

from collections.abc import Iterator

from gateway.rules.base import Context, Document, Hit, Rule, messages, tag


class TR006(Rule):
    code = "TR006"
    messages = messages("301")
    contexts = (tag("301", "Contact"),)
    detail = "A contact needs a Telefoon, or an Adres with both Huis and Postcode."

    def check(self, context: Context, document: Document) -> Iterator[Hit]:
        table = context.table
        columns = zip(
            table.has("Telefoon"), table.has("Adres/Huis"), table.has("Adres/Postcode"), strict=True
        )
        for row, (phone, house, postcode) in enumerate(columns):
            if phone:
                continue
            # The stylesheet runs the house and the postcode check separately, so both may report.
            if not house:
                yield row, ("",)
            if not postcode:
                yield row, ("",)
