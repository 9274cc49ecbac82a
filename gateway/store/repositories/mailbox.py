"""Mailboxes: delivering a message to a party in a strict order, and reading it back page by page."""

from __future__ import annotations

from datetime import datetime
from typing import NamedTuple

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from gateway.store.models.messages import Mailbox, MailboxEntry, Message


class MailboxItem(NamedTuple):
    """A message at its place in a mailbox; `sequence` is the cursor to ask for what comes after it."""

    sequence: int
    message: Message


class MailboxRepository:
    """Per party, a gapless sequence that is committed in increasing order (see `Mailbox`).

    A reader that keeps the last sequence it saw and asks for what comes after it neither skips nor repeats
    a message, however many deliveries commit concurrently. The counter row stays locked until the
    delivering transaction ends, so deliver late in a transaction to keep that lock short.
    """

    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def deliver(self, party_id: int, message_id: int, *, delivered_at: datetime) -> int:
        """Place the message in the party's mailbox and give its sequence number there."""
        result = await self._session.execute(
            update(Mailbox)
            .where(Mailbox.party_id == party_id)
            .values(last_sequence=Mailbox.last_sequence + 1)
            .returning(Mailbox.last_sequence)
            .execution_options(synchronize_session=False)
        )
        sequence = result.scalar_one_or_none()
        if sequence is None:
            raise LookupError(f"party {party_id} has no mailbox")
        self._session.add(
            MailboxEntry(
                party_id=party_id, sequence=sequence, message_id=message_id, delivered_at=delivered_at
            )
        )
        await self._session.flush()
        return sequence

    async def page(self, party_id: int, *, after: int = 0, limit: int = 100) -> list[MailboxItem]:
        """The next `limit` messages of the party's mailbox with a sequence above `after`, in order."""
        result = await self._session.execute(
            select(MailboxEntry.sequence, Message)
            .join(Message, Message.id == MailboxEntry.message_id)
            .where(MailboxEntry.party_id == party_id, MailboxEntry.sequence > after)
            .order_by(MailboxEntry.sequence)
            .limit(limit)
        )
        return [MailboxItem(sequence, message) for sequence, message in result.all()]
