"""TR018: a stop's Einddatum may not lie before the Begindatum of the start it stops."""

from __future__ import annotations

from collections.abc import Iterator

from gateway.messages.shapes import MessageShape, Path_
from gateway.rules.base import Context, Document, Hit, Rule, messages, tag
from gateway.rules.values import date_of

_BEGIN = "Begindatum"


class TR018(Rule):
    code = "TR018"
    messages = messages("307")
    contexts = (tag("307", "Einddatum"),)
    scope = 1
    detail = "Einddatum must not lie before Begindatum."

    def applies_at(self, shape: MessageShape, path: Path_) -> bool:
        return path[-2] == "StopProduct"

    def check(self, context: Context, document: Document) -> Iterator[Hit]:
        table = context.table
        begins, ends = table.values(_BEGIN, date_of), table.values(context.field, date_of)
        for row, (begin, end) in enumerate(zip(begins, ends, strict=True)):
            # A missing Begindatum reads as NaN, which nothing lies before.
            if begin is not None and end is not None and end < begin:
                yield row, (_BEGIN, context.field)
