"""What became of a decision, in the terms the HTTP API turns into status codes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from gateway.messages.findings import Finding


@dataclass(frozen=True, slots=True)
class PgbBudget:
    """One period of a pgb beschikking and what it grants, in euro cents."""

    begindatum: date
    einddatum: date | None
    bedrag: int


@dataclass(frozen=True, slots=True)
class Registered:
    """The beschikking is kept (and its WMO301, if any, delivered); `repeat`: it was, before this request."""

    beschikking_id: int
    beschikkingnummer: int
    leveringsvorm: str
    message_id: int | None
    budgets: tuple[PgbBudget, ...]
    repeat: bool = False


@dataclass(frozen=True, slots=True)
class Conflicting:
    """The gemeente has a beschikking with this number and other content; nothing was changed."""

    detail: str


@dataclass(frozen=True, slots=True)
class Rejected:
    """The decision breaks the policy, or its WMO301 was refused (`message_id`); nothing was kept of it."""

    detail: str
    findings: tuple[Finding, ...]
    message_id: int | None = None


@dataclass(frozen=True, slots=True)
class SendingFailed:
    """Processing the rendered WMO301 failed; nothing of the decision was kept and it may be sent again."""

    message_id: int


DecisionOutcome = Registered | Conflicting | Rejected | SendingFailed
