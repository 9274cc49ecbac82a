"""CS050: NaamGebruik fits the name: 1-4 with a Partnernaam, only 1 without one."""

from __future__ import annotations

from collections.abc import Iterator

from gateway.rules.base import Document, Element, Operands, Rule, basis, messages
from gateway.rules.values import child, normalized

_WITH_PARTNER = frozenset({"1", "2", "3", "4"})


class CS050(Rule):
    code = "CS050"
    messages = messages("301")
    contexts = (basis("NaamGebruik"),)
    detail = "With a Partnernaam NaamGebruik must be 1, 2, 3 or 4; without one it must be 1."

    def check(self, element: Element, document: Document) -> Iterator[Operands]:
        partner = child(element.getparent(), "Partnernaam")
        value = normalized(element)
        if partner is not None:
            if value not in _WITH_PARTNER:
                yield (partner, element)
        elif value != "1":
            yield (element,)
