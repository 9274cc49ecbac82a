"""The WMO301 renderer writes messages the gateway's own validation accepts, saying what it was given."""

from __future__ import annotations

from datetime import date, time

from lxml import etree

from gateway.messages.toewijzing import (
    Adres,
    Client,
    Naam,
    ToegewezenProduct,
    Toewijzingbericht,
    render_toewijzing,
)
from gateway.rules.validation import validate

PRODUCT = ToegewezenProduct(
    toewijzing_nummer=100001,
    categorie="01",
    code="01H01",
    toewijzingsdatum=date(2026, 3, 1),
    toewijzingstijd=time(9, 15, 30, 123456),
    ingangsdatum=date(2026, 3, 1),
    einddatum=date(2026, 12, 31),
    volume=4,
    eenheid="04",
    frequentie="2",
)
CLIENT = Client(
    bsn="999900006",
    geboortedatum=date(1950, 6, 15),
    geslacht="2",
    naam=Naam("Vries", voorvoegsel="de", voorletters="M"),
    adres=Adres("01", huisnummer=12, postcode="2261AB", plaatsnaam="Voorburg", land_code="NL"),
)
BERICHT = Toewijzingbericht(
    afzender="1916",
    ontvanger="12345678",
    identificatie="BABCDEFGHIJK",
    dagtekening=date(2026, 3, 2),
    client=CLIENT,
    producten=(PRODUCT,),
)


def text(content: bytes, path: str) -> list[str]:
    root = etree.fromstring(content)
    return [str(value) for value in root.xpath(path)]


def test_a_rendered_toewijzing_is_a_valid_wmo301() -> None:
    report = validate(render_toewijzing(BERICHT))

    assert report.message is not None
    assert (report.message.code, report.schema_valid, report.findings) == ("WMO301", True, [])


def test_the_header_names_the_gemeente_as_afzender_and_carries_the_identificatie() -> None:
    content = render_toewijzing(BERICHT)

    assert text(content, "/*/*[local-name()='Header']/*[local-name()='Afzender']/text()") == ["1916"]
    assert text(content, "//*[local-name()='Identificatie']/text()") == ["BABCDEFGHIJK"]
    assert text(content, "//*[local-name()='Dagtekening']/text()") == ["2026-03-02"]


def test_the_toewijzingstijd_is_given_in_whole_seconds() -> None:
    content = render_toewijzing(BERICHT)

    assert text(content, "//*[local-name()='Toewijzingstijd']/text()") == ["09:15:30"]


def test_a_client_reached_by_phone_only_gets_a_correspondence_contact() -> None:
    by_phone = Client(
        bsn="999900006",
        geboortedatum=date(1950, 6, 15),
        geslacht="0",
        naam=Naam("Jansen"),
        telefoon="0701234567",
    )
    bericht = Toewijzingbericht(
        afzender="1916",
        ontvanger="12345678",
        identificatie="B1",
        dagtekening=date(2026, 3, 2),
        client=by_phone,
        producten=(PRODUCT,),
    )
    content = render_toewijzing(bericht)

    assert validate(content).findings == []
    assert text(content, "//*[local-name()='Contact']/*[local-name()='Soort']/text()") == ["02"]


def test_a_budget_for_a_categorie_leaves_the_omvang_and_code_out() -> None:
    budgetted = ToegewezenProduct(
        toewijzing_nummer=100002,
        categorie="13",
        code=None,
        toewijzingsdatum=date(2026, 3, 1),
        toewijzingstijd=time(9),
        ingangsdatum=date(2026, 3, 1),
        einddatum=date(2026, 12, 31),
        budget=150000,
    )
    bericht = Toewijzingbericht(
        afzender="1916",
        ontvanger="12345678",
        identificatie="B2",
        dagtekening=date(2026, 3, 2),
        client=CLIENT,
        producten=(budgetted,),
    )
    content = render_toewijzing(bericht)

    assert validate(content).findings == []
    assert text(content, "//*[local-name()='Budget']/text()") == ["150000"]
    assert text(content, "//*[local-name()='Omvang'] | //*[local-name()='Code']") == []
