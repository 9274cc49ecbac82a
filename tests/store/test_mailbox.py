"""Mailboxes hand out messages by a per-party cursor that never skips or repeats, even under concurrency."""

from __future__ import annotations

import asyncio

import pytest
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from gateway.store.models.parties import AANBIEDER, GEMEENTE
from gateway.store.unit_of_work import UnitOfWork
from tests.conftest import NOW


async def add_parties(sessionmaker: async_sessionmaker[AsyncSession]) -> tuple[int, int]:
    async with UnitOfWork(sessionmaker) as uow:
        gemeente = await uow.parties.add(GEMEENTE, "0363", "Amsterdam", created_at=NOW)
        aanbieder = await uow.parties.add(AANBIEDER, "12345678", "Zorg BV", created_at=NOW)
    return gemeente.id, aanbieder.id


async def deliver_new_message(
    sessionmaker: async_sessionmaker[AsyncSession], party_id: int, content: bytes
) -> int:
    async with UnitOfWork(sessionmaker) as uow:
        message = await uow.messages.add(content, received_at=NOW, receiver_id=party_id)
        await uow.mailbox.deliver(party_id, message.id, delivered_at=NOW)
    return message.id


async def read_all(
    sessionmaker: async_sessionmaker[AsyncSession], party_id: int, page_size: int
) -> list[bytes]:
    contents: list[bytes] = []
    cursor = 0
    while True:
        async with UnitOfWork(sessionmaker) as uow:
            page = await uow.mailbox.page(party_id, after=cursor, limit=page_size)
        if not page:
            return contents
        contents.extend(item.message.content for item in page)
        cursor = page[-1].sequence


async def test_each_party_has_its_own_gapless_sequence(
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    gemeente, aanbieder = await add_parties(sessionmaker)
    sequences: list[tuple[int, int]] = []
    async with UnitOfWork(sessionmaker) as uow:
        for number, party in enumerate([aanbieder, gemeente, aanbieder, aanbieder, gemeente]):
            message = await uow.messages.add(b"m%d" % number, received_at=NOW)
            sequences.append((party, await uow.mailbox.deliver(party, message.id, delivered_at=NOW)))
    assert sequences == [(aanbieder, 1), (gemeente, 1), (aanbieder, 2), (aanbieder, 3), (gemeente, 2)]


async def test_paging_by_cursor_gives_every_message_once_in_delivery_order(
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    _, aanbieder = await add_parties(sessionmaker)
    sent = [b"m%d" % number for number in range(7)]
    for content in sent:
        await deliver_new_message(sessionmaker, aanbieder, content)
    assert await read_all(sessionmaker, aanbieder, page_size=3) == sent
    async with UnitOfWork(sessionmaker) as uow:
        assert await uow.mailbox.page(aanbieder, after=7) == []


async def test_a_delivery_waits_for_an_open_one_to_the_same_party_so_order_follows_commits(
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    _, aanbieder = await add_parties(sessionmaker)
    async with UnitOfWork(sessionmaker) as first:
        message = await first.messages.add(b"first", received_at=NOW)
        assert await first.mailbox.deliver(aanbieder, message.id, delivered_at=NOW) == 1
        second = asyncio.create_task(deliver_new_message(sessionmaker, aanbieder, b"second"))
        await asyncio.sleep(0.3)
        assert not second.done(), "the second delivery must wait for the first to end"
    await asyncio.wait_for(second, timeout=10)
    assert await read_all(sessionmaker, aanbieder, page_size=1) == [b"first", b"second"]


async def deliver_then_fail(sessionmaker: async_sessionmaker[AsyncSession], party_id: int) -> None:
    async with UnitOfWork(sessionmaker) as uow:
        message = await uow.messages.add(b"lost", received_at=NOW)
        assert await uow.mailbox.deliver(party_id, message.id, delivered_at=NOW) == 2
        await uow.mailbox.deliver(party_id + 1000, message.id, delivered_at=NOW)


async def test_a_rolled_back_delivery_leaves_no_gap(sessionmaker: async_sessionmaker[AsyncSession]) -> None:
    _, aanbieder = await add_parties(sessionmaker)
    await deliver_new_message(sessionmaker, aanbieder, b"kept")
    with pytest.raises(LookupError, match="has no mailbox"):
        await deliver_then_fail(sessionmaker, aanbieder)
    await deliver_new_message(sessionmaker, aanbieder, b"next")
    async with UnitOfWork(sessionmaker) as uow:
        page = await uow.mailbox.page(aanbieder)
    assert [(item.sequence, item.message.content) for item in page] == [(1, b"kept"), (2, b"next")]


async def test_message_ids_grow_with_every_message(sessionmaker: async_sessionmaker[AsyncSession]) -> None:
    ids = []
    for number in range(3):
        async with UnitOfWork(sessionmaker) as uow:
            ids.append((await uow.messages.add(b"%d" % number, received_at=NOW)).id)
    assert ids == sorted(ids)
    assert len(set(ids)) == 3
