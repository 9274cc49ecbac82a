"""TR316: a claim line may not credit a line of the same message."""

from __future__ import annotations

from collections.abc import Iterator

from gateway.rules.base import Context, Document, Hit, Ref, Rule, messages, tag
from gateway.rules.claimlines import REFERENTIE, VORIG, trimmed


class TR316(Rule):
    code = "TR316"
    messages = messages("323")
    contexts = (tag("323", "ProductReferentie"),)
    scope = 1
    detail = "VorigReferentieNummer may not refer to a line of the same message, nor to the line itself."

    def check(self, context: Context, document: Document) -> Iterator[Hit]:
        """Per line: (a) every earlier line it credits, (b) every earlier line crediting it, (c) itself."""
        table = context.table
        references: dict[str, list[int]] = {}
        credited: dict[str, list[int]] = {}
        lines = zip(table.texts(REFERENTIE), table.texts(VORIG), strict=True)
        for row, (referentie, vorig) in enumerate(lines):
            # This line's values are trimmed, the earlier lines' texts are taken as they are.
            own, previous = trimmed(referentie), trimmed(vorig)
            for match in references.get(previous, ()):
                yield row, (Ref(table, match, REFERENTIE), VORIG)
            for match in credited.get(own, ()):
                yield row, (Ref(table, match, VORIG), REFERENTIE)
            if own == previous:
                yield row, (REFERENTIE, VORIG)
            if referentie is not None:
                references.setdefault(referentie, []).append(row)
            if vorig is not None:
                credited.setdefault(vorig, []).append(row)
