"""The gemeente's own WMO319, checked as its aanbieder will before it goes out (TR355, TR359, TR360,
TR365)."""

from __future__ import annotations

from tests.domain.crossrules.desk import Desk
from tests.domain.crossrules.making import aangevraagd, toewijzing, wmo301, wmo315, wmo319

ANTWOORD = "/Bericht/Antwoord"
ONDERZOEK = "2"
AFGEWEZEN = "1"


async def test_tr355_an_answer_on_no_request_gets_9355(desk: Desk) -> None:
    await desk.given(wmo315(aangevraagd("VOT-1")))
    assert await desk.receive(wmo319("VOT-9")) == [("TR355", "9355", ANTWOORD)]


async def test_tr355_an_answer_on_a_request_is_accepted(desk: Desk) -> None:
    await desk.given(wmo315(aangevraagd("VOT-1")))
    assert await desk.receive(wmo319("VOT-1")) == []


async def test_tr359_an_answer_on_a_request_already_honoured_gets_9359(desk: Desk) -> None:
    await desk.given(wmo315(aangevraagd("VOT-1")), wmo301(toewijzing(referentie="VOT-1")))
    assert await desk.receive(wmo319("VOT-1")) == [("TR359", "9359", ANTWOORD)]


async def test_tr360_under_investigation_after_an_earlier_answer_gets_9360(desk: Desk) -> None:
    await desk.given(wmo315(aangevraagd("VOT-1")), wmo319("VOT-1", ONDERZOEK))
    assert await desk.receive(wmo319("VOT-1", ONDERZOEK)) == [("TR360", "9360", ANTWOORD)]


async def test_tr360_under_investigation_as_the_first_answer_is_accepted(desk: Desk) -> None:
    await desk.given(wmo315(aangevraagd("VOT-1")))
    assert await desk.receive(wmo319("VOT-1", ONDERZOEK)) == []


async def test_tr365_an_answer_after_a_rejection_gets_9365(desk: Desk) -> None:
    await desk.given(wmo315(aangevraagd("VOT-1")), wmo319("VOT-1", AFGEWEZEN))
    assert await desk.receive(wmo319("VOT-1", AFGEWEZEN)) == [("TR365", "9365", ANTWOORD)]


async def test_tr365_a_rejection_after_under_investigation_is_accepted(desk: Desk) -> None:
    await desk.given(wmo315(aangevraagd("VOT-1")), wmo319("VOT-1", ONDERZOEK))
    assert await desk.receive(wmo319("VOT-1", AFGEWEZEN)) == []
