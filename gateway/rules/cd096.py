"""CD096: a new product that is open or ends after 2020 carries an Omvang only with a Product/Code."""

from __future__ import annotations

from collections.abc import Iterator

from gateway.rules.base import Document, Element, Operands, Rule, messages, tag
from gateway.rules.cd import NIEUW_PRODUCT, omvang_without_code


class CD096(Rule):
    code = "CD096"
    messages = messages("317")
    contexts = (tag("317", "Omvang"),)
    detail = "Omvang needs a Product/Code when Einddatum is absent or after 2020-12-31."

    def check(self, element: Element, document: Document) -> Iterator[Operands]:
        # TeWijzigenProduct/Omvang shares the tag; it has no Product of its own (that is TR412's business).
        parent = element.getparent()
        if parent is None or parent.tag != NIEUW_PRODUCT:
            return
        operands = omvang_without_code(element)
        if operands is not None:
            yield operands
