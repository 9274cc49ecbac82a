"""Batching as behaviour: how many statements handling a message takes, however large it is.

Each test compares the statement counts of a small and a large message of the same shape (see
`tests.store.statements`); a count that grows with the message means a round trip per line.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from gateway.cak import CakSettings
from gateway.domain import DeclaratieBericht, Omvang, Periode
from gateway.policy import Policy, bundled_mapping, load_policy
from gateway.store.eigenbijdrage import refresh_client
from gateway.store.eigenbijdrage.rows import lock_counters
from gateway.store.models import Client, Party
from gateway.store.unit_of_work import UnitOfWork
from tests.domain.crossrules.desk import Desk
from tests.domain.crossrules.making import (
    ANDERE_BSN,
    BSN,
    FEBRUARI,
    GEMEENTE,
    JANUARI,
    MAART,
    NUMMER,
    claim,
    prestatie,
    start,
    toewijzing,
    wmo301,
    wmo305,
)
from tests.store.statements import counting_statements

POLICY: Policy = load_policy(bundled_mapping())
MOST_LINES = 100
ASSIGNMENTS = wmo301(*(toewijzing(NUMMER + n, omvang=Omvang(4, "04", "2")) for n in range(MOST_LINES)))
"""As many assignments as the largest claim has lines, four hours a week each through 2026."""


def claim_of(lines: int, periode: Periode) -> DeclaratieBericht:
    """A claim with one line on each of the first `lines` assignments, each on a budget of its own."""
    return claim(
        *(
            prestatie(f"R{periode.begindatum}-{n}", nummer=NUMMER + n, volume=3, periode=periode)
            for n in range(lines)
        ),
        periode=periode,
    )


async def statements_to_judge(engine: AsyncEngine, desk: Desk, bericht: DeclaratieBericht) -> int:
    """The statements of the pipeline's second transaction: history, rules, recording, commit."""
    stored = await desk.store(bericht)
    with counting_statements(engine) as statements:
        async with UnitOfWork(desk.sessionmaker) as uow:
            assert await desk.judge(uow.session, bericht, stored) == ()
    return statements.count


async def test_a_claim_is_judged_and_recorded_in_statements_independent_of_its_line_count(
    engine: AsyncEngine, sessionmaker: async_sessionmaker[AsyncSession]
) -> None:
    desk = Desk(sessionmaker)
    await desk.given(ASSIGNMENTS, claim_of(1, MAART))  # both claims below then find lines before them
    small = await statements_to_judge(engine, desk, claim_of(10, JANUARI))
    large = await statements_to_judge(engine, desk, claim_of(MOST_LINES, FEBRUARI))
    assert large == small


async def test_a_claim_is_recorded_without_reading_again_the_versions_it_was_judged_against(
    engine: AsyncEngine, sessionmaker: async_sessionmaker[AsyncSession]
) -> None:
    desk = Desk(sessionmaker)
    await desk.given(ASSIGNMENTS)
    stored = await desk.store(claim_of(10, JANUARI))
    with counting_statements(engine) as statements:
        async with UnitOfWork(desk.sessionmaker) as uow:
            assert await desk.judge(uow.session, claim_of(10, JANUARI), stored) == ()
    assert len([text for text in statements.texts if "FROM toewijzing_versie" in text]) == 1


async def statements_to_refresh(engine: AsyncEngine, desk: Desk, bsn: str, numbers: range) -> int:
    """The statements of refreshing the eigen bijdrage of a client with these toewijzingen, all started."""
    await desk.given(
        wmo301(*(toewijzing(n) for n in numbers), bsn=bsn), wmo305(*(start(n) for n in numbers), bsn=bsn)
    )
    async with UnitOfWork(desk.sessionmaker) as uow:
        gemeente = await uow.session.scalar(select(Party).where(Party.code == GEMEENTE))
        client_id = await uow.session.scalar(select(Client.id).where(Client.bsn == bsn))
        assert gemeente is not None
        await lock_counters(uow.session, gemeente.id)  # made by the first refresh of the gemeente only
    assert client_id is not None
    with counting_statements(engine) as statements:
        async with UnitOfWork(desk.sessionmaker) as uow:
            changes = await refresh_client(uow.session, gemeente.id, client_id, POLICY, CakSettings())
    assert len(changes) == 1
    return statements.count


async def test_a_clients_eigen_bijdrage_is_refreshed_in_statements_independent_of_its_provisions(
    engine: AsyncEngine, sessionmaker: async_sessionmaker[AsyncSession]
) -> None:
    desk = Desk(sessionmaker)
    few = await statements_to_refresh(engine, desk, BSN, range(NUMMER, NUMMER + 1))
    many = await statements_to_refresh(engine, desk, ANDERE_BSN, range(NUMMER + 1, NUMMER + 11))
    assert many == few
