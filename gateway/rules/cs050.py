"""CS050: NaamGebruik fits the name: 1-4 with a Partnernaam, only 1 without one."""

from __future__ import annotations

from collections.abc import Iterator

from gateway.rules.base import Context, Document, Hit, Rule, basis, messages
from gateway.rules.values import normal

_WITH_PARTNER = frozenset({"1", "2", "3", "4"})
_PARTNER = "Partnernaam"


class CS050(Rule):
    code = "CS050"
    messages = messages("301")
    contexts = (basis("NaamGebruik"),)
    scope = 1
    detail = "With a Partnernaam NaamGebruik must be 1, 2, 3 or 4; without one it must be 1."

    def check(self, context: Context, document: Document) -> Iterator[Hit]:
        usages, partners = context.table.texts(context.field), context.table.has(_PARTNER)
        for row in context.rows:
            value = normal(usages[row])
            if partners[row]:
                if value not in _WITH_PARTNER:
                    yield row, (_PARTNER, context.field)
            elif value != "1":
                yield row, (context.field,)
