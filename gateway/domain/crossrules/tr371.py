"""TR371 (n.v.t.): a WMO325 names the XsdVersie of the claim it answers (checked before it goes out)."""

from __future__ import annotations

from gateway.domain.crossrules.answers import ClaimAnswerHeaderRule
from gateway.domain.header import DeclaratieAntwoordHeader
from gateway.domain.history import History


class TR371(ClaimAnswerHeaderRule):
    """XsdVersieDeclaratie must equal the XsdVersie of the WMO323 DeclaratieIdentificatie names; when
    that claim is unknown, TR337 says so and this rule has nothing to compare."""

    code = "TR371"
    retourcode = None
    detail = "XsdVersieDeclaratie differs from the XsdVersie of the answered WMO323"

    def violated(self, header: DeclaratieAntwoordHeader, history: History) -> bool:
        claim = history.answered_claim
        return (
            claim is not None
            and claim.xsd_versie is not None
            and claim.xsd_versie != header.xsd_versie_declaratie
        )
