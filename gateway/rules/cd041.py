"""CD041: a product with a Product/Code needs an Omvang."""

from __future__ import annotations

from collections.abc import Iterator

from gateway.rules.base import Document, Element, Operands, Rule, messages, tag
from gateway.rules.values import child, filled, path


class CD041(Rule):
    code = "CD041"
    messages = messages("301", "315", "317")
    contexts = (tag("301", "ToegewezenProduct"), tag("315", "AangevraagdProduct"), tag("317", "NieuwProduct"))
    detail = "Omvang is required when Product/Code is filled."

    def check(self, element: Element, document: Document) -> Iterator[Operands]:
        code = path(element, "Product", "Code")
        if filled(code) and child(element, "Omvang") is None:
            yield (code,)
