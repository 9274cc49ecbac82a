"""TR019 (9019): a start or stop is linked to an assignment of the client by its ToewijzingNummer."""

from __future__ import annotations

from gateway.domain.crossrules.base import Context, messages
from gateway.domain.crossrules.deliveries import Deliveries, DeliveryRule, Levering
from gateway.domain.history import History


class TR019(DeliveryRule):
    """Reading of rules.md: violated when ToewijzingNummer is absent or names no known assignment of this
    client with the aanbieder. When the gemeente never assigned the client anything with this aanbieder,
    start and stop are used task-based, without WMO301, and the rule does not apply."""

    code = "TR019"
    retourcode = "9019"
    messages = messages("305", "307")
    detail = "the class is not linked by its ToewijzingNummer to an assignment of the client"

    def violates(self, levering: Levering, earlier: Deliveries, history: History, context: Context) -> bool:
        numbers = {
            known.toewijzing_nummer
            for known in history.toewijzingen
            if known.bsn == earlier.bsn and known.aanbieder == context.aanbieder
        }
        return bool(numbers) and levering.toewijzing_nummer not in numbers
