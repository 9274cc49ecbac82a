"""TR355 (9355): a WMO319 answers an earlier request of the aanbieder (checked before it goes out)."""

from __future__ import annotations

from gateway.domain.crossrules.answers import AntwoordRule
from gateway.domain.history import KnownVerzoek


class TR355(AntwoordRule):
    """The ReferentieAanbieder must be that of a VOT product (WMO315) or a VOW (WMO317) received."""

    code = "TR355"
    retourcode = "9355"
    detail = "ReferentieAanbieder occurs in no earlier request of this aanbieder"

    def violates(self, verzoek_antwoord: str, verzoek: KnownVerzoek | None) -> bool:
        return verzoek is None
