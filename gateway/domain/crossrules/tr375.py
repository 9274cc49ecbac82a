"""TR375 (9375): a generic assignment (no Product) running after 2020 is changed without Omvang."""

from __future__ import annotations

from gateway.domain.berichten import VerzoekOmWijzigingBericht
from gateway.domain.crossrules.requests import TeWijzigenRule
from gateway.domain.crossrules.unspecified import after_2020
from gateway.domain.history import KnownToewijzing
from gateway.domain.verzoeken import TeWijzigenProduct


class TR375(TeWijzigenRule):
    """Compared with the current version of the assignment."""

    code = "TR375"
    retourcode = "9375"
    detail = "Omvang is filled, but the assignment has no Product and runs after 2020-12-31"

    def violates(
        self, product: TeWijzigenProduct, known: KnownToewijzing, bericht: VerzoekOmWijzigingBericht
    ) -> bool:
        current = known.current
        return current.product is None and after_2020(current) and product.omvang is not None
