"""CD085: a rejected request (VerzoekAntwoord 1) needs a RedenAfwijzingVerzoek."""

from __future__ import annotations

from collections.abc import Iterator

from gateway.rules.base import Context, Document, Hit, Rule, messages, tag
from gateway.rules.values import is_filled, normal


class CD085(Rule):
    code = "CD085"
    messages = messages("319")
    contexts = (tag("319", "VerzoekAntwoord"),)
    scope = 1
    detail = "RedenAfwijzingVerzoek is required when VerzoekAntwoord is 1 (rejected)."

    def check(self, context: Context, document: Document) -> Iterator[Hit]:
        answers, reasons = context.table.texts(context.field), context.table.texts("RedenAfwijzingVerzoek")
        for row in context.rows:
            if normal(answers[row]) == "1" and not is_filled(reasons[row]):
                yield row, (context.field,)
