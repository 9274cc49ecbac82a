"""TR316: a claim line may not credit a line of the same message."""

from __future__ import annotations

from collections.abc import Iterator

from gateway.rules.base import Document, Element, Operands, Rule, messages
from gateway.rules.claimlines import PRODUCT_REFERENTIE, ClaimLines, Findings, derived, trimmed
from gateway.rules.values import text


def _findings(claim: ClaimLines) -> Findings:
    """Per line: (a) every earlier line it credits, (b) every earlier line crediting it, (c) itself."""
    references: dict[str, list[Element]] = {}
    credited: dict[str, list[Element]] = {}
    findings: Findings = {}
    lines = zip(claim.prestatie, claim.referentie_nummer, claim.vorig_referentie_nummer, strict=True)
    for prestatie, referentie, vorig in lines:
        # This line's values are trimmed (absent: ''), the earlier lines' texts are taken as they are.
        own, previous = trimmed(referentie), trimmed(vorig)
        found: list[Operands] = [(match, vorig) for match in references.get(previous, ())]
        found += [(match, referentie) for match in credited.get(own, ())]
        if own == previous:
            found.append((referentie, vorig))
        if found:
            findings[prestatie] = found
        if referentie is not None:
            references.setdefault(text(referentie), []).append(referentie)
        if vorig is not None:
            credited.setdefault(text(vorig), []).append(vorig)
    return findings


class TR316(Rule):
    code = "TR316"
    messages = messages("323")
    contexts = (PRODUCT_REFERENTIE,)
    detail = "VorigReferentieNummer may not refer to a line of the same message, nor to the line itself."

    def check(self, element: Element, document: Document) -> Iterator[Operands]:
        line = element.getparent()
        if line is not None:
            yield from derived(document, _findings).get(line, ())
