"""TR382 (9069): a stop copies the key of a current start unchanged."""

from __future__ import annotations

from gateway.domain.crossrules.base import Context, messages
from gateway.domain.crossrules.deliveries import Deliveries, DeliveryRule, Levering
from gateway.domain.history import History


class TR382(DeliveryRule):
    """ToewijzingNummer, Product and Begindatum must be those of a start that is delivered and not
    deleted; the code list gives 9069 (labelled TR069) for it."""

    code = "TR382"
    retourcode = "9069"
    messages = messages("307")
    detail = "no current start has the ToewijzingNummer, Product and Begindatum of this stop"

    def violates(self, levering: Levering, earlier: Deliveries, history: History, context: Context) -> bool:
        key = (levering.toewijzing_nummer, levering.product, levering.begindatum)
        return not any((s.toewijzing_nummer, s.product, s.begindatum) == key for s in earlier.starts())
