"""One transaction: everything done inside `async with UnitOfWork(...)` is committed together or not at all.

Handling a message takes at least two: the first stores the message as received and commits, the second
makes the domain changes, writes outbox events and records the outcome. If the second fails, it rolls
back whole and a third records the failure, so nothing received is lost and nothing is half done.
"""

from __future__ import annotations

from types import TracebackType
from typing import Self

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from gateway.store.repositories.mailbox import MailboxRepository
from gateway.store.repositories.messages import MessageRepository
from gateway.store.repositories.outbox import OutboxRepository
from gateway.store.repositories.parties import PartyRepository, TokenRepository
from gateway.store.sqlite_lock import READ_ONLY


class UnitOfWork:
    """Commits when the block ends normally, rolls back when it raises; repositories only flush.

    One that only reads says so (`read_only=True`): on SQLite it then reads a snapshot beside the
    writer instead of queueing for the write lock (`sqlite_lock`), so that looking up the caller or
    reading a mailbox does not wait for every message being handled.
    """

    def __init__(self, sessionmaker: async_sessionmaker[AsyncSession], *, read_only: bool = False) -> None:
        self._sessionmaker = sessionmaker
        self._read_only = read_only
        self._session: AsyncSession | None = None
        self._entered = False

    async def __aenter__(self) -> Self:
        if self._entered:
            raise RuntimeError("a unit of work is entered once")
        self._entered = True
        self._session = self._sessionmaker()
        if self._read_only:
            await self._session.connection(execution_options={READ_ONLY: True})
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        session = self.session
        try:
            if exc_type is None:
                await session.commit()
            else:
                await session.rollback()
        finally:
            # A closed session would quietly begin a new transaction that nobody commits.
            self._session = None
            await session.close()

    @property
    def session(self) -> AsyncSession:
        """The session of this transaction, for repositories that live outside the store."""
        if self._session is None:
            raise RuntimeError("the unit of work is used outside its `async with` block")
        return self._session

    @property
    def messages(self) -> MessageRepository:
        return MessageRepository(self.session)

    @property
    def parties(self) -> PartyRepository:
        return PartyRepository(self.session)

    @property
    def tokens(self) -> TokenRepository:
        return TokenRepository(self.session)

    @property
    def mailbox(self) -> MailboxRepository:
        return MailboxRepository(self.session)

    @property
    def outbox(self) -> OutboxRepository:
        return OutboxRepository(self.session)
