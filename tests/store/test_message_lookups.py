"""What the pipeline asks of stored messages: header facts, used identificaties, repeats, and their lock."""

from __future__ import annotations

import asyncio
import hashlib
from datetime import date

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from gateway.store.models.messages import ACCEPTED, FAILED, GENERATED, REJECTED
from gateway.store.models.parties import AANBIEDER, GEMEENTE
from gateway.store.repositories.messages import EarlierUse, StoredHeader
from gateway.store.unit_of_work import UnitOfWork
from tests.conftest import NOW


async def add_parties(sessionmaker: async_sessionmaker[AsyncSession]) -> tuple[int, int]:
    async with UnitOfWork(sessionmaker) as uow:
        gemeente = await uow.parties.add(GEMEENTE, "1916", "Leidschendam-Voorburg", created_at=NOW)
        aanbieder = await uow.parties.add(AANBIEDER, "12345678", "Zorg BV", created_at=NOW)
    return gemeente.id, aanbieder.id


async def add_message(
    sessionmaker: async_sessionmaker[AsyncSession],
    content: bytes,
    sender_id: int,
    receiver_id: int,
    *,
    identificatie: str = "T305-0001",
    outcome: str | None = None,
    origin: str = "received",
) -> int:
    async with UnitOfWork(sessionmaker) as uow:
        message = await uow.messages.add(
            content,
            received_at=NOW,
            origin=origin,
            message_type="WMO305",
            sender_id=sender_id,
            receiver_id=receiver_id,
            identificatie=identificatie,
        )
        if outcome is not None:
            await uow.messages.record_outcome(message.id, outcome, processed_at=NOW)
    return message.id


