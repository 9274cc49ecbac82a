"""TR318 (8214): claim periods follow each other month by month while care is delivered."""

from __future__ import annotations

from gateway.domain.crossrules.base import Context
from gateway.domain.crossrules.declaratierules import DeclaratieRule
from gateway.domain.declaraties import Declaratie
from gateway.domain.history import History
from gateway.domain.periods import month_of


class TR318(DeclaratieRule):
    """After the aanbieder's previous claim period, the next claim is for the first month in which care
    was delivered again; months without delivery may be skipped.

    Reading (the gateway sees care only through claims): a month counts as delivered when this claim
    holds a debit line whose ProductPeriode lies in it. So the claim is rejected when its period skips
    a month after the previous period for which it claims care itself. The previous period is the
    latest of the aanbieder's earlier claims to this gemeente before this one; with none, or for a
    period not after it, the rule does not apply.
    """

    code = "TR318"
    retourcode = "8214"
    detail = (
        "DeclaratiePeriode is not the month after the previous one, although care was delivered in between"
    )

    def violated(self, declaratie: Declaratie, history: History, context: Context) -> bool:
        previous = history.vorige_declaratie_periode
        if previous is None:
            return False
        after_previous = month_of(previous.einddatum).einddatum
        this_period = month_of(declaratie.declaratie_periode.begindatum).begindatum
        return any(
            not prestatie.is_credit and after_previous < prestatie.product_periode.begindatum < this_period
            for client in declaratie.clienten
            for prestatie in client.prestaties
        )
