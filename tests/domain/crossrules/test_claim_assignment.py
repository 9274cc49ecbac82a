"""A claim line against the assignment it names (TR338, TR339, TR340, TR341, TR307, TR308, TR384, TR387,
TR388, TR304): each rule rejects only its line."""

from __future__ import annotations

from datetime import date

from gateway.domain import Omvang, Periode, Product
from tests.domain.crossrules.desk import Desk
from tests.domain.crossrules.making import (
    ANDERE_AANBIEDER,
    ANDERE_BSN,
    BSN,
    JANUARI,
    claim,
    client,
    prestatie,
    toewijzing,
    wmo301,
    wmo323,
)

LINE = "/Bericht/Declaratie/Clienten/Client[1]/Prestaties/Prestatie[1]"
SECOND_LINE = "/Bericht/Declaratie/Clienten/Client[1]/Prestaties/Prestatie[2]"


async def test_a_line_on_its_assignment_within_everything_is_accepted(desk: Desk) -> None:
    await desk.given(wmo301())
    assert await desk.receive(claim(prestatie())) == []


async def test_tr338_a_line_naming_no_assignment_gets_9338(desk: Desk) -> None:
    await desk.given(wmo301())
    assert await desk.receive(claim(prestatie(), prestatie("R2", nummer=999))) == [
        ("TR338", "9338", SECOND_LINE)
    ]


async def test_tr338_a_line_on_an_assignment_of_another_aanbieder_gets_9338(desk: Desk) -> None:
    await desk.given(wmo301(aanbieder=ANDERE_AANBIEDER))
    assert await desk.receive(claim(prestatie())) == [("TR338", "9338", LINE)]


async def test_tr339_a_line_in_another_category_gets_9339(desk: Desk) -> None:
    await desk.given(wmo301())
    line = prestatie(product=Product("03", "02B01"))
    assert await desk.receive(claim(line)) == [("TR339", "9339", LINE)]


async def test_tr339_an_assignment_without_product_takes_any_category(desk: Desk) -> None:
    await desk.given(wmo301(toewijzing(product=None)))
    assert await desk.receive(claim(prestatie(product=Product("03", "03A01")))) == []


async def test_tr340_a_line_with_another_product_code_gets_9340(desk: Desk) -> None:
    await desk.given(wmo301())
    assert await desk.receive(claim(prestatie(product=Product("02", "02B02")))) == [("TR340", "9340", LINE)]


async def test_tr340_an_aspecific_assignment_takes_any_code_of_its_category(desk: Desk) -> None:
    await desk.given(wmo301(toewijzing(product=Product("02", None))))
    assert await desk.receive(claim(prestatie(product=Product("02", "02B02")))) == []


async def test_tr341_a_line_in_another_unit_than_the_omvang_gets_9341(desk: Desk) -> None:
    await desk.given(wmo301())
    assert await desk.receive(claim(prestatie(eenheid="14", volume=2))) == [("TR341", "9341", LINE)]


async def test_tr341_minutes_fit_an_omvang_in_hours(desk: Desk) -> None:
    await desk.given(wmo301())
    assert await desk.receive(claim(prestatie(eenheid="01", volume=90))) == []


async def test_tr307_a_line_starting_before_the_assignment_gets_9307(desk: Desk) -> None:
    await desk.given(wmo301(toewijzing(ingangsdatum=date(2026, 3, 1))))
    assert ("TR307", "9307", LINE) in await desk.receive(claim(prestatie()))


async def test_tr307_a_line_starting_on_the_ingangsdatum_is_accepted(desk: Desk) -> None:
    await desk.given(wmo301(toewijzing(ingangsdatum=date(2026, 2, 1))))
    assert await desk.receive(claim(prestatie())) == []


async def test_tr308_a_line_ending_after_the_assignment_gets_9308(desk: Desk) -> None:
    await desk.given(wmo301(toewijzing(einddatum=date(2026, 2, 27))))
    found = await desk.receive(claim(prestatie(volume=8)))
    assert ("TR308", "9308", LINE) in found


