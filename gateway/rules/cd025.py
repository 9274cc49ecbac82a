"""CD025: a Dutch address (LandCode NL) needs a Huisnummer."""

from __future__ import annotations

from collections.abc import Iterator

from gateway.rules.base import Document, Element, Operands, Rule, basis, messages
from gateway.rules.values import filled, normalized, path


class CD025(Rule):
    code = "CD025"
    messages = messages("301")
    contexts = (basis("LandCode"),)
    detail = "Huisnummer must be filled when LandCode is NL."

    def check(self, element: Element, document: Document) -> Iterator[Operands]:
        if normalized(element) == "NL" and not filled(path(element.getparent(), "Huis", "Huisnummer")):
            yield (element,)
