"""TR387 (9387): a claim line starts on the first of its month, or on a later Ingangsdatum in it."""

from __future__ import annotations

from gateway.domain.crossrules.base import Context
from gateway.domain.crossrules.claimlines import AssignedLineRule
from gateway.domain.declaraties import Prestatie
from gateway.domain.products import Toewijzing


class TR387(AssignedLineRule):
    """The expected start is that of `Toewijzing.product_periode` for the month the line starts in."""

    code = "TR387"
    retourcode = "9387"
    detail = (
        "ProductPeriode/Begindatum is not the first day of its month, nor the Ingangsdatum of the "
        "assignment later in that month"
    )

    def violates_assignment(self, prestatie: Prestatie, toewijzing: Toewijzing, context: Context) -> bool:
        begin = prestatie.product_periode.begindatum
        return begin != toewijzing.product_periode(begin).begindatum