async def test_tr308_a_line_ending_on_the_einddatum_is_accepted(desk: Desk) -> None:
    await desk.given(wmo301(toewijzing(einddatum=date(2026, 2, 28))))
    assert await desk.receive(claim(prestatie(volume=8))) == []


async def test_tr384_a_line_on_a_deleted_assignment_gets_9384(desk: Desk) -> None:
    deleted = toewijzing(
        einddatum=date(2026, 1, 1), reden="13", vastgesteld=toewijzing().vastgesteld.replace(day=16)
    )
    await desk.given(wmo301(), wmo301(deleted))
    assert ("TR384", "9384", LINE) in await desk.receive(claim(prestatie()))


async def test_tr384_a_line_on_an_assignment_changed_for_another_reason_is_judged_as_usual(
    desk: Desk,
) -> None:
    changed = toewijzing(reden="04", vastgesteld=toewijzing().vastgesteld.replace(day=16))
    await desk.given(wmo301(), wmo301(changed))
    assert await desk.receive(claim(prestatie())) == []


async def test_tr387_a_line_not_starting_on_the_first_of_the_month_gets_9387(desk: Desk) -> None:
    await desk.given(wmo301())
    line = prestatie(periode=Periode(date(2026, 2, 2), date(2026, 2, 28)))
    assert await desk.receive(claim(line)) == [("TR387", "9387", LINE)]


async def test_tr387_a_line_starting_on_a_later_ingangsdatum_in_its_month_is_accepted(desk: Desk) -> None:
    await desk.given(wmo301(toewijzing(ingangsdatum=date(2026, 2, 10))))
    line = prestatie(periode=Periode(date(2026, 2, 10), date(2026, 2, 28)))
    assert await desk.receive(claim(line)) == []


async def test_tr388_a_line_not_ending_on_the_last_of_the_month_gets_9388(desk: Desk) -> None:
    await desk.given(wmo301())
    line = prestatie(periode=Periode(date(2026, 2, 1), date(2026, 2, 27)))
    assert await desk.receive(claim(line)) == [("TR388", "9388", LINE)]


async def test_tr388_a_line_ending_on_an_earlier_einddatum_in_its_month_is_accepted(desk: Desk) -> None:
    await desk.given(wmo301(toewijzing(einddatum=date(2026, 2, 20))))
    line = prestatie(periode=Periode(date(2026, 2, 1), date(2026, 2, 20)), volume=8)
    assert await desk.receive(claim(line)) == []


async def test_tr304_a_line_for_another_client_than_its_assignment_gets_8187(desk: Desk) -> None:
    await desk.given(wmo301())
    bericht = wmo323(client(prestatie(), bsn=BSN), client(prestatie("R2", periode=JANUARI), bsn=ANDERE_BSN))
    assert await desk.receive(bericht) == [
        ("TR304", "8187", "/Bericht/Declaratie/Clienten/Client[2]/Prestaties/Prestatie[1]")
    ]


async def test_tr304_lines_of_two_clients_on_their_own_assignments_are_accepted(desk: Desk) -> None:
    await desk.given(wmo301(), wmo301(toewijzing(100002), bsn=ANDERE_BSN))
    bericht = wmo323(client(prestatie(), bsn=BSN), client(prestatie("R2", nummer=100002), bsn=ANDERE_BSN))
    assert await desk.receive(bericht) == []


async def test_a_rejected_line_leaves_the_other_lines_of_the_claim_accepted(desk: Desk) -> None:
    await desk.given(wmo301(toewijzing(omvang=Omvang(4, "04", "2"))))
    found = await desk.receive(
        claim(prestatie(), prestatie("R2", nummer=999, periode=prestatie().product_periode))
    )
    assert found == [("TR338", "9338", SECOND_LINE)]
