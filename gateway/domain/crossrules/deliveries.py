"""Rules on start and stop classes (WMO305, WMO307), judged against the client's delivery history.

A class is judged against the classes received before it: the stored ones, then those earlier in the
same message, as if each had been received on its own (`Deliveries.after`). StatusAanlevering 3
deletes the latest class with the same logical key; other content checks are skipped for it
(rules.md B.2, TR063), so content rules judge classes with status 1 or 2 only.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from typing import ClassVar

from gateway.domain.berichten import Bericht, StartBericht, StopBericht
from gateway.domain.crossrules import paths
from gateway.domain.crossrules.base import Context, CrossFinding, CrossRule
from gateway.domain.history import History, KnownLevering
from gateway.domain.products import Product, StartProduct, StopProduct

Levering = StartProduct | StopProduct
StartKey = tuple[int | None, Product | None, object]
"""ToewijzingNummer, Product and Begindatum: what a stop copies from the start it ends."""

DELETE = "3"
CONTENT = frozenset({"1", "2"})
"""The statuses content rules judge: a first or changed delivery, not a deletion."""
TEMPORARY = "20"
"""RedenBeeindiging 20: delivery stopped for now (a temporary stop)."""


def start_key(levering: Levering) -> StartKey:
    return (levering.toewijzing_nummer, levering.product, levering.begindatum)


def logical_key(levering: Levering) -> tuple[object, ...]:
    """The key of TR074: a start's StartKey; for a stop also RedenBeeindiging and Einddatum."""
    if isinstance(levering, StopProduct):
        return (type(levering), *start_key(levering), levering.reden_beeindiging, levering.einddatum)
    return (type(levering), *start_key(levering))


@dataclass(frozen=True, slots=True)
class Deliveries:
    """The start and stop classes of one client from the aanbieder, as they stand."""

    bsn: str = field(repr=False)
    known: tuple[KnownLevering, ...]

    def live(self) -> Iterator[Levering]:
        """The classes delivered and not deleted since, in the order received."""
        return (known.levering for known in self.known if not known.deleted)

    def same_key(self, levering: Levering) -> list[Levering]:
        key = logical_key(levering)
        return [earlier for earlier in self.live() if logical_key(earlier) == key]

    def starts(self) -> list[StartProduct]:
        return [earlier for earlier in self.live() if isinstance(earlier, StartProduct)]

    def stops(self) -> list[StopProduct]:
        return [earlier for earlier in self.live() if isinstance(earlier, StopProduct)]

    def stops_on(self, levering: Levering) -> list[StopProduct]:
        """The stops of the start this class names (same ToewijzingNummer, Product and Begindatum)."""
        key = start_key(levering)
        return [stop for stop in self.stops() if start_key(stop) == key]

    def stops_on_begin(self, stop: StopProduct) -> list[StopProduct]:
        """The stops with this stop's ToewijzingNummer and Begindatum (TR413–TR415 leave out Product)."""
        return [
            earlier
            for earlier in self.stops()
            if (earlier.toewijzing_nummer, earlier.begindatum) == (stop.toewijzing_nummer, stop.begindatum)
        ]

    def after(self, levering: Levering) -> Deliveries:
        """The classes as they stand once `levering` is received too."""
        if levering.status_aanlevering != DELETE:
            return replace(self, known=(*self.known, KnownLevering(levering)))
        key = logical_key(levering)
        for position in range(len(self.known) - 1, -1, -1):
            known = self.known[position]
            if not known.deleted and logical_key(known.levering) == key:
                deleted = replace(known, deleted=True)
                return replace(self, known=(*self.known[:position], deleted, *self.known[position + 1 :]))
        return self


class DeliveryRule(CrossRule):
    """A rule on the StartProducts of a WMO305 or the StopProducts of a WMO307."""

    statuses: ClassVar[frozenset[str]] = CONTENT

    def check(self, bericht: Bericht, history: History, context: Context) -> Iterator[CrossFinding]:
        if not isinstance(bericht, StartBericht | StopBericht):
            return
        earlier = Deliveries(bericht.client.bsn, history.leveringen)
        for location, levering in _classes(bericht):
            if levering.status_aanlevering in self.statuses and self.violates(
                levering, earlier, history, context
            ):
                yield self.finding(location)
            earlier = earlier.after(levering)

    def violates(self, levering: Levering, earlier: Deliveries, history: History, context: Context) -> bool:
        raise NotImplementedError


def _classes(bericht: StartBericht | StopBericht) -> Iterator[tuple[str, Levering]]:
    """The message's start or stop classes with their paths, in document order."""
    if isinstance(bericht, StartBericht):
        for index, start in enumerate(bericht.start_producten, start=1):
            yield paths.start_product(index), start
    else:
        for index, stop in enumerate(bericht.stop_producten, start=1):
            yield paths.stop_product(index), stop
