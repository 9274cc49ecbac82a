"""TR338 (9338): a claim line names an assignment of the aanbieder by its ToewijzingNummer."""

from __future__ import annotations

from gateway.domain.crossrules.assignments import assigned
from gateway.domain.crossrules.base import Context
from gateway.domain.crossrules.claimlines import ClaimLine, ClaimLineRule
from gateway.domain.history import History


class TR338(ClaimLineRule):
    """An assignment of the gemeente to another aanbieder is no assigned product of this one."""

    code = "TR338"
    retourcode = "9338"
    detail = "no assigned product of this aanbieder has the line's ToewijzingNummer"

    def violates(self, line: ClaimLine, history: History, context: Context) -> bool:
        return assigned(history, line.prestatie.toewijzing_nummer, context) is None
