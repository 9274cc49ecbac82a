"""Sender, receiver and identificatie are read from the header in each of its three forms."""

from __future__ import annotations

from datetime import date

from lxml import etree

from gateway.pipeline.addressing import Addressing, Reference
from tests.api.making import AANBIEDER_A, GEMEENTE, addressed, fixture, start, toewijzing_retour


def read(content: bytes) -> Addressing:
    return Addressing.read(etree.fromstring(content))


def test_a_heen_message_is_sent_by_its_afzender_under_its_berichtidentificatie() -> None:
    assert read(start("S-1")) == Addressing(
        sender=AANBIEDER_A,
        receiver=GEMEENTE,
        identificatie="S-1",
        dagtekening=date(2026, 3, 5),
        identificatie_at="/Bericht/Header/BerichtIdentificatie/Identificatie",
    )


def test_a_retour_is_sent_by_its_ontvanger_under_its_identificatieretour_and_names_its_heen() -> None:
    addressing = read(toewijzing_retour("T-1", "R-1"))
    assert (addressing.sender, addressing.receiver) == (AANBIEDER_A, GEMEENTE)
    assert (addressing.identificatie, addressing.dagtekening) == ("R-1", date(2026, 3, 3))
    assert addressing.identificatie_at == "/Bericht/Header/IdentificatieRetour"
    assert addressing.answers == Reference(sender=GEMEENTE, identificatie="T-1")


def test_a_declaratieantwoord_is_the_gemeentes_own_message_naming_the_claim_of_its_ontvanger() -> None:
    content = addressed(fixture("WMO325/valid/fully-granted.xml"), afzender=GEMEENTE, ontvanger=AANBIEDER_A)
    addressing = read(content)
    assert (addressing.sender, addressing.receiver, addressing.identificatie) == (
        GEMEENTE,
        AANBIEDER_A,
        "DA-2026-0001",
    )
    assert addressing.answers == Reference(sender=AANBIEDER_A, identificatie="DECL-0001")
