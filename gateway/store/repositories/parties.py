"""Parties by their register code, and their API tokens by hash."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import bindparam, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from gateway.store.models.messages import Mailbox
from gateway.store.models.parties import PARTY_KINDS, ApiToken, Party

# Asked on every request, so built once: building a statement costs as much as running it.
_PARTY = select(Party).where(Party.kind == bindparam("kind"), Party.code == bindparam("code"))
_PARTY_OF_TOKEN = (
    select(Party)
    .join(ApiToken, ApiToken.party_id == Party.id)
    .where(ApiToken.token_hash == bindparam("token_hash"), ApiToken.revoked_at.is_(None))
)


class PartyRepository:
    """Gemeenten, aanbieders and the CAK. Every party gets its mailbox when it is added."""

    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def add(self, kind: str, code: str, name: str, *, created_at: datetime) -> Party:
        if kind not in PARTY_KINDS:
            raise ValueError(f"unknown party kind {kind!r}")
        party = Party(kind=kind, code=code, name=name, created_at=created_at)
        self._session.add(party)
        await self._session.flush()
        self._session.add(Mailbox(party_id=party.id, last_sequence=0))
        await self._session.flush()
        return party

    async def get(self, party_id: int) -> Party | None:
        return await self._session.get(Party, party_id)

    async def find(self, kind: str, code: str) -> Party | None:
        result = await self._session.execute(_PARTY, {"kind": kind, "code": code})
        return result.scalar_one_or_none()


class TokenRepository:
    """API tokens. Only hashes come in: turning a presented token into its hash is the caller's job."""

    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def add(self, party_id: int, token_hash: str, *, created_at: datetime) -> ApiToken:
        token = ApiToken(party_id=party_id, token_hash=token_hash, created_at=created_at)
        self._session.add(token)
        await self._session.flush()
        return token

    async def find_active(self, token_hash: str) -> ApiToken | None:
        result = await self._session.execute(
            select(ApiToken).where(ApiToken.token_hash == token_hash, ApiToken.revoked_at.is_(None))
        )
        return result.scalar_one_or_none()

    async def party_of(self, token_hash: str) -> Party | None:
        """The party an active token belongs to, in one query: every request asks it."""
        result = await self._session.execute(_PARTY_OF_TOKEN, {"token_hash": token_hash})
        return result.scalar_one_or_none()

    async def revoke(self, token_id: int, *, revoked_at: datetime) -> None:
        await self._session.execute(
            update(ApiToken)
            .where(ApiToken.id == token_id, ApiToken.revoked_at.is_(None))
            .values(revoked_at=revoked_at)
            .execution_options(synchronize_session="fetch")
        )
