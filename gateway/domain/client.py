"""The client and the people around them; the BSN stays out of every repr, so logging never leaks it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True, slots=True)
class Achternaam:
    """CDT_Achternaam."""

    achternaam: str
    voorvoegsel: str | None


@dataclass(frozen=True, slots=True)
class Naam:
    """CDT_VolledigeNaam (WMO301/302) or CDT_VerkorteNaam (WMO305–308, 315, 316).

    The short form has no Partnernaam and no NaamGebruik; they are None there.
    """

    geslachtsnaam: Achternaam
    partnernaam: Achternaam | None
    voornamen: str | None
    voorletters: str | None
    naam_gebruik: str | None


@dataclass(frozen=True, slots=True)
class Geboortedatum:
    """CDT_Geboortedatum: a date and which parts of it are unknown (COD170; None: fully known)."""

    datum: date
    datum_gebruik: str | None


@dataclass(frozen=True, slots=True)
class Communicatie:
    """CDT_Communicatie: the interpreter a client needs (COD747) and for which language."""

    vorm: str
    taal: str | None


@dataclass(frozen=True, slots=True)
class Huis:
    """CDT_Huis."""

    huisnummer: int
    huisletter: str | None
    huisnummer_toevoeging: str | None
    aanduiding_woonadres: str | None


@dataclass(frozen=True, slots=True)
class Adres:
    """CDT_Adres."""

    huis: Huis | None
    postcode: str | None
    straatnaam: str | None
    plaatsnaam: str | None
    land_code: str | None


@dataclass(frozen=True, slots=True)
class Telefoon:
    """CDT_Telefoon."""

    telefoonnummer: str
    landnummer: str


@dataclass(frozen=True, slots=True)
class Telefoonnummers:
    """CDT_Telefoonnummers: a primary and an optional secondary number."""

    telefoon01: Telefoon
    telefoon02: Telefoon | None


@dataclass(frozen=True, slots=True)
class OpenPeriode:
    """CDT_OpenPeriode: either end may be missing."""

    begindatum: date | None
    einddatum: date | None


@dataclass(frozen=True, slots=True)
class Contact:
    """An address or contact entry (Soort: COD757); `retour_codes` only in a WMO302."""

    soort: str
    adres: Adres | None
    organisatie: str | None
    telefoon: Telefoonnummers | None
    emailadres: str | None
    periode: OpenPeriode | None
    retour_codes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Relatie:
    """A related person or contact person of the client (WMO301); `retour_codes` only in a WMO302."""

    nummer: str
    volgorde: int | None
    soort: str
    geboortedatum: Geboortedatum | None
    geslacht: str | None
    naam: Naam
    contact: Contact
    retour_codes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Client:
    """The client a message is about.

    Messages carry different parts of the client: WMO301/302 everything, WMO305–308 and WMO315/316 the
    identification (Geboortedatum, Geslacht, short Naam), WMO317/318, WMO323 and WMO325 only the Bsn.
    What a message does not carry is None or empty. `retour_codes` are those of the Client class in a
    retour message or WMO325.
    """

    bsn: str = field(repr=False)
    geboortedatum: Geboortedatum | None = None
    geslacht: str | None = None
    naam: Naam | None = None
    communicatie: Communicatie | None = None
    juridische_status: str | None = None
    wettelijke_vertegenwoordiging: str | None = None
    commentaar: str | None = None
    relaties: tuple[Relatie, ...] = ()
    contactgegevens: tuple[Contact, ...] = ()
    retour_codes: tuple[str, ...] = ()
