"""What several CD rules share: the product classes of the assignment flow, their end dates, referrer types.

CD075-CD078 look from a product's Budget, Omvang or Frequentie back to the product, and CD080, CD095
and CD096 apply the same "Omvang needs a Product/Code after 2020" test to three classes; keeping the
class table in one place keeps those rules in step. Those rules run on the table of the products
themselves (their context's `scope` reaches up to the product), so the product's fields are columns.
"""

from __future__ import annotations

from collections.abc import Iterator

from gateway.rules.base import Context, Hit, tag
from gateway.rules.values import date_of, is_filled

END_DATE = {
    "ToegewezenProduct": "Einddatum",
    "AangevraagdProduct": "ToewijzingEinddatum",
    "TeWijzigenProduct": "Einddatum",
    "NieuwProduct": "Einddatum",
}
"""The product classes that carry Omvang or Budget, each with the name of its end date."""

BUDGETS = (tag("301", "Budget"), tag("315", "Budget"), tag("317", "Budget"))
OMVANGEN = (tag("301", "Omvang"), tag("315", "Omvang"), tag("317", "Omvang"))

CARE_PROFESSIONALS = frozenset({"02", "03", "04", "05"})
"""Verwijzer types that are care professionals (CD066-CD068): GP, youth doctor, certified institution,
medical specialist."""

LAST_DAY_BEFORE_OPEN_OMVANG = 20201231
"""Products ending on or before this day may still carry an Omvang without a Product/Code."""


def end_date(context: Context) -> str:
    """The end date field of the products a context runs on (its table is one of the four classes)."""
    return END_DATE[context.table.path[-1]]


def omvang_without_code(context: Context) -> Iterator[Hit]:
    """CD080/CD095/CD096 on a table of products, the context being their Omvang: each Omvang on a
    product that may not carry one.

    Only products that are open or end after 2020 are judged; those need a Product/Code to carry an
    Omvang (aspecific and generic assignments are budgeted instead).
    """
    table, end_field = context.table, end_date(context)
    ends, codes = table.values(end_field, date_of), table.texts("Product/Code")
    for row in context.rows:
        end = ends[row]
        # An end date that does not read as a number compares false, so such a product is not judged.
        if (end is None or end > LAST_DAY_BEFORE_OPEN_OMVANG) and not is_filled(codes[row]):
            yield row, (end_field, context.field)
