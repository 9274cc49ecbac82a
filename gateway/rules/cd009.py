"""CD009: only a temporary address (Contact Soort 04) may carry a Periode."""

from __future__ import annotations

from collections.abc import Iterator

from gateway.rules.base import Document, Element, Operands, Rule, messages, tag
from gateway.rules.values import child, normalized


class CD009(Rule):
    code = "CD009"
    messages = messages("301")
    contexts = (tag("301", "Periode"),)
    detail = "Periode may only be filled when the contact's Soort is 04 (temporary address)."

    def check(self, element: Element, document: Document) -> Iterator[Operands]:
        soort = child(element.getparent(), "Soort")
        if normalized(soort) != "04":
            yield (soort, element)
