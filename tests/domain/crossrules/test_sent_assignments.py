"""The gemeente's own WMO301, checked as its aanbieder will before it goes out (TR332, TR379, TR385)."""

from __future__ import annotations

from datetime import date

from gateway.domain import Product
from tests.domain.crossrules.desk import Desk
from tests.domain.crossrules.making import (
    ANDERE_AANBIEDER,
    ANDERE_BSN,
    aangevraagd,
    claim,
    prestatie,
    toewijzing,
    wmo301,
    wmo315,
)

PRODUCT = "/Bericht/Client/ToegewezenProducten/ToegewezenProduct[1]"
LATER = toewijzing().vastgesteld.replace(day=20)


async def test_tr332_a_number_known_for_another_client_gets_9332(desk: Desk) -> None:
    await desk.given(wmo301())
    assert await desk.receive(wmo301(bsn=ANDERE_BSN)) == [("TR332", "9332", PRODUCT)]


async def test_tr332_a_number_known_for_another_aanbieder_gets_9332(desk: Desk) -> None:
    await desk.given(wmo301())
    assert await desk.receive(wmo301(aanbieder=ANDERE_AANBIEDER)) == [("TR332", "9332", PRODUCT)]


async def test_tr332_a_number_known_for_another_product_gets_9332(desk: Desk) -> None:
    await desk.given(wmo301())
    other = toewijzing(product=Product("02", "02B02"), vastgesteld=LATER)
    assert await desk.receive(wmo301(other)) == [("TR332", "9332", PRODUCT)]


async def test_tr332_a_new_version_of_the_same_assignment_is_accepted(desk: Desk) -> None:
    await desk.given(wmo301())
    assert (
        await desk.receive(wmo301(toewijzing(einddatum=date(2026, 6, 30), reden="05", vastgesteld=LATER)))
        == []
    )


async def test_tr379_a_referentie_of_no_request_gets_9379(desk: Desk) -> None:
    assert await desk.receive(wmo301(toewijzing(referentie="VOT-9"))) == [("TR379", "9379", PRODUCT)]


async def test_tr379_the_referentie_of_the_request_it_honours_is_accepted(desk: Desk) -> None:
    await desk.given(wmo315(aangevraagd("VOT-1")))
    assert await desk.receive(wmo301(toewijzing(referentie="VOT-1"))) == []


async def test_tr379_a_referentie_of_a_request_already_honoured_gets_9379(desk: Desk) -> None:
    await desk.given(wmo315(aangevraagd("VOT-1")), wmo301(toewijzing(referentie="VOT-1")))
    again = toewijzing(referentie="VOT-1", vastgesteld=LATER)
    assert await desk.receive(wmo301(again)) == [("TR379", "9379", PRODUCT)]


async def test_tr379_a_referentie_of_another_clients_request_gets_9379(desk: Desk) -> None:
    await desk.given(wmo315(aangevraagd("VOT-1"), bsn=ANDERE_BSN))
    assert await desk.receive(wmo301(toewijzing(referentie="VOT-1"))) == [("TR379", "9379", PRODUCT)]


async def test_tr385_deleting_an_assignment_with_claimed_lines_gets_9385(desk: Desk) -> None:
    await desk.given(wmo301(), claim(prestatie("R1")))
    deleted = toewijzing(einddatum=date(2026, 1, 1), reden="13", vastgesteld=LATER)
    assert await desk.receive(wmo301(deleted)) == [("TR385", "9385", PRODUCT)]


async def test_tr385_deleting_an_assignment_whose_lines_were_credited_is_accepted(desk: Desk) -> None:
    await desk.given(wmo301(), claim(prestatie("R1")), claim(prestatie("C1", credit_of="R1")))
    deleted = toewijzing(einddatum=date(2026, 1, 1), reden="13", vastgesteld=LATER)
    assert await desk.receive(wmo301(deleted)) == []
