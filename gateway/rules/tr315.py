"""TR315: a VorigReferentieNummer may occur only once in a claim message."""

from __future__ import annotations

from collections.abc import Iterator

from gateway.rules.base import Context, Document, Hit, Ref, Rule, messages, tag
from gateway.rules.claimlines import VORIG, trimmed


class TR315(Rule):
    code = "TR315"
    messages = messages("323")
    contexts = (tag("323", "ProductReferentie"),)
    scope = 1
    detail = "A VorigReferentieNummer may be credited only once per message."

    def check(self, context: Context, document: Document) -> Iterator[Hit]:
        """Per line, one finding for every earlier line (in any client) crediting the same line."""
        table = context.table
        credited: dict[str, list[int]] = {}
        for row, vorig in enumerate(table.texts(VORIG)):
            if vorig is None:
                continue
            # This line's value is trimmed, the earlier lines' texts are taken as they are.
            for match in credited.get(trimmed(vorig), ()):
                yield row, (Ref(table, match, VORIG), VORIG)
            credited.setdefault(vorig, []).append(row)
