"""TR373 (9373): a changed Budget or total volume applies to the whole assignment period."""

from __future__ import annotations

from gateway.domain.berichten import VerzoekOmWijzigingBericht
from gateway.domain.codes import Frequentie
from gateway.domain.crossrules.requests import TeWijzigenRule
from gateway.domain.history import KnownToewijzing
from gateway.domain.products import Omvang
from gateway.domain.verzoeken import TeWijzigenProduct


def _total(omvang: Omvang | None) -> bool:
    return omvang is not None and omvang.frequentie == Frequentie.TOTAAL


class TR373(TeWijzigenRule):
    """The Budget or an Omvang over the whole period (Frequentie 6) changes, and GewensteIngangsdatum is
    not the Ingangsdatum of the current assignment. What the product leaves out it does not change."""

    code = "TR373"
    retourcode = "9373"
    detail = "a Budget or total volume changes from another date than the Ingangsdatum of the assignment"

    def violates(
        self, product: TeWijzigenProduct, known: KnownToewijzing, bericht: VerzoekOmWijzigingBericht
    ) -> bool:
        current = known.current
        budget_changed = product.budget is not None and product.budget != current.budget
        total_changed = (
            product.omvang is not None
            and (_total(product.omvang) or _total(current.omvang))
            and product.omvang != current.omvang
        )
        return (budget_changed or total_changed) and product.gewenste_ingangsdatum != current.ingangsdatum
