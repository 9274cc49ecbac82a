"""Each limit of the Beleidsregels 2026 at its edge: the closest passing proposal, and one that breaks it."""

from __future__ import annotations

from datetime import date

import pytest

from gateway.policy import ClientContext, Omvang, Policy, PolicyChecker, PricePost
from tests.policy.making import codes, proposal, provision

WEEKLY_HOURS = Omvang(3, "04", "2")


# 6.1.1 kortdurende begeleiding: at most 6 months


def test_kortdurende_begeleiding_may_run_six_months(policy: Policy, checker: PolicyChecker) -> None:
    ok = proposal(policy, "kortdurende_begeleiding", einddatum=date(2026, 6, 30), omvang=WEEKLY_HOURS)
    assert codes(checker.check(ok)) == []


def test_kortdurende_begeleiding_may_not_run_a_day_past_six_months(
    policy: Policy, checker: PolicyChecker
) -> None:
    late = proposal(policy, "kortdurende_begeleiding", einddatum=date(2026, 7, 1), omvang=WEEKLY_HOURS)
    assert codes(checker.check(late)) == ["POLICY.MAX_DURATION"]


def test_kortdurende_begeleiding_needs_an_einddatum(policy: Policy, checker: PolicyChecker) -> None:
    open_ended = proposal(policy, "kortdurende_begeleiding", einddatum=None, omvang=WEEKLY_HOURS)
    assert codes(checker.check(open_ended)) == ["POLICY.MAX_DURATION"]


# 6.1.6 waakvlamcontact: at most 15 hours in total and at most one year


def test_waakvlamcontact_may_hold_fifteen_hours_in_total(policy: Policy, checker: PolicyChecker) -> None:
    ok = proposal(policy, "waakvlamcontact", omvang=Omvang(15, "04", "6"))
    assert codes(checker.check(ok)) == []


def test_waakvlamcontact_may_not_hold_sixteen_hours(policy: Policy, checker: PolicyChecker) -> None:
    over = proposal(policy, "waakvlamcontact", omvang=Omvang(16, "04", "6"))
    assert codes(checker.check(over)) == ["POLICY.MAX_VOLUME_TOTAL"]


def test_waakvlamcontact_per_month_is_counted_over_the_whole_period(
    policy: Policy, checker: PolicyChecker
) -> None:
    one_a_month = proposal(policy, "waakvlamcontact", omvang=Omvang(1, "04", "4"))
    two_a_month = proposal(policy, "waakvlamcontact", omvang=Omvang(2, "04", "4"))
    assert codes(checker.check(one_a_month)) == []
    assert codes(checker.check(two_a_month)) == ["POLICY.MAX_VOLUME_TOTAL"]


def test_waakvlamcontact_may_last_one_year_and_not_a_day_more(policy: Policy, checker: PolicyChecker) -> None:
    year = proposal(policy, "waakvlamcontact", omvang=Omvang(10, "04", "6"), einddatum=date(2026, 12, 31))
    longer = proposal(policy, "waakvlamcontact", omvang=Omvang(10, "04", "6"), einddatum=date(2027, 1, 1))
    assert codes(checker.check(year)) == []
    assert codes(checker.check(longer)) == ["POLICY.MAX_DURATION"]


# 6.3 kortdurend verblijf: one etmaal per week, also as one block in the year


def test_kortdurend_verblijf_may_be_one_etmaal_a_week(policy: Policy, checker: PolicyChecker) -> None:
    ok = proposal(policy, "kortdurend_verblijf", omvang=Omvang(1, "14", "2"))
    over = proposal(policy, "kortdurend_verblijf", omvang=Omvang(2, "14", "2"))
    assert codes(checker.check(ok)) == []
    assert codes(checker.check(over)) == ["POLICY.MAX_RATE"]


def test_kortdurend_verblijf_per_month_holds_at_most_a_week_rate(
    policy: Policy, checker: PolicyChecker
) -> None:
    four = proposal(policy, "kortdurend_verblijf", omvang=Omvang(4, "14", "4"))
    five = proposal(policy, "kortdurend_verblijf", omvang=Omvang(5, "14", "4"))
    assert codes(checker.check(four)) == []
    assert codes(checker.check(five)) == ["POLICY.MAX_RATE"]


def test_kortdurend_verblijf_as_a_total_holds_one_etmaal_for_every_week_of_the_period(
    policy: Policy, checker: PolicyChecker
) -> None:
    # 2026 spans 365 days: 53 weeks when a partial week counts.
    block = proposal(policy, "kortdurend_verblijf", omvang=Omvang(53, "14", "6"))
    over = proposal(policy, "kortdurend_verblijf", omvang=Omvang(54, "14", "6"))
    assert codes(checker.check(block)) == []
    assert codes(checker.check(over)) == ["POLICY.MAX_RATE"]


def test_the_college_may_set_the_kortdurend_verblijf_rate_aside(
    policy: Policy, checker: PolicyChecker
) -> None:
    deviation = proposal(policy, "kortdurend_verblijf", omvang=Omvang(2, "14", "2"), afwijking_college=True)
    assert codes(checker.check(deviation)) == []


