"""Parties are named as on the command line; tokens are random, stored hashed, and revocable."""

from __future__ import annotations

import hashlib

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from gateway.pipeline.access import PartyName, authenticate, issue_token, revoke_token
from gateway.store.models import ApiToken, Party
from gateway.store.unit_of_work import UnitOfWork
from tests.conftest import NOW


@pytest.mark.parametrize(
    ("text", "kind", "code"),
    [
        ("aanbieder:12345678", "aanbieder", "12345678"),
        ("gemeente:1916", "gemeente", "1916"),
        ("cak", "cak", "CAK"),
    ],
)
def test_a_party_name_reads_kind_and_code_and_writes_back_the_same(text: str, kind: str, code: str) -> None:
    name = PartyName.parse(text)
    assert (name.kind, name.code) == (kind, code)
    assert str(name) == text


@pytest.mark.parametrize(
    "text", ["aanbieder:1234567", "gemeente:19160", "gemeente:", "zorgkantoor:1234", "cak:1", "12345678", ""]
)
def test_a_malformed_party_name_is_refused_with_the_forms_it_may_take(text: str) -> None:
    with pytest.raises(ValueError, match="aanbieder:<AGB code, 8 digits>"):
        PartyName.parse(text)


async def test_a_token_is_stored_only_as_its_sha256_and_authenticates_its_party(
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    async with UnitOfWork(sessionmaker) as uow:
        token = await issue_token(uow, PartyName.parse("gemeente:1916"), now=NOW)
    async with UnitOfWork(sessionmaker) as uow:
        [stored] = await uow.session.scalars(select(ApiToken.token_hash))
        party = await authenticate(uow, token)
    assert stored == hashlib.sha256(token.encode()).hexdigest()
    assert token.startswith("iwmo_")
    assert len(token) >= len("iwmo_") + 43
    assert party is not None
    assert (party.kind, party.code) == ("gemeente", "1916")


async def test_a_second_token_for_a_party_adds_no_party(
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    async with UnitOfWork(sessionmaker) as uow:
        first = await issue_token(uow, PartyName.parse("aanbieder:12345678"), now=NOW, label="Zorg BV")
        second = await issue_token(uow, PartyName.parse("aanbieder:12345678"), now=NOW)
    async with UnitOfWork(sessionmaker) as uow:
        names = list(await uow.session.scalars(select(Party.name)))
    assert first != second
    assert names == ["Zorg BV"]


async def test_a_revoked_token_authenticates_nobody_and_is_revoked_once(
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    async with UnitOfWork(sessionmaker) as uow:
        token = await issue_token(uow, PartyName.parse("cak"), now=NOW)
    async with UnitOfWork(sessionmaker) as uow:
        assert await revoke_token(uow, token, now=NOW) is True
    async with UnitOfWork(sessionmaker) as uow:
        assert await authenticate(uow, token) is None
        assert await revoke_token(uow, token, now=NOW) is False
