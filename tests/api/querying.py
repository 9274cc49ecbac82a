"""A small record for the query tests, kept by the gateway's own recording of judged messages.

Gemeente 1916 assigned client BSN three toewijzingen: 100001 (twenty hours in all) to aanbieder A, who
started it and claimed twelve hours of January, and 100002 to aanbieder B; client ANDERE_BSN has
100003 with aanbieder A. BSN also has a pgb of 1,000 euro a year, 300 of it paid. Gemeente 0363 has its
own client with the same BSN and a toewijzing 100001 to aanbieder A: someone else's data for 1916.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import TypeVar

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from gateway.domain import Bericht, Omvang
from gateway.domain.pgb import PgbVorm
from gateway.store.models.parties import GEMEENTE as GEMEENTE_KIND
from gateway.store.pgb import PgbDecision, pay, register_pgb
from gateway.store.queries.clienten import client_by_bsn
from gateway.store.unit_of_work import UnitOfWork
from tests.api.making import AANBIEDER_A, AANBIEDER_B, GEMEENTE
from tests.conftest import NOW
from tests.domain.crossrules.desk import Desk
from tests.domain.crossrules.making import GEMEENTE as ANDERE_GEMEENTE
from tests.domain.crossrules.making import (
    JANUARI,
    claim,
    prestatie,
    start,
    toewijzing,
    wmo301,
    wmo305,
)

BSN = "999900006"
ANDERE_BSN = "999900018"
TWINTIG_UUR = Omvang(20, "04", "6")

B = TypeVar("B", bound=Bericht)


@dataclass(frozen=True)
class World:
    client: int
    andere_client: int
    vreemde_client: int
    """The client of gemeente 0363."""


def at_gemeente(bericht: B) -> B:
    """The message between the test gemeente (1916) and its aanbieder instead of 0363."""
    header = bericht.header
    moved = {
        "afzender": GEMEENTE if header.afzender == ANDERE_GEMEENTE else header.afzender,
        "ontvanger": GEMEENTE if header.ontvanger == ANDERE_GEMEENTE else header.ontvanger,
    }
    return replace(bericht, header=replace(header, **moved))  # type: ignore[type-var]


async def seed(sessionmaker: async_sessionmaker[AsyncSession]) -> World:
    desk = Desk(sessionmaker)
    await desk.given(
        at_gemeente(wmo301(toewijzing(100001, omvang=TWINTIG_UUR), bsn=BSN, aanbieder=AANBIEDER_A)),
        at_gemeente(wmo301(toewijzing(100002), bsn=BSN, aanbieder=AANBIEDER_B)),
        at_gemeente(wmo301(toewijzing(100003), bsn=ANDERE_BSN, aanbieder=AANBIEDER_A)),
        at_gemeente(wmo305(start(100001), bsn=BSN, aanbieder=AANBIEDER_A)),
        at_gemeente(claim(prestatie("R1", nummer=100001, volume=12, periode=JANUARI))),
        wmo301(toewijzing(100001), bsn=BSN, aanbieder=AANBIEDER_A),
    )
    async with UnitOfWork(sessionmaker) as uow:
        gemeente = await uow.parties.find(GEMEENTE_KIND, GEMEENTE)
        andere = await uow.parties.find(GEMEENTE_KIND, ANDERE_GEMEENTE)
        assert gemeente is not None
        assert andere is not None
        client = await client_by_bsn(uow.session, gemeente.id, BSN)
        andere_client = await client_by_bsn(uow.session, gemeente.id, ANDERE_BSN)
        vreemde_client = await client_by_bsn(uow.session, andere.id, BSN)
        assert client is not None
        assert andere_client is not None
        assert vreemde_client is not None
        pgb = await register_pgb(uow.session, _pgb(gemeente.id, client), afgiftedatum=date(2025, 12, 15))
        payment = await pay(uow.session, pgb.id, date(2026, 3, 1), 30_000, now=NOW)
        assert payment is not None
        assert payment.accepted
    return World(client, andere_client, vreemde_client)


def _pgb(gemeente_id: int, client_id: int) -> PgbDecision:
    return PgbDecision(
        gemeente_id=gemeente_id,
        client_id=client_id,
        beschikking_nummer=7,
        vorm=PgbVorm.TREKKINGSRECHT,
        product_categorie="02",
        product_code=None,
        ingangsdatum=date(2026, 1, 1),
        einddatum=date(2026, 12, 31),
        bedrag=100_000,
    )
