"""TR383: each requested product has its own ReferentieAanbieder."""

from __future__ import annotations

from collections.abc import Iterator

from gateway.rules.base import Context, Document, Hit, Ref, Rule, messages, tag
from gateway.rules.values import normal

_REFERENCE = "ReferentieAanbieder"


class TR383(Rule):
    code = "TR383"
    messages = messages("315")
    contexts = (tag("315", "AangevraagdProduct"),)
    detail = "ReferentieAanbieder must differ from that of every other AangevraagdProduct."

    def check(self, context: Context, document: Document) -> Iterator[Hit]:
        table = context.table
        if len(table) < 2:
            return
        # Per parent, the earlier products by their raw ReferentieAanbieder text, in document order.
        earlier: dict[int, dict[str, list[int]]] = {}
        for row, (parent, reference) in enumerate(zip(table.parents, table.texts(_REFERENCE), strict=True)):
            seen = earlier.setdefault(parent, {})
            # This product's value is trimmed, the earlier ones' texts are not; the stylesheet's second
            # operand is a VorigReferentieNummer, which a product lacks, so only the earlier one is named.
            for other in seen.get(normal(reference), ()):
                yield row, (Ref(table, other, _REFERENCE),)
            if reference is not None:
                seen.setdefault(reference, []).append(row)
