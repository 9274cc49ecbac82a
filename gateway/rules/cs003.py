"""CS003: an end date lies on or after its start date, and that start date is there."""

from __future__ import annotations

from collections.abc import Iterator

from gateway.rules.base import Document, Element, Operands, Rule, basis, messages, tag
from gateway.rules.values import child, date_number

# Parent of the end date -> its start date. In WMO301 a Basisschema Einddatum only occurs in a
# Contact's Periode; the end dates of claim periods (WMO323/325) have parents not listed here.
_START_OF = {
    tag("301", "ToegewezenProduct"): "Ingangsdatum",
    tag("301", "Periode"): "Begindatum",
    tag("315", "AangevraagdProduct"): "ToewijzingIngangsdatum",
    tag("317", "TeWijzigenProduct"): "GewensteIngangsdatum",
    tag("317", "NieuwProduct"): "GewensteIngangsdatum",
}


class CS003(Rule):
    code = "CS003"
    messages = messages("301", "315", "317")
    contexts = (
        tag("301", "Einddatum"),
        basis("Einddatum"),
        tag("315", "ToewijzingEinddatum"),
        tag("317", "Einddatum"),
    )
    detail = "The end date must not lie before the start date, and the start date must be present."

    def check(self, element: Element, document: Document) -> Iterator[Operands]:
        parent = element.getparent()
        if parent is None:
            return
        start_name = _START_OF.get(parent.tag)  # type: ignore[arg-type]
        if start_name is None:
            return
        start = child(parent, start_name)
        # Written as "not (end >= start)": a missing start (NaN) is a violation too.
        if start is None or not date_number(element) >= date_number(start):
            yield (start, element)
