"""Decisions and what follows from them: beschikkingen, toewijzingen with every version, and leveringen."""

from __future__ import annotations

from datetime import date, time

from sqlalchemy import CheckConstraint, Date, ForeignKey, Index, Integer, String, Time, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from gateway.store.models.base import (
    CODE_1,
    CODE_2,
    PRODUCT_CATEGORIE,
    PRODUCT_CODE,
    REFERENTIE,
    Base,
    BigId,
)

# Omvang is all three of Volume, Eenheid and Frequentie, or none of them (CDT_Omvang).
OMVANG_COMPLETE = (
    "(omvang_volume IS NULL AND omvang_eenheid IS NULL AND omvang_frequentie IS NULL) OR "
    "(omvang_volume IS NOT NULL AND omvang_eenheid IS NOT NULL AND omvang_frequentie IS NOT NULL)"
)


class Beschikking(Base):
    """A gemeente's decision granting a client support, in natura or as a pgb.

    A pgb for diensten is paid as trekkingsrecht through the SVB; one for a materiële voorziening as a
    one-off payment. Decisions do not travel in iWmo messages (WMO315 only refers to a BeschikkingNummer),
    so they are entered by the gemeente.
    """

    __tablename__ = "beschikking"
    __table_args__ = (
        UniqueConstraint("gemeente_id", "beschikking_nummer"),
        CheckConstraint(
            "(leveringsvorm = 'natura' AND pgb_vorm IS NULL) OR "
            "(leveringsvorm = 'pgb' AND pgb_vorm IS NOT NULL AND pgb_vorm IN ('trekkingsrecht', 'eenmalig'))",
            name="leveringsvorm",
        ),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    gemeente_id: Mapped[int] = mapped_column(ForeignKey("party.id"))
    client_id: Mapped[int] = mapped_column(ForeignKey("client.id"), index=True)
    beschikking_nummer: Mapped[int] = mapped_column(Integer)
    leveringsvorm: Mapped[str] = mapped_column(String(6))
    pgb_vorm: Mapped[str | None] = mapped_column(String(14))
    product_categorie: Mapped[str | None] = mapped_column(PRODUCT_CATEGORIE)
    product_code: Mapped[str | None] = mapped_column(PRODUCT_CODE)
    afgiftedatum: Mapped[date | None] = mapped_column(Date)
    ingangsdatum: Mapped[date] = mapped_column(Date)
    einddatum: Mapped[date | None] = mapped_column(Date)
    kostprijs: Mapped[int | None] = mapped_column(Integer)
    """Euro cents: what a hulpmiddel or woonvoorziening provided outside iWmo cost (the CAK caps on it)."""
    aanbieder_id: Mapped[int | None] = mapped_column(ForeignKey("party.id"))
    """The aanbieder of a natura decision assigned through iWmo (a WMO301 the gateway rendered)."""
    leverdatum: Mapped[date | None] = mapped_column(Date)
    """The day a hulpmiddel or woonvoorziening provided outside iWmo was delivered."""
    message_id: Mapped[int | None] = mapped_column(ForeignKey("message.id"))
    """The WMO301 the gateway rendered and sent for this decision, if it sent one."""
    request_sha256: Mapped[str | None] = mapped_column(String(64))
    """The decision as the ERP sent it, hashed: the same again is a repeat, other content a conflict."""


class Toewijzing(Base):
    """The identity of an assignment: one ToewijzingNummer of a gemeente, for one client and aanbieder.

    What the gemeente assigns is in the versions; this row is what claims, deliveries and the natura budget
    point at. ToewijzingNummer is unique per gemeente (TR332); it is an LDT_Nummer, an integer of at most
    nine digits.
    """

    __tablename__ = "toewijzing"
    __table_args__ = (
        UniqueConstraint("gemeente_id", "toewijzing_nummer"),
        Index("ix_toewijzing_client_aanbieder", "client_id", "aanbieder_id"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    gemeente_id: Mapped[int] = mapped_column(ForeignKey("party.id"))
    aanbieder_id: Mapped[int] = mapped_column(ForeignKey("party.id"))
    client_id: Mapped[int] = mapped_column(ForeignKey("client.id"))
    toewijzing_nummer: Mapped[int] = mapped_column(Integer)
    beschikking_id: Mapped[int | None] = mapped_column(ForeignKey("beschikking.id"), index=True)


class ToewijzingVersie(Base):
    """One version of a toewijzing as a WMO301 ToegewezenProduct stated it; versions are never changed.

    `versie` counts from 1 per toewijzing in the order the gateway stored them; the unique key makes two
    concurrent writers of the same next version collide instead of both succeeding. Amounts are euro cents.
    """

    __tablename__ = "toewijzing_versie"
    __table_args__ = (
        UniqueConstraint("toewijzing_id", "versie"),
        CheckConstraint(OMVANG_COMPLETE, name="omvang_complete"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    toewijzing_id: Mapped[int] = mapped_column(ForeignKey("toewijzing.id"))
    versie: Mapped[int] = mapped_column(Integer)
    message_id: Mapped[int] = mapped_column(ForeignKey("message.id"), index=True)
    referentie_aanbieder: Mapped[str | None] = mapped_column(REFERENTIE, index=True)
    product_categorie: Mapped[str | None] = mapped_column(PRODUCT_CATEGORIE)
    product_code: Mapped[str | None] = mapped_column(PRODUCT_CODE)
    toewijzingsdatum: Mapped[date] = mapped_column(Date)
    toewijzingstijd: Mapped[time] = mapped_column(Time)
    ingangsdatum: Mapped[date] = mapped_column(Date)
    einddatum: Mapped[date | None] = mapped_column(Date)
    reden_wijziging: Mapped[str | None] = mapped_column(CODE_2)
    omvang_volume: Mapped[int | None] = mapped_column(Integer)
    omvang_eenheid: Mapped[str | None] = mapped_column(CODE_2)
    omvang_frequentie: Mapped[str | None] = mapped_column(CODE_1)
    budget: Mapped[int | None] = mapped_column(Integer)


class Levering(Base):
    """One StartProduct (WMO305) or StopProduct (WMO307) class, in the order received: the status history.

    The logical key is (client, ToewijzingNummer, product, Begindatum) for a start, plus RedenBeeindiging
    and Einddatum for a stop (TR074). A class with StatusAanlevering 3 deletes an earlier one with the same
    key; `deletes_levering_id` names it. `toewijzing_id` is set when the ToewijzingNummer matched a known
    toewijzing of the client (TR019); the number as sent stays in `toewijzing_nummer`.
    """

    __tablename__ = "levering"
    __table_args__ = (
        CheckConstraint(
            "(soort = 'start' AND reden_beeindiging IS NULL AND einddatum IS NULL) OR "
            "(soort = 'stop' AND reden_beeindiging IS NOT NULL AND einddatum IS NOT NULL)",
            name="soort",
        ),
        Index("ix_levering_key", "client_id", "soort", "toewijzing_nummer", "begindatum"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    message_id: Mapped[int] = mapped_column(ForeignKey("message.id"), index=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("client.id"))
    aanbieder_id: Mapped[int] = mapped_column(ForeignKey("party.id"))
    soort: Mapped[str] = mapped_column(String(5))
    toewijzing_id: Mapped[int | None] = mapped_column(ForeignKey("toewijzing.id"), index=True)
    toewijzing_nummer: Mapped[int | None] = mapped_column(Integer)
    product_categorie: Mapped[str | None] = mapped_column(PRODUCT_CATEGORIE)
    product_code: Mapped[str | None] = mapped_column(PRODUCT_CODE)
    toewijzing_ingangsdatum: Mapped[date | None] = mapped_column(Date)
    begindatum: Mapped[date] = mapped_column(Date)
    reden_beeindiging: Mapped[str | None] = mapped_column(CODE_2)
    einddatum: Mapped[date | None] = mapped_column(Date)
    status_aanlevering: Mapped[str] = mapped_column(CODE_1)
    deletes_levering_id: Mapped[int | None] = mapped_column(ForeignKey("levering.id"))
