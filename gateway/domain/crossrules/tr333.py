"""TR333 (9333): a DeclaratieNummer is used once by an aanbieder."""

from __future__ import annotations

from gateway.domain.crossrules.base import Context
from gateway.domain.crossrules.declaratierules import DeclaratieRule
from gateway.domain.declaraties import Declaratie
from gateway.domain.history import History


class TR333(DeclaratieRule):
    """Reading: a claim rejected as a whole counts as not submitted (retour.md §4), so the store keeps no
    number of it and the aanbieder may use that number again."""

    code = "TR333"
    retourcode = "9333"
    detail = "DeclaratieNummer was already used by this aanbieder"

    def violated(self, declaratie: Declaratie, history: History, context: Context) -> bool:
        return declaratie.declaratie_nummer in history.declaratie_nummers
