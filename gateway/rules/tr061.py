"""TR061: a client's contact details include a registered, correspondence or actual residence address."""

from __future__ import annotations

from collections.abc import Iterator

from gateway.rules.base import Document, Element, Operands, Rule, messages, tag
from gateway.rules.values import child, children, normalized

_ADDRESS_KINDS = frozenset({"01", "02", "03"})


class TR061(Rule):
    code = "TR061"
    messages = messages("301")
    contexts = (tag("301", "Contactgegevens"),)
    detail = "Contactgegevens must hold a Contact with Soort 01, 02 or 03."

    def check(self, element: Element, document: Document) -> Iterator[Operands]:
        contacts = children(element, "Contact")
        if not any(normalized(child(contact, "Soort")) in _ADDRESS_KINDS for contact in contacts):
            yield contacts
