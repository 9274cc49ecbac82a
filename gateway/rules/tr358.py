"""TR358: a claim's TotaalIngediendBedrag is its debit lines minus its credit lines, written plainly."""

from __future__ import annotations

import math
from collections.abc import Iterator

from gateway.rules.base import Document, Element, Operands, Rule, messages, tag
from gateway.rules.claimlines import claim_lines
from gateway.rules.values import child, element_number, normalized, text


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
    detail = "TotaalBedrag must equal the debit minus the credit line amounts, written without leading zeros."

    def check(self, element: Element, document: Document) -> Iterator[Operands]:
        claim = claim_lines(document)
        debit = credit = 0.0
        for direction, amount in zip(claim.debet_credit, claim.bedrag, strict=True):
            side = text(direction)
            if side == "D":
                debit += element_number(amount)
            elif side == "C":
                credit += element_number(amount)
        total, sign = child(element, "TotaalBedrag"), child(element, "DebetCredit")
        expected = {"D": debit - credit, "C": credit - debit}.get(normalized(sign))
        # A text comparison: leading zeros fail, and a NaN sum (a '+' on a line) never matches.
        if expected is not None and normalized(total) != xpath_string(expected):
            yield (total, sign, *(child(prestatie, "IngediendBedrag") for prestatie in claim.prestatie))
