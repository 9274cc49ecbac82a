"""TR416: one client's claim may not hold two debit lines for the same period, product and assignment."""

from __future__ import annotations

from collections.abc import Iterator

from gateway.rules.base import Document, Element, Operands, Rule, messages
from gateway.rules.claimlines import PRESTATIE, ClaimLines, Findings, derived
from gateway.rules.values import text


def _findings(claim: ClaimLines) -> Findings:
    """Per debit line, one finding for every earlier debit line of the same client with the same key."""
    # Only debit lines sharing client and ToewijzingNummer can be twins; the other fields are read
    # for those alone. An absent key field matches nothing, as in XPath.
    candidates: dict[tuple[int, str], list[int]] = {}
    lines = zip(claim.client, claim.debet_credit, claim.toewijzing_nummer, strict=True)
    for index, (client, side, assignment) in enumerate(lines):
        if assignment is not None and text(side) == "D":
            candidates.setdefault((client, text(assignment)), []).append(index)
    findings: Findings = {}
    for indexes in candidates.values():
        if len(indexes) < 2:
            continue
        debits: dict[tuple[str, ...], list[Element]] = {}
        for index in indexes:
            fields = (
                claim.begindatum[index],
                claim.einddatum[index],
                claim.product_categorie[index],
                claim.product_code[index],
            )
            if None in fields:
                continue
            prestatie = claim.prestatie[index]
            earlier = debits.setdefault(tuple(text(field) for field in fields), [])
            if earlier:
                findings[prestatie] = [(twin, prestatie) for twin in earlier]
            earlier.append(prestatie)
    return findings


class TR416(Rule):
    code = "TR416"
    messages = messages("323")
    contexts = (PRESTATIE,)
    detail = (
        "Two debit lines of one client may not share ProductPeriode, ProductCategorie, "
        "ToewijzingNummer and ProductCode."
    )

    def check(self, element: Element, document: Document) -> Iterator[Operands]:
        yield from derived(document, _findings).get(element, ())
