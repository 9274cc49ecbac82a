"""What a policy check reports: a stable code to act on and a reason, in Dutch and English, to show."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class ViolationCode(StrEnum):
    """Stable codes of policy violations; callers and tests match on these, never on the text."""

    UNKNOWN_PRODUCT = "POLICY.UNKNOWN_PRODUCT"
    PERIOD = "POLICY.PERIOD"
    LEVERINGSVORM = "POLICY.LEVERINGSVORM"
    EENHEID = "POLICY.EENHEID"
    FREQUENTIE = "POLICY.FREQUENTIE"
    PGB_SPOED = "POLICY.PGB_SPOED"
    MAX_DURATION = "POLICY.MAX_DURATION"
    MIN_DURATION = "POLICY.MIN_DURATION"
    MAX_VOLUME_TOTAL = "POLICY.MAX_VOLUME_TOTAL"
    MAX_RATE = "POLICY.MAX_RATE"
    REQUIRES_BESIDE = "POLICY.REQUIRES_BESIDE"
    KM_MISSING = "POLICY.KM_MISSING"
    MAX_KM_PER_YEAR = "POLICY.MAX_KM_PER_YEAR"
    MAX_AMOUNT = "POLICY.MAX_AMOUNT"
    PRICE_TABLE = "POLICY.PRICE_TABLE"
    PGB_DURATION = "POLICY.PGB_DURATION"
    PGB_START_TERM = "POLICY.PGB_START_TERM"
    PGB_SPEND_TERM = "POLICY.PGB_SPEND_TERM"
    MIN_AGE = "POLICY.MIN_AGE"


@dataclass(frozen=True, slots=True)
class PolicyViolation:
    """One way a proposal breaks the gemeente's policy.

    `voorziening` is the catalogue key (None when the product is not in the catalogue), `artikel` the
    section of the Beleidsregels 2026 broken, `reference` the proposal's own reference.
    """

    code: ViolationCode
    voorziening: str | None
    artikel: str | None
    reden: str
    reason: str
    reference: str | None = None


class PolicyRefusedError(Exception):
    """A proposal may not go to a provider; `violations` gives every reason."""

    def __init__(self, violations: tuple[PolicyViolation, ...]) -> None:
        self.violations = violations
        super().__init__("; ".join(f"{v.code}: {v.reason}" for v in violations))
