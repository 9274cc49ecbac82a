"""The pgb limits of the Beleidsregels 2026 at their edge: lifetimes, woningaanpassing terms, spoed."""

from __future__ import annotations

from datetime import date

import pytest

from gateway.policy import Leveringsvorm, Policy, PolicyChecker, Proposal
from tests.policy.making import START, codes, proposal

PGB = Leveringsvorm.PGB
NATURA = Leveringsvorm.NATURA


# 7.4.2 pgb durations by the usual lifetime


@pytest.mark.parametrize(
    ("key", "years"),
    [
        ("fietsvoorziening", 7),
        ("scootmobiel", 7),
        ("gesloten_buitenwagen", 7),
        ("autoaanpassing", 7),
        ("rolstoel", 7),
        ("roerende_woonvoorziening", 10),
        ("onroerende_woonvoorziening", 15),
        ("traplift", 20),
    ],
)
def test_a_pgb_for_a_materiele_voorziening_runs_at_most_its_lifetime(
    policy: Policy, checker: PolicyChecker, key: str, years: int
) -> None:
    last_day = date(START.year + years - 1, 12, 31)
    lifetime = proposal(policy, key, leveringsvorm=PGB, einddatum=last_day)
    longer = proposal(policy, key, leveringsvorm=PGB, einddatum=date(START.year + years, 1, 1))
    open_ended = proposal(policy, key, leveringsvorm=PGB, einddatum=None)
    assert codes(checker.check(lifetime)) == []
    assert codes(checker.check(longer)) == ["POLICY.PGB_DURATION"]
    assert codes(checker.check(open_ended)) == ["POLICY.PGB_DURATION"]


def test_the_lifetime_limit_is_for_a_pgb_only(policy: Policy, checker: PolicyChecker) -> None:
    natura = proposal(policy, "scootmobiel", leveringsvorm=NATURA, einddatum=None)
    assert codes(checker.check(natura)) == []


# 7.4.1 pgb woningaanpassing: works start within 6 months, pgb spent within 15


GRANTED = date(2026, 1, 15)


def woningaanpassing_pgb(policy: Policy, key: str, **terms: date) -> Proposal:
    return proposal(
        policy, key, leveringsvorm=PGB, einddatum=date(2035, 12, 31), toekenningsdatum=GRANTED, **terms
    )


@pytest.mark.parametrize("key", ["onroerende_woonvoorziening", "traplift"])
def test_a_pgb_woningaanpassing_starts_within_six_months(
    policy: Policy, checker: PolicyChecker, key: str
) -> None:
    def starting(day: date) -> list[str]:
        pgb = woningaanpassing_pgb(policy, key, start_werkzaamheden=day)
        return codes(checker.check(pgb))

    assert starting(date(2026, 7, 15)) == []
    assert starting(date(2026, 7, 16)) == ["POLICY.PGB_START_TERM"]


def test_a_pgb_woningaanpassing_does_not_start_before_the_decision(
    policy: Policy, checker: PolicyChecker
) -> None:
    early = woningaanpassing_pgb(policy, "onroerende_woonvoorziening", start_werkzaamheden=date(2026, 1, 14))
    assert codes(checker.check(early)) == ["POLICY.PGB_START_TERM"]


@pytest.mark.parametrize("key", ["onroerende_woonvoorziening", "traplift"])
def test_a_pgb_woningaanpassing_is_spent_within_fifteen_months(
    policy: Policy, checker: PolicyChecker, key: str
) -> None:
    def spent_by(day: date) -> list[str]:
        pgb = woningaanpassing_pgb(policy, key, besteed_uiterlijk=day)
        return codes(checker.check(pgb))

    assert spent_by(date(2027, 4, 15)) == []
    assert spent_by(date(2027, 4, 16)) == ["POLICY.PGB_SPEND_TERM"]


def test_the_woningaanpassing_terms_count_from_the_ingangsdatum_without_a_toekenningsdatum(
    policy: Policy, checker: PolicyChecker
) -> None:
    pgb = proposal(
        policy,
        "traplift",
        leveringsvorm=PGB,
        einddatum=date(2035, 12, 31),
        start_werkzaamheden=date(2026, 7, 2),
    )
    assert codes(checker.check(pgb)) == ["POLICY.PGB_START_TERM"]


# 3.4 onder b: no pgb in a spoedeisende situation


def test_no_pgb_in_a_spoedeisende_situation(policy: Policy, checker: PolicyChecker) -> None:
    spoed_pgb = proposal(policy, "ho1", leveringsvorm=PGB, spoedeisend=True)
    spoed_natura = proposal(policy, "ho1", leveringsvorm=NATURA, spoedeisend=True)
    pgb = proposal(policy, "ho1", leveringsvorm=PGB)
    assert codes(checker.check(spoed_pgb)) == ["POLICY.PGB_SPOED"]
    assert codes(checker.check(spoed_natura)) == []
    assert codes(checker.check(pgb)) == []
