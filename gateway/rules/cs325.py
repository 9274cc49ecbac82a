"""CS325: a zero amount is never written as credit."""

from __future__ import annotations

from collections.abc import Iterator

from gateway.rules.base import Document, Element, Operands, Rule, basis, messages, tag
from gateway.rules.cs import child_at, one_of, read_number

_TOTAL = basis("TotaalBedrag")
_LINE = basis("Bedrag")
_AMOUNT_OF = {
    tag("323", "TotaalIngediendBedrag"): _TOTAL,
    tag("323", "IngediendBedrag"): _LINE,
    tag("325", "TotaalIngediendBedrag"): _TOTAL,
    tag("325", "TotaalToegekendBedrag"): _TOTAL,
    tag("325", "IngediendBedrag"): _LINE,
}
_SIGN = basis("DebetCredit")
_CREDIT = frozenset({"C", "c"})


class CS325(Rule):
    code = "CS325"
    messages = messages("323", "325")
    contexts = tuple(_AMOUNT_OF)
    detail = "An amount of 0 must have DebetCredit D."

    def check(self, element: Element, document: Document) -> Iterator[Operands]:
        sign = child_at(element, 1, _SIGN)
        if not one_of(sign, _CREDIT):
            return
        amount = child_at(element, 0, _AMOUNT_OF[element.tag])  # type: ignore[index]
        if read_number(amount) == 0:
            yield (amount, sign)
