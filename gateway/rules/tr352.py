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
        unchanged = table.has("OngewijzigdeProducten/OngewijzigdProduct")
        changed = table.has("TeWijzigenProducten/TeWijzigenProduct")
        for row, (any_unchanged, any_changed) in enumerate(zip(unchanged, changed, strict=True)):
            if not any_unchanged and not any_changed:
                yield row, ("",)
