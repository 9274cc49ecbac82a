"""CD034: a residential or stay address (Contact Soort 01 or 03) needs a Postcode."""

from __future__ import annotations

from collections.abc import Iterator

from gateway.rules.base import Document, Element, Operands, Rule, messages, tag
from gateway.rules.values import child, filled, normalized, path

_NEEDS_POSTCODE = frozenset({"01", "03"})


class CD034(Rule):
    code = "CD034"
    messages = messages("301")
    contexts = (tag("301", "Contact"),)
    detail = "Adres/Postcode must be filled when the contact's Soort is 01 or 03."

    def check(self, element: Element, document: Document) -> Iterator[Operands]:
        soort = child(element, "Soort")
        if normalized(soort) in _NEEDS_POSTCODE and not filled(path(element, "Adres", "Postcode")):
            yield (soort,)
