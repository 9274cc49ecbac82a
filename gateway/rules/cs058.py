"""CS058: a start or stop is only delivered new (1) or deleted (3)."""

from __future__ import annotations

from collections.abc import Iterator

from gateway.rules.base import Context, Document, Hit, Rule, messages, tag
from gateway.rules.values import normal

_ALLOWED = frozenset({"1", "3"})


class CS058(Rule):
    code = "CS058"
    messages = messages("305", "307")
    contexts = (tag("305", "StatusAanlevering"), tag("307", "StatusAanlevering"))
    # Read as a field of the start/stop table: one column read instead of one text per element.
    scope = 1
    detail = "StatusAanlevering must be 1 or 3."

    def check(self, context: Context, document: Document) -> Iterator[Hit]:
        statuses = context.table.texts(context.field)
        for row in context.rows:
            if normal(statuses[row]) not in _ALLOWED:
                yield row, (context.field,)
