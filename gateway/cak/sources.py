"""The provisions of one client as the derivation takes them: plain values the store fills in.

Nothing here is read from a database or a message; the store hands in what it holds, and the
derivation is a pure function of it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from gateway.cak.model import Bron, BronSoort
from gateway.domain.products import Product, StartProduct, StopProduct, Toewijzing


@dataclass(frozen=True, slots=True)
class NaturaToewijzing:
    """A provision in natura: the current version of its toewijzing (WMO301) and what providers reported.

    `starts` and `stops` are every WMO305 StartProduct and WMO307 StopProduct received for this
    toewijzing, deletions (StatusAanlevering 3) included, in the order they were received.
    `kostprijs` (euro cents) only for a hulpmiddel or woonvoorziening whose kostprijs the CAK must guard.
    """

    toewijzing: Toewijzing
    beschikkingsdatum: date
    starts: tuple[StartProduct, ...] = ()
    stops: tuple[StopProduct, ...] = ()
    kostprijs: int | None = None

    @property
    def bron(self) -> Bron:
        return Bron(BronSoort.NATURA, str(self.toewijzing.toewijzing_nummer))

    @property
    def product(self) -> Product | None:
        return self.toewijzing.product


@dataclass(frozen=True, slots=True)
class PgbBeschikking:
    """A pgb granted by beschikking; pgb decisions do not pass through iWmo, so this is the whole story.

    `toegekend` (euro cents): what the pgb grants in all, the one sum of an eenmalige pgb or the sum over
    the periods of a trekkingsrecht; a fact of the decision, not a kostprijs. Whether it is the kostprijs
    the CAK guards is the policy's to say, so the derivation decides (`derive_periods`). `kostprijs`: one
    stated for the pgb apart from that (the store keeps none for a pgb).
    """

    sleutel: str
    product: Product
    beschikkingsdatum: date
    ingangsdatum: date
    einddatum: date | None
    kostprijs: int | None = None
    toegekend: int | None = None

    @property
    def bron(self) -> Bron:
        return Bron(BronSoort.PGB, self.sleutel)


@dataclass(frozen=True, slots=True)
class Verstrekking:
    """A hulpmiddel or woonvoorziening provided in kind outside iWmo deliveries (bought, lent, built).

    `leverdatum`: the day it was provided (delivered, works completed); None while it has not been.
    """

    sleutel: str
    product: Product
    beschikkingsdatum: date
    ingangsdatum: date
    leverdatum: date | None
    einddatum: date | None
    kostprijs: int | None = None

    @property
    def bron(self) -> Bron:
        return Bron(BronSoort.VERSTREKKING, self.sleutel)


@dataclass(frozen=True, slots=True)
class ClientBronnen:
    """Every provision of one client, ended ones included, so past periods keep being derived.

    The BSN is not needed to derive periods and is not part of this value.
    """

    geboortedatum: date
    natura: tuple[NaturaToewijzing, ...] = ()
    pgb: tuple[PgbBeschikking, ...] = ()
    verstrekkingen: tuple[Verstrekking, ...] = ()
