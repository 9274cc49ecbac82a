"""CS003: an end date lies on or after its start date, and that start date is there."""

from __future__ import annotations

from collections.abc import Iterator

from gateway.messages.shapes import MessageShape, Path_
from gateway.rules.base import Context, Document, Hit, Rule, basis, messages, tag
from gateway.rules.values import date_of

# The class holding the end date -> its start date. In WMO301 a Basisschema Einddatum only occurs in
# a Contact's Periode; the end dates of claim periods (WMO323/325) are in classes not listed here.
_START_OF = {
    "ToegewezenProduct": "Ingangsdatum",
    "Periode": "Begindatum",
    "AangevraagdProduct": "ToewijzingIngangsdatum",
    "TeWijzigenProduct": "GewensteIngangsdatum",
    "NieuwProduct": "GewensteIngangsdatum",
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
    scope = 1
    detail = "The end date must not lie before the start date, and the start date must be present."

    def applies_at(self, shape: MessageShape, path: Path_) -> bool:
        return path[-2] in _START_OF

    def check(self, context: Context, document: Document) -> Iterator[Hit]:
        table = context.table
        start = _START_OF[table.path[-1]]
        starts, ends = table.values(start, date_of), table.values(context.field, date_of)
        for row, (begin, end) in enumerate(zip(starts, ends, strict=True)):
            if end is None:
                continue
            # Written as "not (end >= start)": a missing start is a violation too.
            if begin is None or not end >= begin:
                yield row, (start, context.field)
