"""TR353: a change request asks for at least one change: a changed or a new product."""

from __future__ import annotations

from collections.abc import Iterator

from gateway.rules.base import Context, Document, Hit, Rule, messages, tag


class TR353(Rule):
    code = "TR353"
    messages = messages("317")
    contexts = (tag("317", "Verzoek"),)
    detail = "A Verzoek needs a TeWijzigenProduct or a NieuwProduct."

    def check(self, context: Context, document: Document) -> Iterator[Hit]:
        table = context.table
        changed = table.has("TeWijzigenProducten/TeWijzigenProduct")
        new = table.has("NieuweProducten/NieuwProduct")
        for row, (any_changed, any_new) in enumerate(zip(changed, new, strict=True)):
            if not any_changed and not any_new:
                yield row, ("",)
