"""CS339: a claim line in euros (unit 83) claims exactly its delivered volume."""

from __future__ import annotations

from collections.abc import Iterator

from gateway.rules.base import Document, Element, Operands, Rule, basis, messages, tag
from gateway.rules.cs import child_at, is_value, read_number

_UNIT = tag("323", "Eenheid")
_VOLUME = tag("323", "GeleverdVolume")
_CLAIMED = tag("323", "IngediendBedrag")
_AMOUNT = basis("Bedrag")


class CS339(Rule):
    code = "CS339"
    messages = messages("323")
    contexts = (tag("323", "Prestatie"),)
    detail = "With Eenheid 83 GeleverdVolume must equal IngediendBedrag/Bedrag."

    def check(self, element: Element, document: Document) -> Iterator[Operands]:
        if not is_value(child_at(element, 6, _UNIT), "83"):
            return
        volume = child_at(element, 5, _VOLUME)
        amount = child_at(child_at(element, -1, _CLAIMED), 0, _AMOUNT)
        delivered, claimed = read_number(volume), read_number(amount)
        # Only two numbers can differ: a value that does not read as a number (NaN) never fires.
        if delivered < claimed or delivered > claimed:
            yield (volume, amount)
