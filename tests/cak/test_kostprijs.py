"""The kostprijs of hulpmiddelen and woonvoorzieningen: the highest still to reach, above a month's tariff."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from gateway.cak import CakSettings, Kostprijs, NaturaToewijzing, Reden, Uitsluiting, derive_periods
from tests.cak.making import (
    HO1,
    POLICY,
    ROERENDE_WOONVOORZIENING,
    SCOOTMOBIEL,
    TRAPLIFT,
    client,
    delivered,
    periods,
    pgb,
    start_of,
    stop_of,
    verstrekking,
)

PAUZE = CakSettings(pauze_bij_tijdelijke_stop=True)


def test_a_kostprijs_below_one_months_tariff_is_not_reported() -> None:
    derived = derive_periods(client(verstrekking(SCOOTMOBIEL, date(2025, 3, 1), kostprijs=2000)), POLICY)
    assert (derived.perioden, [u.reden for u in derived.uitgesloten]) == ((), [Reden.KOSTPRIJS_TE_LAAG])


@pytest.mark.parametrize(
    ("leverdatum", "kostprijs", "reported"),
    [
        (date(2025, 3, 1), 2100, False),
        (date(2025, 3, 1), 2101, True),
        (date(2026, 3, 1), 2150, False),
        (date(2026, 3, 1), 2181, True),
    ],
)
def test_a_kostprijs_must_exceed_the_tariff_of_its_year(
    leverdatum: date, kostprijs: int, reported: bool
) -> None:
    found = periods(verstrekking(SCOOTMOBIEL, leverdatum, kostprijs=kostprijs))
    assert [p.kostprijs for p in found] == ([Kostprijs(kostprijs, leverdatum)] if reported else [])


def test_a_kostprijs_below_the_tariff_beside_a_service_leaves_the_period_without_kostprijs() -> None:
    found = periods(
        delivered(HO1, date(2025, 3, 1)), verstrekking(SCOOTMOBIEL, date(2025, 3, 1), kostprijs=2000)
    )
    assert [(p.startdatum, p.kostprijs) for p in found] == [(date(2025, 3, 1), None)]


def test_a_hulpmiddel_not_yet_provided_gives_nothing() -> None:
    derived = derive_periods(client(verstrekking(SCOOTMOBIEL, leverdatum=None)), POLICY)
    assert [u.reden for u in derived.uitgesloten] == [Reden.NIET_GESTART]


def test_of_two_kostprijzen_starting_together_the_highest_counts() -> None:
    low = verstrekking(SCOOTMOBIEL, date(2025, 3, 1), kostprijs=250000, sleutel="HM-1")
    high = verstrekking(SCOOTMOBIEL, date(2025, 3, 1), kostprijs=400000, sleutel="HM-2")
    (periode,) = periods(low, high)
    assert (periode.kostprijs, periode.kostprijs_bron) == (Kostprijs(400000, date(2025, 3, 1)), high.bron)


def test_a_later_kostprijs_replaces_the_guarded_one_when_it_exceeds_what_is_left_of_it() -> None:
    first = verstrekking(SCOOTMOBIEL, date(2025, 1, 10), kostprijs=100000, sleutel="HM-1")
    # February to June charged at EUR 21.00: 89 500 cents left when the second arrives in July.
    second = verstrekking(SCOOTMOBIEL, date(2025, 7, 1), kostprijs=90000, sleutel="HM-2")
    (periode,) = periods(first, second)
    assert periode.kostprijs == Kostprijs(90000, date(2025, 7, 1))


def test_a_later_kostprijs_below_what_is_left_leaves_the_guarded_one() -> None:
    first = verstrekking(SCOOTMOBIEL, date(2025, 1, 10), kostprijs=100000, sleutel="HM-1")
    second = verstrekking(SCOOTMOBIEL, date(2025, 7, 1), kostprijs=89000, sleutel="HM-2")
    (periode,) = periods(first, second)
    assert periode.kostprijs == Kostprijs(100000, date(2025, 1, 10))


def test_after_a_pause_only_the_remaining_kostprijs_is_sent_again() -> None:
    provision = delivered(SCOOTMOBIEL, date(2025, 3, 1), kostprijs=100000)
    provision = replace(
        provision,
        starts=(*provision.starts, start_of(provision, date(2025, 9, 1))),
        stops=(stop_of(provision, date(2025, 3, 1), date(2025, 6, 30), reden="20"),),
    )
    found = periods(provision, settings=CakSettings(pauze_bij_tijdelijke_stop=True))
    # April, May and June were charged at EUR 21.00 in the first period.
    assert [p.kostprijs for p in found] == [
        Kostprijs(100000, date(2025, 3, 1)),
        Kostprijs(100000 - 3 * 2100, date(2025, 9, 1)),
    ]


def test_a_one_off_pgb_for_a_traplift_guards_the_sum_it_grants_from_its_ingangsdatum() -> None:
    traplift = pgb(TRAPLIFT, date(2026, 3, 1), date(2046, 2, 28), toegekend=400000)
    (periode,) = periods(traplift)
    assert (periode.kostprijs, periode.kostprijs_bron) == (Kostprijs(400000, date(2026, 3, 1)), traplift.bron)


def test_a_pgb_for_a_dienst_guards_no_kostprijs_whatever_it_grants() -> None:
    (periode,) = periods(pgb(HO1, date(2026, 3, 1), date(2027, 2, 28), toegekend=120000))
    assert (periode.startdatum, periode.kostprijs) == (date(2026, 3, 1), None)


def test_a_pgb_for_a_voorziening_granting_no_more_than_one_months_tariff_adds_nothing() -> None:
    derived = derive_periods(client(pgb(TRAPLIFT, date(2026, 3, 1), toegekend=2180)), POLICY)
    assert (derived.perioden, [u.reden for u in derived.uitgesloten]) == ((), [Reden.KOSTPRIJS_TE_LAAG])


def restarted(kostprijs: int, begin: date, end: date, restart: date, reden: str) -> NaturaToewijzing:
    """A roerende woonvoorziening delivered from `begin`, stopped on `end` (for `reden`), started again."""
    provision = delivered(ROERENDE_WOONVOORZIENING, begin, kostprijs=kostprijs)
    return replace(
        provision,
        starts=(*provision.starts, start_of(provision, restart)),
        stops=(stop_of(provision, begin, end, reden=reden),),
    )


@pytest.mark.parametrize(
    ("reden", "settings"),
    [("20", PAUZE), ("19", CakSettings())],
    ids=["paused", "stopped-and-restarted"],
)
def test_a_kostprijs_used_up_before_a_restart_opens_no_new_period(reden: str, settings: CakSettings) -> None:
    # February 2024 to December 2025 charged: 11 x EUR 20.60 + 12 x EUR 21.00 = EUR 478.60 > EUR 450.
    item = restarted(45000, date(2024, 1, 5), date(2025, 12, 31), date(2026, 2, 1), reden)
    derived = derive_periods(client(item), POLICY, settings)
    assert [(p.startdatum, p.stopdatum, p.kostprijs) for p in derived.perioden] == [
        (date(2024, 1, 5), date(2025, 12, 31), Kostprijs(45000, date(2024, 1, 5)))
    ]
    assert derived.uitgesloten == (Uitsluiting(item.bron, Reden.KOSTPRIJS_BEREIKT, vanaf=date(2026, 2, 1)),)


@pytest.mark.parametrize(("left", "reported"), [(2100, False), (2101, True)], ids=["equal", "above"])
def test_after_a_pause_what_is_left_of_the_kostprijs_must_exceed_one_months_tariff(
    left: int, reported: bool
) -> None:
    # April, May and June 2025 charged at EUR 21.00 in the first period.
    item = restarted(6300 + left, date(2025, 3, 1), date(2025, 6, 30), date(2025, 9, 1), "20")
    assert [(p.startdatum, p.kostprijs) for p in periods(item, settings=PAUZE)] == [
        (date(2025, 3, 1), Kostprijs(6300 + left, date(2025, 3, 1))),
        *([(date(2025, 9, 1), Kostprijs(left, date(2025, 9, 1)))] if reported else []),
    ]


def test_a_used_up_kostprijs_neither_joins_nor_prolongs_a_period_a_service_opens() -> None:
    item = restarted(45000, date(2024, 1, 5), date(2025, 12, 31), date(2026, 2, 1), "20")
    service = delivered(HO1, date(2026, 1, 15), date(2026, 6, 30))
    (_, periode) = periods(item, service, settings=PAUZE)
    assert (periode.startdatum, periode.stopdatum, periode.kostprijs) == (
        date(2026, 1, 15),
        date(2026, 6, 30),
        None,
    )
    assert [lid.bron for lid in periode.bronnen] == [service.bron]
