"""Assignments as the rules see them, and the rules on the gemeente's own WMO301.

Claims and requests name assignments by ToewijzingNummer; only an assignment to the aanbieder of the
message is one of theirs to name. The rules on a WMO301 (TR332, TR379, TR385) are the aanbieder's
checks: the gateway applies them before the gemeente's message goes out, so that it is refused here
rather than rejected there.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from gateway.domain.berichten import Bericht, ToewijzingBericht, VerzoekOmWijzigingBericht
from gateway.domain.crossrules import paths
from gateway.domain.crossrules.base import Context, CrossFinding, CrossRule, messages
from gateway.domain.history import History, KnownToewijzing
from gateway.domain.products import Toewijzing
from gateway.domain.verzoeken import OngewijzigdProduct, TeWijzigenProduct, Verzoek


def assigned(history: History, nummer: int | None, context: Context) -> KnownToewijzing | None:
    """The gemeente's assignment with this number, if it was assigned to the aanbieder of the message."""
    known = history.toewijzing(nummer)
    return known if known is not None and known.aanbieder == context.aanbieder else None


def current_of_client(history: History, nummer: int | None, bsn: str, context: Context) -> bool:
    """Whether the number names a current assignment of this client with the aanbieder (TR349–TR351)."""
    known = assigned(history, nummer, context)
    return known is not None and known.bsn == bsn and known.is_current_on(context.today)


class ToegewezenRule(CrossRule):
    """A rule on the ToegewezenProducts of a WMO301 the gemeente sends."""

    messages = messages("301")

    def check(self, bericht: Bericht, history: History, context: Context) -> Iterator[CrossFinding]:
        if not isinstance(bericht, ToewijzingBericht):
            return
        for index, toewijzing in enumerate(bericht.toewijzingen, start=1):
            if self.violates(toewijzing, bericht.client.bsn, history, context):
                yield self.finding(paths.toegewezen_product(index))

    def violates(self, toewijzing: Toewijzing, bsn: str, history: History, context: Context) -> bool:
        raise NotImplementedError


class NamedAssignmentRule(CrossRule):
    """A class of a WMO317 that names an assignment must name a current one of this client (TR350, TR351).

    Current as TR349 reads it; an assignment of another client or aanbieder is none of this one.
    """

    messages = messages("317")
    detail = "ToewijzingNummer is not a current assignment of this client with this aanbieder"

    def named(self, verzoek: Verzoek) -> Iterable[OngewijzigdProduct | TeWijzigenProduct]:
        """The classes of the request this rule judges, in document order."""
        raise NotImplementedError

    def location(self, index: int) -> str:
        """The element path of the `index`-th of them (1-based)."""
        raise NotImplementedError

    def check(self, bericht: Bericht, history: History, context: Context) -> Iterator[CrossFinding]:
        if not isinstance(bericht, VerzoekOmWijzigingBericht):
            return
        for index, product in enumerate(self.named(bericht.verzoek), start=1):
            if not current_of_client(history, product.toewijzing_nummer, bericht.client.bsn, context):
                yield self.finding(self.location(index))