# 7.2 / 7.2.2 kilometres a year


def test_regiotaxi_may_give_1500_km_a_year(policy: Policy, checker: PolicyChecker) -> None:
    assert codes(checker.check(proposal(policy, "regiotaxi", km_per_jaar=1500))) == []
    assert codes(checker.check(proposal(policy, "regiotaxi", km_per_jaar=1501))) == ["POLICY.MAX_KM_PER_YEAR"]


def test_regiotaxi_gives_half_beside_another_vervoersvoorziening(
    policy: Policy, checker: PolicyChecker
) -> None:
    beside = ClientContext((provision(policy, "scootmobiel"),))
    assert codes(checker.check(proposal(policy, "regiotaxi", km_per_jaar=750), beside)) == []
    assert codes(checker.check(proposal(policy, "regiotaxi", km_per_jaar=751), beside)) == [
        "POLICY.MAX_KM_PER_YEAR"
    ]


def test_regiotaxi_is_not_halved_by_a_vervoersvoorziening_that_has_ended(
    policy: Policy, checker: PolicyChecker
) -> None:
    ended = ClientContext((provision(policy, "scootmobiel", date(2019, 3, 1), date(2025, 12, 31)),))
    assert codes(checker.check(proposal(policy, "regiotaxi", km_per_jaar=1500), ended)) == []


def test_regiotaxi_is_not_halved_by_vervoer_bij_dagbesteding(policy: Policy, checker: PolicyChecker) -> None:
    beside = ClientContext((provision(policy, "vervoer_dagbesteding"),))
    assert codes(checker.check(proposal(policy, "regiotaxi", km_per_jaar=1500), beside)) == []


def test_the_college_may_keep_the_full_regiotaxi_kilometres(policy: Policy, checker: PolicyChecker) -> None:
    beside = ClientContext((provision(policy, "scootmobiel"),))
    full = proposal(policy, "regiotaxi", km_per_jaar=1500, afwijking_college=True)
    assert codes(checker.check(full, beside)) == []


def test_a_regiotaxi_decision_states_its_kilometres(policy: Policy, checker: PolicyChecker) -> None:
    assert codes(checker.check(proposal(policy, "regiotaxi"))) == ["POLICY.KM_MISSING"]


@pytest.mark.parametrize("key", ["fietsvoorziening", "scootmobiel", "gesloten_buitenwagen", "autoaanpassing"])
def test_other_vervoersvoorzieningen_give_at_most_2000_km_a_year(
    policy: Policy, checker: PolicyChecker, key: str
) -> None:
    assert codes(checker.check(proposal(policy, key, km_per_jaar=2000))) == []
    assert codes(checker.check(proposal(policy, key, km_per_jaar=2001))) == ["POLICY.MAX_KM_PER_YEAR"]


# 6.1.3 / 6.1.4 / 6.2.3 only beside another voorziening


def test_groepstraining_goes_only_beside_individuele_begeleiding_ontwikkelen(
    policy: Policy, checker: PolicyChecker
) -> None:
    training = proposal(policy, "groepstraining")
    ontwikkelen = ClientContext((provision(policy, "individuele_begeleiding_ontwikkelen"),))
    assert codes(checker.check(training, ontwikkelen)) == []
    assert codes(checker.check(training)) == ["POLICY.REQUIRES_BESIDE"]


def test_groepstraining_is_not_beside_begeleiding_gericht_op_behouden(
    policy: Policy, checker: PolicyChecker
) -> None:
    behouden = ClientContext((provision(policy, "individuele_begeleiding_behouden"),))
    assert codes(checker.check(proposal(policy, "groepstraining"), behouden)) == ["POLICY.REQUIRES_BESIDE"]


def test_groepstraining_is_not_beside_begeleiding_that_ended_before_it(
    policy: Policy, checker: PolicyChecker
) -> None:
    ended = ClientContext(
        (provision(policy, "individuele_begeleiding_ontwikkelen", date(2025, 1, 1), date(2025, 12, 31)),)
    )
    assert codes(checker.check(proposal(policy, "groepstraining"), ended)) == ["POLICY.REQUIRES_BESIDE"]


def test_bereik_en_beschikbaarheid_goes_beside_individuele_begeleiding_ontwikkelen(
    policy: Policy, checker: PolicyChecker
) -> None:
    bb = proposal(policy, "bereik_en_beschikbaarheid")
    ontwikkelen = ClientContext((provision(policy, "individuele_begeleiding_ontwikkelen"),))
    assert codes(checker.check(bb, ontwikkelen)) == []
    assert codes(checker.check(bb)) == ["POLICY.REQUIRES_BESIDE"]


def test_bereik_en_beschikbaarheid_may_follow_beschermd_wonen(policy: Policy, checker: PolicyChecker) -> None:
    uitstroom = ClientContext((provision(policy, "beschermd_wonen", date(2023, 4, 1), date(2025, 12, 31)),))
    assert codes(checker.check(proposal(policy, "bereik_en_beschikbaarheid"), uitstroom)) == []


