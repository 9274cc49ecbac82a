"""A claim as a whole (TR333, TR318): a code on the Declaratie rejects every line of it."""

from __future__ import annotations

from datetime import date

from gateway.domain import month_of
from gateway.messages.verdicts import ClassRejection
from tests.domain.crossrules.desk import Desk
from tests.domain.crossrules.making import FEBRUARI, JANUARI, MAART, claim, prestatie, wmo301

DECLARATIE = "/Bericht/Declaratie"
APRIL = month_of(date(2026, 4, 1))


async def test_tr333_a_declaratienummer_used_before_gets_9333(desk: Desk) -> None:
    await desk.given(wmo301(), claim(prestatie("R1", periode=JANUARI), nummer="D1", periode=JANUARI))
    assert await desk.receive(claim(prestatie("R2"), nummer="D1")) == [("TR333", "9333", DECLARATIE)]


async def test_tr333_the_number_of_a_claim_rejected_as_a_whole_may_be_used_again(desk: Desk) -> None:
    await desk.given(wmo301(), claim(prestatie("R1", periode=JANUARI), nummer="D1", periode=JANUARI))
    assert await desk.receive(claim(prestatie("R2"), nummer="D1")) != []
    assert await desk.receive(claim(prestatie("R3"), nummer="D2")) == []
    assert await desk.receive(claim(prestatie("R4", periode=MAART), nummer="D1", periode=MAART)) == [
        ("TR333", "9333", DECLARATIE)
    ]


async def test_a_code_on_the_declaratie_rejects_the_claim_and_leaves_its_lines_unassessed(desk: Desk) -> None:
    await desk.given(wmo301(), claim(prestatie("R1", periode=JANUARI), nummer="D1", periode=JANUARI))
    await desk.receive(claim(prestatie("R2", nummer=999), nummer="D1"))
    assert desk.verdicts[-1] == ClassRejection({DECLARATIE: ("9333",)})


async def test_tr318_skipping_a_month_in_which_care_was_claimed_gets_8214(desk: Desk) -> None:
    await desk.given(wmo301(), claim(prestatie("R1", periode=JANUARI), periode=JANUARI))
    skipping = claim(prestatie("R2", periode=FEBRUARI), prestatie("R3", periode=MAART), periode=MAART)
    assert await desk.receive(skipping) == [("TR318", "8214", DECLARATIE)]


async def test_tr318_skipping_months_without_care_is_accepted(desk: Desk) -> None:
    await desk.given(wmo301(), claim(prestatie("R1", periode=JANUARI), periode=JANUARI))
    assert await desk.receive(claim(prestatie("R2", periode=APRIL), periode=APRIL)) == []


async def test_tr318_the_month_after_the_previous_period_is_accepted(desk: Desk) -> None:
    await desk.given(wmo301(), claim(prestatie("R1", periode=JANUARI), periode=JANUARI))
    assert await desk.receive(claim(prestatie("R2"), periode=FEBRUARI)) == []
