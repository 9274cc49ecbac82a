"""CD007: a language interpreter (Vorm 1) needs a Taal; other forms of communication forbid one."""

from __future__ import annotations

from collections.abc import Iterator

from gateway.rules.base import Context, Document, Hit, Rule, messages, tag
from gateway.rules.values import is_filled, normal


class CD007(Rule):
    code = "CD007"
    messages = messages("301")
    contexts = (tag("301", "Communicatie"),)
    detail = "Taal must be filled when Vorm is 1 (language interpreter), and empty otherwise."

    def check(self, context: Context, document: Document) -> Iterator[Hit]:
        table = context.table
        for row, (vorm, taal) in enumerate(zip(table.texts("Vorm"), table.texts("Taal"), strict=True)):
            if is_filled(taal) != (normal(vorm) == "1"):
                yield row, ("Vorm", "Taal")
