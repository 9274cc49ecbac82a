"""TR374 (9374): an aanbieder sends a new request for a client only when none is pending."""

from __future__ import annotations

from collections.abc import Iterator

from gateway.domain.berichten import Bericht, VerzoekOmToewijzingBericht, VerzoekOmWijzigingBericht
from gateway.domain.crossrules.base import Context, CrossFinding, CrossRule, messages
from gateway.domain.crossrules.paths import CLIENT
from gateway.domain.history import History


class TR374(CrossRule):
    """Pending until a WMO319 rejected it or a WMO301 honoured it (`KnownVerzoek.pending`); "under
    investigation" is still pending. Reading of rules.md: the code lands on the Client, since the
    request as a whole waits for the earlier one, whatever it asks."""

    code = "TR374"
    retourcode = "9374"
    messages = messages("315", "317")
    detail = "an earlier request of this aanbieder for this client is still pending"

    def check(self, bericht: Bericht, history: History, context: Context) -> Iterator[CrossFinding]:
        if not isinstance(bericht, VerzoekOmToewijzingBericht | VerzoekOmWijzigingBericht):
            return
        if any(verzoek.pending and verzoek.bsn == bericht.client.bsn for verzoek in history.verzoeken):
            yield self.finding(CLIENT)
