"""Renders a WMO301 (toewijzing) the gemeente sends, from plain values, in the schema's element order.

The gateway writes a WMO301 itself when a decision from the gemeente's ERP assigns an iWmo product to
an aanbieder. The elements are placed by the WMO301 schema's shape (the writer the retours use), so the
renderer states only what goes where; whether the result is valid is for the pipeline to judge, like
any message the gemeente sends.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, time

from lxml import etree

from gateway.messages.registry import Registry, default_registry
from gateway.messages.retourwriter import Content, RetourWriter
from gateway.messages.verdicts import Codes

WMO301 = "WMO301"
RELEASE = "3.2"


@dataclass(frozen=True, slots=True)
class Naam:
    """CDT_VolledigeNaam, as far as a decision gives it; NaamGebruik 1: the own geslachtsnaam."""

    achternaam: str
    voorvoegsel: str | None = None
    voornamen: str | None = None
    voorletters: str | None = None
    naam_gebruik: str = "1"


@dataclass(frozen=True, slots=True)
class Adres:
    """CDT_Adres with its Contact Soort (01 BRP, 02 correspondentie, 03 verblijf, 04 tijdelijk)."""

    soort: str
    huisnummer: int | None = None
    huisletter: str | None = None
    huisnummer_toevoeging: str | None = None
    postcode: str | None = None
    straatnaam: str | None = None
    plaatsnaam: str | None = None
    land_code: str | None = None


@dataclass(frozen=True, slots=True)
class Client:
    bsn: str
    geboortedatum: date
    geslacht: str
    naam: Naam
    adres: Adres | None = None
    telefoon: str | None = None
    """A Dutch number (Landnummer 0031), on the same Contact as the address."""


@dataclass(frozen=True, slots=True)
class ToegewezenProduct:
    """One assignment; Omvang is volume, eenheid and frequentie together, or none of them."""

    toewijzing_nummer: int
    categorie: str
    code: str | None
    toewijzingsdatum: date
    toewijzingstijd: time
    ingangsdatum: date
    einddatum: date | None = None
    volume: int | None = None
    eenheid: str | None = None
    frequentie: str | None = None
    budget: int | None = None


@dataclass(frozen=True, slots=True)
class Toewijzingbericht:
    """What a WMO301 says: from which gemeente (CBS code) to which aanbieder (AGB code), about whom."""

    afzender: str
    ontvanger: str
    identificatie: str
    dagtekening: date
    client: Client
    producten: tuple[ToegewezenProduct, ...]


DUTCH_LANDNUMMER = "0031"


def render_toewijzing(bericht: Toewijzingbericht, registry: Registry | None = None) -> bytes:
    """The WMO301 as UTF-8 bytes with an XML declaration."""
    release = (registry or default_registry()).release(RELEASE)
    message = release.message(WMO301)
    writer = RetourWriter(message, release.basisschema_namespace, _no_codes)
    versie, _, subversie = release.release.partition(".")
    return writer.write(
        {
            "Header": {
                "BerichtCode": message.berichtcode,
                "BerichtVersie": versie,
                "BerichtSubversie": subversie,
                "Afzender": bericht.afzender,
                "Ontvanger": bericht.ontvanger,
                "BerichtIdentificatie": {
                    "Identificatie": bericht.identificatie,
                    "Dagtekening": bericht.dagtekening.isoformat(),
                },
                "XsdVersie": {
                    "BasisschemaXsdVersie": release.xsd_versie,
                    "BerichtXsdVersie": release.xsd_versie,
                },
            },
            "Client": _client(bericht.client, bericht.producten),
        }
    )


def _client(client: Client, producten: tuple[ToegewezenProduct, ...]) -> Mapping[str, Content | None]:
    return {
        "Bsn": client.bsn,
        "Geboortedatum": {"Datum": client.geboortedatum.isoformat()},
        "Geslacht": client.geslacht,
        "Naam": {
            "Geslachtsnaam": {"Achternaam": client.naam.achternaam, "Voorvoegsel": client.naam.voorvoegsel},
            "Voornamen": client.naam.voornamen,
            "Voorletters": client.naam.voorletters,
            "NaamGebruik": client.naam.naam_gebruik,
        },
        "Contactgegevens": {"Contact": [_contact(client)]},
        "ToegewezenProducten": {"ToegewezenProduct": [_product(product) for product in producten]},
    }


def _contact(client: Client) -> Mapping[str, Content | None]:
    adres = client.adres
    telefoon = None
    if client.telefoon is not None:
        telefoon = {"Telefoon01": {"Telefoonnummer": client.telefoon, "Landnummer": DUTCH_LANDNUMMER}}
    if adres is None:
        # A phone number alone is a correspondence contact (TR006 asks a phone or a house and postcode).
        return {"Soort": "02", "Telefoon": telefoon}
    huis = None
    if adres.huisnummer is not None:
        huis = {
            "Huisnummer": str(adres.huisnummer),
            "Huisletter": adres.huisletter,
            "HuisnummerToevoeging": adres.huisnummer_toevoeging,
        }
    return {
        "Soort": adres.soort,
        "Adres": {
            "Huis": huis,
            "Postcode": adres.postcode,
            "Straatnaam": adres.straatnaam,
            "Plaatsnaam": adres.plaatsnaam,
            "LandCode": adres.land_code,
        },
        "Telefoon": telefoon,
    }


def _product(product: ToegewezenProduct) -> Mapping[str, Content | None]:
    omvang = None
    if product.volume is not None and product.eenheid is not None and product.frequentie is not None:
        omvang = {"Volume": str(product.volume), "Eenheid": product.eenheid, "Frequentie": product.frequentie}
    return {
        "ToewijzingNummer": str(product.toewijzing_nummer),
        "Product": {"Categorie": product.categorie, "Code": product.code},
        "Toewijzingsdatum": product.toewijzingsdatum.isoformat(),
        "Toewijzingstijd": product.toewijzingstijd.replace(microsecond=0, tzinfo=None).isoformat(),
        "Ingangsdatum": product.ingangsdatum.isoformat(),
        "Einddatum": None if product.einddatum is None else product.einddatum.isoformat(),
        "Omvang": omvang,
        "Budget": None if product.budget is None else str(product.budget),
    }


def _no_codes(element: etree._Element) -> Codes:
    raise AssertionError("a WMO301 is written from values only; no element is re-created")