def test_vervoer_goes_only_with_dagbesteding(policy: Policy, checker: PolicyChecker) -> None:
    vervoer = proposal(policy, "vervoer_dagbesteding")
    dagbesteding = ClientContext((provision(policy, "dagbesteding_behouden"),))
    assert codes(checker.check(vervoer, dagbesteding)) == []
    assert codes(checker.check(vervoer)) == ["POLICY.REQUIRES_BESIDE"]


def test_vervoer_and_dagbesteding_issued_together_pass(policy: Policy, checker: PolicyChecker) -> None:
    together = [proposal(policy, "dagbesteding_ontwikkelen"), proposal(policy, "vervoer_dagbesteding")]
    assert codes(checker.check_all(together)) == []


# 7.3.3 sportvoorziening: at most EUR 3,500 for at least three years


def test_sportvoorziening_gives_at_most_3500_euro(policy: Policy, checker: PolicyChecker) -> None:
    ok = proposal(policy, "sportvoorziening", budget_cents=350000, einddatum=date(2028, 12, 31))
    over = proposal(policy, "sportvoorziening", budget_cents=350001, einddatum=date(2028, 12, 31))
    assert codes(checker.check(ok)) == []
    assert codes(checker.check(over)) == ["POLICY.MAX_AMOUNT"]


def test_sportvoorziening_covers_at_least_three_years(policy: Policy, checker: PolicyChecker) -> None:
    short = proposal(policy, "sportvoorziening", budget_cents=350000, einddatum=date(2028, 12, 30))
    open_ended = proposal(policy, "sportvoorziening", budget_cents=350000, einddatum=None)
    assert codes(checker.check(short)) == ["POLICY.MIN_DURATION"]
    assert codes(checker.check(open_ended)) == []


# 7.1.10 verhuis- en herinrichtingskosten


def test_verhuiskosten_are_at_most_1250_euro(policy: Policy, checker: PolicyChecker) -> None:
    assert codes(checker.check(proposal(policy, "verhuiskosten", budget_cents=125000))) == []
    assert codes(checker.check(proposal(policy, "verhuiskosten", budget_cents=125001))) == [
        "POLICY.MAX_AMOUNT"
    ]


HOME_WITH_TWO_BEDROOMS = (
    PricePost("vloerbedekking_woonkamer"),
    PricePost("vloerbedekking_slaapkamer", 2),
    PricePost("verf_en_behang_basis"),
    PricePost("verf_en_behang_slaapkamer", 2),
)  # 370 + 2 x 155 + 135 + 2 x 60 = EUR 935


def test_herinrichtingskosten_are_at_most_the_price_table(policy: Policy, checker: PolicyChecker) -> None:
    ok = proposal(policy, "herinrichtingskosten", budget_cents=93500, prijsposten=HOME_WITH_TWO_BEDROOMS)
    over = proposal(policy, "herinrichtingskosten", budget_cents=93501, prijsposten=HOME_WITH_TWO_BEDROOMS)
    assert codes(checker.check(ok)) == []
    assert codes(checker.check(over)) == ["POLICY.PRICE_TABLE"]


def test_herinrichting_counts_only_posts_of_the_price_table(policy: Policy, checker: PolicyChecker) -> None:
    garden = proposal(policy, "herinrichtingskosten", budget_cents=1500, prijsposten=(PricePost("tuinhek"),))
    assert codes(checker.check(garden)) == ["POLICY.PRICE_TABLE", "POLICY.PRICE_TABLE"]


def test_herinrichting_counts_a_woonkamer_once(policy: Policy, checker: PolicyChecker) -> None:
    twice = proposal(
        policy,
        "herinrichtingskosten",
        budget_cents=37000,
        prijsposten=(PricePost("vloerbedekking_woonkamer", 2),),
    )
    assert codes(checker.check(twice)) == ["POLICY.PRICE_TABLE"]


# 6.5 beschermd wonen: from 18 (below, the Jeugdwet)


def test_beschermd_wonen_is_for_clients_of_18_and_over(policy: Policy, checker: PolicyChecker) -> None:
    eighteen = proposal(policy, "beschermd_wonen", geboortedatum=date(2008, 1, 1))
    seventeen = proposal(policy, "beschermd_wonen", geboortedatum=date(2008, 1, 2))
    assert codes(checker.check(eighteen)) == []
    assert codes(checker.check(seventeen)) == ["POLICY.MIN_AGE"]


# 7.3.1 onder c: a rolstoel for a need of at least six months


def test_a_rolstoel_is_for_at_least_six_months(policy: Policy, checker: PolicyChecker) -> None:
    six = proposal(policy, "rolstoel", einddatum=date(2026, 6, 30))
    shorter = proposal(policy, "rolstoel", einddatum=date(2026, 6, 29))
    open_ended = proposal(policy, "rolstoel", einddatum=None)
    assert codes(checker.check(six)) == []
    assert codes(checker.check(shorter)) == ["POLICY.MIN_DURATION"]
    assert codes(checker.check(open_ended)) == []
