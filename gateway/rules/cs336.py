"""CS336: RedenWijziging 01 is not used in an assignment."""

from __future__ import annotations

from collections.abc import Iterator

from gateway.rules.base import Document, Element, Operands, Rule, messages, tag
from gateway.rules.values import normalized


class CS336(Rule):
    code = "CS336"
    messages = messages("301")
    contexts = (tag("301", "RedenWijziging"),)
    detail = "RedenWijziging must not be 01."

    def check(self, element: Element, document: Document) -> Iterator[Operands]:
        if normalized(element) == "01":
            yield (element,)
