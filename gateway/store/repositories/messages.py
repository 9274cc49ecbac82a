"""Storing messages as they come and recording what became of them."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, TypeVarTuple, cast

from sqlalchemy import BigInteger, Row, Select, Table, and_, bindparam, case, func, insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm.attributes import set_committed_value
from sqlalchemy.orm.util import identity_key

from gateway.store.known.messages import passed_on_or_answered
from gateway.store.models.messages import OUTCOMES, PENDING, RECEIVED, Message

_Columns = TypeVarTuple("_Columns")


@dataclass(frozen=True, slots=True)
class StoredHeader:
    """The header facts of a message of a known sender, stored once its handling is decided."""

    message_type: str
    receiver_id: int
    identificatie: str
    dagtekening: date


@dataclass(frozen=True, slots=True)
class EarlierUse:
    """The first message of a sender that used an identificatie (TR056), and whether it is a copy of the
    message at hand (same bytes): then that message is being sent again."""

    message_id: int
    same_bytes: bool


@dataclass(frozen=True, slots=True)
class StoredMessage:
    """A message just stored: its id is all its callers need. The row is written without an ORM object,
    so the session holds none for it; `get` reads it as stored."""

    id: int


@dataclass(frozen=True, slots=True)
class HandledCopy:
    """What answering a repeat needs of the message it repeats: its id, its type and the retour it got."""

    id: int
    message_type: str | None
    retour_id: int | None


class MessageRepository:
    """Messages by id. Storing one is meant to be the first, separate transaction of handling it.

    Committed on its own, the received message survives whatever happens to its processing; the outcome is
    recorded by the processing transaction, or, when that rolled back, by a transaction of its own.
    """

    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def add(
        self,
        content: bytes,
        *,
        received_at: datetime,
        origin: str = RECEIVED,
        message_type: str | None = None,
        sender_id: int | None = None,
        receiver_id: int | None = None,
        identificatie: str | None = None,
        dagtekening: date | None = None,
        answers_id: int | None = None,
        outcome: str = PENDING,
        processed_at: datetime | None = None,
    ) -> StoredMessage:
        """Keep the bytes with their SHA-256 and whatever of the header could be read.

        The outcome is `pending` for a message received; one the gateway makes (a retour) may be stored
        with its outcome at once, saving the update.
        """
        if outcome not in OUTCOMES:
            raise ValueError(f"unknown outcome {outcome!r}")
        values = {
            "origin": origin,
            "content": content,
            "sha256": hashlib.sha256(content).hexdigest(),
            "received_at": received_at,
            "message_type": message_type,
            "sender_id": sender_id,
            "receiver_id": receiver_id,
            "identificatie": identificatie,
            "dagtekening": dagtekening,
            "outcome": outcome,
            "processed_at": processed_at,
            "answers_id": answers_id,
        }
        return StoredMessage((await self._session.execute(_ADD, values)).scalar_one())

    async def get(self, message_id: int) -> Message | None:
        return await self._session.get(Message, message_id)

    async def lock_identificatie(self, sender_id: int, message_type: str, identificatie: str) -> None:
        """Hold, until the transaction ends, the lock on one sender's identificatie of one message type.

        Handling two messages with the same identificatie at once would let both pass the TR056 and
        repeat checks. On PostgreSQL this takes a transaction-scoped advisory lock keyed on the three
        values; on SQLite the transaction already holds the database's write lock once it has begun
        (BEGIN IMMEDIATE), which starting it here makes sure of.
        """
        connection = await self._session.connection()
        if connection.dialect.name != "postgresql":
            return
        name = f"{sender_id}\x00{message_type}\x00{identificatie}".encode()
        key = int.from_bytes(hashlib.sha256(name).digest()[:8], "big", signed=True)
        await connection.execute(_LOCK_IDENTIFICATIE, {"key": key})

    async def find_used(self, sender_id: int, message_type: str, identificatie: str) -> Message | None:
        """The first message of this sender, type and identificatie that was passed on or answered.

        Such a message has used the identificatie (TR056); one that was refused without an answer, or
        whose processing failed, has not.
        """
        parameters = {"sender_id": sender_id, "message_type": message_type, "identificatie": identificatie}
        return (await self._session.execute(_USED, parameters)).scalar_one_or_none()

    async def earlier_use(
        self, sender_id: int, message_type: str, identificatie: str, sha256: str
    ) -> EarlierUse | None:
        """`find_used` and `find_handled_copy` of a message with these bytes, in one lookup.

        A copy with the same bytes has the same header, so it is among the messages that used the
        identificatie; of those, a copy is the one reported.
        """
        parameters = {
            "sender_id": sender_id,
            "message_type": message_type,
            "identificatie": identificatie,
            "sha256": sha256,
        }
        row = await self._first(_EARLIER_USE, parameters)
        return None if row is None else EarlierUse(message_id=row.id, same_bytes=bool(row.same_bytes))

    async def find_handled_copy(self, sender_id: int, sha256: str) -> HandledCopy | None:
        """The first message received from this sender with these exact bytes that was passed on or answered.

        Sending it again is a repeat that gets the same answer, not a new message.
        """
        parameters = {"sender_id": sender_id, "sha256": sha256}
        row = await self._first(_HANDLED_COPY, parameters)
        return None if row is None else HandledCopy(row.id, row.message_type, row.retour_id)

    async def record_outcome(
        self,
        message_id: int,
        outcome: str,
        *,
        processed_at: datetime,
        findings: Sequence[dict[str, Any]] = (),
        failure: str | None = None,
        retour_id: int | None = None,
        header: StoredHeader | None = None,
    ) -> None:
        """Set the outcome, and the retour the message got when there is one (as `link_retour` does);
        with `header`, the header facts read once the bytes turned out to be a message of a known sender,
        in the same statement: they count once the handling that decided the outcome commits.

        `failure` must not quote message content: it ends up in logs and screens.
        """
        if outcome not in OUTCOMES:
            raise ValueError(f"unknown outcome {outcome!r}")
        values: dict[str, Any] = {
            "outcome": outcome,
            "processed_at": processed_at,
            "findings": list(findings),
            "failure": failure,
        }
        if retour_id is not None:
            values["retour_id"] = retour_id
        if header is not None:
            values.update(_header_values(header))
        await self._set(message_id, values)

    async def link_answer(self, message_id: int, answer_id: int) -> bool:
        """Link a received answer (a retour, a WMO325) and the message it answers, unless that one has one.

        Checked and set in one statement, so of two answers racing for one message only one links; False
        when the message had its answer already.
        """
        linked = await self._session.execute(_LINK_ANSWER, {"message_id": message_id, "retour_id": answer_id})
        if linked.scalar_one_or_none() is None:
            return False
        self._synchronize(message_id, {"retour_id": answer_id})
        await self._set(answer_id, {"answers_id": message_id})
        return True

    async def link_retour(self, message_id: int, retour_id: int) -> None:
        """Note the retour a heen message got; the retour itself names the heen message in `answers_id`."""
        await self._set(message_id, {"retour_id": retour_id})

    async def _first(
        self, statement: Select[*_Columns], parameters: Mapping[str, Any]
    ) -> Row[*_Columns] | None:
        """The first row of a lookup of plain columns, read on the session's connection.

        Through the session, the ORM would handle the rows as it handles entities, which adds a quarter to
        the lookup's cost; and it has nothing to flush first: every write of a message is a Core statement.
        """
        connection = await self._session.connection()
        return (await connection.execute(statement, parameters)).first()

    async def _set(self, message_id: int, values: Mapping[str, Any]) -> None:
        """Set these columns of the message, with the statement built once (see `_SET`)."""
        await self._session.execute(_SET, {"message_id": message_id, **values})
        self._synchronize(message_id, values)

    def _synchronize(self, message_id: int, values: Mapping[str, Any]) -> None:
        """Give a `Message` of this id that the session holds the values just written, as the ORM's own
        UPDATE would: read later in the transaction (a heen message `find_used` found, say), it must not
        show the old ones. The statements are Core, which leaves the session's objects alone."""
        held = self._session.identity_map.get(identity_key(Message, message_id))
        if held is not None:
            for column, value in values.items():
                set_committed_value(held, column, value)


