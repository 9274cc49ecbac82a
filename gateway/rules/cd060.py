"""CD060: a credit claim line names the debit line it credits in VorigReferentieNummer; a debit line not."""

from __future__ import annotations

from collections.abc import Iterator

from gateway.rules.base import Context, Document, Hit, Rule, messages, tag
from gateway.rules.values import is_filled, normal

_SIDE = "IngediendBedrag/DebetCredit"
_VORIG = "ProductReferentie/VorigReferentieNummer"


class CD060(Rule):
    code = "CD060"
    messages = messages("323", "325")
    contexts = (tag("323", "Prestatie"), tag("325", "Prestatie"))
    detail = "VorigReferentieNummer must be filled when DebetCredit is C, and empty when it is D."

    def check(self, context: Context, document: Document) -> Iterator[Hit]:
        table = context.table
        for row, (side, vorig) in enumerate(zip(table.texts(_SIDE), table.texts(_VORIG), strict=True)):
            if (side == "C" or (side != "D" and normal(side) == "C")) != is_filled(vorig):
                yield row, (_VORIG, _SIDE)
