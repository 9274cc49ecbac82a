"""TR376 (n.v.t.): a WMO325 names the DeclaratieNummer of the claim it answers (checked before it goes
out)."""

from __future__ import annotations

from collections.abc import Iterator

from gateway.domain.berichten import Bericht, DeclaratieAntwoordBericht
from gateway.domain.crossrules.base import Context, CrossFinding, CrossRule, messages
from gateway.domain.crossrules.paths import DECLARATIE_ANTWOORD
from gateway.domain.history import History


class TR376(CrossRule):
    """Compared with the WMO323 DeclaratieIdentificatie names; when that claim is unknown, TR337 says so
    and this rule has nothing to compare. An answer without DeclaratieAntwoord names no number."""

    code = "TR376"
    retourcode = None
    messages = messages("325")
    detail = "DeclaratieNummer differs from the DeclaratieNummer of the answered WMO323"

    def check(self, bericht: Bericht, history: History, context: Context) -> Iterator[CrossFinding]:
        if not isinstance(bericht, DeclaratieAntwoordBericht) or bericht.declaratie_antwoord is None:
            return
        claim = history.answered_claim
        if claim is None or claim.declaratie_nummer is None:
            return
        if bericht.declaratie_antwoord.declaratie_nummer != claim.declaratie_nummer:
            yield self.finding(DECLARATIE_ANTWOORD)