def _header_values(header: StoredHeader) -> dict[str, Any]:
    return {
        "message_type": header.message_type,
        "receiver_id": header.receiver_id,
        "identificatie": header.identificatie,
        "dagtekening": header.dagtekening,
    }


# Asked for every message, so built once: building a statement costs as much as running it. Writes go to
# the table itself: an ORM-enabled insert or update costs several times the statement's own work.
_MESSAGES = cast(Table, Message.__table__)
_ADD = insert(_MESSAGES).returning(_MESSAGES.c.id)
# Core sets the columns the parameters name besides `message_id`; each set of them is compiled once.
_SET = update(_MESSAGES).where(_MESSAGES.c.id == bindparam("message_id"))
_LINK_ANSWER = (
    update(_MESSAGES)
    .where(_MESSAGES.c.id == bindparam("message_id"), _MESSAGES.c.retour_id.is_(None))
    .returning(_MESSAGES.c.id)
)
_LOCK_IDENTIFICATIE = select(func.pg_advisory_xact_lock(bindparam("key", type_=BigInteger)))
_IDENTIFICATIE_USED = (
    Message.sender_id == bindparam("sender_id"),
    Message.message_type == bindparam("message_type"),
    Message.identificatie == bindparam("identificatie"),
    passed_on_or_answered(),
)
_USED = select(Message).where(*_IDENTIFICATIE_USED).order_by(Message.id).limit(1)
_SAME_BYTES = and_(Message.sha256 == bindparam("sha256"), Message.origin == RECEIVED)
_EARLIER_USE = (
    select(Message.id, _SAME_BYTES.label("same_bytes"))
    .where(*_IDENTIFICATIE_USED)
    .order_by(case((_SAME_BYTES, 0), else_=1), Message.id)
    .limit(1)
)
_HANDLED_COPY = (
    select(Message.id, Message.message_type, Message.retour_id)
    .where(Message.sender_id == bindparam("sender_id"), _SAME_BYTES, passed_on_or_answered())
    .order_by(Message.id)
    .limit(1)
)
