"""Earlier messages by their header: which ones count as sent, and finding the one an answer names."""

from __future__ import annotations

from sqlalchemy import ColumnElement, Select, or_, select

from gateway.domain import BerichtIdentificatie
from gateway.store.models import Message
from gateway.store.models.messages import ACCEPTED


def passed_on_or_answered() -> ColumnElement[bool]:
    """A message that counts as sent: accepted, or given a retour (as `MessageRepository` reads it).

    One refused without an answer, or whose handling failed, was never sent; neither is one still being
    handled.
    """
    return or_(Message.outcome == ACCEPTED, Message.retour_id.is_not(None))


def sent_with(sender_id: int, message_type: str, identificatie: BerichtIdentificatie) -> Select[int]:
    """The ids of the sender's messages of this type with this BerichtIdentificatie that count as sent."""
    return select(Message.id).where(
        Message.sender_id == sender_id,
        Message.message_type == message_type,
        Message.identificatie == identificatie.identificatie,
        Message.dagtekening == identificatie.dagtekening,
        passed_on_or_answered(),
    )
