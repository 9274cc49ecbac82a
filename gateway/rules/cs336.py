"""CS336: RedenWijziging 01 is not used in an assignment."""

from __future__ import annotations

from collections.abc import Iterator

from gateway.rules.base import Context, Document, Hit, Rule, messages, tag
from gateway.rules.values import normal


class CS336(Rule):
    code = "CS336"
    messages = messages("301")
    contexts = (tag("301", "RedenWijziging"),)
    # Read as a field of the assignment table, whose column CS335 and TR302 read too.
    scope = 1
    detail = "RedenWijziging must not be 01."

    def check(self, context: Context, document: Document) -> Iterator[Hit]:
        reasons = context.table.texts(context.field)
        for row in context.rows:
            if normal(reasons[row]) == "01":
                yield row, (context.field,)
