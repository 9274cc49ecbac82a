"""The checker refuses what breaks the catalogue itself, lists every reason, and names the rule it cites."""

from __future__ import annotations

from datetime import date

import pytest

from gateway.policy import (
    ClientContext,
    CurrentProvision,
    Leveringsvorm,
    Omvang,
    Policy,
    PolicyChecker,
    PolicyRefusedError,
    ViolationCode,
)
from tests.policy.making import codes, proposal


def test_a_product_outside_the_catalogue_is_refused(policy: Policy, checker: PolicyChecker) -> None:
    unknown = proposal(policy, "ho1", productcode="01H99")
    violations = checker.check(unknown)
    assert codes(violations) == ["POLICY.UNKNOWN_PRODUCT"]
    assert violations[0].voorziening is None


def test_a_productcode_under_another_productcategorie_is_refused(
    policy: Policy, checker: PolicyChecker
) -> None:
    assert codes(checker.check(proposal(policy, "ho1", productcategorie="02"))) == ["POLICY.UNKNOWN_PRODUCT"]


def test_a_leveringsvorm_the_voorziening_lacks_is_refused(policy: Policy, checker: PolicyChecker) -> None:
    pgb_sport = proposal(policy, "sportvoorziening", leveringsvorm=Leveringsvorm.PGB, einddatum=None)
    money_for_ho = proposal(policy, "ho1", leveringsvorm=Leveringsvorm.TEGEMOETKOMING)
    assert codes(checker.check(pgb_sport)) == ["POLICY.LEVERINGSVORM"]
    assert codes(checker.check(money_for_ho)) == ["POLICY.LEVERINGSVORM"]


def test_an_eenheid_the_voorziening_does_not_allow_is_refused(policy: Policy, checker: PolicyChecker) -> None:
    in_etmalen = proposal(policy, "ho1", omvang=Omvang(1, "14", "2"))
    assert codes(checker.check(in_etmalen)) == ["POLICY.EENHEID"]


def test_a_frequentie_the_voorziening_does_not_allow_is_refused(
    policy: Policy, checker: PolicyChecker
) -> None:
    per_day = proposal(policy, "ho1", omvang=Omvang(1, "04", "1"))
    assert codes(checker.check(per_day)) == ["POLICY.FREQUENTIE"]


def test_an_einddatum_before_the_ingangsdatum_is_refused(policy: Policy, checker: PolicyChecker) -> None:
    backwards = proposal(policy, "ho1", einddatum=date(2025, 12, 31))
    assert codes(checker.check(backwards)) == ["POLICY.PERIOD"]


def test_every_breach_is_listed_not_just_the_first(policy: Policy, checker: PolicyChecker) -> None:
    bad = proposal(
        policy,
        "kortdurende_begeleiding",
        leveringsvorm=Leveringsvorm.PGB,
        spoedeisend=True,
        omvang=Omvang(2, "16", "2"),
        einddatum=date(2026, 9, 30),
    )
    assert codes(checker.check(bad)) == ["POLICY.EENHEID", "POLICY.PGB_SPOED", "POLICY.MAX_DURATION"]


def test_a_violation_names_its_voorziening_article_and_reference(
    policy: Policy, checker: PolicyChecker
) -> None:
    late = proposal(policy, "kortdurende_begeleiding", einddatum=date(2026, 7, 1), reference="TW-0042")
    (violation,) = checker.check(late)
    assert violation.code is ViolationCode.MAX_DURATION
    assert violation.voorziening == "kortdurende_begeleiding"
    assert violation.artikel == "6.1.1"
    assert violation.reference == "TW-0042"
    assert "6.1.1" in violation.reden
    assert "6.1.1" in violation.reason


def test_provisions_outside_the_catalogue_are_ignored_as_context(
    policy: Policy, checker: PolicyChecker
) -> None:
    foreign = ClientContext((CurrentProvision("02", "ZZ999", date(2025, 1, 1)),))
    assert codes(checker.check(proposal(policy, "groepstraining"), foreign)) == ["POLICY.REQUIRES_BESIDE"]


def test_proposals_issued_together_are_judged_each_with_its_own_violations(
    policy: Policy, checker: PolicyChecker
) -> None:
    together = [
        proposal(policy, "groepstraining", reference="a"),
        proposal(policy, "verhuiskosten", budget_cents=200000, reference="b"),
    ]
    violations = checker.check_all(together)
    assert [(v.reference, v.code) for v in violations] == [
        ("a", ViolationCode.REQUIRES_BESIDE),
        ("b", ViolationCode.MAX_AMOUNT),
    ]


def test_a_refusal_carries_every_reason(policy: Policy, checker: PolicyChecker) -> None:
    together = [
        proposal(policy, "vervoer_dagbesteding"),
        proposal(policy, "regiotaxi", km_per_jaar=1600),
    ]
    with pytest.raises(PolicyRefusedError) as refused:
        checker.require_compliant(together)
    assert [v.code for v in refused.value.violations] == [
        ViolationCode.REQUIRES_BESIDE,
        ViolationCode.MAX_KM_PER_YEAR,
    ]


def test_a_compliant_set_of_proposals_is_let_through(policy: Policy, checker: PolicyChecker) -> None:
    checker.require_compliant([proposal(policy, "ho2", omvang=Omvang(3, "04", "2"))])


@pytest.mark.parametrize(
    ("key", "reads"),
    [
        ("vervoer_dagbesteding", True),
        ("groepstraining", True),
        ("bereik_en_beschikbaarheid", True),
        ("regiotaxi", True),
        ("scootmobiel", False),
        ("kortdurend_verblijf", False),
        ("ho1", False),
    ],
)
def test_only_a_voorziening_with_a_limit_on_what_else_the_client_has_needs_the_client_context(
    policy: Policy, checker: PolicyChecker, key: str, reads: bool
) -> None:
    assert checker.reads_other_provisions([proposal(policy, "ho1"), proposal(policy, key)]) is reads


def test_a_product_outside_the_catalogue_needs_no_client_context(
    policy: Policy, checker: PolicyChecker
) -> None:
    assert not checker.reads_other_provisions([proposal(policy, "ho1", productcode="01H99")])
