"""CD066: a referring care professional (Verwijzer Type 02-05) has a ZorgverlenerCode or a Naam, not both."""

from __future__ import annotations

from collections.abc import Iterator

from gateway.rules.base import Context, Document, Hit, Rule, messages, tag
from gateway.rules.cd import CARE_PROFESSIONALS
from gateway.rules.values import is_filled, normal


class CD066(Rule):
    code = "CD066"
    messages = messages("315")
    contexts = (tag("315", "Verwijzer"),)
    detail = "With Verwijzer Type 02, 03, 04 or 05, ZorgverlenerCode and Naam must not both be filled."

    def check(self, context: Context, document: Document) -> Iterator[Hit]:
        table = context.table
        columns = zip(table.texts("Type"), table.texts("Naam"), table.texts("ZorgverlenerCode"), strict=True)
        for row, (type_, naam, code) in enumerate(columns):
            if normal(type_) in CARE_PROFESSIONALS and is_filled(code) and is_filled(naam):
                yield row, ("Type", "Naam", "ZorgverlenerCode")
