"""Storing messages as they come and recording what became of them."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession

from gateway.store.models.messages import OUTCOMES, PENDING, RECEIVED, Message


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
    ) -> Message:
        """Keep the bytes with their SHA-256 and whatever of the header could be read; outcome `pending`."""
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
            outcome=PENDING,
            answers_id=answers_id,
        )
        self._session.add(message)
        await self._session.flush()
        return message

    async def get(self, message_id: int) -> Message | None:
        return await self._session.get(Message, message_id)

    async def record_outcome(
        self,
        message_id: int,
        outcome: str,
        *,
        processed_at: datetime,
        findings: Sequence[dict[str, Any]] = (),
        failure: str | None = None,
    ) -> None:
        """Set the outcome. `failure` must not quote message content: it ends up in logs and screens."""
        if outcome not in OUTCOMES:
            raise ValueError(f"unknown outcome {outcome!r}")
        await self._session.execute(
            update(Message)
            .where(Message.id == message_id)
            .values(outcome=outcome, processed_at=processed_at, findings=list(findings), failure=failure)
            .execution_options(synchronize_session="fetch")
        )

    async def link_retour(self, message_id: int, retour_id: int) -> None:
        """Note the retour a heen message got; the retour itself names the heen message in `answers_id`."""
        await self._session.execute(
            update(Message)
            .where(Message.id == message_id)
            .values(retour_id=retour_id)
            .execution_options(synchronize_session="fetch")
        )
