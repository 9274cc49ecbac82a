"""TR412 (9412): a change of an aspecific or generic assignment running after 2020 has no Omvang."""

from __future__ import annotations

from gateway.domain.berichten import VerzoekOmWijzigingBericht
from gateway.domain.crossrules.requests import TeWijzigenRule
from gateway.domain.crossrules.unspecified import after_2020
from gateway.domain.history import KnownToewijzing
from gateway.domain.verzoeken import TeWijzigenProduct


class TR412(TeWijzigenRule):
    """Compared with the current version of the assignment: no Product/Code, an Einddatum after
    2020-12-31 or none, and yet an Omvang."""

    code = "TR412"
    retourcode = "9412"
    detail = "Omvang is filled, but the assignment has no Product/Code and runs after 2020-12-31"

    def violates(
        self, product: TeWijzigenProduct, known: KnownToewijzing, bericht: VerzoekOmWijzigingBericht
    ) -> bool:
        current = known.current
        uncoded = current.product is None or current.product.code is None
        return uncoded and after_2020(current) and product.omvang is not None
