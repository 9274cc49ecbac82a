"""Requests of an aanbieder (verzoek om toewijzing, verzoek om wijziging) and the gemeente's answers."""

from __future__ import annotations

from datetime import date

from sqlalchemy import CheckConstraint, Date, ForeignKey, Index, Integer, String
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
from gateway.store.models.toewijzingen import OMVANG_COMPLETE


class Verzoek(Base):
    """One request, known by the aanbieder's ReferentieAanbieder.

    A WMO315 (soort `toewijzing`) gives one row per AangevraagdProduct, each with its own reference; a
    WMO317 (soort `wijziging`) gives one row for the whole Verzoek. `status` is the answer so far:
    `ingediend` (no answer), `in_onderzoek` (WMO319 VerzoekAntwoord 2), `afgewezen` (WMO319
    VerzoekAntwoord 1) or `toegewezen` (a WMO301 carried the reference); the first two are pending (TR374).
    A reference is unique per aanbieder by rule TR347, not by constraint: a rejected duplicate may be kept.
    """

    __tablename__ = "verzoek"
    __table_args__ = (
        CheckConstraint("soort IN ('toewijzing', 'wijziging')", name="soort"),
        CheckConstraint(
            "status IN ('ingediend', 'in_onderzoek', 'afgewezen', 'toegewezen')",
            name="status",
        ),
        Index("ix_verzoek_referentie", "aanbieder_id", "referentie_aanbieder"),
        Index("ix_verzoek_client_aanbieder", "client_id", "aanbieder_id"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    message_id: Mapped[int] = mapped_column(ForeignKey("message.id"), index=True)
    gemeente_id: Mapped[int] = mapped_column(ForeignKey("party.id"))
    aanbieder_id: Mapped[int] = mapped_column(ForeignKey("party.id"))
    client_id: Mapped[int] = mapped_column(ForeignKey("client.id"))
    soort: Mapped[str] = mapped_column(String(10))
    referentie_aanbieder: Mapped[str] = mapped_column(REFERENTIE)
    reden_verzoek: Mapped[str | None] = mapped_column(CODE_1)
    status: Mapped[str] = mapped_column(String(12))


class VerzoekProduct(Base):
    """One product of a request: the AangevraagdProduct of a WMO315, or one item of a WMO317's desired state.

    Soort `aangevraagd` (WMO315), `ongewijzigd`, `te_wijzigen` or `nieuw` (WMO317). `ingangsdatum` holds
    ToewijzingIngangsdatum (WMO315) or GewensteIngangsdatum (WMO317); `einddatum` ToewijzingEinddatum or
    Einddatum. `toewijzing_nummer` names the existing toewijzing of an ongewijzigd or te wijzigen product.
    """

    __tablename__ = "verzoek_product"
    __table_args__ = (
        CheckConstraint("soort IN ('aangevraagd', 'ongewijzigd', 'te_wijzigen', 'nieuw')", name="soort"),
        CheckConstraint(OMVANG_COMPLETE, name="omvang_complete"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    verzoek_id: Mapped[int] = mapped_column(ForeignKey("verzoek.id"), index=True)
    soort: Mapped[str] = mapped_column(String(11))
    toewijzing_nummer: Mapped[int | None] = mapped_column(Integer)
    beschikking_nummer: Mapped[int | None] = mapped_column(Integer)
    beschikking_ingangsdatum: Mapped[date | None] = mapped_column(Date)
    product_categorie: Mapped[str | None] = mapped_column(PRODUCT_CATEGORIE)
    product_code: Mapped[str | None] = mapped_column(PRODUCT_CODE)
    ingangsdatum: Mapped[date | None] = mapped_column(Date)
    einddatum: Mapped[date | None] = mapped_column(Date)
    omvang_volume: Mapped[int | None] = mapped_column(Integer)
    omvang_eenheid: Mapped[str | None] = mapped_column(CODE_2)
    omvang_frequentie: Mapped[str | None] = mapped_column(CODE_1)
    budget: Mapped[int | None] = mapped_column(Integer)


class VerzoekAntwoord(Base):
    """A WMO319 Antwoord on a request, in the order received (TR360 and TR365 look at earlier ones)."""

    __tablename__ = "verzoek_antwoord"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    verzoek_id: Mapped[int] = mapped_column(ForeignKey("verzoek.id"), index=True)
    message_id: Mapped[int] = mapped_column(ForeignKey("message.id"), index=True)
    verzoek_antwoord: Mapped[str] = mapped_column(CODE_1)
    reden_afwijzing_verzoek: Mapped[str | None] = mapped_column(CODE_2)
