"""CD067: a referring care professional (Verwijzer Type 02-05) needs a ZorgverlenerCode or a Naam."""

from __future__ import annotations

from collections.abc import Iterator

from gateway.rules.base import Document, Element, Operands, Rule, messages, tag
from gateway.rules.cd import CARE_PROFESSIONALS
from gateway.rules.values import child, filled, normalized


class CD067(Rule):
    code = "CD067"
    messages = messages("315")
    contexts = (tag("315", "Verwijzer"),)
    detail = "With Verwijzer Type 02, 03, 04 or 05, ZorgverlenerCode or Naam must be filled."

    def check(self, element: Element, document: Document) -> Iterator[Operands]:
        type_ = child(element, "Type")
        if (
            normalized(type_) in CARE_PROFESSIONALS
            and not filled(child(element, "ZorgverlenerCode"))
            and not filled(child(element, "Naam"))
        ):
            yield (type_,)
