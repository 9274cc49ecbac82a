"""What the derivation yields: eigen-bijdrage periods per person, each with the provisions it came from."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from gateway.policy.models import Vrijstelling

Span = tuple[date, date | None]
"""A begindatum and an einddatum, both inclusive; None: no end known yet."""


class BronSoort(StrEnum):
    """The kinds of provision an eigen bijdrage can come from; they differ in start moment and deadline."""

    NATURA = "natura"
    PGB = "pgb"
    VERSTREKKING = "verstrekking"


@dataclass(frozen=True, slots=True, order=True)
class Bron:
    """A reference to one provision: its kind and the store's key for it (a ToewijzingNummer, an id)."""

    soort: BronSoort
    sleutel: str


@dataclass(frozen=True, slots=True)
class BronPeriode:
    """A stretch of time in which one provision carries the eigen bijdrage, and its kostprijs if guarded."""

    bron: Bron
    begindatum: date
    einddatum: date | None
    kostprijs: int | None


@dataclass(frozen=True, slots=True)
class Kostprijs:
    """The cost price the CAK guards for a period (KostprijsBedrag in euro cents, KostprijsStartdatum)."""

    bedrag: int
    startdatum: date


@dataclass(frozen=True, slots=True)
class Inhoud:
    """What a WMO405 says about a period: the facts the CAK holds, compared to find what to send."""

    startdatum: date
    stopdatum: date | None
    kostprijs: Kostprijs | None


@dataclass(frozen=True, slots=True)
class EbPeriode:
    """One period in which a client owes the eigen bijdrage: from the first counting provision's start to
    the last one's end. `kostprijs_bron` is the provision whose kostprijs is guarded."""

    startdatum: date
    stopdatum: date | None
    kostprijs: Kostprijs | None
    kostprijs_bron: Bron | None
    bronnen: tuple[BronPeriode, ...]

    @property
    def inhoud(self) -> Inhoud:
        return Inhoud(self.startdatum, self.stopdatum, self.kostprijs)


class Reden(StrEnum):
    """Why a provision adds nothing to any period."""

    ONBEKEND_PRODUCT = "onbekend_product"
    """The policy does not say whether the product carries an eigen bijdrage."""
    VRIJGESTELD = "vrijgesteld"
    """The policy exempts the voorziening (`vrijstelling` says why)."""
    VERWIJDERD = "verwijderd"
    """The toewijzing was deleted (RedenWijziging 13): it counts as never sent."""
    NIET_GESTART = "niet_gestart"
    """The start moment has not happened: no delivery reported or provided yet."""
    MINDERJARIG = "minderjarig"
    """The client is under 18 for the whole provision and it is no woningaanpassing."""
    VOOR_INGANG = "voor_ingang"
    """The provision ends before its eigen bijdrage begins (begeleiding before 2026-01-01)."""
    KOSTPRIJS_TE_LAAG = "kostprijs_te_laag"
    """Its kostprijs does not exceed one month's abonnementstarief (S333)."""
    KOSTPRIJS_BEREIKT = "kostprijs_bereikt"
    """It runs until its kostprijs is reached, and what earlier periods left of that kostprijs does not
    exceed one month's abonnementstarief: the next month charged would pass it, and the CAK would refuse
    the remainder (S333). It adds nothing from `Uitsluiting.vanaf` on."""
    LEEG = "leeg"
    """The provision holds no day (its end lies before its start)."""


@dataclass(frozen=True, slots=True)
class Uitsluiting:
    """A provision that adds nothing to any period, or nothing from `vanaf` on, and why.

    `vanaf` is set only for a provision that counted in an earlier period and stops counting later (its
    kostprijs used up by then: `Reden.KOSTPRIJS_BEREIKT`); None: it adds nothing at all.
    """

    bron: Bron
    reden: Reden
    vrijstelling: Vrijstelling | None = None
    vanaf: date | None = None


@dataclass(frozen=True, slots=True)
class Afleiding:
    """The periods of one client, in time order, and the provisions that were left out (from some day on)."""

    perioden: tuple[EbPeriode, ...]
    uitgesloten: tuple[Uitsluiting, ...]
