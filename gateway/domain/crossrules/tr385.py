"""TR385 (9385): an assignment with claim lines is not deleted (checked before a WMO301 goes out)."""

from __future__ import annotations

from gateway.domain.crossrules.assignments import ToegewezenRule
from gateway.domain.crossrules.base import Context
from gateway.domain.history import REDEN_VERWIJDERD, History
from gateway.domain.products import Toewijzing


class TR385(ToegewezenRule):
    """RedenWijziging 13 while a debit line on the assignment is neither credited nor rejected.

    Reading: a line awaiting its beoordeling counts as approved, so that no assignment is deleted
    under a claim the aanbieder may still be paid for.
    """

    code = "TR385"
    retourcode = "9385"
    detail = "the assignment has approved claim lines that are not credited, so it cannot be deleted"

    def violates(self, toewijzing: Toewijzing, bsn: str, history: History, context: Context) -> bool:
        if toewijzing.reden_wijziging != REDEN_VERWIJDERD:
            return False
        return any(
            not known.prestatie.is_credit and not history.credits_of(known.prestatie.referentie_nummer)
            for known in history.lines_on(toewijzing.toewijzing_nummer)
        )
