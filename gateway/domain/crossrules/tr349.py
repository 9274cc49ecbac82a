"""TR349 (9349): a verzoek om wijziging lists every current assignment of the client."""

from __future__ import annotations

from collections.abc import Iterator

from gateway.domain.berichten import Bericht, VerzoekOmWijzigingBericht
from gateway.domain.crossrules.base import Context, CrossFinding, CrossRule, messages
from gateway.domain.crossrules.paths import VERZOEK
from gateway.domain.history import History


class TR349(CrossRule):
    """Every current assignment (`KnownToewijzing.is_current_on` the system date) of this client with
    the aanbieder must be an OngewijzigdProduct or a TeWijzigenProduct."""

    code = "TR349"
    retourcode = "9349"
    messages = messages("317")
    detail = "the Verzoek does not list every current assignment of the client with this aanbieder"

    def check(self, bericht: Bericht, history: History, context: Context) -> Iterator[CrossFinding]:
        if not isinstance(bericht, VerzoekOmWijzigingBericht):
            return
        verzoek = bericht.verzoek
        listed = {product.toewijzing_nummer for product in verzoek.ongewijzigde_producten} | {
            product.toewijzing_nummer for product in verzoek.te_wijzigen_producten
        }
        if any(
            known.toewijzing_nummer not in listed
            for known in history.toewijzingen
            if known.bsn == bericht.client.bsn
            and known.aanbieder == context.aanbieder
            and known.is_current_on(context.today)
        ):
            yield self.finding(VERZOEK)
