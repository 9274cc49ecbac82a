"""CS139: a partly unknown birth date is written with the parts that are unknown set to 01 (or 1900-01-01)."""

from __future__ import annotations

from collections.abc import Iterator

from gateway.rules.base import Document, Element, Operands, Rule, messages, tags
from gateway.rules.cs import day_part, month_day_part
from gateway.rules.values import child, normalized, text


class CS139(Rule):
    code = "CS139"
    messages = messages("301", "305", "307", "315")
    contexts = tags(("301", "305", "307", "315"), "Geboortedatum")
    detail = "Datum must match DatumGebruik: 1 → day 01, 2 → 01-01, 3 → 1900-01-01."

    def check(self, element: Element, document: Document) -> Iterator[Operands]:
        usage = child(element, "DatumGebruik")
        date = child(element, "Datum")
        if usage is None or date is None:
            return
        kind = normalized(usage)
        value = text(date)
        if (
            (kind == "3" and value != "1900-01-01")
            or (kind == "2" and month_day_part(value) != "01-01")
            or (kind == "1" and day_part(value) != "01")
        ):
            yield (date, usage)
