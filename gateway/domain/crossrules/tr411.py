"""TR411 (9411): a change of a specific assignment (with Product/Code) states its Omvang."""

from __future__ import annotations

from gateway.domain.berichten import VerzoekOmWijzigingBericht
from gateway.domain.crossrules.requests import TeWijzigenRule
from gateway.domain.history import KnownToewijzing
from gateway.domain.verzoeken import TeWijzigenProduct


class TR411(TeWijzigenRule):
    """Compared with the current version of the assignment."""

    code = "TR411"
    retourcode = "9411"
    detail = "Omvang is missing, but the assignment has a Product/Code"

    def violates(
        self, product: TeWijzigenProduct, known: KnownToewijzing, bericht: VerzoekOmWijzigingBericht
    ) -> bool:
        current = known.current
        return current.product is not None and current.product.code is not None and product.omvang is None
