"""TR416: one client's claim may not hold two debit lines for the same period, product and assignment."""

from __future__ import annotations

from collections.abc import Iterator

from gateway.rules.base import Document, Element, Operands, Rule, messages
from gateway.rules.claimlines import PRESTATIE, ClaimLines, Findings, Line, derived
from gateway.rules.values import text


def _key(line: Line) -> tuple[int, str, str, str, str, str] | None:
    """The fields two debit lines may not share, or None when one is absent (then nothing matches)."""
    fields = (
        line.begindatum,
        line.einddatum,
        line.product_categorie,
        line.toewijzing_nummer,
        line.product_code,
    )
    if any(field is None for field in fields):
        return None
    begin, end, category, assignment, code = (text(field) for field in fields)
    return (line.client, begin, end, category, assignment, code)


def _findings(claim: ClaimLines) -> Findings:
    """Per debit line, one finding for every earlier debit line of the same client with the same key."""
    debits: dict[tuple[int, str, str, str, str, str], list[Element]] = {}
    findings: Findings = {}
    for line in claim.lines:
        if text(line.debet_credit) != "D":
            continue
        key = _key(line)
        if key is None:
            continue
        earlier = debits.setdefault(key, [])
        if earlier:
            findings[line.prestatie] = [(twin, line.prestatie) for twin in earlier]
        earlier.append(line.prestatie)
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
