"""TR315: a VorigReferentieNummer may occur only once in a claim message."""

from __future__ import annotations

from collections.abc import Iterator

from gateway.rules.base import Document, Element, Operands, Rule, messages
from gateway.rules.claimlines import PRODUCT_REFERENTIE, ClaimLines, Findings, derived, trimmed
from gateway.rules.values import text


def _findings(claim: ClaimLines) -> Findings:
    """Per line, one finding for every earlier line (in any client) crediting the same line."""
    credited: dict[str, list[Element]] = {}
    findings: Findings = {}
    for prestatie, vorig in zip(claim.prestatie, claim.vorig_referentie_nummer, strict=True):
        # This line's value is trimmed (absent: ''), the earlier lines' texts are taken as they are.
        earlier = credited.get(trimmed(vorig))
        if earlier:
            findings[prestatie] = [(match, vorig) for match in earlier]
        if vorig is not None:
            credited.setdefault(text(vorig), []).append(vorig)
    return findings


class TR315(Rule):
    code = "TR315"
    messages = messages("323")
    contexts = (PRODUCT_REFERENTIE,)
    detail = "A VorigReferentieNummer may be credited only once per message."

    def check(self, element: Element, document: Document) -> Iterator[Operands]:
        line = element.getparent()
        if line is not None:
            yield from derived(document, _findings).get(line, ())
