"""TR002: a birth date lies at most 120 years before the message date, unless marked as unknown."""

from __future__ import annotations

from collections.abc import Iterator

from gateway.messages.shapes import MessageShape, Path_
from gateway.rules.base import Context, Document, Hit, Rule, basis, instance_scope, messages
from gateway.rules.values import date_of, normal

_YEARS_120 = 1200000
"""120 years in the YYYYMMDD number the stylesheet compares (month and day digits untouched)."""


class TR002(Rule):
    code = "TR002"
    messages = messages("301", "305", "307", "315")
    contexts = (basis("Datum"),)
    detail = "A birth date must not lie more than 120 years before the message date."

    def scope_of(self, shape: MessageShape, path: Path_) -> int:
        # On the Client or Relatie table, whose Geboortedatum/Datum column CS139 and TR134 read too.
        return instance_scope(shape, path)

    def applies_at(self, shape: MessageShape, path: Path_) -> bool:
        return path[-2] == "Geboortedatum"

    def check(self, context: Context, document: Document) -> Iterator[Hit]:
        usage = context.field.rpartition("/")[0] + "/DatumGebruik"
        dagtekening = document.dagtekening
        today = date_of(dagtekening.text())
        table = context.table
        dates, usages = table.texts(context.field), table.texts(usage)
        numbers = table.values(context.field, date_of)
        for row in context.rows:
            number = numbers[row]
            if number is None or not number + _YEARS_120 < today:
                continue
            # 1900-01-01 with DatumGebruik 3 stands for an unknown date.
            if normal(usages[row]) != "3" or normal(dates[row]) != "1900-01-01":
                yield row, (dagtekening, context.field)
