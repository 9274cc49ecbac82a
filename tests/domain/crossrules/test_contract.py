"""A claim line against the contract: the tariff (TR418) and, without Omvang, the unit (TR341)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from gateway.domain import Product
from gateway.domain.crossrules import PolicyContract
from gateway.policy import load_policy
from tests.domain.crossrules.desk import Desk
from tests.domain.crossrules.making import TARIEF, claim, prestatie, toewijzing, wmo301

LINE = "/Bericht/Declaratie/Clienten/Client[1]/Prestaties/Prestatie[1]"
MAPPING = Path(__file__).parents[3] / "mappings" / "leidschendam-voorburg"


@pytest.fixture
def desk(sessionmaker: async_sessionmaker[AsyncSession]) -> Desk:
    return Desk(sessionmaker, contract=PolicyContract(load_policy(MAPPING)))


async def test_tr418_a_tariff_other_than_the_contracts_gets_0611(desk: Desk) -> None:
    await desk.given(wmo301())
    assert await desk.receive(claim(prestatie(tarief=TARIEF + 1))) == [("TR418", "0611", LINE)]


async def test_tr418_the_contract_tariff_is_accepted(desk: Desk) -> None:
    await desk.given(wmo301())
    assert await desk.receive(claim(prestatie(tarief=TARIEF))) == []


async def test_tr418_minutes_state_the_hourly_tariff(desk: Desk) -> None:
    await desk.given(wmo301())
    assert await desk.receive(claim(prestatie(volume=90, eenheid="01", tarief=TARIEF))) == []


async def test_tr418_a_product_the_contract_does_not_know_is_not_checked(desk: Desk) -> None:
    await desk.given(wmo301(toewijzing(product=Product("02", "02Z99"))))
    assert await desk.receive(claim(prestatie(product=Product("02", "02Z99"), tarief=1))) == []


async def test_tr341_without_omvang_a_unit_the_contract_lacks_gets_9341(desk: Desk) -> None:
    await desk.given(wmo301(toewijzing(product=Product("02", None), omvang=None)))
    assert await desk.receive(claim(prestatie(eenheid="14", volume=2))) == [("TR341", "9341", LINE)]


async def test_tr341_without_omvang_a_contracted_unit_is_accepted(desk: Desk) -> None:
    await desk.given(wmo301(toewijzing(product=Product("02", None), omvang=None)))
    assert await desk.receive(claim(prestatie())) == []
