"""CD007: a language interpreter (Vorm 1) needs a Taal; other forms of communication forbid one."""

from __future__ import annotations

from collections.abc import Iterator

from gateway.rules.base import Document, Element, Operands, Rule, messages, tag
from gateway.rules.values import child, filled, normalized


class CD007(Rule):
    code = "CD007"
    messages = messages("301")
    contexts = (tag("301", "Communicatie"),)
    detail = "Taal must be filled when Vorm is 1 (language interpreter), and empty otherwise."

    def check(self, element: Element, document: Document) -> Iterator[Operands]:
        vorm = child(element, "Vorm")
        taal = child(element, "Taal")
        if filled(taal) != (normalized(vorm) == "1"):
            yield (vorm, taal)
