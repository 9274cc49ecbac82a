"""TR353: a change request asks for at least one change: a changed or a new product."""

from __future__ import annotations

from collections.abc import Iterator

from gateway.rules.base import Document, Element, Operands, Rule, messages, tag
from gateway.rules.values import path


class TR353(Rule):
    code = "TR353"
    messages = messages("317")
    contexts = (tag("317", "Verzoek"),)
    detail = "A Verzoek needs a TeWijzigenProduct or a NieuwProduct."

    def check(self, element: Element, document: Document) -> Iterator[Operands]:
        if (
            path(element, "TeWijzigenProducten", "TeWijzigenProduct") is None
            and path(element, "NieuweProducten", "NieuwProduct") is None
        ):
            yield (element,)
