"""Decoding what messages share: headers, the client and the people around them, Basisschema types."""

from __future__ import annotations

from gateway.domain.client import (
    Achternaam,
    Adres,
    Client,
    Communicatie,
    Contact,
    Geboortedatum,
    Huis,
    Naam,
    OpenPeriode,
    Relatie,
    Telefoon,
    Telefoonnummers,
)
from gateway.domain.declaraties import Bedrag
from gateway.domain.header import (
    BerichtIdentificatie,
    DeclaratieAntwoordHeader,
    Header,
    RetourHeader,
    XsdVersie,
)
from gateway.domain.periods import Periode
from gateway.domain.products import Omvang, Product
from gateway.domain.reading import Node

HeaderFields = tuple[str, int, int, str, str, BerichtIdentificatie, XsdVersie]


def bericht_identificatie(node: Node) -> BerichtIdentificatie:
    return BerichtIdentificatie(node.text_of("Identificatie"), node.date_of("Dagtekening"))


def xsd_versie(node: Node) -> XsdVersie:
    return XsdVersie(node.text_of("BasisschemaXsdVersie"), node.text_of("BerichtXsdVersie"))


def _header_fields(node: Node) -> HeaderFields:
    return (
        node.text_of("BerichtCode"),
        node.integer_of("BerichtVersie"),
        node.integer_of("BerichtSubversie"),
        node.text_of("Afzender"),
        node.text_of("Ontvanger"),
        node.read("BerichtIdentificatie", bericht_identificatie),
        node.read("XsdVersie", xsd_versie),
    )


def header(node: Node) -> Header:
    return Header(*_header_fields(node))


def retour_header(node: Node) -> RetourHeader:
    return RetourHeader(
        *_header_fields(node),
        identificatie_retour=node.text_of("IdentificatieRetour"),
        dagtekening_retour=node.date_of("DagtekeningRetour"),
        xslt_versie=node.optional_text_of("XsltVersie"),
        xsd_versie_retour=node.read("XsdVersieRetour", xsd_versie),
        retour_codes=node.retour_codes(),
    )


def declaratie_antwoord_header(node: Node) -> DeclaratieAntwoordHeader:
    return DeclaratieAntwoordHeader(
        *_header_fields(node),
        declaratie_identificatie=node.read("DeclaratieIdentificatie", bericht_identificatie),
        xslt_versie=node.optional_text_of("XsltVersie"),
        xsd_versie_declaratie=node.read("XsdVersieDeclaratie", xsd_versie),
        retour_codes=node.retour_codes(),
    )


def product(node: Node) -> Product:
    return Product(node.text_of("Categorie"), node.optional_text_of("Code"))


def omvang(node: Node) -> Omvang:
    return Omvang(node.integer_of("Volume"), node.text_of("Eenheid"), node.text_of("Frequentie"))


def periode(node: Node) -> Periode:
    return Periode(node.date_of("Begindatum"), node.date_of("Einddatum"))


def bedrag(node: Node) -> Bedrag:
    return Bedrag(node.integer_of("Bedrag"), node.text_of("DebetCredit"))


def totaal_bedrag(node: Node) -> Bedrag:
    return Bedrag(node.integer_of("TotaalBedrag"), node.text_of("DebetCredit"))


def _achternaam(node: Node) -> Achternaam:
    return Achternaam(node.text_of("Achternaam"), node.optional_text_of("Voorvoegsel"))


def _naam(node: Node) -> Naam:
    return Naam(
        geslachtsnaam=node.read("Geslachtsnaam", _achternaam),
        partnernaam=node.maybe("Partnernaam", _achternaam),
        voornamen=node.optional_text_of("Voornamen"),
        voorletters=node.optional_text_of("Voorletters"),
        naam_gebruik=node.optional_text_of("NaamGebruik"),
    )


def _geboortedatum(node: Node) -> Geboortedatum:
    return Geboortedatum(node.date_of("Datum"), node.optional_text_of("DatumGebruik"))


def _communicatie(node: Node) -> Communicatie:
    return Communicatie(node.text_of("Vorm"), node.optional_text_of("Taal"))


def _huis(node: Node) -> Huis:
    return Huis(
        huisnummer=node.integer_of("Huisnummer"),
        huisletter=node.optional_text_of("Huisletter"),
        huisnummer_toevoeging=node.optional_text_of("HuisnummerToevoeging"),
        aanduiding_woonadres=node.optional_text_of("AanduidingWoonadres"),
    )


def _adres(node: Node) -> Adres:
    return Adres(
        huis=node.maybe("Huis", _huis),
        postcode=node.optional_text_of("Postcode"),
        straatnaam=node.optional_text_of("Straatnaam"),
        plaatsnaam=node.optional_text_of("Plaatsnaam"),
        land_code=node.optional_text_of("LandCode"),
    )


def _telefoon(node: Node) -> Telefoon:
    return Telefoon(node.text_of("Telefoonnummer"), node.text_of("Landnummer"))


def _telefoonnummers(node: Node) -> Telefoonnummers:
    return Telefoonnummers(node.read("Telefoon01", _telefoon), node.maybe("Telefoon02", _telefoon))


def _open_periode(node: Node) -> OpenPeriode:
    return OpenPeriode(node.optional_date_of("Begindatum"), node.optional_date_of("Einddatum"))


def _contact(node: Node) -> Contact:
    return Contact(
        soort=node.text_of("Soort"),
        adres=node.maybe("Adres", _adres),
        organisatie=node.optional_text_of("Organisatie"),
        telefoon=node.maybe("Telefoon", _telefoonnummers),
        emailadres=node.optional_text_of("Emailadres"),
        periode=node.maybe("Periode", _open_periode),
        retour_codes=node.retour_codes(),
    )


def _relatie(node: Node) -> Relatie:
    return Relatie(
        nummer=node.text_of("Nummer"),
        volgorde=node.optional_integer_of("Volgorde"),
        soort=node.text_of("Soort"),
        geboortedatum=node.maybe("Geboortedatum", _geboortedatum),
        geslacht=node.optional_text_of("Geslacht"),
        naam=node.read("Naam", _naam),
        contact=node.read("Contact", _contact),
        retour_codes=node.retour_codes(),
    )


def client(node: Node) -> Client:
    """Whatever part of the client this message carries; the rest stays empty."""
    return Client(
        bsn=node.text_of("Bsn"),
        geboortedatum=node.maybe("Geboortedatum", _geboortedatum),
        geslacht=node.optional_text_of("Geslacht"),
        naam=node.maybe("Naam", _naam),
        communicatie=node.maybe("Communicatie", _communicatie),
        juridische_status=node.optional_text_of("JuridischeStatus"),
        wettelijke_vertegenwoordiging=node.optional_text_of("WettelijkeVertegenwoordiging"),
        commentaar=node.optional_text_of("Commentaar"),
        relaties=tuple(_relatie(n) for n in node.each("Relaties", "Relatie")),
        contactgegevens=tuple(_contact(n) for n in node.each("Contactgegevens", "Contact")),
        retour_codes=node.retour_codes(),
    )
