"""CD087: a claim line has a ProductTarief unless its Eenheid is 83 (euro's), which forbids one."""

from __future__ import annotations

from collections.abc import Iterator

from gateway.rules.base import Document, Element, Operands, Rule, messages, tag
from gateway.rules.values import child, filled, normalized


class CD087(Rule):
    code = "CD087"
    messages = messages("323")
    contexts = (tag("323", "Eenheid"),)
    detail = "ProductTarief is required when Eenheid is not 83, and must be empty when it is 83."

    def check(self, element: Element, document: Document) -> Iterator[Operands]:
        tarief = child(element.getparent(), "ProductTarief")
        if (normalized(element) != "83") != filled(tarief):
            yield (element, tarief)
