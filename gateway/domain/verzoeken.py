"""What an aanbieder asks for (WMO315, WMO317) and the gemeente's answer when it does not assign (WMO319)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from gateway.domain.products import Omvang, Product


@dataclass(frozen=True, slots=True)
class Verwijzer:
    """CDT_Verwijzer: who referred the client (COD327), by name or AGB code."""

    type: str
    naam: str | None
    zorgverlener_code: str | None


@dataclass(frozen=True, slots=True)
class AangevraagdProduct:
    """One product of a verzoek om toewijzing (WMO315), each with its own ReferentieAanbieder.

    `retour_codes` only in a WMO316.
    """

    referentie_aanbieder: str
    beschikking_nummer: int | None
    product: Product | None
    beschikking_ingangsdatum: date | None
    toewijzing_ingangsdatum: date
    toewijzing_einddatum: date | None
    omvang: Omvang | None
    budget: int | None
    verwijzer: Verwijzer
    raamcontract: str | None
    commentaar: str | None
    retour_codes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class OngewijzigdProduct:
    """A current assignment the aanbieder wants kept as it is (WMO317)."""

    toewijzing_nummer: int
    retour_codes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class TeWijzigenProduct:
    """A current assignment the aanbieder wants changed from GewensteIngangsdatum on (WMO317)."""

    toewijzing_nummer: int
    gewenste_ingangsdatum: date
    einddatum: date | None
    omvang: Omvang | None
    budget: int | None
    retour_codes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class NieuwProduct:
    """A product the aanbieder wants added (WMO317)."""

    product: Product | None
    gewenste_ingangsdatum: date
    einddatum: date | None
    omvang: Omvang | None
    budget: int | None
    retour_codes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Verzoek:
    """A verzoek om wijziging (WMO317): the complete desired situation of one client, as one request.

    `retour_codes` (of the Verzoek and of each product) only in a WMO318.
    """

    referentie_aanbieder: str
    reden_verzoek: str
    ongewijzigde_producten: tuple[OngewijzigdProduct, ...]
    te_wijzigen_producten: tuple[TeWijzigenProduct, ...]
    nieuwe_producten: tuple[NieuwProduct, ...]
    retour_codes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Antwoord:
    """The gemeente's answer on a request it does not assign (WMO319): rejected (1) or in onderzoek (2).

    `retour_codes` only in a WMO320.
    """

    referentie_aanbieder: str
    verzoek_antwoord: str
    reden_afwijzing_verzoek: str | None
    retour_codes: tuple[str, ...] = ()
