"""TR383: each requested product has its own ReferentieAanbieder."""

from __future__ import annotations

from collections.abc import Iterator

from gateway.rules.base import Document, Element, Operands, Rule, messages, tag
from gateway.rules.values import child, normalized, text

_AANGEVRAAGD_PRODUCT = tag("315", "AangevraagdProduct")


class TR383(Rule):
    code = "TR383"
    messages = messages("315")
    contexts = (_AANGEVRAAGD_PRODUCT,)
    detail = "ReferentieAanbieder must differ from that of every other AangevraagdProduct."

    def check(self, element: Element, document: Document) -> Iterator[Operands]:
        # This product's value is trimmed, the earlier ones' texts are not; the stylesheet's second
        # operand is a VorigReferentieNummer, which a product lacks, so only the earlier one is named.
        reference = normalized(child(element, "ReferentieAanbieder"))
        before = list(element.itersiblings(_AANGEVRAAGD_PRODUCT, preceding=True))
        for product in reversed(before):
            earlier = child(product, "ReferentieAanbieder")
            if earlier is not None and text(earlier) == reference:
                yield (earlier,)
