"""Start and stop classes against the client's delivery history (TR019, TR063, TR071, TR074, TR326,
TR382, TR413, TR414, TR415)."""

from __future__ import annotations

from datetime import date

from gateway.domain import Product
from tests.domain.crossrules.desk import Desk
from tests.domain.crossrules.making import start, stop, toewijzing, wmo301, wmo305, wmo307

START = "/Bericht/Client/StartProducten/StartProduct[1]"
SECOND_START = "/Bericht/Client/StartProducten/StartProduct[2]"
STOP = "/Bericht/Client/StopProducten/StopProduct[1]"
TIJDELIJK = "20"
LATER = date(2026, 4, 6)


async def test_tr019_a_start_naming_no_assignment_of_the_client_gets_9019(desk: Desk) -> None:
    await desk.given(wmo301())
    assert await desk.receive(wmo305(start(100009))) == [("TR019", "9019", START)]


async def test_tr019_a_start_without_toewijzingnummer_gets_9019_when_the_client_has_assignments(
    desk: Desk,
) -> None:
    await desk.given(wmo301())
    assert await desk.receive(wmo305(start(None))) == [("TR019", "9019", START)]


async def test_tr019_a_stop_naming_no_assignment_of_the_client_gets_9019(desk: Desk) -> None:
    await desk.given(wmo301(), wmo301(toewijzing(100002)), wmo305(start(100002)))
    found = await desk.receive(wmo307(stop(100009)))
    assert ("TR019", "9019", STOP) in found


async def test_tr019_does_not_apply_when_the_client_has_no_assignments_with_the_aanbieder(desk: Desk) -> None:
    assert await desk.receive(wmo305(start(None))) == []


async def test_tr063_deleting_a_start_never_delivered_gets_9063(desk: Desk) -> None:
    await desk.given(wmo301(), wmo305(start()))
    assert await desk.receive(wmo305(start(begindatum=LATER, status="3"))) == [("TR063", "9063", START)]


async def test_tr063_deleting_a_delivered_start_is_accepted(desk: Desk) -> None:
    await desk.given(wmo301(), wmo305(start()))
    assert await desk.receive(wmo305(start(status="3"))) == []


async def test_tr063_deleting_a_start_twice_gets_9063(desk: Desk) -> None:
    await desk.given(wmo301(), wmo305(start()), wmo305(start(status="3")))
    assert await desk.receive(wmo305(start(status="3"))) == [("TR063", "9063", START)]


async def test_tr063_deleting_a_stop_never_delivered_gets_9063(desk: Desk) -> None:
    await desk.given(wmo301(), wmo305(start()), wmo307(stop()))
    assert await desk.receive(wmo307(stop(einddatum=date(2026, 3, 30), status="3"))) == [
        ("TR063", "9063", STOP)
    ]


async def test_tr071_deleting_a_start_that_was_stopped_gets_9071(desk: Desk) -> None:
    await desk.given(wmo301(), wmo305(start()), wmo307(stop()))
    assert await desk.receive(wmo305(start(status="3"))) == [("TR071", "9071", START)]


async def test_tr071_deleting_a_start_whose_stop_was_deleted_is_accepted(desk: Desk) -> None:
    await desk.given(wmo301(), wmo305(start()), wmo307(stop()), wmo307(stop(status="3")))
    assert await desk.receive(wmo305(start(status="3"))) == []


async def test_tr074_a_start_delivered_before_gets_9074(desk: Desk) -> None:
    await desk.given(wmo301(), wmo305(start()))
    found = await desk.receive(wmo305(start()))
    assert ("TR074", "9074", START) in found


async def test_tr074_a_deleted_start_may_be_sent_again(desk: Desk) -> None:
    await desk.given(wmo301(), wmo305(start()), wmo305(start(status="3")))
    assert await desk.receive(wmo305(start())) == []


async def test_tr074_a_stop_delivered_before_gets_9074(desk: Desk) -> None:
    await desk.given(wmo301(), wmo305(start()), wmo307(stop(reden=TIJDELIJK)))
    found = await desk.receive(wmo307(stop(reden=TIJDELIJK)))
    assert ("TR074", "9074", STOP) in found


