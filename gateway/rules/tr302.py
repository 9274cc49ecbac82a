"""TR302: one WMO301 may not assign the same product twice for overlapping periods."""

from __future__ import annotations

from collections.abc import Iterator

from gateway.rules.base import Context, Document, Hit, Rule, messages, tag
from gateway.rules.overlap import Period, overlapping_earlier
from gateway.rules.tables import Table
from gateway.rules.values import is_filled, normal

_PERIOD = Period("Ingangsdatum", "Einddatum")
_VOID_REASONS = frozenset({"01", "13"})


def _void(table: Table) -> list[bool]:
    """Deleted or void assignments (reason 01/13, ending on their first day) cannot overlap anything."""
    columns = zip(
        table.texts("RedenWijziging"), table.texts(_PERIOD.start), table.texts(_PERIOD.end), strict=True
    )
    return [
        normal(reason) in _VOID_REASONS and is_filled(end) and end == start for reason, start, end in columns
    ]


class TR302(Rule):
    code = "TR302"
    messages = messages("301")
    contexts = (tag("301", "ToegewezenProduct"),)
    detail = "The same product may not be assigned twice with overlapping periods (aids excepted)."

    def check(self, context: Context, document: Document) -> Iterator[Hit]:
        table = context.table
        if len(table) > 1:  # a product alone has nothing to overlap
            yield from overlapping_earlier(table, _PERIOD, _void(table))
