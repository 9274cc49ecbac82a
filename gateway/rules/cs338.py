"""CS338: after 2020, an assignment in units 14, 16, 83 or 84 has Frequentie 2, 4 or 6."""

from __future__ import annotations

from collections.abc import Iterator

from gateway.messages.shapes import MessageShape, Path_
from gateway.rules.base import Context, Document, Hit, Rule, basis, messages
from gateway.rules.cs import END_OF_2020
from gateway.rules.values import date_of, normal

UNITS = frozenset({"14", "16", "83", "84"})
FREQUENCIES = frozenset({"2", "4", "6"})
_PRODUCTS = frozenset({"ToegewezenProduct", "TeWijzigenProduct", "NieuwProduct"})
_FREQUENCY = "Omvang/Frequentie"


def unit_without_frequency(context: Context, end_field: str) -> Iterator[Hit]:
    """CS338 and CS343 on a table of products (the context is their `Omvang/Eenheid`): a product
    open-ended or ending after 2020, in one of the `UNITS`, needs one of the `FREQUENCIES`."""
    table = context.table
    units, frequencies = table.texts(context.field), table.texts(_FREQUENCY)
    ends = table.values(end_field, date_of)
    for row in context.rows:
        end = ends[row]
        # An absent Frequentie is in no list, so it fails like a wrong one.
        if (
            (end is None or end > END_OF_2020)
            and normal(units[row]) in UNITS
            and normal(frequencies[row]) not in FREQUENCIES
        ):
            yield row, (end_field, context.field, _FREQUENCY)


class CS338(Rule):
    code = "CS338"
    messages = messages("301", "317")
    contexts = (basis("Eenheid"),)
    scope = 2
    detail = "With Eenheid 14, 16, 83 or 84 Frequentie must be 2, 4 or 6 when the product ends after 2020."

    def applies_at(self, shape: MessageShape, path: Path_) -> bool:
        return path[-3] in _PRODUCTS

    def check(self, context: Context, document: Document) -> Iterator[Hit]:
        return unit_without_frequency(context, "Einddatum")
