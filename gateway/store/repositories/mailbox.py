"""Mailboxes: delivering a message to a party in a strict order, and reading it back page by page."""

from __future__ import annotations

from datetime import datetime
from typing import NamedTuple, cast

from sqlalchemy import Table, bindparam, insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from gateway.store.models.base import BigId, UtcDateTime
from gateway.store.models.messages import Mailbox, MailboxEntry, Message

# Every message is delivered, most to two mailboxes, so the statements are built once. PostgreSQL takes the
# next sequence and places the message in one statement; SQLite, whose UPDATE ... RETURNING cannot feed an
# INSERT, in two.
_NEXT_SEQUENCE = (
    update(Mailbox)
    .where(Mailbox.party_id == bindparam("to_party"))
    .values(last_sequence=Mailbox.last_sequence + 1)
    .returning(Mailbox.last_sequence)
    .execution_options(synchronize_session=False)
)
_ENTRIES = cast(Table, MailboxEntry.__table__)
_ENTRY = insert(_ENTRIES).values(
    party_id=bindparam("to_party"),
    sequence=bindparam("at_sequence"),
    message_id=bindparam("of_message"),
    delivered_at=bindparam("at_time"),
)
_TAKEN = _NEXT_SEQUENCE.cte("taken")
_DELIVER = (
    insert(_ENTRIES)
    .from_select(
        ["party_id", "sequence", "message_id", "delivered_at"],
        select(
            bindparam("to_party", type_=BigId),
            _TAKEN.c.last_sequence,
            bindparam("of_message", type_=BigId),
            bindparam("at_time", type_=UtcDateTime),
        ),
    )
    .returning(_ENTRIES.c.sequence)
)


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
        parameters = {"to_party": party_id, "of_message": message_id, "at_time": delivered_at}
        if self._session.get_bind().dialect.name == "postgresql":
            sequence = (await self._session.execute(_DELIVER, parameters)).scalar_one_or_none()
        else:
            sequence = (await self._session.execute(_NEXT_SEQUENCE, parameters)).scalar_one_or_none()
            if sequence is not None:
                await self._session.execute(_ENTRY, {**parameters, "at_sequence": sequence})
        if sequence is None:
            raise LookupError(f"party {party_id} has no mailbox")
        return int(sequence)

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
