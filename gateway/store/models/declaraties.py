"""Claims: a WMO323 declaratie with its prestaties (debit and credit lines) and the WMO325 beoordeling."""

from __future__ import annotations

from datetime import date

from sqlalchemy import BigInteger, CheckConstraint, Date, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from gateway.store.models.base import (
    CODE_1,
    CODE_2,
    DECLARATIE_NUMMER,
    PRODUCT_CATEGORIE,
    PRODUCT_CODE,
    REFERENTIE_NUMMER,
    Base,
    BigId,
    JsonDocument,
)


class Declaratie(Base):
    """One claim of an aanbieder to a gemeente, for one DeclaratiePeriode (a calendar month).

    Amounts are euro cents with their DebetCredit as sent. DeclaratieNummer is unique per aanbieder by
    rule TR333, not by constraint, so that the gateway decides what a duplicate leaves behind.
    """

    __tablename__ = "declaratie"
    __table_args__ = (
        CheckConstraint("totaal_ingediend_debet_credit IN ('D', 'C')", name="debet_credit"),
        Index("ix_declaratie_nummer", "aanbieder_id", "declaratie_nummer"),
        Index("ix_declaratie_periode", "aanbieder_id", "periode_begindatum"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    message_id: Mapped[int] = mapped_column(ForeignKey("message.id"), index=True)
    aanbieder_id: Mapped[int] = mapped_column(ForeignKey("party.id"))
    gemeente_id: Mapped[int] = mapped_column(ForeignKey("party.id"))
    declaratie_nummer: Mapped[str] = mapped_column(DECLARATIE_NUMMER)
    periode_begindatum: Mapped[date] = mapped_column(Date)
    periode_einddatum: Mapped[date] = mapped_column(Date)
    declaratie_dagtekening: Mapped[date] = mapped_column(Date)
    totaal_ingediend_bedrag: Mapped[int] = mapped_column(BigInteger)
    totaal_ingediend_debet_credit: Mapped[str] = mapped_column(CODE_1)


class Prestatie(Base):
    """One claim line: what was delivered to a client on a toewijzing in a product period, debit or credit.

    A credit line names the debit line it cancels by `vorig_referentie_nummer`. `status` is the
    beoordeling of the line: `ingediend` until a WMO325 answers, then `toegekend` or `afgewezen` with the
    line's retourcodes. ReferentieNummer is unique per aanbieder by rule TR314, hence `aanbieder_id` here.
    """

    __tablename__ = "prestatie"
    __table_args__ = (
        CheckConstraint("debet_credit IN ('D', 'C')", name="debet_credit"),
        CheckConstraint("status IN ('ingediend', 'toegekend', 'afgewezen')", name="status"),
        Index("ix_prestatie_referentie", "aanbieder_id", "referentie_nummer"),
        Index("ix_prestatie_vorig_referentie", "aanbieder_id", "vorig_referentie_nummer"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    declaratie_id: Mapped[int] = mapped_column(ForeignKey("declaratie.id"), index=True)
    aanbieder_id: Mapped[int] = mapped_column(ForeignKey("party.id"))
    client_id: Mapped[int] = mapped_column(ForeignKey("client.id"), index=True)
    toewijzing_id: Mapped[int | None] = mapped_column(ForeignKey("toewijzing.id"), index=True)
    toewijzing_nummer: Mapped[int] = mapped_column(Integer)
    referentie_nummer: Mapped[str] = mapped_column(REFERENTIE_NUMMER)
    vorig_referentie_nummer: Mapped[str | None] = mapped_column(REFERENTIE_NUMMER)
    product_categorie: Mapped[str] = mapped_column(PRODUCT_CATEGORIE)
    product_code: Mapped[str] = mapped_column(PRODUCT_CODE)
    periode_begindatum: Mapped[date] = mapped_column(Date)
    periode_einddatum: Mapped[date] = mapped_column(Date)
    geleverd_volume: Mapped[int] = mapped_column(Integer)
    eenheid: Mapped[str] = mapped_column(CODE_2)
    product_tarief: Mapped[int | None] = mapped_column(Integer)
    ingediend_bedrag: Mapped[int] = mapped_column(Integer)
    debet_credit: Mapped[str] = mapped_column(CODE_1)
    status: Mapped[str] = mapped_column(String(9))
    retourcodes: Mapped[list[str] | None] = mapped_column(JsonDocument)


class Beoordeling(Base):
    """The gemeente's answer on a declaratie (WMO325 DeclaratieAntwoord): the granted total and its codes."""

    __tablename__ = "beoordeling"
    __table_args__ = (CheckConstraint("totaal_toegekend_debet_credit IN ('D', 'C')", name="debet_credit"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    declaratie_id: Mapped[int] = mapped_column(ForeignKey("declaratie.id"), unique=True)
    message_id: Mapped[int] = mapped_column(ForeignKey("message.id"), index=True)
    totaal_toegekend_bedrag: Mapped[int] = mapped_column(BigInteger)
    totaal_toegekend_debet_credit: Mapped[str] = mapped_column(CODE_1)
    retourcodes: Mapped[list[str]] = mapped_column(JsonDocument)
