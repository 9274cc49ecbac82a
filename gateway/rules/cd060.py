"""CD060: a credit claim line names the debit line it credits in VorigReferentieNummer; a debit line not."""

from __future__ import annotations

from collections.abc import Iterator

from gateway.rules.base import Document, Element, Operands, Rule, messages, tag
from gateway.rules.values import filled, normalized, path


class CD060(Rule):
    code = "CD060"
    messages = messages("323", "325")
    contexts = (tag("323", "Prestatie"), tag("325", "Prestatie"))
    detail = "VorigReferentieNummer must be filled when DebetCredit is C, and empty when it is D."

    def check(self, element: Element, document: Document) -> Iterator[Operands]:
        debet_credit = path(element, "IngediendBedrag", "DebetCredit")
        vorig = path(element, "ProductReferentie", "VorigReferentieNummer")
        if (normalized(debet_credit) == "C") != filled(vorig):
            yield (vorig, debet_credit)
