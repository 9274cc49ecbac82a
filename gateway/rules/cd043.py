"""CD043: a requested product gives BeschikkingNummer and BeschikkingIngangsdatum together or neither."""

from __future__ import annotations

from collections.abc import Iterator

from gateway.rules.base import Context, Document, Hit, Rule, messages, tag
from gateway.rules.values import is_filled

_NUMMER = "BeschikkingNummer"
_INGANGSDATUM = "BeschikkingIngangsdatum"


class CD043(Rule):
    code = "CD043"
    messages = messages("315")
    contexts = (tag("315", "AangevraagdProduct"),)
    detail = "BeschikkingNummer and BeschikkingIngangsdatum must both be filled when one of them is."

    def check(self, context: Context, document: Document) -> Iterator[Hit]:
        table = context.table
        columns = zip(table.texts(_NUMMER), table.texts(_INGANGSDATUM), strict=True)
        for row, (nummer, ingangsdatum) in enumerate(columns):
            if is_filled(nummer) != is_filled(ingangsdatum):
                yield row, (_NUMMER, _INGANGSDATUM)
