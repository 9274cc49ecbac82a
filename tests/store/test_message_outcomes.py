"""Outcomes stored with a message at once, and the retour recorded with the outcome of what it answers."""

from __future__ import annotations

import pytest
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from gateway.store.models.messages import ACCEPTED, GENERATED, REJECTED
from gateway.store.unit_of_work import UnitOfWork
from tests.conftest import NOW
from tests.store.test_message_lookups import add_message, add_parties


async def test_a_message_the_gateway_makes_is_stored_with_its_outcome(
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    async with UnitOfWork(sessionmaker) as uow:
        retour = await uow.messages.add(
            b"<Bericht/>", received_at=NOW, origin=GENERATED, outcome=ACCEPTED, processed_at=NOW
        )
    async with UnitOfWork(sessionmaker) as uow:
        stored = await uow.messages.get(retour.id)
    assert stored is not None
    assert (stored.outcome, stored.processed_at) == (ACCEPTED, NOW)


async def test_a_message_with_an_unknown_outcome_is_not_stored(
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    with pytest.raises(ValueError, match="unknown outcome"):
        async with UnitOfWork(sessionmaker) as uow:
            await uow.messages.add(b"<Bericht/>", received_at=NOW, outcome="lost")


async def test_an_outcome_recorded_with_its_retour_links_the_retour(
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    gemeente, aanbieder = await add_parties(sessionmaker)
    heen = await add_message(sessionmaker, b"<heen/>", aanbieder, gemeente)
    retour = await add_message(sessionmaker, b"<retour/>", gemeente, aanbieder, origin=GENERATED)
    async with UnitOfWork(sessionmaker) as uow:
        await uow.messages.record_outcome(heen, REJECTED, processed_at=NOW, retour_id=retour)
    async with UnitOfWork(sessionmaker) as uow:
        stored = await uow.messages.get(heen)
    assert stored is not None
    assert (stored.outcome, stored.retour_id) == (REJECTED, retour)


async def test_an_outcome_recorded_without_a_retour_leaves_the_link_alone(
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    gemeente, aanbieder = await add_parties(sessionmaker)
    heen = await add_message(sessionmaker, b"<heen/>", aanbieder, gemeente)
    retour = await add_message(sessionmaker, b"<retour/>", gemeente, aanbieder, origin=GENERATED)
    async with UnitOfWork(sessionmaker) as uow:
        await uow.messages.link_retour(heen, retour)
        await uow.messages.record_outcome(heen, ACCEPTED, processed_at=NOW)
    async with UnitOfWork(sessionmaker) as uow:
        stored = await uow.messages.get(heen)
    assert stored is not None
    assert stored.retour_id == retour
