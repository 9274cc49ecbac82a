"""CD086: a request under investigation (VerzoekAntwoord 2) has no RedenAfwijzingVerzoek."""

from __future__ import annotations

from collections.abc import Iterator

from gateway.rules.base import Context, Document, Hit, Rule, messages, tag
from gateway.rules.values import is_filled, normal

_REDEN = "RedenAfwijzingVerzoek"


class CD086(Rule):
    code = "CD086"
    messages = messages("319")
    contexts = (tag("319", "VerzoekAntwoord"),)
    scope = 1
    detail = "RedenAfwijzingVerzoek must be empty when VerzoekAntwoord is 2 (under investigation)."

    def check(self, context: Context, document: Document) -> Iterator[Hit]:
        answers, reasons = context.table.texts(context.field), context.table.texts(_REDEN)
        for row in context.rows:
            if normal(answers[row]) == "2" and is_filled(reasons[row]):
                yield row, (context.field, _REDEN)
