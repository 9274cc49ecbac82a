"""CS100: claim and product periods start no earlier than 2021-01-01."""

from __future__ import annotations

from collections.abc import Iterator

from gateway.rules.base import Document, Element, Operands, Rule, basis, messages, tag
from gateway.rules.cs import plain_date
from gateway.rules.values import date_number

_PERIODS = frozenset({tag("323", "DeclaratiePeriode"), tag("323", "ProductPeriode")})


class CS100(Rule):
    code = "CS100"
    messages = messages("323")
    contexts = (basis("Begindatum"),)
    detail = "Begindatum must not lie before 2021-01-01."

    def check(self, element: Element, document: Document) -> Iterator[Operands]:
        parent = element.getparent()
        if parent is None or parent.tag not in _PERIODS:
            return
        plain = plain_date(element)
        if (plain < "2021-01-01") if plain is not None else (date_number(element) < 20210101):
            yield (element,)
