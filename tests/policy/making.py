"""Builders for policy tests: a proposal for a catalogue key, with only what a test is about changed."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from gateway.policy import CurrentProvision, Policy, PolicyViolation, Proposal

SHIPPED = Path(__file__).parents[2] / "mappings" / "leidschendam-voorburg"
START = date(2026, 1, 1)
END_OF_YEAR = date(2026, 12, 31)
ADULT = date(1958, 5, 17)


def proposal(policy: Policy, key: str, **changes: Any) -> Proposal:
    """A proposal for `key` in its first leveringsvorm for 2026, for an adult, changed by `changes`."""
    voorziening = policy.voorziening(key)
    base = Proposal(
        geboortedatum=ADULT,
        productcategorie=voorziening.productcategorie,
        productcode=voorziening.productcode,
        leveringsvorm=voorziening.leveringsvormen[0],
        ingangsdatum=START,
        einddatum=END_OF_YEAR,
    )
    return replace(base, **changes)


def provision(
    policy: Policy, key: str, ingangsdatum: date = START, einddatum: date | None = None
) -> CurrentProvision:
    voorziening = policy.voorziening(key)
    return CurrentProvision(voorziening.productcategorie, voorziening.productcode, ingangsdatum, einddatum)


def codes(violations: list[PolicyViolation]) -> list[str]:
    return [violation.code for violation in violations]
