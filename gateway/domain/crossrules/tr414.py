"""TR414 (9414): a later stop of a start does not end before the current stop does."""

from __future__ import annotations

from gateway.domain.crossrules.base import Context, messages
from gateway.domain.crossrules.deliveries import Deliveries, DeliveryRule, Levering
from gateway.domain.history import History
from gateway.domain.products import StopProduct


class TR414(DeliveryRule):
    """After a temporary stop, a definitive stop of the same start (ToewijzingNummer and Begindatum)
    must have an Einddatum at or after the temporary one's; current = not deleted."""

    code = "TR414"
    retourcode = "9414"
    messages = messages("307")
    detail = "Einddatum lies before that of the current stop with the same ToewijzingNummer and Begindatum"

    def violates(self, levering: Levering, earlier: Deliveries, history: History, context: Context) -> bool:
        if not isinstance(levering, StopProduct):
            return False
        return any(levering.einddatum < stop.einddatum for stop in earlier.stops_on_begin(levering))
