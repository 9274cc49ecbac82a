"""7.4.2: the pgb lifetimes are the usual ones ("Voorbeelden zijn"); the college may grant a pgb for a
documented longer lifetime."""

from __future__ import annotations

from datetime import date

from gateway.policy import Leveringsvorm, Policy, PolicyChecker
from tests.policy.making import START, codes, proposal

EIGHT_YEARS = date(START.year + 7, 12, 31)
"""The last day of a pgb of eight years: one beyond the usual seven of a rolstoel."""


def test_a_pgb_beyond_the_usual_lifetime_is_refused_without_the_colleges_deviation(
    policy: Policy, checker: PolicyChecker
) -> None:
    longer = proposal(policy, "rolstoel", leveringsvorm=Leveringsvorm.PGB, einddatum=EIGHT_YEARS)
    assert codes(checker.check(longer)) == ["POLICY.PGB_DURATION"]


def test_a_pgb_beyond_the_usual_lifetime_is_granted_as_the_colleges_deviation(
    policy: Policy, checker: PolicyChecker
) -> None:
    deviation = proposal(
        policy, "rolstoel", leveringsvorm=Leveringsvorm.PGB, einddatum=EIGHT_YEARS, afwijking_college=True
    )
    assert codes(checker.check(deviation)) == []
