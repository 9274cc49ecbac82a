"""TR339 (9339): a claim line's ProductCategorie is that of its assignment, when the assignment has one."""

from __future__ import annotations

from gateway.domain.crossrules.base import Context
from gateway.domain.crossrules.claimlines import AssignedLineRule
from gateway.domain.declaraties import Prestatie
from gateway.domain.products import Toewijzing


class TR339(AssignedLineRule):
    """A generic assignment (no Product) has no category to differ from."""

    code = "TR339"
    retourcode = "9339"
    detail = "ProductCategorie differs from Product/Categorie of the assignment"

    def violates_assignment(self, prestatie: Prestatie, toewijzing: Toewijzing, context: Context) -> bool:
        return toewijzing.product is not None and toewijzing.product.categorie != prestatie.product_categorie