async def test_tr074_judges_a_class_against_the_earlier_classes_of_its_message(desk: Desk) -> None:
    await desk.given(wmo301())
    found = await desk.receive(wmo305(start(), start()))
    assert ("TR074", "9074", SECOND_START) in found
    assert all(location == SECOND_START for _, _, location in found)


async def test_tr326_a_new_start_while_the_current_one_is_not_stopped_gets_9326(desk: Desk) -> None:
    await desk.given(wmo301(), wmo305(start()))
    assert await desk.receive(wmo305(start(begindatum=LATER))) == [("TR326", "9326", START)]


async def test_tr326_a_new_start_after_a_temporary_stop_is_accepted(desk: Desk) -> None:
    await desk.given(wmo301(), wmo305(start()), wmo307(stop(reden=TIJDELIJK)))
    assert await desk.receive(wmo305(start(begindatum=LATER))) == []


async def test_tr326_a_start_of_another_product_is_accepted(desk: Desk) -> None:
    await desk.given(wmo301(), wmo305(start()))
    assert await desk.receive(wmo305(start(product=Product("02", "02B02")))) == []


async def test_tr382_a_stop_without_a_start_of_its_key_gets_9069(desk: Desk) -> None:
    await desk.given(wmo301(), wmo305(start()))
    assert await desk.receive(wmo307(stop(begindatum=date(2026, 1, 6)))) == [("TR382", "9069", STOP)]


async def test_tr382_a_stop_of_a_deleted_start_gets_9069(desk: Desk) -> None:
    await desk.given(wmo301(), wmo305(start()), wmo305(start(status="3")))
    assert await desk.receive(wmo307(stop())) == [("TR382", "9069", STOP)]


async def test_tr382_a_stop_copying_the_start_is_accepted(desk: Desk) -> None:
    await desk.given(wmo301(), wmo305(start()))
    assert await desk.receive(wmo307(stop())) == []


async def test_tr413_a_second_temporary_stop_of_a_start_gets_9413(desk: Desk) -> None:
    await desk.given(wmo301(), wmo305(start()), wmo307(stop(reden=TIJDELIJK)))
    found = await desk.receive(wmo307(stop(reden=TIJDELIJK, einddatum=date(2026, 4, 30))))
    assert found == [("TR413", "9413", STOP)]


async def test_tr413_a_temporary_stop_after_a_deleted_one_is_accepted(desk: Desk) -> None:
    await desk.given(
        wmo301(), wmo305(start()), wmo307(stop(reden=TIJDELIJK)), wmo307(stop(reden=TIJDELIJK, status="3"))
    )
    assert await desk.receive(wmo307(stop(reden=TIJDELIJK, einddatum=date(2026, 4, 30)))) == []


async def test_tr414_a_stop_ending_before_the_current_stop_gets_9414(desk: Desk) -> None:
    await desk.given(wmo301(), wmo305(start()), wmo307(stop(reden=TIJDELIJK)))
    assert await desk.receive(wmo307(stop(einddatum=date(2026, 3, 30)))) == [("TR414", "9414", STOP)]


async def test_tr414_a_definitive_stop_at_or_after_the_temporary_one_is_accepted(desk: Desk) -> None:
    await desk.given(wmo301(), wmo305(start()), wmo307(stop(reden=TIJDELIJK)))
    assert await desk.receive(wmo307(stop(einddatum=date(2026, 3, 31)))) == []


async def test_tr415_a_stop_after_a_definitive_stop_gets_9415(desk: Desk) -> None:
    await desk.given(wmo301(), wmo305(start()), wmo307(stop()))
    found = await desk.receive(wmo307(stop(reden="23", einddatum=date(2026, 4, 30))))
    assert found == [("TR415", "9415", STOP)]


async def test_tr415_a_stop_after_a_deleted_definitive_stop_is_accepted(desk: Desk) -> None:
    await desk.given(wmo301(), wmo305(start()), wmo307(stop()), wmo307(stop(status="3")))
    assert await desk.receive(wmo307(stop(reden="23", einddatum=date(2026, 4, 30)))) == []
