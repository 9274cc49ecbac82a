"""CS335: a deleted assignment (RedenWijziging 13) ends on the day it starts."""

from __future__ import annotations

from collections.abc import Iterator

from gateway.rules.base import Context, Document, Hit, Rule, messages, tag
from gateway.rules.values import normal

_REASON = "RedenWijziging"
_START = "Ingangsdatum"
_END = "Einddatum"


class CS335(Rule):
    code = "CS335"
    messages = messages("301")
    contexts = (tag("301", "ToegewezenProduct"),)
    detail = "With RedenWijziging 13 Einddatum must equal Ingangsdatum."

    def check(self, context: Context, document: Document) -> Iterator[Hit]:
        table = context.table
        columns = zip(table.texts(_REASON), table.texts(_START), table.texts(_END), strict=True)
        for row, (reason, start, end) in enumerate(columns):
            # The dates are compared as written, so whitespace around one of them makes them differ.
            if start is not None and end is not None and start != end and normal(reason) == "13":
                yield row, (_START, _END)
