"""TR341 (9341): a claim line's Eenheid fits the assignment's Omvang, or else the contract."""

from __future__ import annotations

from gateway.domain.crossrules.base import Context
from gateway.domain.crossrules.claimlines import AssignedLineRule
from gateway.domain.declaraties import Prestatie
from gateway.domain.products import Toewijzing
from gateway.domain.units import fits

EURO = "83"
"""Eenheid 83: euro, in which a line on a Budget states its amount (TR369)."""


class TR341(AssignedLineRule):
    """Equal to `Omvang/Eenheid`, or minutes against hours (`units.fits`).

    Without an Omvang the Eenheid must be one the contract has the product in; when the contract is
    not known, or does not know the product, nothing is checked. Our reading: a line in euro (83) on
    an assignment with a Budget always fits, since TR369 counts exactly those lines against it.
    """

    code = "TR341"
    retourcode = "9341"
    detail = "Eenheid does not fit the Eenheid of the assignment's Omvang (or of the contract)"

    def violates_assignment(self, prestatie: Prestatie, toewijzing: Toewijzing, context: Context) -> bool:
        if toewijzing.omvang is not None:
            return not fits(prestatie.eenheid, toewijzing.omvang.eenheid)
        if (toewijzing.budget is not None and prestatie.eenheid == EURO) or context.contract is None:
            return False
        contracted = context.contract.eenheden(prestatie.product_categorie, prestatie.product_code)
        return contracted is not None and prestatie.eenheid not in contracted
