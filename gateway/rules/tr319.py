"""TR319: a claim line's product period does not start or end after the claim period."""

from __future__ import annotations

from collections.abc import Iterator

from gateway.rules.base import Context, Document, Hit, Ref, Rule, messages, tag
from gateway.rules.values import date_of

_BEGIN = "ProductPeriode/Begindatum"
_END = "ProductPeriode/Einddatum"


class TR319(Rule):
    code = "TR319"
    messages = messages("323")
    contexts = (tag("323", "Prestatie"),)
    detail = "ProductPeriode Begindatum and Einddatum may not lie after DeclaratiePeriode Einddatum."

    def check(self, context: Context, document: Document) -> Iterator[Hit]:
        claim_end = Ref(document.table("Declaratie"), 0, "DeclaratiePeriode/Einddatum")
        limit = date_of(claim_end.text())
        table = context.table
        begins, ends = table.values(_BEGIN, date_of), table.values(_END, date_of)
        for row, (begin, end) in enumerate(zip(begins, ends, strict=True)):
            if begin is not None and begin > limit:
                yield row, (claim_end, _BEGIN)
            if end is not None and end > limit:
                yield row, (claim_end, _END)
