"""CS343: after 2020, a request in units 14, 16, 83 or 84 has Frequentie 2, 4 or 6."""

from __future__ import annotations

from collections.abc import Iterator

from gateway.messages.shapes import MessageShape, Path_
from gateway.rules.base import Context, Document, Hit, Rule, basis, messages
from gateway.rules.cs338 import unit_without_frequency


class CS343(Rule):
    code = "CS343"
    messages = messages("315")
    contexts = (basis("Eenheid"),)
    scope = 2
    detail = "With Eenheid 14, 16, 83 or 84 Frequentie must be 2, 4 or 6 when the request ends after 2020."

    def applies_at(self, shape: MessageShape, path: Path_) -> bool:
        return path[-3] == "AangevraagdProduct"

    def check(self, context: Context, document: Document) -> Iterator[Hit]:
        return unit_without_frequency(context, "ToewijzingEinddatum")
