"""TR335: a claim line's product period ends at most five years before the claim's date."""

from __future__ import annotations

import math
import re
from collections.abc import Iterator

from gateway.rules.base import Document, Element, Operands, Rule, basis, messages
from gateway.rules.claimlines import ClaimLines, Findings, date_numbers, derived
from gateway.rules.values import path, text

_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def five_years_before(date: Element | None) -> float:
    """The date 60 months earlier as a YYYYMMDD number; 29 February becomes 28 February outside leap years."""
    match = _DATE.fullmatch(text(date).strip(" \t\r\n"))
    if match is None:
        return math.nan
    year, month, day = int(match[1]) - 5, int(match[2]), int(match[3])
    if month == 2 and day == 29 and year % 4 != 0:
        day = 28
    return float(year * 10000 + month * 100 + day)


def _findings(claim: ClaimLines) -> Findings:
    """Per ProductPeriode/Einddatum earlier than the limit: one finding."""
    signed = path(claim.root, "Declaratie", "DeclaratieDagtekening")
    limit = five_years_before(signed)
    ends = zip(claim.einddatum, date_numbers(claim.einddatum), strict=True)
    return {end: [(signed, end)] for end, number in ends if end is not None and number < limit}


class TR335(Rule):
    code = "TR335"
    messages = messages("323")
    contexts = (basis("Einddatum"),)
    detail = "ProductPeriode Einddatum may not lie more than 5 years before DeclaratieDagtekening."

    def check(self, element: Element, document: Document) -> Iterator[Operands]:
        yield from derived(document, _findings).get(element, ())
