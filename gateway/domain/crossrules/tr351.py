"""TR351 (9351): a TeWijzigenProduct names a current assignment of the client."""

from __future__ import annotations

from collections.abc import Iterator

from gateway.domain.berichten import Bericht, VerzoekOmWijzigingBericht
from gateway.domain.crossrules import paths
from gateway.domain.crossrules.assignments import current_of_client
from gateway.domain.crossrules.base import Context, CrossFinding, CrossRule, messages
from gateway.domain.history import History


class TR351(CrossRule):
    """Current as TR349 reads it; an assignment of another client or aanbieder is none of this one."""

    code = "TR351"
    retourcode = "9351"
    messages = messages("317")
    detail = "ToewijzingNummer is not a current assignment of this client with this aanbieder"

    def check(self, bericht: Bericht, history: History, context: Context) -> Iterator[CrossFinding]:
        if not isinstance(bericht, VerzoekOmWijzigingBericht):
            return
        for index, product in enumerate(bericht.verzoek.te_wijzigen_producten, start=1):
            if not current_of_client(history, product.toewijzing_nummer, bericht.client.bsn, context):
                yield self.finding(paths.te_wijzigen_product(index))
