"""CD043: a requested product gives BeschikkingNummer and BeschikkingIngangsdatum together or neither."""

from __future__ import annotations

from collections.abc import Iterator

from gateway.rules.base import Document, Element, Operands, Rule, messages, tag
from gateway.rules.values import child, filled


class CD043(Rule):
    code = "CD043"
    messages = messages("315")
    contexts = (tag("315", "AangevraagdProduct"),)
    detail = "BeschikkingNummer and BeschikkingIngangsdatum must both be filled when one of them is."

    def check(self, element: Element, document: Document) -> Iterator[Operands]:
        nummer = child(element, "BeschikkingNummer")
        ingangsdatum = child(element, "BeschikkingIngangsdatum")
        if filled(nummer) != filled(ingangsdatum):
            yield (nummer, ingangsdatum)
