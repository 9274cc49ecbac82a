"""CS058: a start or stop is only delivered new (1) or deleted (3)."""

from __future__ import annotations

from collections.abc import Iterator

from gateway.rules.base import Document, Element, Operands, Rule, messages, tag
from gateway.rules.values import normalized

_ALLOWED = frozenset({"1", "3"})


class CS058(Rule):
    code = "CS058"
    messages = messages("305", "307")
    contexts = (tag("305", "StatusAanlevering"), tag("307", "StatusAanlevering"))
    detail = "StatusAanlevering must be 1 or 3."

    def check(self, element: Element, document: Document) -> Iterator[Operands]:
        if normalized(element) not in _ALLOWED:
            yield (element,)
