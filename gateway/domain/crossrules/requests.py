"""Rules on the aanbieder's requests: a verzoek om toewijzing (WMO315) or om wijziging (WMO317).

A WMO317 describes the client's whole desired situation: assignments kept (OngewijzigdProduct) or
changed (TeWijzigenProduct), named by ToewijzingNummer, and new products. The rules on a changed
product compare it with the current version of the assignment it names; a product naming no
assignment of the aanbieder is left to TR351.
"""

from __future__ import annotations

from collections.abc import Iterator

from gateway.domain.berichten import Bericht, VerzoekOmWijzigingBericht
from gateway.domain.crossrules import paths
from gateway.domain.crossrules.assignments import assigned
from gateway.domain.crossrules.base import Context, CrossFinding, CrossRule, messages
from gateway.domain.history import History, KnownToewijzing
from gateway.domain.verzoeken import TeWijzigenProduct


class TeWijzigenRule(CrossRule):
    """A rule comparing each TeWijzigenProduct with the assignment it changes."""

    messages = messages("317")

    def check(self, bericht: Bericht, history: History, context: Context) -> Iterator[CrossFinding]:
        if not isinstance(bericht, VerzoekOmWijzigingBericht):
            return
        for index, product in enumerate(bericht.verzoek.te_wijzigen_producten, start=1):
            known = assigned(history, product.toewijzing_nummer, context)
            if known is not None and self.violates(product, known, bericht):
                yield self.finding(paths.te_wijzigen_product(index))

    def violates(
        self, product: TeWijzigenProduct, known: KnownToewijzing, bericht: VerzoekOmWijzigingBericht
    ) -> bool:
        raise NotImplementedError
