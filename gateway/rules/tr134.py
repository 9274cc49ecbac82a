"""TR134: dates that record what already happened may not lie after the message date."""

from __future__ import annotations

from collections.abc import Iterator

from gateway.rules.base import Document, Element, Operands, Rule, basis, messages, tag, tags
from gateway.rules.values import date_number

_BASIS_DATE_PARENTS = frozenset(
    (
        *tags(("301", "305", "307", "315"), "Geboortedatum"),
        tag("323", "DeclaratiePeriode"),
        *tags(("323", "325"), "ProductPeriode"),
    )
)
"""Where the covered Basisschema dates (Datum, Begindatum) sit; elsewhere (contact periods) they are free."""
_BASIS_TAGS = frozenset((basis("Datum"), basis("Begindatum")))


class TR134(Rule):
    code = "TR134"
    messages = messages("301", "305", "307", "315", "323", "325")
    contexts = (
        basis("Datum"),
        basis("Begindatum"),
        tag("301", "Toewijzingsdatum"),
        tag("305", "Begindatum"),
        tag("307", "Einddatum"),
    )
    detail = "The date must not lie after the message date (Dagtekening)."

    def check(self, element: Element, document: Document) -> Iterator[Operands]:
        if element.tag in _BASIS_TAGS:
            parent = element.getparent()
            if parent is None or parent.tag not in _BASIS_DATE_PARENTS:
                return
        if date_number(element) > date_number(document.header_date):
            yield (document.header_date, element)
