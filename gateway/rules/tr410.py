"""TR410: one WMO317 may not ask for the same new product twice for overlapping periods."""

from __future__ import annotations

from collections.abc import Iterator

from gateway.rules.base import Context, Document, Hit, Rule, messages, tag
from gateway.rules.overlap import Period, overlapping_earlier

_PERIOD = Period("GewensteIngangsdatum", "Einddatum")


class TR410(Rule):
    code = "TR410"
    messages = messages("317")
    contexts = (tag("317", "NieuwProduct"),)
    detail = "The same new product may not be requested twice with overlapping periods (aids excepted)."

    def check(self, context: Context, document: Document) -> Iterator[Hit]:
        return overlapping_earlier(context.table, _PERIOD)
