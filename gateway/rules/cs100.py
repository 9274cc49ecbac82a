"""CS100: claim and product periods start no earlier than 2021-01-01."""

from __future__ import annotations

from collections.abc import Iterator

from gateway.messages.shapes import MessageShape, Path_
from gateway.rules.base import Context, Document, Hit, Rule, basis, instance_scope, messages
from gateway.rules.values import date_of

_PERIODS = frozenset({"DeclaratiePeriode", "ProductPeriode"})


def _before_2021(value: str | None) -> bool:
    # A plainly written date compares as text; anything else as the stylesheet's number.
    if value is not None and len(value) == 10 and value[4] == "-":
        return value < "2021-01-01"
    return date_of(value) < 20210101


class CS100(Rule):
    code = "CS100"
    messages = messages("323")
    contexts = (basis("Begindatum"),)
    detail = "Begindatum must not lie before 2021-01-01."

    def scope_of(self, shape: MessageShape, path: Path_) -> int:
        return instance_scope(shape, path)

    def applies_at(self, shape: MessageShape, path: Path_) -> bool:
        return path[-2] in _PERIODS

    def check(self, context: Context, document: Document) -> Iterator[Hit]:
        early = context.table.values(context.field, _before_2021)
        for row in context.rows:
            if early[row]:
                yield row, (context.field,)
