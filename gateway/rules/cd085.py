"""CD085: a rejected request (VerzoekAntwoord 1) needs a RedenAfwijzingVerzoek."""

from __future__ import annotations

from collections.abc import Iterator

from gateway.rules.base import Document, Element, Operands, Rule, messages, tag
from gateway.rules.values import child, filled, normalized


class CD085(Rule):
    code = "CD085"
    messages = messages("319")
    contexts = (tag("319", "VerzoekAntwoord"),)
    detail = "RedenAfwijzingVerzoek is required when VerzoekAntwoord is 1 (rejected)."

    def check(self, element: Element, document: Document) -> Iterator[Operands]:
        if normalized(element) == "1" and not filled(child(element.getparent(), "RedenAfwijzingVerzoek")):
            yield (element,)
