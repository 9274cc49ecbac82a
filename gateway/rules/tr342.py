"""TR342: a claim answer's totals reconcile with the lines it returns, or grant nothing when it rejects."""

from __future__ import annotations

from collections.abc import Iterator

from gateway.rules.base import Document, Element, Operands, Rule, messages, tag
from gateway.rules.values import child, children, element_number, normalized, path

_ACCEPTING = frozenset({"0200", "8001"})


def signed_total(total: Element | None) -> float:
    """TotaalBedrag, negative when its DebetCredit is C."""
    amount = element_number(child(total, "TotaalBedrag"))
    return -amount if normalized(child(total, "DebetCredit")) == "C" else amount


def returned_balance(answer: Element) -> float:
    """Σ debit Bedrag − Σ credit Bedrag over the returned (rejected) lines."""
    balance = 0.0
    for client in children(child(answer, "Clienten"), "Client"):
        for line in children(child(client, "Prestaties"), "Prestatie"):
            amount = child(line, "IngediendBedrag")
            side = normalized(child(amount, "DebetCredit"))
            if side == "D":
                balance += element_number(child(amount, "Bedrag"))
            elif side == "C":
                balance -= element_number(child(amount, "Bedrag"))
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

    def check(self, element: Element, document: Document) -> Iterator[Operands]:
        submitted = child(element, "TotaalIngediendBedrag")
        granted = child(element, "TotaalToegekendBedrag")
        codes = children(path(element, "RetourCodes"), "RetourCode")
        # Written as XPath's != so that a NaN total (a '+' sign) is an error too.
        if all(normalized(code) in _ACCEPTING for code in codes):
            if returned_balance(element) != signed_total(submitted) - signed_total(granted):
                yield (submitted, granted)
        elif signed_total(granted) != 0:
            yield (granted,)
