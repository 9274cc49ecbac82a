"""Requests against the aanbieder's earlier requests (TR347, TR374): a verzoek om toewijzing (WMO315)
and a verzoek om wijziging (WMO317)."""

from __future__ import annotations

from tests.domain.crossrules.desk import Desk
from tests.domain.crossrules.making import (
    ANDERE_BSN,
    aangevraagd,
    toewijzing,
    wmo301,
    wmo315,
    wmo317,
    wmo319,
)

CLIENT = "/Bericht/Client"
PRODUCT = "/Bericht/Client/AangevraagdeProducten/AangevraagdProduct[1]"
VERZOEK = "/Bericht/Client/Verzoek"


async def test_tr347_a_referentie_used_for_an_earlier_vot_gets_9347(desk: Desk) -> None:
    await desk.given(wmo315(aangevraagd("VOT-1")), wmo319("VOT-1", "1"))
    assert await desk.receive(wmo315(aangevraagd("VOT-1"))) == [("TR347", "9347", PRODUCT)]


async def test_tr347_a_new_referentie_is_accepted(desk: Desk) -> None:
    await desk.given(wmo315(aangevraagd("VOT-1")), wmo319("VOT-1", "1"))
    assert await desk.receive(wmo315(aangevraagd("VOT-2"))) == []


async def test_tr347_a_vow_with_the_referentie_of_an_earlier_vot_gets_9347(desk: Desk) -> None:
    await desk.given(wmo301(), wmo315(aangevraagd("REF-1")), wmo319("REF-1", "1"))
    assert await desk.receive(wmo317(referentie="REF-1", ongewijzigd=(100001,))) == [
        ("TR347", "9347", VERZOEK)
    ]


async def test_tr374_a_request_while_another_is_pending_gets_9374(desk: Desk) -> None:
    await desk.given(wmo315(aangevraagd("VOT-1")))
    assert await desk.receive(wmo315(aangevraagd("VOT-2"))) == [("TR374", "9374", CLIENT)]


async def test_tr374_a_request_under_investigation_is_still_pending(desk: Desk) -> None:
    await desk.given(wmo315(aangevraagd("VOT-1")), wmo319("VOT-1", "2"))
    assert await desk.receive(wmo315(aangevraagd("VOT-2"))) == [("TR374", "9374", CLIENT)]


async def test_tr374_a_request_after_the_earlier_one_was_rejected_is_accepted(desk: Desk) -> None:
    await desk.given(wmo315(aangevraagd("VOT-1")), wmo319("VOT-1", "2"), wmo319("VOT-1", "1"))
    assert await desk.receive(wmo315(aangevraagd("VOT-2"))) == []


async def test_tr374_a_request_after_the_earlier_one_was_honoured_is_accepted(desk: Desk) -> None:
    await desk.given(wmo315(aangevraagd("VOT-1")), wmo301(toewijzing(referentie="VOT-1")))
    assert await desk.receive(wmo317(referentie="VOW-1", ongewijzigd=(100001,))) == []


async def test_tr374_a_pending_request_for_another_client_does_not_count(desk: Desk) -> None:
    await desk.given(wmo315(aangevraagd("VOT-1"), bsn=ANDERE_BSN))
    assert await desk.receive(wmo315(aangevraagd("VOT-2"))) == []


async def test_tr374_a_vow_while_a_vot_is_pending_gets_9374(desk: Desk) -> None:
    await desk.given(wmo301(), wmo315(aangevraagd("VOT-1")))
    assert await desk.receive(wmo317(ongewijzigd=(100001,))) == [("TR374", "9374", CLIENT)]
