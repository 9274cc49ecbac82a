"""TR390 (9390): a debit line is credited at most once."""

from __future__ import annotations

from gateway.domain.crossrules.base import Context
from gateway.domain.crossrules.claimlines import ClaimLine, ClaimLineRule
from gateway.domain.history import History


class TR390(ClaimLineRule):
    """A credit line for a ProductReferentie an earlier, not rejected credit line already credited.
    (Two credits of one line in the same claim are TR315's, within the message.)"""

    code = "TR390"
    retourcode = "9390"
    detail = "the line this credit line names was already credited"

    def violates(self, line: ClaimLine, history: History, context: Context) -> bool:
        vorig = line.prestatie.vorig_referentie_nummer
        return line.prestatie.is_credit and vorig is not None and bool(history.credits_of(vorig))
