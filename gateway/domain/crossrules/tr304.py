"""TR304 (8187): an item belongs to the client the message names (BSN)."""

from __future__ import annotations

from collections.abc import Iterator

from gateway.domain.berichten import Bericht, DeclaratieAntwoordBericht, VerzoekOmWijzigingBericht
from gateway.domain.crossrules import paths
from gateway.domain.crossrules.answers import returned_lines
from gateway.domain.crossrules.assignments import assigned
from gateway.domain.crossrules.base import Context, CrossFinding, messages
from gateway.domain.crossrules.claimlines import ClaimLine, ClaimLineRule
from gateway.domain.history import History


class TR304(ClaimLineRule):
    """Reading of rules.md for where the code lands: on the Client of a WMO317, whose referenced
    assignments (kept or changed) must all be of that client; on the Prestatie of a WMO323, whose
    assignment must be of the line's client; on the Prestatie of a WMO325 (checked before it goes out),
    whose claimed line must be of the returned client. What names nothing known is another rule's
    (TR338, TR350, TR351, TR366). A claim line rule too, so that it shares the lines the engine reads."""

    code = "TR304"
    retourcode = "8187"
    messages = messages("317", "323", "325")
    detail = "the Bsn does not match the client of the related assignment or claim line"

    def check(self, bericht: Bericht, history: History, context: Context) -> Iterator[CrossFinding]:
        if isinstance(bericht, VerzoekOmWijzigingBericht):
            yield from self._verzoek(bericht, history)
        elif isinstance(bericht, DeclaratieAntwoordBericht):
            yield from self._answer(bericht, history)
        else:
            yield from super().check(bericht, history, context)

    def violates(self, line: ClaimLine, history: History, context: Context) -> bool:
        toewijzing = assigned(history, line.prestatie.toewijzing_nummer, context)
        return toewijzing is not None and toewijzing.bsn != line.bsn

    def _verzoek(self, bericht: VerzoekOmWijzigingBericht, history: History) -> Iterator[CrossFinding]:
        verzoek = bericht.verzoek
        numbers = [kept.toewijzing_nummer for kept in verzoek.ongewijzigde_producten] + [
            changed.toewijzing_nummer for changed in verzoek.te_wijzigen_producten
        ]
        known = [history.toewijzing(nummer) for nummer in numbers]
        if any(toewijzing is not None and toewijzing.bsn != bericht.client.bsn for toewijzing in known):
            yield self.finding(paths.CLIENT)

    def _answer(self, bericht: DeclaratieAntwoordBericht, history: History) -> Iterator[CrossFinding]:
        for line in returned_lines(bericht, history):
            if line.sent and all(known.bsn != line.bsn for known in line.sent):
                yield self.finding(line.location)
