"""TR352: a change request lists at least one unchanged or changed assignment."""

from __future__ import annotations

from collections.abc import Iterator

from gateway.rules.base import Context, Document, Hit, Rule, messages, tag


class TR352(Rule):
    code = "TR352"
    messages = messages("317")
    contexts = (tag("317", "Verzoek"),)
    detail = "A Verzoek needs an OngewijzigdProduct or a TeWijzigenProduct."

    def check(self, context: Context, document: Document) -> Iterator[Hit]:
        table = context.table
        # Only presence matters: a column is None where a Verzoek has no such product.
        unchanged = table.texts("OngewijzigdeProducten/OngewijzigdProduct")
        changed = table.texts("TeWijzigenProducten/TeWijzigenProduct")
        for row, (first_unchanged, first_changed) in enumerate(zip(unchanged, changed, strict=True)):
            if first_unchanged is None and first_changed is None:
                yield row, ("",)
