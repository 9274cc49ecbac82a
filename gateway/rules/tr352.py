"""TR352: a change request lists at least one unchanged or changed assignment."""

from __future__ import annotations

from collections.abc import Iterator

from gateway.rules.base import Document, Element, Operands, Rule, messages, tag
from gateway.rules.values import path


class TR352(Rule):
    code = "TR352"
    messages = messages("317")
    contexts = (tag("317", "Verzoek"),)
    detail = "A Verzoek needs an OngewijzigdProduct or a TeWijzigenProduct."

    def check(self, element: Element, document: Document) -> Iterator[Operands]:
        if (
            path(element, "OngewijzigdeProducten", "OngewijzigdProduct") is None
            and path(element, "TeWijzigenProducten", "TeWijzigenProduct") is None
        ):
            yield (element,)
