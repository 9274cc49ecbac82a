"""CS335: a deleted assignment (RedenWijziging 13) ends on the day it starts."""

from __future__ import annotations

from collections.abc import Iterator

from gateway.rules.base import Document, Element, Operands, Rule, messages, tag
from gateway.rules.values import child, normalized, text


class CS335(Rule):
    code = "CS335"
    messages = messages("301")
    contexts = (tag("301", "ToegewezenProduct"),)
    detail = "With RedenWijziging 13 Einddatum must equal Ingangsdatum."

    def check(self, element: Element, document: Document) -> Iterator[Operands]:
        if normalized(child(element, "RedenWijziging")) != "13":
            return
        start = child(element, "Ingangsdatum")
        end = child(element, "Einddatum")
        # The dates are compared as written, so whitespace around one of them makes them differ.
        if start is not None and end is not None and text(start) != text(end):
            yield (start, end)
