"""The policy mapping's natura tariffs as the contract TR418 and TR341 ask."""

from __future__ import annotations

from pathlib import Path

from gateway.domain.crossrules import PolicyContract
from gateway.policy import load_policy

CONTRACT = PolicyContract(load_policy(Path(__file__).parents[3] / "mappings" / "leidschendam-voorburg"))


def test_the_tariff_of_a_product_is_its_natura_tariff_in_the_unit() -> None:
    assert CONTRACT.tarief("02", "02B01", "04") == 7400


def test_a_line_in_minutes_states_the_hourly_tariff() -> None:
    assert CONTRACT.tarief("02", "02B01", "01") == 7400


def test_a_product_or_unit_the_contract_does_not_know_has_no_tariff() -> None:
    assert (CONTRACT.tarief("02", "02Z99", "04"), CONTRACT.tarief("02", "02B01", "14")) == (None, None)


def test_a_product_contracted_in_hours_may_be_claimed_in_minutes() -> None:
    assert CONTRACT.eenheden("02", "02B01") == frozenset({"04", "01"})
