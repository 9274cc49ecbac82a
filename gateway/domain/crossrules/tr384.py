"""TR384 (9384): no claim on an assignment that the gemeente deleted (RedenWijziging 13)."""

from __future__ import annotations

from gateway.domain.crossrules.base import Context
from gateway.domain.crossrules.claimlines import AssignedLineRule
from gateway.domain.declaraties import Prestatie
from gateway.domain.history import REDEN_VERWIJDERD
from gateway.domain.products import Toewijzing


class TR384(AssignedLineRule):
    """ "Currently" deleted: the current version carries RedenWijziging 13."""

    code = "TR384"
    retourcode = "9384"
    detail = "the assignment of the line is deleted (RedenWijziging 13)"

    def violates_assignment(self, prestatie: Prestatie, toewijzing: Toewijzing, context: Context) -> bool:
        return toewijzing.reden_wijziging == REDEN_VERWIJDERD
