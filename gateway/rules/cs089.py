"""CS089: a Dutch address has a postcode of the form 1234AB."""

from __future__ import annotations

import re
from collections.abc import Iterator

from gateway.rules.base import Document, Element, Operands, Rule, basis, messages
from gateway.rules.values import child, normalized, text

_DUTCH_POSTCODE = re.compile(r"[1-9][0-9]{3}[A-Za-z]{2}")


class CS089(Rule):
    code = "CS089"
    messages = messages("301")
    contexts = (basis("LandCode"),)
    detail = "With LandCode NL the Postcode must be four digits (not starting with 0) and two letters."

    def check(self, element: Element, document: Document) -> Iterator[Operands]:
        if normalized(element) != "NL":
            return
        postcode = child(element.getparent(), "Postcode")
        # The raw text must be exactly the six characters: surrounding whitespace is not allowed.
        if postcode is None or _DUTCH_POSTCODE.fullmatch(text(postcode)) is None:
            yield (postcode, element)
