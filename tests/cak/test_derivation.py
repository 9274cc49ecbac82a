"""Eigen-bijdrage periods per person: one from the first counting provision to the end of the last."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from gateway.cak import Bron, BronSoort, CakSettings, Kostprijs, Reden, StartMoment, derive_periods
from gateway.domain import Product
from tests.cak.making import (
    HO1,
    HO2,
    POLICY,
    ROLSTOEL,
    client,
    delivered,
    natura,
    periods,
    pgb,
    spans,
)


def test_one_ho1_toewijzing_started_and_stopped_gives_one_period_with_that_start_and_stop() -> None:
    assert spans(delivered(HO1, date(2025, 3, 10), date(2025, 9, 30))) == [
        (date(2025, 3, 10), date(2025, 9, 30))
    ]


def test_a_provision_without_a_stop_gives_an_open_period() -> None:
    assert spans(delivered(HO1, date(2025, 3, 10))) == [(date(2025, 3, 10), None)]


def test_two_overlapping_provisions_give_one_period_spanning_both() -> None:
    first = delivered(HO1, date(2025, 3, 1), date(2025, 6, 30))
    second = delivered(HO2, date(2025, 5, 1), date(2025, 10, 31))
    assert spans(first, second) == [(date(2025, 3, 1), date(2025, 10, 31))]


def test_a_provision_inside_an_open_one_adds_nothing() -> None:
    assert spans(delivered(HO1, date(2025, 3, 1)), delivered(HO2, date(2025, 5, 1), date(2025, 6, 30))) == [
        (date(2025, 3, 1), None)
    ]


def test_adjacent_provisions_merge() -> None:
    first = delivered(HO1, date(2025, 3, 1), date(2025, 6, 30))
    second = delivered(HO2, date(2025, 7, 1), date(2025, 9, 30))
    assert spans(first, second) == [(date(2025, 3, 1), date(2025, 9, 30))]


def test_a_gap_gives_two_periods() -> None:
    first = delivered(HO1, date(2025, 3, 1), date(2025, 6, 30))
    second = delivered(HO2, date(2025, 7, 2), date(2025, 9, 30))
    assert spans(first, second) == [
        (date(2025, 3, 1), date(2025, 6, 30)),
        (date(2025, 7, 2), date(2025, 9, 30)),
    ]


def test_a_period_names_the_provisions_it_came_from() -> None:
    first = delivered(HO1, date(2025, 3, 1), date(2025, 6, 30))
    second = delivered(HO2, date(2025, 5, 1))
    (periode,) = periods(first, second)
    assert [lid.bron for lid in periode.bronnen] == [first.bron, second.bron]


def test_a_pgb_decision_gives_a_period_from_its_ingangsdatum_to_its_einddatum() -> None:
    assert spans(pgb(HO1, date(2025, 4, 1), date(2026, 3, 31))) == [(date(2025, 4, 1), date(2026, 3, 31))]


def test_a_pgb_and_a_natura_provision_make_one_period_for_the_person() -> None:
    natura_part = delivered(HO1, date(2025, 3, 1), date(2025, 6, 30))
    assert spans(natura_part, pgb(HO2, date(2025, 6, 1))) == [(date(2025, 3, 1), None)]


def test_a_deleted_toewijzing_counts_as_never_sent() -> None:
    deleted = natura(HO1, date(2025, 3, 1), date(2025, 3, 1), reden_wijziging="13")
    derived = derive_periods(client(deleted), POLICY, CakSettings(start_moment=StartMoment.TOEWIJZING))
    assert (derived.perioden, [u.reden for u in derived.uitgesloten]) == ((), [Reden.VERWIJDERD])


def test_an_aspecific_toewijzing_counts_when_its_whole_category_carries_the_eigen_bijdrage() -> None:
    assert spans(delivered(Product("01", None), date(2025, 3, 1))) == [(date(2025, 3, 1), None)]


def test_an_aspecific_toewijzing_in_a_mixed_category_is_left_for_a_person_to_judge() -> None:
    derived = derive_periods(client(delivered(Product("13", None), date(2025, 3, 1))), POLICY)
    assert (derived.perioden, [u.reden for u in derived.uitgesloten]) == ((), [Reden.ONBEKEND_PRODUCT])


def test_a_rolstoel_beside_a_service_does_not_lengthen_the_period() -> None:
    service = delivered(HO1, date(2025, 3, 1), date(2025, 6, 30))
    wheelchair = delivered(ROLSTOEL, date(2025, 1, 1))
    assert spans(service, wheelchair) == [(date(2025, 3, 1), date(2025, 6, 30))]


def test_provisions_are_named_by_kind_and_key() -> None:
    provision = delivered(HO1, date(2025, 3, 1), nummer=4711)
    assert provision.bron == Bron(BronSoort.NATURA, "4711")
    assert pgb(sleutel="P-9").bron == Bron(BronSoort.PGB, "P-9")


def test_a_kostprijs_travels_with_the_period_of_its_hulpmiddel() -> None:
    scootmobiel = delivered(Product("12", "12V02"), date(2025, 3, 1), kostprijs=250000)
    (periode,) = periods(scootmobiel)
    assert (periode.kostprijs, periode.kostprijs_bron) == (
        Kostprijs(250000, date(2025, 3, 1)),
        scootmobiel.bron,
    )


def test_derivation_takes_the_default_settings_when_none_are_given() -> None:
    provision = replace(delivered(HO1, date(2025, 3, 10)), beschikkingsdatum=date(2025, 2, 1))
    assert derive_periods(client(provision), POLICY) == derive_periods(
        client(provision), POLICY, CakSettings()
    )
