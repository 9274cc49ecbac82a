"""TR358: a claim's TotaalIngediendBedrag is its debit lines minus its credit lines, written plainly."""

from __future__ import annotations

import math
from collections.abc import Iterator

from gateway.rules.base import Context, Document, Hit, Ref, Rule, messages, tag
from gateway.rules.values import normal, number_of

_LINES = ("Declaratie", "Clienten", "Client", "Prestaties", "Prestatie")


def xpath_string(value: float) -> str:
    """XPath string() of a number: integers without a fraction or sign of zero, NaN as 'NaN'."""
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "Infinity" if value > 0 else "-Infinity"
    if value == int(value):
        return str(int(value))
    return repr(value)


class TR358(Rule):
    code = "TR358"
    messages = messages("323")
    contexts = (tag("323", "TotaalIngediendBedrag"),)
    scope = 1
    detail = "TotaalBedrag must equal the debit minus the credit line amounts, written without leading zeros."

    def check(self, context: Context, document: Document) -> Iterator[Hit]:
        lines = document.table(*_LINES)
        debit = credit = 0.0
        amounts = lines.values("IngediendBedrag/Bedrag", number_of)
        for side, amount in zip(lines.texts("IngediendBedrag/DebetCredit"), amounts, strict=True):
            if side == "D":
                debit += math.nan if amount is None else amount
            elif side == "C":
                credit += math.nan if amount is None else amount
        total = f"{context.field}/TotaalBedrag"
        sign = f"{context.field}/DebetCredit"
        for row in context.rows:
            expected = {"D": debit - credit, "C": credit - debit}.get(normal(context.table.texts(sign)[row]))
            # A text comparison: leading zeros fail, and a NaN sum (a '+' on a line) never matches.
            if expected is not None and normal(context.table.texts(total)[row]) != xpath_string(expected):
                named = (Ref(lines, line, "IngediendBedrag") for line in range(len(lines)))
                yield row, (total, sign, *named)
