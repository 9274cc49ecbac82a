"""TR302: one WMO301 may not assign the same product twice for overlapping periods."""

from __future__ import annotations

from collections.abc import Iterator

from gateway.rules.base import Document, Element, Operands, Rule, messages, tag
from gateway.rules.overlap import Period, overlapping_earlier
from gateway.rules.values import filled, normalized, text

_PERIOD = Period("Ingangsdatum", "Einddatum")
_VOID_REASONS = frozenset({"01", "13"})


def _void(own: dict[str, Element]) -> bool:
    """Deleted or void assignments (reason 01/13, ending on their first day) cannot overlap anything."""
    if normalized(own.get("RedenWijziging")) not in _VOID_REASONS:
        return False
    end = own.get("Einddatum")
    return filled(end) and text(end) == text(own.get("Ingangsdatum"))


class TR302(Rule):
    code = "TR302"
    messages = messages("301")
    contexts = (tag("301", "ToegewezenProduct"),)
    detail = "The same product may not be assigned twice with overlapping periods (aids excepted)."

    def check(self, element: Element, document: Document) -> Iterator[Operands]:
        return overlapping_earlier(element, document, _PERIOD, _void)
