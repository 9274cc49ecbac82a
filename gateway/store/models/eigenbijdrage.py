"""The CAK feed's tables: eigen-bijdrage records, the provisions each came from, and every WMO405 delivery.

A record (`EbRecordRow`) is one EbStartNummer of one client with the period as last derived; its
deliveries (`EbAanleveringRow`) are what the gateway has to send, has sent and what the CAK answered.
A gemeente's counter row (`EbTeller`) hands out EbStartNummers and the feed's sequence: it is updated
with the row lock held until commit, so numbers commit in increasing order and a reader paging by
`volgnummer` never skips a delivery that commits later (as the mailbox does).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from gateway.store.models.base import CODE_1, IDENTIFICATIE, Base, BigId, JsonDocument

BRON_SOORT = String(12)
BRON_SLEUTEL = String(40)


class EbTeller(Base):
    """Per gemeente: the last EbStartNummer handed out and the last feed sequence number."""

    __tablename__ = "eb_teller"

    gemeente_id: Mapped[int] = mapped_column(ForeignKey("party.id"), primary_key=True)
    last_eb_start_nummer: Mapped[int] = mapped_column(BigInteger)
    last_volgnummer: Mapped[int] = mapped_column(BigInteger)


class EbClient(Base):
    """The birth date of a client as the last iWmo message about them stated it: minors pay no eigen
    bijdrage (except for woningaanpassingen), and the client table keeps only the BSN."""

    __tablename__ = "eb_client"

    client_id: Mapped[int] = mapped_column(ForeignKey("client.id"), primary_key=True)
    geboortedatum: Mapped[date] = mapped_column(Date)


class EbRecordRow(Base):
    """One period of one client under the gateway's own EbStartNummer (unique per gemeente, never reused).

    The period as last derived: `startdatum` None once the period should not exist. The kostprijs is the
    one the CAK is to guard, with the provision it belongs to.
    """

    __tablename__ = "eb_record"
    __table_args__ = (
        UniqueConstraint("gemeente_id", "eb_start_nummer"),
        CheckConstraint(
            "(kostprijs_bedrag IS NULL AND kostprijs_startdatum IS NULL) OR "
            "(kostprijs_bedrag IS NOT NULL AND kostprijs_startdatum IS NOT NULL)",
            name="kostprijs_complete",
        ),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    gemeente_id: Mapped[int] = mapped_column(ForeignKey("party.id"))
    client_id: Mapped[int] = mapped_column(ForeignKey("client.id"), index=True)
    eb_start_nummer: Mapped[int] = mapped_column(BigInteger)
    startdatum: Mapped[date | None] = mapped_column(Date)
    stopdatum: Mapped[date | None] = mapped_column(Date)
    kostprijs_bedrag: Mapped[int | None] = mapped_column(Integer)
    kostprijs_startdatum: Mapped[date | None] = mapped_column(Date)
    kostprijs_bron_soort: Mapped[str | None] = mapped_column(BRON_SOORT)
    kostprijs_bron_sleutel: Mapped[str | None] = mapped_column(BRON_SLEUTEL)


class EbBronRow(Base):
    """A stretch of one provision that makes up (part of) a record's period: what the period came from."""

    __tablename__ = "eb_bron"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    record_id: Mapped[int] = mapped_column(ForeignKey("eb_record.id"), index=True)
    soort: Mapped[str] = mapped_column(BRON_SOORT)
    sleutel: Mapped[str] = mapped_column(BRON_SLEUTEL)
    begindatum: Mapped[date] = mapped_column(Date)
    einddatum: Mapped[date | None] = mapped_column(Date)
    kostprijs: Mapped[int | None] = mapped_column(Integer)


class EbAanleveringRow(Base):
    """One WMO405 delivery of a record: due, sent in a message, answered by the CAK, or superseded.

    `volgnummer` is the feed's cursor (from the gemeente's `EbTeller`). A delivery not yet sent is
    `vervallen` when the truth changed before it went out; a new one takes its place. Once sent it is
    never changed except by the CAK's answer.
    """

    __tablename__ = "eb_aanlevering"
    __table_args__ = (
        UniqueConstraint("gemeente_id", "volgnummer"),
        Index("ix_eb_aanlevering_bericht", "gemeente_id", "bericht"),
        CheckConstraint("status IN ('1', '2', '3')", name="status"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    gemeente_id: Mapped[int] = mapped_column(ForeignKey("party.id"))
    record_id: Mapped[int] = mapped_column(ForeignKey("eb_record.id"), index=True)
    volgnummer: Mapped[int] = mapped_column(BigInteger)
    status: Mapped[str] = mapped_column(CODE_1)
    startdatum: Mapped[date] = mapped_column(Date)
    stopdatum: Mapped[date | None] = mapped_column(Date)
    kostprijs_bedrag: Mapped[int | None] = mapped_column(Integer)
    kostprijs_startdatum: Mapped[date | None] = mapped_column(Date)
    uiterlijk: Mapped[date] = mapped_column(Date)
    vervallen: Mapped[bool] = mapped_column(Boolean)
    message_id: Mapped[int | None] = mapped_column(ForeignKey("message.id"))
    bericht: Mapped[str | None] = mapped_column(IDENTIFICATIE)
    dagtekening: Mapped[date | None] = mapped_column(Date)
    geaccepteerd: Mapped[bool | None] = mapped_column(Boolean)
    retourcodes: Mapped[list[Any] | None] = mapped_column(JsonDocument)
    identificatie_retour: Mapped[str | None] = mapped_column(IDENTIFICATIE)
    dagtekening_retour: Mapped[date | None] = mapped_column(Date)
    retour_message_id: Mapped[int | None] = mapped_column(ForeignKey("message.id"))
