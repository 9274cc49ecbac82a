"""TR340 (9340): a claim line's ProductCode is that of its assignment, when the assignment has one."""

from __future__ import annotations

from gateway.domain.crossrules.base import Context
from gateway.domain.crossrules.claimlines import AssignedLineRule
from gateway.domain.declaraties import Prestatie
from gateway.domain.products import Toewijzing


class TR340(AssignedLineRule):
    """An aspecific or generic assignment (no Product/Code) leaves the code to the aanbieder."""

    code = "TR340"
    retourcode = "9340"
    detail = "ProductCode differs from Product/Code of the assignment"

    def violates_assignment(self, prestatie: Prestatie, toewijzing: Toewijzing, context: Context) -> bool:
        code = None if toewijzing.product is None else toewijzing.product.code
        return code is not None and code != prestatie.product_code
