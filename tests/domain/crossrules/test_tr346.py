"""A claim line's amount against its volume and tariff (TR346, rules.md B.3): only that line is rejected.

A line in minutes states the hourly tariff and claims tariff × minutes / 60, rounded to whole cents
half up, unless the contract has a tariff per minute of its own.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

import pytest
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from gateway.domain import Bedrag, Prestatie, Product
from gateway.domain.crossrules import PolicyContract
from gateway.policy import load_policy
from tests.domain.crossrules.desk import Desk
from tests.domain.crossrules.making import JANUARI, TARIEF, claim, prestatie, toewijzing, wmo301

LINE = "/Bericht/Declaratie/Clienten/Client[1]/Prestaties/Prestatie[1]"
SECOND_LINE = "/Bericht/Declaratie/Clienten/Client[1]/Prestaties/Prestatie[2]"
MAPPING = Path(__file__).parents[3] / "mappings" / "leidschendam-voorburg"
HO2 = Product("01", "01H02")
HO2_TARIEF = 4350
"""The natura tariff of HO2 per hour in the policy mapping: an odd number of minutes costs x.5 cents."""
BUDGET = toewijzing(product=None, omvang=None, budget=100_000)
"""A generic assignment with a budget of 1000 euro, claimed in euro (83)."""


def claiming(line: Prestatie, bedrag: int) -> Prestatie:
    """The line with another IngediendBedrag."""
    return replace(line, ingediend_bedrag=Bedrag(bedrag, line.ingediend_bedrag.debet_credit))


@dataclass(frozen=True)
class PerMinute:
    """A contract that pays 02B01 by the minute, at a tariff of its own."""

    tarief_per_minuut: int

    def tarief(self, categorie: str, code: str, eenheid: str) -> int | None:
        return {"01": self.tarief_per_minuut, "04": 60 * self.tarief_per_minuut + 10}.get(eenheid)

    def eenheden(self, categorie: str, code: str) -> frozenset[str] | None:
        return frozenset({"01", "04"})


@pytest.fixture
def contracted(sessionmaker: async_sessionmaker[AsyncSession]) -> Desk:
    """A desk that knows the contract tariffs of the policy mapping."""
    return Desk(sessionmaker, contract=PolicyContract(load_policy(MAPPING)))


async def test_tr346_a_line_of_volume_times_tariff_is_accepted(desk: Desk) -> None:
    await desk.given(wmo301())
    assert await desk.receive(claim(claiming(prestatie(volume=12), 12 * TARIEF))) == []


@pytest.mark.parametrize("cent", [1, -1])
async def test_tr346_a_line_off_by_one_cent_gets_9346_on_that_line_only(desk: Desk, cent: int) -> None:
    await desk.given(wmo301())
    wrong = claiming(prestatie("R2", volume=12), 12 * TARIEF + cent)
    assert await desk.receive(claim(prestatie("R1", periode=JANUARI), wrong)) == [
        ("TR346", "9346", SECOND_LINE)
    ]


async def test_tr346_a_line_off_by_one_cent_gets_9346_under_the_contract_too(contracted: Desk) -> None:
    await contracted.given(wmo301())
    wrong = claiming(prestatie(volume=12), 12 * TARIEF + 1)
    assert await contracted.receive(claim(wrong)) == [("TR346", "9346", LINE)]


async def test_tr346_a_credit_line_off_by_one_cent_gets_9346(desk: Desk) -> None:
    await desk.given(wmo301(), claim(prestatie("R1", volume=12)))
    credit = claiming(prestatie("C1", volume=12, credit_of="R1"), 12 * TARIEF + 1)
    assert await desk.receive(claim(credit)) == [("TR346", "9346", LINE)]


@pytest.mark.parametrize("tarief", [None, TARIEF])
async def test_tr346_a_line_in_euro_is_not_held_to_volume_times_tariff(
    desk: Desk, tarief: int | None
) -> None:
    """GeleverdVolume is the amount itself in euro (CS339); even a ProductTarief (CD087 forbids one) is
    not multiplied."""
    await desk.given(wmo301(BUDGET))
    line = claiming(prestatie(volume=5_000, eenheid="83", tarief=tarief), 5_000)
    assert await desk.receive(claim(line)) == []


@pytest.mark.parametrize(
    ("bedrag", "found"), [(363, []), (362, [("TR346", "9346", LINE)]), (364, [("TR346", "9346", LINE)])]
)
async def test_tr346_minutes_at_the_hourly_contract_tariff_round_half_a_cent_up(
    contracted: Desk, bedrag: int, found: list[tuple[str, str, str]]
) -> None:
    """5 minutes of HO2 at 43.50 an hour are 3.625 euro: 3.63, not 3.62 (truncated, or half to even)."""
    await contracted.given(wmo301(toewijzing(product=HO2)))
    line = claiming(prestatie(volume=5, eenheid="01", tarief=HO2_TARIEF, product=HO2), bedrag)
    assert await contracted.receive(claim(line)) == found


@pytest.mark.parametrize(("bedrag", "found"), [(11_100, []), (90 * TARIEF, [("TR346", "9346", LINE)])])
async def test_tr346_without_a_contract_minutes_state_the_hourly_tariff(
    desk: Desk, bedrag: int, found: list[tuple[str, str, str]]
) -> None:
    await desk.given(wmo301())
    line = claiming(prestatie(volume=90, eenheid="01", tarief=TARIEF), bedrag)
    assert await desk.receive(claim(line)) == found


@pytest.mark.parametrize(("bedrag", "found"), [(90 * 125, []), (188, [("TR346", "9346", LINE)])])
async def test_tr346_minutes_at_a_contract_tariff_per_minute_are_volume_times_tariff(
    sessionmaker: async_sessionmaker[AsyncSession], bedrag: int, found: list[tuple[str, str, str]]
) -> None:
    desk = Desk(sessionmaker, contract=PerMinute(125))
    await desk.given(wmo301())
    line = claiming(prestatie(volume=90, eenheid="01", tarief=125), bedrag)
    assert await desk.receive(claim(line)) == found
