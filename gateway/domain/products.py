"""Assigned products and their delivery: the toewijzing (WMO301), start and stop of levering (305/307)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time

from gateway.domain.periods import Periode, month_of
from gateway.policy.proposals import Omvang

__all__ = ["Omvang", "Product", "StartProduct", "StopProduct", "Toewijzing"]


@dataclass(frozen=True, slots=True)
class Product:
    """CDT_Product: a category (WMO020), with a code for a specific assignment."""

    categorie: str
    code: str | None


@dataclass(frozen=True, slots=True)
class Toewijzing:
    """One version of an assignment: a ToegewezenProduct of a WMO301.

    ToewijzingNummer identifies the assignment for its whole life; of its versions the one with the
    latest Toewijzingsdatum and Toewijzingstijd is the current one. Specific assignments carry a
    Product with Code and an Omvang, aspecific ones a Product with only Categorie and generic ones no
    Product; the last two may carry a Budget (euro cents) instead of an Omvang. `retour_codes` only in
    a WMO302.
    """

    toewijzing_nummer: int
    referentie_aanbieder: str | None
    product: Product | None
    toewijzingsdatum: date
    toewijzingstijd: time
    ingangsdatum: date
    einddatum: date | None
    reden_wijziging: str | None
    omvang: Omvang | None
    budget: int | None
    commentaar: str | None
    retour_codes: tuple[str, ...] = ()

    @property
    def vastgesteld(self) -> datetime:
        """When the gemeente fixed this version: later versions supersede earlier ones."""
        return datetime.combine(self.toewijzingsdatum, self.toewijzingstijd)

    def product_periode(self, day: date) -> Periode:
        """The ProductPeriode a claim line for the month holding `day` must have (TR387, TR388).

        The whole calendar month, except that it starts on the Ingangsdatum and ends on the Einddatum
        when those fall inside that month.
        """
        month = month_of(day)
        begin = self.ingangsdatum if month.contains(self.ingangsdatum) else month.begindatum
        end = self.einddatum
        return Periode(begin, end if end is not None and month.contains(end) else month.einddatum)


@dataclass(frozen=True, slots=True)
class StartProduct:
    """A reported start of delivery (WMO305), or the deletion of one (StatusAanlevering 3).

    Logical key: ToewijzingNummer, Product and Begindatum. `retour_codes` only in a WMO306.
    """

    toewijzing_nummer: int | None
    product: Product | None
    toewijzing_ingangsdatum: date | None
    begindatum: date
    status_aanlevering: str
    retour_codes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class StopProduct:
    """A reported end of delivery (WMO307): temporary (RedenBeeindiging 20) or definitive, or a deletion.

    Logical key: ToewijzingNummer, Product, Begindatum, RedenBeeindiging and Einddatum; the first three
    are copied from the start it ends. `retour_codes` only in a WMO308.
    """

    toewijzing_nummer: int | None
    product: Product | None
    toewijzing_ingangsdatum: date | None
    begindatum: date
    reden_beeindiging: str
    einddatum: date
    status_aanlevering: str
    retour_codes: tuple[str, ...] = ()
