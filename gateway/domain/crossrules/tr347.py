"""TR347 (9347): a ReferentieAanbieder is used once by an aanbieder, for a VOT product or a VOW."""

from __future__ import annotations

from collections.abc import Iterator

from gateway.domain.berichten import Bericht, VerzoekOmToewijzingBericht, VerzoekOmWijzigingBericht
from gateway.domain.crossrules import paths
from gateway.domain.crossrules.base import Context, CrossFinding, CrossRule, messages
from gateway.domain.history import History


class TR347(CrossRule):
    """On the AangevraagdProduct of a WMO315, on the Verzoek of a WMO317. Reading: a request in a
    rejected message counts as never sent, so the store keeps none of it and its reference is free;
    two products of one WMO315 with the same reference are TR383's, within the message."""

    code = "TR347"
    retourcode = "9347"
    messages = messages("315", "317")
    detail = "ReferentieAanbieder was already used by this aanbieder for an earlier request"

    def check(self, bericht: Bericht, history: History, context: Context) -> Iterator[CrossFinding]:
        if isinstance(bericht, VerzoekOmToewijzingBericht):
            for index, product in enumerate(bericht.aangevraagde_producten, start=1):
                if history.verzoek(product.referentie_aanbieder) is not None:
                    yield self.finding(paths.aangevraagd_product(index))
        elif (
            isinstance(bericht, VerzoekOmWijzigingBericht)
            and history.verzoek(bericht.verzoek.referentie_aanbieder) is not None
        ):
            yield self.finding(paths.VERZOEK)
