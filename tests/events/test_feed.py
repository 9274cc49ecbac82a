"""The feed pages through events by cursor and never passes one that is still to commit."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from gateway.events.catalogue import EventType
from gateway.events.feed import MAX_PAGE, FeedPage, events_after
from gateway.events.writer import EventWriter
from gateway.store.unit_of_work import UnitOfWork
from tests.events.samples import BSN, OTHER_BSN, levering

NOW = datetime(2024, 5, 1, 12, 30, tzinfo=UTC)


async def page(sessionmaker: async_sessionmaker[AsyncSession], after: int, limit: int = 100) -> FeedPage:
    async with sessionmaker() as session:
        return await events_after(session, after, limit=limit)


def markers(found: FeedPage) -> list[int]:
    return [event["data"]["berichtId"] for event in found.events]


async def record(
    sessionmaker: async_sessionmaker[AsyncSession], writer: EventWriter, *numbers: int, bsn: str = BSN
) -> None:
    async with UnitOfWork(sessionmaker) as uow:
        for number in numbers:
            await writer.record(
                uow.session, EventType.LEVERING_GESTART, data=levering(number), now=NOW, client_bsn=bsn
            )


async def test_pages_follow_each_other_by_cursor(
    sessionmaker: async_sessionmaker[AsyncSession], writer: EventWriter
) -> None:
    await record(sessionmaker, writer, 1, 2, 3, 4, 5)
    first = await page(sessionmaker, 0, limit=2)
    second = await page(sessionmaker, first.cursor, limit=2)
    third = await page(sessionmaker, second.cursor, limit=2)
    last = await page(sessionmaker, third.cursor, limit=2)
    assert [markers(first), markers(second), markers(third), markers(last)] == [[1, 2], [3, 4], [5], []]
    assert last.cursor == third.cursor
    assert first.events[0]["sequence"] == f"{first.cursor - 1:020d}"
    assert first.events[1]["sequence"] == f"{first.cursor:020d}"


@pytest.mark.parametrize(("after", "limit"), [(-1, 10), (0, 0), (0, MAX_PAGE + 1)])
async def test_a_cursor_below_zero_or_a_page_out_of_bounds_is_refused(
    sessionmaker: async_sessionmaker[AsyncSession], after: int, limit: int
) -> None:
    with pytest.raises(ValueError, match=r"cursor|page"):
        await page(sessionmaker, after, limit)


async def test_an_event_committed_late_is_not_passed_by_the_cursor(
    sessionmaker: async_sessionmaker[AsyncSession], writer: EventWriter, database_url: str
) -> None:
    if not database_url.startswith("postgresql"):
        pytest.skip("only PostgreSQL commits out of id order")
    async with UnitOfWork(sessionmaker) as slow:
        await writer.record(
            slow.session, EventType.LEVERING_GESTART, data=levering(1), now=NOW, client_bsn=BSN
        )
        await slow.session.flush()  # takes the lower id now, commits after the other
        # Another client: one transaction about the same client would wait for this one (test_commit_order).
        await record(sessionmaker, writer, 2, bsn=OTHER_BSN)
        waiting = await page(sessionmaker, 0)
        assert (markers(waiting), waiting.cursor) == ([], 0)
    assert markers(await page(sessionmaker, waiting.cursor)) == [1, 2]
