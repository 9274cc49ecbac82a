"""Budgets to check claims and payments against: natura per toewijzing, pgb per beschikking, per period."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import BigInteger, CheckConstraint, Date, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from gateway.store.models.base import CODE_2, Base, BigId, UtcDateTime


class Budget(Base):
    """What may be used in one period: of a toewijzing (natura) or of a beschikking (pgb), never both.

    `amount` is in `eenheid` (WJ756): the assigned omvang in its unit, or euro cents (83) for a budget in
    money, which a pgb always is. The remaining budget is `amount` minus the bookings; whoever books locks
    this row first (SELECT ... FOR UPDATE), so two claims cannot both take the last of it.
    """

    __tablename__ = "budget"
    __table_args__ = (
        UniqueConstraint("toewijzing_id", "period_start"),
        UniqueConstraint("beschikking_id", "period_start"),
        CheckConstraint("(toewijzing_id IS NULL) <> (beschikking_id IS NULL)", name="one_owner"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    toewijzing_id: Mapped[int | None] = mapped_column(ForeignKey("toewijzing.id"))
    beschikking_id: Mapped[int | None] = mapped_column(ForeignKey("beschikking.id"))
    period_start: Mapped[date] = mapped_column(Date)
    period_end: Mapped[date | None] = mapped_column(Date)
    eenheid: Mapped[str] = mapped_column(CODE_2)
    amount: Mapped[int] = mapped_column(BigInteger)


class BudgetBooking(Base):
    """A use of a budget: a declared prestatie (positive), a credit (negative) or a pgb payment."""

    __tablename__ = "budget_booking"
    __table_args__ = (CheckConstraint("kind IN ('declared', 'credited', 'paid')", name="kind"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    budget_id: Mapped[int] = mapped_column(ForeignKey("budget.id"), index=True)
    kind: Mapped[str] = mapped_column(String(8))
    amount: Mapped[int] = mapped_column(BigInteger)
    prestatie_id: Mapped[int | None] = mapped_column(ForeignKey("prestatie.id"), index=True)
    message_id: Mapped[int | None] = mapped_column(ForeignKey("message.id"))
    booked_at: Mapped[datetime] = mapped_column(UtcDateTime)


class BudgetOverrun(Base):
    """A use that was refused because it exceeded what remained, kept so the refusal can be accounted for."""

    __tablename__ = "budget_overrun"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    budget_id: Mapped[int] = mapped_column(ForeignKey("budget.id"), index=True)
    requested: Mapped[int] = mapped_column(BigInteger)
    available: Mapped[int] = mapped_column(BigInteger)
    prestatie_id: Mapped[int | None] = mapped_column(ForeignKey("prestatie.id"))
    message_id: Mapped[int | None] = mapped_column(ForeignKey("message.id"))
    recorded_at: Mapped[datetime] = mapped_column(UtcDateTime)
