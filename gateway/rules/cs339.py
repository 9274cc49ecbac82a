"""CS339: a claim line in euros (unit 83) claims exactly its delivered volume."""

from __future__ import annotations

from collections.abc import Iterator

from gateway.rules.base import Context, Document, Hit, Rule, messages, tag
from gateway.rules.values import normal, number_of

_UNIT = "Eenheid"
_VOLUME = "GeleverdVolume"
_AMOUNT = "IngediendBedrag/Bedrag"


class CS339(Rule):
    code = "CS339"
    messages = messages("323")
    contexts = (tag("323", "Prestatie"),)
    detail = "With Eenheid 83 GeleverdVolume must equal IngediendBedrag/Bedrag."

    def check(self, context: Context, document: Document) -> Iterator[Hit]:
        table = context.table
        for row, unit in enumerate(table.texts(_UNIT)):
            if unit != "83" and (unit is None or unit.isalnum() or normal(unit) != "83"):
                continue
            delivered = number_of(table.texts(_VOLUME)[row])
            claimed = number_of(table.texts(_AMOUNT)[row])
            # Only two numbers can differ: a value that does not read as a number (NaN) never fires.
            if delivered < claimed or delivered > claimed:
                yield row, (_VOLUME, _AMOUNT)
