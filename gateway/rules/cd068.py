"""CD068: only a referring care professional (Verwijzer Type 02-05) may carry a ZorgverlenerCode."""

from __future__ import annotations

from collections.abc import Iterator

from gateway.rules.base import Document, Element, Operands, Rule, messages, tag
from gateway.rules.cd import CARE_PROFESSIONALS
from gateway.rules.values import child, filled, normalized


class CD068(Rule):
    code = "CD068"
    messages = messages("315")
    contexts = (tag("315", "Verwijzer"),)
    detail = "ZorgverlenerCode may only be filled when Verwijzer Type is 02, 03, 04 or 05."

    def check(self, element: Element, document: Document) -> Iterator[Operands]:
        type_ = child(element, "Type")
        code = child(element, "ZorgverlenerCode")
        if normalized(type_) not in CARE_PROFESSIONALS and filled(code):
            yield (type_, code)
