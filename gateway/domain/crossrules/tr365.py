"""TR365 (9365): after a final answer on a request, no other answer (checked before a WMO319 goes out)."""

from __future__ import annotations

from gateway.domain.crossrules.answers import AntwoordRule
from gateway.domain.history import ONDERZOEK, KnownVerzoek


class TR365(AntwoordRule):
    """An earlier WMO319 with the same ReferentieAanbieder whose VerzoekAntwoord is not 2 was final."""

    code = "TR365"
    retourcode = "9365"
    detail = "an earlier answer on this request was not 'under investigation'"

    def violates(self, verzoek_antwoord: str, verzoek: KnownVerzoek | None) -> bool:
        return verzoek is not None and any(antwoord != ONDERZOEK for antwoord in verzoek.antwoorden)
