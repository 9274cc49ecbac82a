"""CD068: only a referring care professional (Verwijzer Type 02-05) may carry a ZorgverlenerCode."""

from __future__ import annotations

from collections.abc import Iterator

from gateway.rules.base import Context, Document, Hit, Rule, messages, tag
from gateway.rules.cd import CARE_PROFESSIONALS
from gateway.rules.values import is_filled, normal


class CD068(Rule):
    code = "CD068"
    messages = messages("315")
    contexts = (tag("315", "Verwijzer"),)
    detail = "ZorgverlenerCode may only be filled when Verwijzer Type is 02, 03, 04 or 05."

    def check(self, context: Context, document: Document) -> Iterator[Hit]:
        table = context.table
        columns = zip(table.texts("Type"), table.texts("ZorgverlenerCode"), strict=True)
        for row, (type_, code) in enumerate(columns):
            if normal(type_) not in CARE_PROFESSIONALS and is_filled(code):
                yield row, ("Type", "ZorgverlenerCode")
