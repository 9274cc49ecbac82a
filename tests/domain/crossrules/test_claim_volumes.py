"""A claim line against what its assignment allows (TR321, TR322, TR369; rules.md B.4).

The assignment is four hours a week through 2026: 20 hours in February (five ISO weeks), 212 hours
over the year (53 weeks).
"""

from __future__ import annotations

from gateway.domain import Omvang
from tests.domain.crossrules.desk import Desk
from tests.domain.crossrules.making import JANUARI, MAART, claim, prestatie, toewijzing, wmo301

LINE = "/Bericht/Declaratie/Clienten/Client[1]/Prestaties/Prestatie[1]"
SECOND_LINE = "/Bericht/Declaratie/Clienten/Client[1]/Prestaties/Prestatie[2]"
TWENTY_HOURS = toewijzing(omvang=Omvang(20, "04", "6"))
"""Twenty hours in total over the assignment (Frequentie 6)."""
BUDGET = toewijzing(product=None, omvang=None, budget=100_000)
"""A generic assignment with a budget of 1000 euro."""


async def test_tr321_a_line_beyond_its_months_volume_gets_9321(desk: Desk) -> None:
    await desk.given(wmo301())
    assert await desk.receive(claim(prestatie(volume=21))) == [("TR321", "9321", LINE)]


async def test_tr321_a_line_of_exactly_its_months_volume_is_accepted(desk: Desk) -> None:
    await desk.given(wmo301())
    assert await desk.receive(claim(prestatie(volume=20))) == []


async def test_tr321_minutes_are_compared_in_minutes(desk: Desk) -> None:
    await desk.given(wmo301())
    assert await desk.receive(claim(prestatie(volume=20 * 60 + 1, eenheid="01"))) == [("TR321", "9321", LINE)]


async def test_tr321_a_credited_line_frees_its_month_for_a_new_one(desk: Desk) -> None:
    await desk.given(
        wmo301(), claim(prestatie("R1", volume=20)), claim(prestatie("C1", volume=20, credit_of="R1"))
    )
    assert await desk.receive(claim(prestatie("R2", volume=20))) == []


async def test_tr322_lines_beyond_the_total_of_the_assignment_get_9322(desk: Desk) -> None:
    await desk.given(wmo301(TWENTY_HOURS), claim(prestatie("R1", volume=12, periode=JANUARI)))
    assert await desk.receive(claim(prestatie("R2", volume=9))) == [("TR322", "9322", LINE)]


async def test_tr322_lines_up_to_the_total_of_the_assignment_are_accepted(desk: Desk) -> None:
    await desk.given(wmo301(TWENTY_HOURS), claim(prestatie("R1", volume=12, periode=JANUARI)))
    assert await desk.receive(claim(prestatie("R2", volume=8))) == []


async def test_tr322_a_rejected_earlier_line_counts_for_nothing(desk: Desk) -> None:
    await desk.given(wmo301(TWENTY_HOURS))
    assert await desk.receive(claim(prestatie("R1", volume=12, periode=JANUARI, nummer=999))) == [
        ("TR338", "9338", LINE)
    ]
    assert await desk.receive(claim(prestatie("R2", volume=20))) == []


async def test_tr322_within_one_claim_only_the_line_that_overruns_is_rejected(desk: Desk) -> None:
    await desk.given(wmo301(TWENTY_HOURS))
    lines = (
        prestatie("R1", volume=12, periode=JANUARI),
        prestatie("R2", volume=12),
        prestatie("R3", volume=8, periode=MAART),
    )
    assert await desk.receive(claim(*lines)) == [("TR322", "9322", SECOND_LINE)]


async def test_tr369_lines_beyond_the_budget_get_9369(desk: Desk) -> None:
    await desk.given(
        wmo301(BUDGET), claim(prestatie("R1", volume=60_000, eenheid="83", tarief=None, periode=JANUARI))
    )
    assert await desk.receive(claim(prestatie("R2", volume=40_001, eenheid="83", tarief=None))) == [
        ("TR369", "9369", LINE)
    ]


async def test_tr369_lines_up_to_the_budget_are_accepted(desk: Desk) -> None:
    await desk.given(
        wmo301(BUDGET), claim(prestatie("R1", volume=60_000, eenheid="83", tarief=None, periode=JANUARI))
    )
    assert await desk.receive(claim(prestatie("R2", volume=40_000, eenheid="83", tarief=None))) == []


async def test_volumes_follow_the_current_version_of_the_assignment(desk: Desk) -> None:
    later = toewijzing(omvang=Omvang(2, "04", "2"), vastgesteld=toewijzing().vastgesteld.replace(day=20))
    await desk.given(wmo301(), wmo301(later))
    assert await desk.receive(claim(prestatie(volume=11))) == [("TR321", "9321", LINE)]
