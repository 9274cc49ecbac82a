"""CD096: a new product that is open or ends after 2020 carries an Omvang only with a Product/Code."""

from __future__ import annotations

from collections.abc import Iterator

from gateway.rules.base import Context, Document, Hit, Rule, messages, tag
from gateway.rules.cd import omvang_without_code


class CD096(Rule):
    code = "CD096"
    messages = messages("317")
    contexts = (tag("317", "Omvang"),)
    scope = 1
    detail = "Omvang needs a Product/Code when Einddatum is absent or after 2020-12-31."

    def check(self, context: Context, document: Document) -> Iterator[Hit]:
        # TeWijzigenProduct/Omvang shares the tag; it has no Product of its own (that is TR412's business).
        if context.table.path[-1] == "NieuwProduct":
            yield from omvang_without_code(context)
