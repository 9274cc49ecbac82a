"""TR074 (9074): a class with the same logical key is delivered once."""

from __future__ import annotations

from gateway.domain.crossrules.base import Context, messages
from gateway.domain.crossrules.deliveries import Deliveries, DeliveryRule, Levering
from gateway.domain.history import History


class TR074(DeliveryRule):
    """Reading of rules.md: a deleted class may be sent again. Keys as `deliveries.logical_key`."""

    code = "TR074"
    retourcode = "9074"
    messages = messages("305", "307")
    statuses = frozenset({"1"})
    detail = "a class with the same logical key was already received"

    def violates(self, levering: Levering, earlier: Deliveries, history: History, context: Context) -> bool:
        return bool(earlier.same_key(levering))
