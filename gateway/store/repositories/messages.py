"""Storing messages as they come and recording what became of them."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import and_, bindparam, case, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from gateway.store.known.messages import passed_on_or_answered
from gateway.store.models.messages import OUTCOMES, PENDING, RECEIVED, Message


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
    ) -> Message:
        """Keep the bytes with their SHA-256 and whatever of the header could be read.

        The outcome is `pending` for a message received; one the gateway makes (a retour) may be stored
        with its outcome at once, saving the update.
        """
        if outcome not in OUTCOMES:
            raise ValueError(f"unknown outcome {outcome!r}")
        message = Message(
            origin=origin,
            content=content,
            sha256=hashlib.sha256(content).hexdigest(),
            received_at=received_at,
            message_type=message_type,
            sender_id=sender_id,
            receiver_id=receiver_id,
            identificatie=identificatie,
            dagtekening=dagtekening,
            outcome=outcome,
            processed_at=processed_at,
            answers_id=answers_id,
        )
        self._session.add(message)
        await self._session.flush()
        return message

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
        await self._session.execute(select(func.pg_advisory_xact_lock(key)))

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
        row = (await self._session.execute(_EARLIER_USE, parameters)).first()
        return None if row is None else EarlierUse(message_id=row.id, same_bytes=bool(row.same_bytes))

    async def find_handled_copy(self, sender_id: int, sha256: str) -> Message | None:
        """The first message received from this sender with these exact bytes that was passed on or answered.

        Sending it again is a repeat that gets the same answer, not a new message.
        """
        parameters = {"sender_id": sender_id, "sha256": sha256}
        return (await self._session.execute(_HANDLED_COPY, parameters)).scalar_one_or_none()

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
        await self._session.execute(
            update(Message)
            .where(Message.id == message_id)
            .values(**values)
            .execution_options(synchronize_session="fetch")
        )

    async def link_answer(self, message_id: int, answer_id: int) -> bool:
        """Link a received answer (a retour, a WMO325) and the message it answers, unless that one has one.

        Checked and set in one statement, so of two answers racing for one message only one links; False
        when the message had its answer already.
        """
        linked = await self._session.execute(
            update(Message)
            .where(Message.id == message_id, Message.retour_id.is_(None))
            .values(retour_id=answer_id)
            .returning(Message.id)
            .execution_options(synchronize_session="fetch")
        )
        if linked.scalar_one_or_none() is None:
            return False
        await self._session.execute(
            update(Message)
            .where(Message.id == answer_id)
            .values(answers_id=message_id)
            .execution_options(synchronize_session="fetch")
        )
        return True

    async def link_retour(self, message_id: int, retour_id: int) -> None:
        """Note the retour a heen message got; the retour itself names the heen message in `answers_id`."""
        await self._session.execute(
            update(Message)
            .where(Message.id == message_id)
            .values(retour_id=retour_id)
            .execution_options(synchronize_session="fetch")
        )


def _header_values(header: StoredHeader) -> dict[str, Any]:
    return {
        "message_type": header.message_type,
        "receiver_id": header.receiver_id,
        "identificatie": header.identificatie,
        "dagtekening": header.dagtekening,
    }


# Asked for every message, so built once: building a statement costs as much as running it.
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
    select(Message)
    .where(Message.sender_id == bindparam("sender_id"), _SAME_BYTES, passed_on_or_answered())
    .order_by(Message.id)
    .limit(1)
)
