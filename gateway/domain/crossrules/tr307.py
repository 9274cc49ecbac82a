"""TR307 (9307): a claim line does not start before its assignment."""

from __future__ import annotations

from gateway.domain.crossrules.base import Context
from gateway.domain.crossrules.claimlines import AssignedLineRule
from gateway.domain.declaraties import Prestatie
from gateway.domain.products import Toewijzing


class TR307(AssignedLineRule):
    """Compared with the Ingangsdatum of the current version of the assignment."""

    code = "TR307"
    retourcode = "9307"
    detail = "ProductPeriode/Begindatum lies before the Ingangsdatum of the assignment"

    def violates_assignment(self, prestatie: Prestatie, toewijzing: Toewijzing, context: Context) -> bool:
        return prestatie.product_periode.begindatum < toewijzing.ingangsdatum
