"""TR342: a claim answer's totals reconcile with the lines it returns, or grant nothing when it rejects."""

from __future__ import annotations

from collections.abc import Iterator

from gateway.rules.base import Context, Document, Hit, Rule, messages, tag
from gateway.rules.values import normal, number_of

_ACCEPTING = frozenset({"0200", "8001"})
_LINES = ("Clienten", "Client", "Prestaties", "Prestatie")


def signed_total(context: Context, row: int, total: str) -> float:
    """TotaalBedrag, negative when its DebetCredit is C."""
    amount = number_of(context.table.texts(f"{total}/TotaalBedrag")[row] or "")
    return -amount if normal(context.table.texts(f"{total}/DebetCredit")[row]) == "C" else amount


def returned_balance(context: Context, document: Document) -> float:
    """Σ debit Bedrag − Σ credit Bedrag over the returned (rejected) lines."""
    lines = document.table(*context.table.path, *_LINES)
    # One DeclaratieAntwoord per message: its lines are all the lines.
    balance = 0.0
    amounts = lines.texts("IngediendBedrag/Bedrag")
    for side, amount in zip(lines.texts("IngediendBedrag/DebetCredit"), amounts, strict=True):
        direction = normal(side)
        if direction == "D":
            balance += number_of(amount or "")
        elif direction == "C":
            balance -= number_of(amount or "")
    return balance


class TR342(Rule):
    code = "TR342"
    messages = messages("325")
    contexts = (tag("325", "DeclaratieAntwoord"),)
    retourcode = "0001"
    detail = (
        "Returned lines must add up to TotaalIngediendBedrag minus TotaalToegekendBedrag; "
        "a rejected DeclaratieAntwoord must grant 0."
    )

    def check(self, context: Context, document: Document) -> Iterator[Hit]:
        codes = document.table(*context.table.path, "RetourCodes", "RetourCode")
        owners = codes.ancestors(2)
        for row in context.rows:
            own = (code for code, owner in zip(codes.texts(""), owners, strict=True) if owner == row)
            # Written as XPath's != so that a NaN total (a '+' sign) is an error too.
            if all(normal(code) in _ACCEPTING for code in own):
                submitted = signed_total(context, row, "TotaalIngediendBedrag")
                granted = signed_total(context, row, "TotaalToegekendBedrag")
                if returned_balance(context, document) != submitted - granted:
                    yield row, ("TotaalIngediendBedrag", "TotaalToegekendBedrag")
            elif signed_total(context, row, "TotaalToegekendBedrag") != 0:
                yield row, ("TotaalToegekendBedrag",)
