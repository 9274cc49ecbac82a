"""TR319: a claim line's product period does not start or end after the claim period."""

from __future__ import annotations

from collections.abc import Iterator

from gateway.rules.base import Document, Element, Operands, Rule, messages
from gateway.rules.claimlines import PRESTATIE, ClaimLines, Findings, date_numbers, derived
from gateway.rules.values import date_number, path


def _findings(claim: ClaimLines) -> Findings:
    """Per line: a finding if Begindatum, and one if Einddatum, lies after DeclaratiePeriode/Einddatum."""
    claim_end = path(claim.root, "Declaratie", "DeclaratiePeriode", "Einddatum")
    limit = date_number(claim_end)
    findings: Findings = {}
    begins, ends = date_numbers(claim.begindatum), date_numbers(claim.einddatum)
    for index, prestatie in enumerate(claim.prestatie):
        late: list[Operands] = []
        if begins[index] > limit:
            late.append((claim_end, claim.begindatum[index]))
        if ends[index] > limit:
            late.append((claim_end, claim.einddatum[index]))
        if late:
            findings[prestatie] = late
    return findings


class TR319(Rule):
    code = "TR319"
    messages = messages("323")
    contexts = (PRESTATIE,)
    detail = "ProductPeriode Begindatum and Einddatum may not lie after DeclaratiePeriode Einddatum."

    def check(self, element: Element, document: Document) -> Iterator[Operands]:
        yield from derived(document, _findings).get(element, ())
