"""CD009: only a temporary address (Contact Soort 04) may carry a Periode."""

from __future__ import annotations

from collections.abc import Iterator

from gateway.rules.base import Context, Document, Hit, Rule, messages, tag
from gateway.rules.values import normal


class CD009(Rule):
    code = "CD009"
    messages = messages("301")
    contexts = (tag("301", "Periode"),)
    scope = 1
    detail = "Periode may only be filled when the contact's Soort is 04 (temporary address)."

    def check(self, context: Context, document: Document) -> Iterator[Hit]:
        soorten = context.table.texts("Soort")
        for row in context.rows:
            if normal(soorten[row]) != "04":
                yield row, ("Soort", context.field)
