"""CD079: a generic product (no Product) needs a Budget."""

from __future__ import annotations

from collections.abc import Iterator

from gateway.rules.base import Document, Element, Operands, Rule, messages, tag
from gateway.rules.values import child, filled


class CD079(Rule):
    code = "CD079"
    messages = messages("301", "315", "317")
    contexts = (tag("301", "ToegewezenProduct"), tag("315", "AangevraagdProduct"), tag("317", "NieuwProduct"))
    detail = "Budget is required when Product is absent."

    def check(self, element: Element, document: Document) -> Iterator[Operands]:
        if not filled(child(element, "Budget")) and child(element, "Product") is None:
            yield (element,)
