"""TR002: a birth date lies at most 120 years before the message date, unless marked as unknown."""

from __future__ import annotations

from collections.abc import Iterator

from gateway.rules.base import Document, Element, Operands, Rule, basis, messages, tags
from gateway.rules.values import child, date_number, normalized

_BIRTH_DATES = frozenset(tags(("301", "305", "307", "315"), "Geboortedatum"))
_YEARS_120 = 1200000
"""120 years in the YYYYMMDD number the stylesheet compares (month and day digits untouched)."""


class TR002(Rule):
    code = "TR002"
    messages = messages("301", "305", "307", "315")
    contexts = (basis("Datum"),)
    detail = "A birth date must not lie more than 120 years before the message date."

    def check(self, element: Element, document: Document) -> Iterator[Operands]:
        parent = element.getparent()
        if parent is None or parent.tag not in _BIRTH_DATES:
            return
        if normalized(child(parent, "DatumGebruik")) == "3" and normalized(element) == "1900-01-01":
            return
        if date_number(element) + _YEARS_120 < date_number(document.header_date):
            yield (document.header_date, element)
