"""TR386: one WMO315 may not request the same product twice for overlapping periods."""

from __future__ import annotations

from collections.abc import Iterator

from gateway.rules.base import Context, Document, Hit, Rule, messages, tag
from gateway.rules.overlap import Period, overlapping_earlier

_PERIOD = Period("ToewijzingIngangsdatum", "ToewijzingEinddatum")


class TR386(Rule):
    code = "TR386"
    messages = messages("315")
    contexts = (tag("315", "AangevraagdProduct"),)
    detail = "The same product may not be requested twice with overlapping periods (aids excepted)."

    def check(self, context: Context, document: Document) -> Iterator[Hit]:
        return overlapping_earlier(context.table, _PERIOD)
