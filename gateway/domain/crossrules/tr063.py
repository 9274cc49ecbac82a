"""TR063 (9063): a deletion (StatusAanlevering 3) deletes a class delivered earlier."""

from __future__ import annotations

from gateway.domain.crossrules.base import Context, messages
from gateway.domain.crossrules.deliveries import DELETE, Deliveries, DeliveryRule, Levering
from gateway.domain.history import History


class TR063(DeliveryRule):
    """A class with the same logical key (`deliveries.logical_key`) must have been delivered and not
    deleted already: deleting twice deletes nothing the second time."""

    code = "TR063"
    retourcode = "9063"
    messages = messages("305", "307")
    statuses = frozenset({DELETE})
    detail = "StatusAanlevering 3, but no earlier delivery with the same logical key exists"

    def violates(self, levering: Levering, earlier: Deliveries, history: History, context: Context) -> bool:
        return not earlier.same_key(levering)
