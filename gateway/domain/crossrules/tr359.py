"""TR359 (9359): no WMO319 on a request a WMO301 already honoured (checked before it goes out)."""

from __future__ import annotations

from gateway.domain.crossrules.answers import AntwoordRule
from gateway.domain.history import KnownVerzoek


class TR359(AntwoordRule):
    """Honoured: a ToegewezenProduct of an earlier WMO301 carried the same ReferentieAanbieder."""

    code = "TR359"
    retourcode = "9359"
    detail = "an assignment with this ReferentieAanbieder was already sent"

    def violates(self, verzoek_antwoord: str, verzoek: KnownVerzoek | None) -> bool:
        return verzoek is not None and verzoek.honoured
