"""TR415 (9415): no stop after a definitive stop of the same start."""

from __future__ import annotations

from gateway.domain.crossrules.base import Context, messages
from gateway.domain.crossrules.deliveries import TEMPORARY, Deliveries, DeliveryRule, Levering
from gateway.domain.history import History
from gateway.domain.products import StopProduct


class TR415(DeliveryRule):
    """A definitive stop (RedenBeeindiging other than 20) with the same ToewijzingNummer and Begindatum
    that was not deleted ends the start for good."""

    code = "TR415"
    retourcode = "9415"
    messages = messages("307")
    detail = "a definitive stop with the same ToewijzingNummer and Begindatum already exists"

    def violates(self, levering: Levering, earlier: Deliveries, history: History, context: Context) -> bool:
        if not isinstance(levering, StopProduct):
            return False
        return any(stop.reden_beeindiging != TEMPORARY for stop in earlier.stops_on_begin(levering))
