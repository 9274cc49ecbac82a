"""A claim line against the lines of the same claim before it (TR389, TR321, TR322, TR369): a line that
another rule rejects counts as never sent (retour.md §4).

The assignment is four hours a week through 2026: 20 hours in February.
"""

from __future__ import annotations

from gateway.domain import Product
from tests.domain.crossrules.desk import Desk
from tests.domain.crossrules.making import claim, prestatie, wmo301

LINE = "/Bericht/Declaratie/Clienten/Client[1]/Prestaties/Prestatie[1]"
SECOND_LINE = "/Bericht/Declaratie/Clienten/Client[1]/Prestaties/Prestatie[2]"
OTHER_CODE = Product("02", "02B02")
"""A product code the assignment (02B01) does not give: TR340 rejects a line of it."""


async def test_a_credit_rejected_in_the_claim_cancels_nothing_so_the_new_debit_repeats_the_old(
    desk: Desk,
) -> None:
    await desk.given(wmo301(), claim(prestatie("R1", volume=12)))
    credit = prestatie("C1", volume=12, credit_of="R1", product=OTHER_CODE)
    found = await desk.receive(claim(credit, prestatie("R2", volume=12)))
    assert ("TR340", "9340", LINE) in found
    assert ("TR389", "9389", SECOND_LINE) in found


async def test_a_credit_accepted_in_the_claim_lets_the_new_debit_claim_the_period_anew(desk: Desk) -> None:
    await desk.given(wmo301(), claim(prestatie("R1", volume=12)))
    credit = prestatie("C1", volume=12, credit_of="R1")
    assert await desk.receive(claim(credit, prestatie("R2", volume=12))) == []


async def test_a_debit_another_rule_rejects_leaves_its_volume_to_the_lines_after_it(desk: Desk) -> None:
    await desk.given(wmo301())
    rejected = prestatie("R1", volume=15, product=OTHER_CODE)
    assert await desk.receive(claim(rejected, prestatie("R2", volume=10))) == [("TR340", "9340", LINE)]


async def test_a_debit_rejected_for_its_volume_is_no_earlier_claim_of_its_period(desk: Desk) -> None:
    await desk.given(wmo301())
    found = await desk.receive(claim(prestatie("R1", volume=21), prestatie("R2", volume=20)))
    assert found == [("TR321", "9321", LINE)]
