"""CD066: a referring care professional (Verwijzer Type 02-05) has a ZorgverlenerCode or a Naam, not both."""

from __future__ import annotations

from collections.abc import Iterator

from gateway.rules.base import Document, Element, Operands, Rule, messages, tag
from gateway.rules.cd import CARE_PROFESSIONALS
from gateway.rules.values import child, filled, normalized


class CD066(Rule):
    code = "CD066"
    messages = messages("315")
    contexts = (tag("315", "Verwijzer"),)
    detail = "With Verwijzer Type 02, 03, 04 or 05, ZorgverlenerCode and Naam must not both be filled."

    def check(self, element: Element, document: Document) -> Iterator[Operands]:
        type_ = child(element, "Type")
        naam = child(element, "Naam")
        code = child(element, "ZorgverlenerCode")
        if normalized(type_) in CARE_PROFESSIONALS and filled(code) and filled(naam):
            yield (type_, naam, code)
