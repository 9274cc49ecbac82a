"""TR388 (9388): a claim line ends on the last of its month, or on an earlier Einddatum in it."""

from __future__ import annotations

from gateway.domain.crossrules.base import Context
from gateway.domain.crossrules.claimlines import AssignedLineRule
from gateway.domain.declaraties import Prestatie
from gateway.domain.products import Toewijzing


class TR388(AssignedLineRule):
    """The expected end is that of `Toewijzing.product_periode` for the month the line ends in."""

    code = "TR388"
    retourcode = "9388"
    detail = (
        "ProductPeriode/Einddatum is not the last day of its month, nor the Einddatum of the "
        "assignment earlier in that month"
    )

    def violates_assignment(self, prestatie: Prestatie, toewijzing: Toewijzing, context: Context) -> bool:
        end = prestatie.product_periode.einddatum
        return end != toewijzing.product_periode(end).einddatum