async def test_header_facts_are_recorded_with_the_outcome_of_a_stored_message(
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    gemeente, aanbieder = await add_parties(sessionmaker)
    async with UnitOfWork(sessionmaker) as uow:
        message = await uow.messages.add(b"<Bericht/>", received_at=NOW, sender_id=aanbieder)
    async with UnitOfWork(sessionmaker) as uow:
        header = StoredHeader("WMO305", gemeente, "T305-0001", date(2026, 3, 5))
        await uow.messages.record_outcome(message.id, ACCEPTED, processed_at=NOW, header=header)
    async with UnitOfWork(sessionmaker) as uow:
        stored = await uow.messages.get(message.id)
    assert stored is not None
    assert (stored.message_type, stored.receiver_id, stored.identificatie, stored.dagtekening) == (
        "WMO305",
        gemeente,
        "T305-0001",
        date(2026, 3, 5),
    )


async def test_an_identificatie_is_used_by_a_message_passed_on_or_answered_only(
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    gemeente, aanbieder = await add_parties(sessionmaker)
    for outcome in (None, REJECTED, FAILED):
        await add_message(sessionmaker, b"a", aanbieder, gemeente, outcome=outcome)
    async with UnitOfWork(sessionmaker) as uow:
        assert await uow.messages.find_used(aanbieder, "WMO305", "T305-0001") is None

    answered = await add_message(sessionmaker, b"b", aanbieder, gemeente)
    retour = await add_message(sessionmaker, b"r", gemeente, aanbieder, identificatie="R")
    async with UnitOfWork(sessionmaker) as uow:
        await uow.messages.link_retour(answered, retour)
    accepted = await add_message(sessionmaker, b"c", aanbieder, gemeente, outcome=ACCEPTED)

    async with UnitOfWork(sessionmaker) as uow:
        used = await uow.messages.find_used(aanbieder, "WMO305", "T305-0001")
        assert used is not None
        assert used.id == answered < accepted
        assert await uow.messages.find_used(aanbieder, "WMO305", "T305-0002") is None
        assert await uow.messages.find_used(aanbieder, "WMO307", "T305-0001") is None
        assert await uow.messages.find_used(gemeente, "WMO305", "T305-0001") is None


async def test_a_handled_copy_is_a_received_message_of_the_same_sender_with_the_same_bytes(
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    gemeente, aanbieder = await add_parties(sessionmaker)
    await add_message(sessionmaker, b"same", aanbieder, gemeente, outcome=FAILED)
    await add_message(sessionmaker, b"same", aanbieder, gemeente, outcome=ACCEPTED, origin=GENERATED)
    await add_message(sessionmaker, b"same", gemeente, aanbieder, outcome=ACCEPTED)
    copy = await add_message(sessionmaker, b"same", aanbieder, gemeente, outcome=ACCEPTED)
    async with UnitOfWork(sessionmaker) as uow:
        other_bytes = await uow.messages.add(b"other", received_at=NOW, sender_id=aanbieder)
        await uow.messages.record_outcome(other_bytes.id, ACCEPTED, processed_at=NOW)

    async with UnitOfWork(sessionmaker) as uow:
        found = await uow.messages.find_handled_copy(aanbieder, hashlib.sha256(b"same").hexdigest())
    assert found is not None
    assert found.id == copy


async def test_handling_an_identificatie_waits_for_the_transaction_that_holds_its_lock(
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    _, aanbieder = await add_parties(sessionmaker)
    order: list[str] = []

    async def second() -> None:
        async with UnitOfWork(sessionmaker) as uow:
            await uow.messages.lock_identificatie(aanbieder, "WMO305", "T305-0001")
            order.append("second")

    async with UnitOfWork(sessionmaker) as first:
        await first.messages.lock_identificatie(aanbieder, "WMO305", "T305-0001")
        waiting = asyncio.create_task(second())
        await asyncio.sleep(0.3)
        assert not waiting.done(), "the second transaction must wait for the lock"
        order.append("first")
    await asyncio.wait_for(waiting, timeout=10)
    assert order == ["first", "second"]


async def test_a_party_is_found_by_its_id(sessionmaker: async_sessionmaker[AsyncSession]) -> None:
    gemeente, _ = await add_parties(sessionmaker)
    async with UnitOfWork(sessionmaker) as uow:
        party = await uow.parties.get(gemeente)
        assert await uow.parties.get(gemeente + 1000) is None
    assert party is not None
    assert (party.kind, party.code) == (GEMEENTE, "1916")


async def test_an_answer_links_to_a_message_that_has_none_yet_and_only_then(
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    gemeente, aanbieder = await add_parties(sessionmaker)
    heen = await add_message(sessionmaker, b"301", gemeente, aanbieder, outcome=ACCEPTED)
    first = await add_message(sessionmaker, b"302a", aanbieder, gemeente)
    second = await add_message(sessionmaker, b"302b", aanbieder, gemeente)

    async with UnitOfWork(sessionmaker) as uow:
        assert await uow.messages.link_answer(heen, first) is True
        assert await uow.messages.link_answer(heen, second) is False

    async with UnitOfWork(sessionmaker) as uow:
        stored = [await uow.messages.get(message_id) for message_id in (heen, first, second)]
    assert [(m.answers_id, m.retour_id) for m in stored if m is not None] == [
        (None, first),
        (heen, None),
        (None, None),
    ]


async def test_an_earlier_use_of_an_identificatie_is_found_with_whether_it_has_the_same_bytes(
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    gemeente, aanbieder = await add_parties(sessionmaker)
    sha = hashlib.sha256(b"b").hexdigest()
    async with UnitOfWork(sessionmaker) as uow:
        assert await uow.messages.earlier_use(aanbieder, "WMO305", "T305-0001", sha) is None

    first = await add_message(sessionmaker, b"a", aanbieder, gemeente, outcome=ACCEPTED)
    async with UnitOfWork(sessionmaker) as uow:
        assert await uow.messages.earlier_use(aanbieder, "WMO305", "T305-0001", sha) == EarlierUse(
            first, False
        )

    copy = await add_message(sessionmaker, b"b", aanbieder, gemeente, outcome=ACCEPTED)
    async with UnitOfWork(sessionmaker) as uow:
        assert await uow.messages.earlier_use(aanbieder, "WMO305", "T305-0001", sha) == EarlierUse(copy, True)
