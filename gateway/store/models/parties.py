"""Who the gateway deals with: the parties of the message traffic, their API tokens, and the clients."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from gateway.store.models.base import BSN, PARTY_CODE, Base, BigId, UtcDateTime

GEMEENTE = "gemeente"
AANBIEDER = "aanbieder"
CAK = "cak"
PARTY_KINDS = (GEMEENTE, AANBIEDER, CAK)


class Party(Base):
    """A gemeente (CBS code, 4 digits), an aanbieder (AGB code, 8 digits) or the CAK.

    The code is what message headers carry as Afzender/Ontvanger; the kind tells which register it is from,
    since a four-digit CBS code and an eight-digit AGB code never collide but must not be confused.
    """

    __tablename__ = "party"
    __table_args__ = (
        UniqueConstraint("kind", "code"),
        CheckConstraint("kind IN ('gemeente', 'aanbieder', 'cak')", name="kind"),
        CheckConstraint(
            "(kind = 'gemeente' AND length(code) = 4) OR (kind = 'aanbieder' AND length(code) = 8) "
            "OR kind = 'cak'",
            name="code_length",
        ),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    kind: Mapped[str] = mapped_column(String(9))
    code: Mapped[str] = mapped_column(PARTY_CODE)
    name: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)


class ApiToken(Base):
    """A credential of one party for the HTTP API; only its hash is kept, so a leaked table grants nothing."""

    __tablename__ = "api_token"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    party_id: Mapped[int] = mapped_column(ForeignKey("party.id"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


class Client(Base):
    """A citizen known to a gemeente by BSN; the anchor of toewijzingen, leveringen and declaraties.

    Per gemeente, because assignments, deliveries and claims are judged per gemeente (rules.md B.1).
    """

    __tablename__ = "client"
    __table_args__ = (UniqueConstraint("gemeente_id", "bsn"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    gemeente_id: Mapped[int] = mapped_column(ForeignKey("party.id"))
    bsn: Mapped[str] = mapped_column(BSN)
