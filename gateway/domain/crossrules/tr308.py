"""TR308 (9308): a claim line does not end after its assignment."""

from __future__ import annotations

from gateway.domain.crossrules.base import Context
from gateway.domain.crossrules.claimlines import AssignedLineRule
from gateway.domain.declaraties import Prestatie
from gateway.domain.products import Toewijzing


class TR308(AssignedLineRule):
    """Only an assignment with an Einddatum (of its current version) limits the line."""

    code = "TR308"
    retourcode = "9308"
    detail = "ProductPeriode/Einddatum lies after the Einddatum of the assignment"

    def violates_assignment(self, prestatie: Prestatie, toewijzing: Toewijzing, context: Context) -> bool:
        return toewijzing.einddatum is not None and prestatie.product_periode.einddatum > toewijzing.einddatum
