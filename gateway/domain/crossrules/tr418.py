"""TR418 (0611): a claim line's ProductTarief is the contract tariff of its product."""

from __future__ import annotations

from gateway.domain.crossrules.base import Context
from gateway.domain.crossrules.claimlines import ClaimLine, ClaimLineRule
from gateway.domain.history import History


class TR418(ClaimLineRule):
    """Checked only where the contract names a tariff for the product in the line's Eenheid (see
    `contract.PolicyContract` for minutes against an hourly tariff); a line without ProductTarief (in
    euro, CD087) has none to differ."""

    code = "TR418"
    retourcode = "0611"
    detail = "ProductTarief differs from the contract tariff of the ProductCode"

    def violates(self, line: ClaimLine, history: History, context: Context) -> bool:
        prestatie = line.prestatie
        if context.contract is None or prestatie.product_tarief is None:
            return False
        tarief = context.contract.tarief(
            prestatie.product_categorie, prestatie.product_code, prestatie.eenheid
        )
        return tarief is not None and tarief != prestatie.product_tarief
