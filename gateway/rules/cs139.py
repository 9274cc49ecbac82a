"""CS139: a partly unknown birth date is written with the parts that are unknown set to 01 (or 1900-01-01)."""

from __future__ import annotations

from collections.abc import Iterator

from gateway.messages.shapes import MessageShape, Path_
from gateway.rules.base import Context, Document, Hit, Rule, instance_scope, messages, tags
from gateway.rules.cs import day_part, month_day_part
from gateway.rules.values import normal


class CS139(Rule):
    code = "CS139"
    messages = messages("301", "305", "307", "315")
    contexts = tags(("301", "305", "307", "315"), "Geboortedatum")
    detail = "Datum must match DatumGebruik: 1 → day 01, 2 → 01-01, 3 → 1900-01-01."

    def scope_of(self, shape: MessageShape, path: Path_) -> int:
        # On the Client or Relatie table, whose Geboortedatum/Datum column TR002 and TR134 read too.
        return instance_scope(shape, path)

    def check(self, context: Context, document: Document) -> Iterator[Hit]:
        date_field, usage_field = f"{context.field}/Datum", f"{context.field}/DatumGebruik"
        dates, usages = context.table.texts(date_field), context.table.texts(usage_field)
        for row in context.rows:
            usage, value = usages[row], dates[row]
            if usage is None or value is None:
                continue
            kind = normal(usage)
            if (
                (kind == "3" and value != "1900-01-01")
                or (kind == "2" and month_day_part(value) != "01-01")
                or (kind == "1" and day_part(value) != "01")
            ):
                yield row, (date_field, usage_field)
