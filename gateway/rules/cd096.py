"""CD096: a new product that is open or ends after 2020 carries an Omvang only with a Product/Code."""

from __future__ import annotations

from collections.abc import Iterator

from gateway.messages.shapes import MessageShape, Path_
from gateway.rules.base import Context, Document, Hit, Rule, messages, tag
from gateway.rules.cd import omvang_without_code


class CD096(Rule):
    code = "CD096"
    messages = messages("317")
    contexts = (tag("317", "Omvang"),)
    scope = 1
    detail = "Omvang needs a Product/Code when Einddatum is absent or after 2020-12-31."

    def applies_at(self, shape: MessageShape, path: Path_) -> bool:
        # TeWijzigenProduct/Omvang shares the tag; it has no Product of its own (that is TR412's business).
        return path[-2] == "NieuwProduct"

    def check(self, context: Context, document: Document) -> Iterator[Hit]:
        return omvang_without_code(context)
