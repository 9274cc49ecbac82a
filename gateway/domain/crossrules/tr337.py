"""TR337 (n.v.t.): a WMO325 answers a WMO323 the aanbieder sent (checked before it goes out)."""

from __future__ import annotations

from gateway.domain.crossrules.answers import ClaimAnswerHeaderRule
from gateway.domain.header import DeclaratieAntwoordHeader
from gateway.domain.history import History


class TR337(ClaimAnswerHeaderRule):
    """DeclaratieIdentificatie (Identificatie and Dagtekening) must be the BerichtIdentificatie of a
    WMO323 received from the aanbieder, whatever its outcome: every claim gets an answer."""

    code = "TR337"
    retourcode = None
    detail = "DeclaratieIdentificatie is not the BerichtIdentificatie of a WMO323 of the aanbieder"

    def violated(self, header: DeclaratieAntwoordHeader, history: History) -> bool:
        claim = history.answered_claim
        return claim is None or claim.bericht_identificatie != header.declaratie_identificatie
