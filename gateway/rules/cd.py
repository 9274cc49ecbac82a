"""What several CD rules share: the product classes of the assignment flow, their end dates, referrer types.

CD075-CD078 look from a product's Budget, Omvang or Frequentie back to the product, and CD080, CD095
and CD096 apply the same "Omvang needs a Product/Code after 2020" test to three classes; keeping the
class table in one place keeps those rules in step.
"""

from __future__ import annotations

from gateway.rules.base import Element, tag
from gateway.rules.values import child, date_number, filled, path

TOEGEWEZEN_PRODUCT = tag("301", "ToegewezenProduct")
AANGEVRAAGD_PRODUCT = tag("315", "AangevraagdProduct")
TE_WIJZIGEN_PRODUCT = tag("317", "TeWijzigenProduct")
NIEUW_PRODUCT = tag("317", "NieuwProduct")

END_DATE = {
    TOEGEWEZEN_PRODUCT: "Einddatum",
    AANGEVRAAGD_PRODUCT: "ToewijzingEinddatum",
    TE_WIJZIGEN_PRODUCT: "Einddatum",
    NIEUW_PRODUCT: "Einddatum",
}
"""The product classes that carry Omvang or Budget, each with the name of its end date."""

BUDGETS = (tag("301", "Budget"), tag("315", "Budget"), tag("317", "Budget"))
OMVANGEN = (tag("301", "Omvang"), tag("315", "Omvang"), tag("317", "Omvang"))

CARE_PROFESSIONALS = frozenset({"02", "03", "04", "05"})
"""Verwijzer types that are care professionals (CD066-CD068): GP, youth doctor, certified institution,
medical specialist."""

LAST_DAY_BEFORE_OPEN_OMVANG = 20201231
"""Products ending on or before this day may still carry an Omvang without a Product/Code."""


def product_of(element: Element) -> Element | None:
    """The product class `element` (a Budget or Omvang) belongs to, if it is one of the four."""
    parent = element.getparent()
    if parent is None or parent.tag not in END_DATE:
        return None
    return parent


def end_date(product: Element) -> Element | None:
    return child(product, END_DATE[product.tag])  # type: ignore[index]


def omvang_without_code(omvang: Element) -> tuple[Element | None, Element] | None:
    """The operands of CD080/CD095/CD096 when this Omvang sits on a product that may not carry one.

    Only products that are open or end after 2020 are judged; those need a Product/Code to carry an
    Omvang (aspecific and generic assignments are budgeted instead).
    """
    product = product_of(omvang)
    if product is None:
        return None
    end = end_date(product)
    if end is not None and not date_number(end) > LAST_DAY_BEFORE_OPEN_OMVANG:
        return None
    if filled(path(product, "Product", "Code")):
        return None
    return (end, omvang)
