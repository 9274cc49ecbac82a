"""Every message exactly as it came in or went out, the mailboxes that deliver them, and the event outbox."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from gateway.store.models.base import IDENTIFICATIE, MESSAGE_TYPE, Base, BigId, JsonDocument, UtcDateTime

RECEIVED = "received"
GENERATED = "generated"

PENDING = "pending"
ACCEPTED = "accepted"
REJECTED = "rejected"
FAILED = "failed"
OUTCOMES = (PENDING, ACCEPTED, REJECTED, FAILED)


class Message(Base):
    """One message, its bytes untouched, stored before anything else is done with it.

    The header fields are copies for querying (TR056 looks up Identificatie per sender and type); they are
    empty when the bytes could not be read as a message, which is then still kept with its outcome. `id`
    grows with every insert and is the global order of arrival; mailboxes page by their own sequence
    (see MailboxEntry), because on PostgreSQL ids are not committed in id order.
    """

    __tablename__ = "message"
    __table_args__ = (
        CheckConstraint("origin IN ('received', 'generated')", name="origin"),
        CheckConstraint("outcome IN ('pending', 'accepted', 'rejected', 'failed')", name="outcome"),
        Index("ix_message_identificatie", "sender_id", "message_type", "identificatie"),
        # Without AUTOINCREMENT, SQLite may hand out the id of a deleted last row again.
        {"sqlite_autoincrement": True},
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    # received: sent to the gateway by a party; generated: made by the gateway (a retour, for instance).
    origin: Mapped[str] = mapped_column(String(9))
    content: Mapped[bytes] = mapped_column(LargeBinary)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    # When the gateway took the message in (for a generated message: when it was made).
    received_at: Mapped[datetime] = mapped_column(UtcDateTime)
    message_type: Mapped[str | None] = mapped_column(MESSAGE_TYPE)
    sender_id: Mapped[int | None] = mapped_column(ForeignKey("party.id"))
    receiver_id: Mapped[int | None] = mapped_column(ForeignKey("party.id"), index=True)
    identificatie: Mapped[str | None] = mapped_column(IDENTIFICATIE)
    dagtekening: Mapped[date | None] = mapped_column(Date)
    outcome: Mapped[str] = mapped_column(String(8))
    # Findings as `Finding.as_json()` gives them; for `failed`, a description of the failure without
    # message content (so no BSN) in `failure`.
    findings: Mapped[list[dict[str, Any]] | None] = mapped_column(JsonDocument)
    failure: Mapped[str | None] = mapped_column(Text)
    processed_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    # The heen message a retour (or WMO325) answers, and the retour this message got.
    answers_id: Mapped[int | None] = mapped_column(ForeignKey("message.id"), index=True)
    retour_id: Mapped[int | None] = mapped_column(ForeignKey("message.id"))


class Mailbox(Base):
    """The delivery counter of one receiving party: the last sequence number handed out.

    Delivering increments it with an UPDATE, which holds the row lock until commit; a second delivery to
    the same party waits, so its higher number is only committed after the lower one. A reader paging by
    sequence therefore never skips an entry that commits later, and a rolled-back delivery leaves no gap.
    """

    __tablename__ = "mailbox"

    party_id: Mapped[int] = mapped_column(ForeignKey("party.id"), primary_key=True)
    last_sequence: Mapped[int] = mapped_column(BigInteger)


class MailboxEntry(Base):
    """A message placed in a party's mailbox, at its place in that party's delivery order."""

    __tablename__ = "mailbox_entry"
    __table_args__ = (UniqueConstraint("party_id", "message_id"),)

    party_id: Mapped[int] = mapped_column(ForeignKey("party.id"), primary_key=True)
    sequence: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    message_id: Mapped[int] = mapped_column(ForeignKey("message.id"))
    delivered_at: Mapped[datetime] = mapped_column(UtcDateTime)


class OutboxEvent(Base):
    """An event written in the same transaction as the domain change it reports, published afterwards.

    The publisher selects unpublished rows rather than paging by id, so a row committed late (with a lower
    id than rows already published) is still picked up.
    """

    __tablename__ = "outbox_event"
    __table_args__ = (
        Index(
            "ix_outbox_event_unpublished",
            "id",
            postgresql_where=text("published_at IS NULL"),
            sqlite_where=text("published_at IS NULL"),
        ),
        {"sqlite_autoincrement": True},
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    aggregate_key: Mapped[str] = mapped_column(String(100))
    event_type: Mapped[str] = mapped_column(String(100))
    payload: Mapped[dict[str, Any]] = mapped_column(JsonDocument)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    published_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
