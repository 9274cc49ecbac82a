"""TR346 (9346): a claim line's amount is its volume times its tariff (rules.md B.3)."""

from __future__ import annotations

from gateway.domain.codes import Eenheid
from gateway.domain.crossrules.base import Context
from gateway.domain.crossrules.claimlines import ClaimLine, ClaimLineRule
from gateway.domain.crossrules.contract import Contract
from gateway.domain.declaraties import Prestatie
from gateway.domain.history import History

EURO = "83"
"""Eenheid 83: euro, whose GeleverdVolume is the amount itself and which has no ProductTarief (CD087)."""
MINUTES_PER_HOUR = 60


class TR346(ClaimLineRule):
    """Every line not in euro (83) claims GeleverdVolume × ProductTarief, in whole cents.

    Our reading of "an hourly contract tariff claimed in minutes": a line in minutes (01) states the
    hourly tariff as its ProductTarief, as `contract.PolicyContract` and TR418 read it, and claims
    ProductTarief × GeleverdVolume / 60. Only when the contract has a tariff per minute of its own for
    the product (one other than its hourly tariff) is a line in minutes priced per minute, like a line
    in any other unit; without a contract, or for a product it does not know, minutes state the hourly
    tariff. The spec's "rounded to whole cents" we read as ordinary commercial rounding, half a cent
    up, not truncation and not rounding half to even; the arithmetic is exact, in integer cents. A
    credit line is held to the same sum on its unsigned Bedrag; a line without ProductTarief (CD087
    rejects one outside 83) has none to check.
    """

    code = "TR346"
    retourcode = "9346"
    detail = "IngediendBedrag differs from GeleverdVolume × ProductTarief (per hour for minutes)"

    def violates(self, line: ClaimLine, history: History, context: Context) -> bool:
        prestatie = line.prestatie
        tarief = prestatie.product_tarief
        if prestatie.eenheid == EURO or tarief is None:
            return False
        return prestatie.ingediend_bedrag.bedrag != bedrag(prestatie, tarief, context.contract)


def bedrag(prestatie: Prestatie, tarief: int, contract: Contract | None) -> int:
    """The amount in euro cents a line not in euro claims at `tarief`, its ProductTarief."""
    if prestatie.eenheid == Eenheid.MINUUT and _hourly(prestatie, contract):
        return _half_up(prestatie.geleverd_volume * tarief, MINUTES_PER_HOUR)
    return prestatie.geleverd_volume * tarief


def _hourly(prestatie: Prestatie, contract: Contract | None) -> bool:
    """Whether a line in minutes states the hourly tariff: unless the contract has one per minute."""
    if contract is None:
        return True
    categorie, code = prestatie.product_categorie, prestatie.product_code
    per_minute = contract.tarief(categorie, code, Eenheid.MINUUT)
    return per_minute is None or per_minute == contract.tarief(categorie, code, Eenheid.UUR)


def _half_up(numerator: int, denominator: int) -> int:
    """numerator / denominator of non-negative integers, rounded to the nearest integer, a half up."""
    return (2 * numerator + denominator) // (2 * denominator)
