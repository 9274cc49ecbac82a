"""CD086: a request under investigation (VerzoekAntwoord 2) has no RedenAfwijzingVerzoek."""

from __future__ import annotations

from collections.abc import Iterator

from gateway.rules.base import Document, Element, Operands, Rule, messages, tag
from gateway.rules.values import child, filled, normalized


class CD086(Rule):
    code = "CD086"
    messages = messages("319")
    contexts = (tag("319", "VerzoekAntwoord"),)
    detail = "RedenAfwijzingVerzoek must be empty when VerzoekAntwoord is 2 (under investigation)."

    def check(self, element: Element, document: Document) -> Iterator[Operands]:
        if normalized(element) != "2":
            return
        reden = child(element.getparent(), "RedenAfwijzingVerzoek")
        if filled(reden):
            yield (element, reden)
