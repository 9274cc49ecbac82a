"""TR360 (9360): "under investigation" is only the first answer on a request (checked before a WMO319
goes out)."""

from __future__ import annotations

from gateway.domain.crossrules.answers import AntwoordRule
from gateway.domain.history import ONDERZOEK, KnownVerzoek


class TR360(AntwoordRule):
    """VerzoekAntwoord 2 while an earlier WMO319 with the same ReferentieAanbieder exists."""

    code = "TR360"
    retourcode = "9360"
    detail = "VerzoekAntwoord 2 (under investigation), but the request was already answered"

    def violates(self, verzoek_antwoord: str, verzoek: KnownVerzoek | None) -> bool:
        return verzoek_antwoord == ONDERZOEK and verzoek is not None and bool(verzoek.antwoorden)
