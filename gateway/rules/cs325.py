"""CS325: a zero amount is never written as credit."""

from __future__ import annotations

from collections.abc import Iterator

from gateway.messages.shapes import MessageShape, Path_
from gateway.rules.base import Context, Document, Hit, Rule, instance_scope, messages, tag
from gateway.rules.values import normal, number_of

_AMOUNT_OF = {
    "TotaalIngediendBedrag": "TotaalBedrag",
    "TotaalToegekendBedrag": "TotaalBedrag",
    "IngediendBedrag": "Bedrag",
}
_CREDIT = frozenset({"C", "c"})


class CS325(Rule):
    code = "CS325"
    messages = messages("323", "325")
    contexts = (
        tag("323", "TotaalIngediendBedrag"),
        tag("323", "IngediendBedrag"),
        tag("325", "TotaalIngediendBedrag"),
        tag("325", "TotaalToegekendBedrag"),
        tag("325", "IngediendBedrag"),
    )
    detail = "An amount of 0 must have DebetCredit D."

    def scope_of(self, shape: MessageShape, path: Path_) -> int:
        return instance_scope(shape, path)

    def check(self, context: Context, document: Document) -> Iterator[Hit]:
        sign = f"{context.field}/DebetCredit"
        amount = f"{context.field}/{_AMOUNT_OF[context.path[-1]]}"
        signs = context.table.texts(sign)
        for row in context.rows:
            side = signs[row]
            if side is None or (side not in _CREDIT and normal(side) not in _CREDIT):
                continue
            if number_of(context.table.texts(amount)[row]) == 0:
                yield row, (amount, sign)
