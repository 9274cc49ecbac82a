"""TR071 (9071): a start that has a stop cannot be deleted."""

from __future__ import annotations

from gateway.domain.crossrules.base import Context, messages
from gateway.domain.crossrules.deliveries import DELETE, Deliveries, DeliveryRule, Levering
from gateway.domain.history import History


class TR071(DeliveryRule):
    """Reading of rules.md: only a stop that was not itself deleted stands in the way."""

    code = "TR071"
    retourcode = "9071"
    messages = messages("305")
    statuses = frozenset({DELETE})
    detail = "the start cannot be deleted: a stop was already sent for it"

    def violates(self, levering: Levering, earlier: Deliveries, history: History, context: Context) -> bool:
        return bool(earlier.stops_on(levering))
