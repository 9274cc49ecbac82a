"""CD067: a referring care professional (Verwijzer Type 02-05) needs a ZorgverlenerCode or a Naam."""

from __future__ import annotations

from collections.abc import Iterator

from gateway.rules.base import Context, Document, Hit, Rule, messages, tag
from gateway.rules.cd import CARE_PROFESSIONALS
from gateway.rules.values import is_filled, normal


class CD067(Rule):
    code = "CD067"
    messages = messages("315")
    contexts = (tag("315", "Verwijzer"),)
    detail = "With Verwijzer Type 02, 03, 04 or 05, ZorgverlenerCode or Naam must be filled."

    def check(self, context: Context, document: Document) -> Iterator[Hit]:
        table = context.table
        columns = zip(table.texts("Type"), table.texts("ZorgverlenerCode"), table.texts("Naam"), strict=True)
        for row, (type_, code, naam) in enumerate(columns):
            if normal(type_) in CARE_PROFESSIONALS and not is_filled(code) and not is_filled(naam):
                yield row, ("Type",)
