"""TR326 (9326): a new start only after the current one was stopped."""

from __future__ import annotations

from gateway.domain.crossrules.base import Context, messages
from gateway.domain.crossrules.deliveries import Deliveries, DeliveryRule, Levering
from gateway.domain.history import History


class TR326(DeliveryRule):
    """A start of an assignment (same ToewijzingNummer and Product) while an earlier start of it is
    current: delivered, not deleted, and without a stop (temporary or definitive) that is not deleted."""

    code = "TR326"
    retourcode = "9326"
    messages = messages("305")
    statuses = frozenset({"1"})
    detail = "a current start of the same assignment has not been stopped"

    def violates(self, levering: Levering, earlier: Deliveries, history: History, context: Context) -> bool:
        assignment = (levering.toewijzing_nummer, levering.product)
        return any(
            (start.toewijzing_nummer, start.product) == assignment and not earlier.stops_on(start)
            for start in earlier.starts()
        )
