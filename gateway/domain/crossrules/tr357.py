"""TR357 (9357): a change that does not start in the future applies to the whole assignment period."""

from __future__ import annotations

from gateway.domain.berichten import VerzoekOmWijzigingBericht
from gateway.domain.crossrules.requests import TeWijzigenRule
from gateway.domain.history import KnownToewijzing
from gateway.domain.verzoeken import TeWijzigenProduct


class TR357(TeWijzigenRule):
    """GewensteIngangsdatum on or before the message date must be the assignment's Ingangsdatum.

    Our reading of "the original assignment": the Ingangsdatum of its current version or of its first
    one both count, so that a gemeente's correction of it does not turn the aanbieder's request wrong.
    """

    code = "TR357"
    retourcode = "9357"
    detail = "GewensteIngangsdatum is not in the future, yet differs from the Ingangsdatum of the assignment"

    def violates(
        self, product: TeWijzigenProduct, known: KnownToewijzing, bericht: VerzoekOmWijzigingBericht
    ) -> bool:
        gewenst = product.gewenste_ingangsdatum
        if gewenst > bericht.header.bericht_identificatie.dagtekening:
            return False
        return gewenst not in (known.current.ingangsdatum, known.first.ingangsdatum)
