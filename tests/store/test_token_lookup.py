"""The party of a presented token, looked up in one query on every request."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from gateway.pipeline.access import PartyName, authenticate, issue_token, revoke_token
from gateway.store.unit_of_work import UnitOfWork
from tests.conftest import NOW


async def test_an_active_token_names_its_party(sessionmaker: async_sessionmaker[AsyncSession]) -> None:
    async with UnitOfWork(sessionmaker) as uow:
        token = await issue_token(uow, PartyName.parse("aanbieder:12345678"), now=NOW)
    async with UnitOfWork(sessionmaker) as uow:
        party = await authenticate(uow, token)
    assert party is not None
    assert (party.kind, party.code) == ("aanbieder", "12345678")


async def test_a_revoked_token_names_no_party_from_then_on(
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    async with UnitOfWork(sessionmaker) as uow:
        token = await issue_token(uow, PartyName.parse("gemeente:1916"), now=NOW)
    async with UnitOfWork(sessionmaker) as uow:
        assert await authenticate(uow, token) is not None
    async with UnitOfWork(sessionmaker) as uow:
        assert await revoke_token(uow, token, now=NOW)
    async with UnitOfWork(sessionmaker) as uow:
        assert await authenticate(uow, token) is None


async def test_another_partys_second_token_names_that_party(
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    async with UnitOfWork(sessionmaker) as uow:
        await issue_token(uow, PartyName.parse("gemeente:1916"), now=NOW)
        first = await issue_token(uow, PartyName.parse("aanbieder:12345678"), now=NOW)
        second = await issue_token(uow, PartyName.parse("aanbieder:12345678"), now=NOW)
    async with UnitOfWork(sessionmaker) as uow:
        parties = [await authenticate(uow, token) for token in (first, second)]
    assert [(p.kind, p.code) for p in parties if p is not None] == [("aanbieder", "12345678")] * 2


async def test_an_unknown_token_names_no_party(sessionmaker: async_sessionmaker[AsyncSession]) -> None:
    async with UnitOfWork(sessionmaker) as uow:
        assert await authenticate(uow, "iwmo_never-issued") is None
