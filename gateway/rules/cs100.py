"""CS100: claim and product periods start no earlier than 2021-01-01."""

from __future__ import annotations

from collections.abc import Iterator

from gateway.rules.base import Document, Element, Operands, Rule, basis, messages, tag
from gateway.rules.cs import read_date

_PERIODS = frozenset({tag("323", "DeclaratiePeriode"), tag("323", "ProductPeriode")})
_FIRST_DAY = 20210101.0


class CS100(Rule):
    code = "CS100"
    messages = messages("323")
    contexts = (basis("Begindatum"),)
    detail = "Begindatum must not lie before 2021-01-01."

    def check(self, element: Element, document: Document) -> Iterator[Operands]:
        parent = element.getparent()
        if parent is not None and parent.tag in _PERIODS and read_date(element) < _FIRST_DAY:
            yield (element,)
