"""TR413 (9413): one temporary stop per start."""

from __future__ import annotations

from gateway.domain.crossrules.base import Context, messages
from gateway.domain.crossrules.deliveries import TEMPORARY, Deliveries, DeliveryRule, Levering
from gateway.domain.history import History
from gateway.domain.products import StopProduct


class TR413(DeliveryRule):
    """A temporary stop (RedenBeeindiging 20) when one with the same ToewijzingNummer and Begindatum
    exists; reading of rules.md: one that was not deleted."""

    code = "TR413"
    retourcode = "9413"
    messages = messages("307")
    detail = "a temporary stop (RedenBeeindiging 20) of the same start already exists"

    def violates(self, levering: Levering, earlier: Deliveries, history: History, context: Context) -> bool:
        if not isinstance(levering, StopProduct) or levering.reden_beeindiging != TEMPORARY:
            return False
        return any(stop.reden_beeindiging == TEMPORARY for stop in earlier.stops_on_begin(levering))
