"""CD041: a product with a Product/Code needs an Omvang."""

from __future__ import annotations

from collections.abc import Iterator

from gateway.rules.base import Context, Document, Hit, Rule, messages, tag
from gateway.rules.values import is_filled

_CODE = "Product/Code"


class CD041(Rule):
    code = "CD041"
    messages = messages("301", "315", "317")
    contexts = (tag("301", "ToegewezenProduct"), tag("315", "AangevraagdProduct"), tag("317", "NieuwProduct"))
    detail = "Omvang is required when Product/Code is filled."

    def check(self, context: Context, document: Document) -> Iterator[Hit]:
        table = context.table
        for row, (code, omvang) in enumerate(zip(table.texts(_CODE), table.has("Omvang"), strict=True)):
            if not omvang and is_filled(code):
                yield row, (_CODE,)
