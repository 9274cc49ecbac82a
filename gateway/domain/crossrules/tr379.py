"""TR379 (9379): a ToegewezenProduct carries a ReferentieAanbieder only when it honours that request
(checked before a WMO301 goes out)."""

from __future__ import annotations

from gateway.domain.crossrules.assignments import ToegewezenRule
from gateway.domain.crossrules.base import Context
from gateway.domain.history import History
from gateway.domain.products import Toewijzing


class TR379(ToegewezenRule):
    """The reference must be that of a request (VOT product or VOW) of this aanbieder for this client,
    and only the first time it is honoured: once an earlier WMO301 carried it, the request is honoured
    and later versions leave it empty. All products of one WMO301 may carry the same VOW reference."""

    code = "TR379"
    retourcode = "9379"
    detail = (
        "ReferentieAanbieder is not the reference of a request this assignment honours for the first time"
    )

    def violates(self, toewijzing: Toewijzing, bsn: str, history: History, context: Context) -> bool:
        if toewijzing.referentie_aanbieder is None:
            return False
        verzoek = history.verzoek(toewijzing.referentie_aanbieder)
        return verzoek is None or verzoek.bsn != bsn or verzoek.honoured
