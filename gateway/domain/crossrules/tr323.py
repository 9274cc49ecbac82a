"""TR323 (8017): a credit line cancels an earlier debit line of the aanbieder."""

from __future__ import annotations

from gateway.domain.crossrules.base import Context
from gateway.domain.crossrules.claimlines import ClaimLine, ClaimLineRule
from gateway.domain.history import History


class TR323(ClaimLineRule):
    """The VorigReferentieNummer must be the ReferentieNummer of an earlier debit line.

    Reading: "sent and approved" is read as not rejected, so a debit line that awaits its
    beoordeling may already be credited; a rejected one counts as never sent and cannot be.
    """

    code = "TR323"
    retourcode = "8017"
    detail = "VorigReferentieNummer is not the ReferentieNummer of an earlier approved debit line"

    def violates(self, line: ClaimLine, history: History, context: Context) -> bool:
        vorig = line.prestatie.vorig_referentie_nummer
        if not line.prestatie.is_credit or vorig is None:
            return False
        return not any(not known.prestatie.is_credit for known in history.lines_with_referentie(vorig))
