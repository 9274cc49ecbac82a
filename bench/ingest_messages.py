"""The messages `bench.ingest` sends: toewijzingen to seed, and starts and claims that the gemeente accepts.

A start or a claim is only worth measuring when it refers to what the gateway knows, so every one of
them names a toewijzing seeded before: one client per WMO301 with `PER_CLIENT` products, a start per
toewijzing (a toewijzing is started once), and claim lines for April 2026 spread over all toewijzingen,
each line a fresh ReferentieNummer well within the toewijzing's volume.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass

from bench.corpus import bsns

GEMEENTE = "1916"
AANBIEDER = "12345678"


@dataclass(frozen=True, slots=True)
class Product:
    """A product of the bundled catalogue in hours, with its natura tariff and how a toewijzing assigns it."""

    categorie: str
    code: str
    eenheid: str
    tarief: int
    frequentie: str


PRODUCTS = (
    Product("01", "01H01", "04", 3950, "4"),
    Product("01", "01H02", "04", 4350, "4"),
    Product("02", "02B02", "04", 7200, "6"),
    Product("02", "02B04", "04", 6800, "6"),
    Product("07", "07B01", "16", 6200, "6"),
    Product("07", "07B02", "16", 5900, "6"),
)
"""A client gets each product once (TR302: no product twice in overlapping periods); none of them has a
policy limit that the volumes here could reach."""
PER_CLIENT = len(PRODUCTS)
VOLUME = 2

_BASIS = "http://www.istandaarden.nl/iwmo/3_2/basisschema/schema"


@dataclass(frozen=True, slots=True)
class Toewijzing:
    nummer: int
    bsn: str
    product: Product


def toewijzingen(count: int, first: int = 1) -> list[Toewijzing]:
    """`count` toewijzingen numbered from `first`, `PER_CLIENT` to a client, clients in BSN order."""
    numbers = bsns()
    for _ in range((first - 1) // PER_CLIENT):
        next(numbers)
    result: list[Toewijzing] = []
    bsn = ""
    for nummer in range(first, first + count):
        if not result or (nummer - 1) % PER_CLIENT == 0:
            bsn = next(numbers)
        result.append(Toewijzing(nummer, bsn, PRODUCTS[(nummer - 1) % PER_CLIENT]))
    return result


def by_client(assigned: list[Toewijzing]) -> list[list[Toewijzing]]:
    clients: dict[str, list[Toewijzing]] = {}
    for toewijzing in assigned:
        clients.setdefault(toewijzing.bsn, []).append(toewijzing)
    return list(clients.values())


def _header(
    code: str, berichtcode: str, afzender: str, ontvanger: str, identificatie: str, dagtekening: str
) -> str:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><Bericht '
        f'xmlns="http://www.istandaarden.nl/iwmo/3_2/{code}/schema" xmlns:b="{_BASIS}">'
        f"<Header><BerichtCode>{berichtcode}</BerichtCode><BerichtVersie>3</BerichtVersie>"
        f"<BerichtSubversie>2</BerichtSubversie><Afzender>{afzender}</Afzender>"
        f"<Ontvanger>{ontvanger}</Ontvanger><BerichtIdentificatie><b:Identificatie>{identificatie}"
        f"</b:Identificatie><b:Dagtekening>{dagtekening}</b:Dagtekening></BerichtIdentificatie>"
        "<XsdVersie><b:BasisschemaXsdVersie>1.0.0</b:BasisschemaXsdVersie>"
        "<b:BerichtXsdVersie>1.0.0</b:BerichtXsdVersie></XsdVersie></Header>"
    )


def _client(bsn: str) -> str:
    return (
        f"<Bsn>{bsn}</Bsn><Geboortedatum><b:Datum>1960-06-15</b:Datum></Geboortedatum>"
        "<Geslacht>2</Geslacht><Naam><b:Geslachtsnaam><b:Achternaam>Jansen</b:Achternaam>"
        "</b:Geslachtsnaam>"
    )


def toewijzing_message(identificatie: str, client: list[Toewijzing]) -> bytes:
    """A WMO301 of the gemeente to the aanbieder assigning every toewijzing of one client for 2026."""
    products = "".join(
        f"<ToegewezenProduct><ToewijzingNummer>{t.nummer}</ToewijzingNummer>"
        f"<Product><b:Categorie>{t.product.categorie}</b:Categorie><b:Code>{t.product.code}</b:Code>"
        "</Product><Toewijzingsdatum>2026-01-01</Toewijzingsdatum><Toewijzingstijd>09:00:00</Toewijzingstijd>"
        "<Ingangsdatum>2026-01-01</Ingangsdatum><Einddatum>2026-12-31</Einddatum>"
        f"<Omvang><b:Volume>9999</b:Volume><b:Eenheid>{t.product.eenheid}</b:Eenheid>"
        f"<b:Frequentie>{t.product.frequentie}</b:Frequentie>"
        "</Omvang></ToegewezenProduct>"
        for t in client
    )
    return (
        _header("wmo301", "414", GEMEENTE, AANBIEDER, identificatie, "2026-01-01")
        + f"<Client>{_client(client[0].bsn)}<b:NaamGebruik>1</b:NaamGebruik></Naam>"
        "<Contactgegevens><Contact><Soort>02</Soort><Telefoon><b:Telefoon01>"
        "<b:Telefoonnummer>0701234567</b:Telefoonnummer><b:Landnummer>0031</b:Landnummer>"
        "</b:Telefoon01></Telefoon></Contact></Contactgegevens>"
        f"<ToegewezenProducten>{products}</ToegewezenProducten></Client></Bericht>"
    ).encode()


def start_message(identificatie: str, toewijzing: Toewijzing) -> bytes:
    """A WMO305 of the aanbieder starting one toewijzing."""
    return (
        _header("wmo305", "418", AANBIEDER, GEMEENTE, identificatie, "2026-01-02")
        + f"<Client>{_client(toewijzing.bsn)}</Naam><StartProducten><StartProduct>"
        f"<ToewijzingNummer>{toewijzing.nummer}</ToewijzingNummer>"
        f"<Product><b:Categorie>{toewijzing.product.categorie}</b:Categorie>"
        f"<b:Code>{toewijzing.product.code}</b:Code></Product><ToewijzingIngangsdatum>2026-01-01</ToewijzingIngangsdatum><Begindatum>2026-01-02</Begindatum>"
        "<StatusAanlevering>1</StatusAanlevering></StartProduct></StartProducten></Client></Bericht>"
    ).encode()


MONTHS = range(1, 11)
"""The claimable months: January to October 2026, all past on the day the claims are dated."""
DAGTEKENING = "2026-11-02"


def claim_message(identificatie: str, month: int, assigned: list[Toewijzing], referentie: str) -> bytes:
    """A WMO323 for one month of 2026 with a whole-month debit line for each toewijzing, by client."""
    first, last = _month(month)
    clients: dict[str, list[str]] = {}
    total = 0
    for number, toewijzing in enumerate(assigned):
        product = toewijzing.product
        amount = VOLUME * product.tarief
        total += amount
        clients.setdefault(toewijzing.bsn, []).append(
            f"<Prestatie><ProductReferentie><b:ReferentieNummer>{referentie}-{number}</b:ReferentieNummer>"
            f"</ProductReferentie><ToewijzingNummer>{toewijzing.nummer}</ToewijzingNummer>"
            f"<ProductCategorie>{product.categorie}</ProductCategorie><ProductCode>{product.code}</ProductCode>"
            f"<ProductPeriode><b:Begindatum>{first}</b:Begindatum><b:Einddatum>{last}</b:Einddatum>"
            f"</ProductPeriode><GeleverdVolume>{VOLUME}</GeleverdVolume><Eenheid>{product.eenheid}</Eenheid>"
            f"<ProductTarief>{product.tarief}</ProductTarief><IngediendBedrag><b:Bedrag>{amount}</b:Bedrag>"
            "<b:DebetCredit>D</b:DebetCredit></IngediendBedrag></Prestatie>"
        )
    body = "".join(
        f"<Client><Bsn>{bsn}</Bsn><Prestaties>{''.join(prestaties)}</Prestaties></Client>"
        for bsn, prestaties in clients.items()
    )
    return (
        _header("wmo323", "484", AANBIEDER, GEMEENTE, identificatie, DAGTEKENING)
        + f"<Declaratie><DeclaratieNummer>{identificatie}</DeclaratieNummer>"
        f"<DeclaratiePeriode><b:Begindatum>{first}</b:Begindatum><b:Einddatum>{last}</b:Einddatum>"
        f"</DeclaratiePeriode><DeclaratieDagtekening>{DAGTEKENING}</DeclaratieDagtekening>"
        f"<TotaalIngediendBedrag><b:TotaalBedrag>{total}</b:TotaalBedrag>"
        "<b:DebetCredit>D</b:DebetCredit></TotaalIngediendBedrag>"
        f"<Clienten>{body}</Clienten></Declaratie></Bericht>"
    ).encode()


def _month(month: int) -> tuple[str, str]:
    last = calendar.monthrange(2026, month)[1]
    return f"2026-{month:02d}-01", f"2026-{month:02d}-{last:02d}"


class Claims:
    """Claims made to order from one pool of toewijzingen, none repeating a line.

    A line claims a whole month of its toewijzing (TR387, TR388), and a toewijzing once per month
    (TR389); so a claim takes the next toewijzingen not yet claimed in the current month, and moves on to
    the next month when too few are left. Every claim and line gets a new number.
    """

    def __init__(self, prefix: str, assigned: list[Toewijzing]) -> None:
        self._prefix = prefix
        self._assigned = assigned
        self._months = iter(MONTHS)
        self._month = next(self._months)
        self._used = 0
        self._serial = 0

    def next(self, size: int) -> bytes:
        """A claim of `size` lines; StopIteration once the pool is used up."""
        if size > len(self._assigned):
            raise ValueError(f"a claim of {size} lines needs as many toewijzingen")
        if self._used + size > len(self._assigned):
            self._month = next(self._months)
            self._used = 0
        lines = self._assigned[self._used : self._used + size]
        self._used += size
        self._serial += 1
        identificatie = f"{self._prefix}{self._serial}"
        return claim_message(identificatie, self._month, lines, identificatie)
